import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { FieldProblem, ReviewNotFound, ValidationFailed } from '../common/errors/domain-error';
import { cursorAfterRow, decodeCursor } from '../common/pagination/cursor';
import { sqlRows } from '../database/sql';
import { Review } from '../reviews/review.entity';
import { repliedOnPlatform } from '../reviews/review-fields';
import { CreateReplyDto, EditReplyDto, ListRepliesQuery, ReplyActionDto, ReplyPageResponse, ReplyResponse, ReviewRepliesResponse } from './dto/reply.dto';
import { AutoDrafts, draftDueSql } from './auto-drafts.service';
import { joinSentences } from './library/library';
import { ReplyDraft } from './reply-draft.entity';
import { ReplyDrafting } from './reply-drafting.service';
import { InvalidReplyTransition, ReplyNotFound, ReplyRuleViolation, ReplyTooLong, ReplyWindowClosed, WebhookNotConfigured } from './reply-errors';
import { checkPublicText, replyLength } from './reply-rules';
import { replyLengthLimit, replyWindow } from '../reviews/platform-rules/platform-rules';
import { PlatformRulesService } from '../reviews/platform-rules/platform-rules.service';
import { replyFindings } from './reply-compliance';
import { ComplianceGate } from '../compliance/compliance-gate.service';
import type { ComplianceOverride } from '../compliance/compliance-override.entity';
import { Actor, actorLabel } from '../shops/actor';
import { ReplySettingsService } from './reply-settings.service';
import type { ReplyStatus } from './reply.types';
import { WebhookDeliveryService } from './webhook-delivery.service';

const EDITABLE: readonly ReplyStatus[] = ['draft', 'edited'];

/** The reply workflow: draft (or redraft), edit, approve, publish, with who and when. */
@Injectable()
export class RepliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafting: ReplyDrafting,
    private readonly autoDrafts: AutoDrafts,
    private readonly settings: ReplySettingsService,
    private readonly webhooks: WebhookDeliveryService,
    private readonly gate: ComplianceGate,
    private readonly platformRules: PlatformRulesService,
  ) {}

  /** A new current draft for the review; the one it replaces stays in the history. */
  async draft(shopId: string, reviewId: string, dto: CreateReplyDto, actor: string): Promise<ReplyResponse> {
    const reply = await this.dataSource.transaction(async (manager) => {
      // one draft at a time per review: concurrent redrafts and the drafting job queue on the review row
      const review = await manager.findOne(Review, { where: { id: reviewId, shopId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw new ReviewNotFound(reviewId);
      const [draftId] = await this.drafting.draft(manager, shopId, [review], { createdBy: actor, language: dto.language });
      return manager.findOneByOrFail(ReplyDraft, { id: draftId, shopId });
    });
    return this.view(shopId, reply);
  }

  /**
   * The review's replies. A medium or bad review that has none yet (its drafting job has not come, or it was
   * analysed before drafting was on) gets its automatic draft now, so staff never open an empty reply.
   */
  async forReview(shopId: string, reviewId: string): Promise<ReviewRepliesResponse> {
    // `redraft`: its current reply is an automatic draft that is due again (for an earlier revision, or written
    // before staff corrected the causes), by the rule the drafting job and the sweep apply
    const [review] = await sqlRows<{
      revision: number;
      grade: string;
      analysed: boolean;
      redraft: boolean;
      seller_reply: string | null;
      seller_reply_at: Date | null;
      seller_replied: boolean | null;
    }>(
      this.dataSource,
      `SELECT r.revision, r.grade, r.analysis_status = 'done' AND r.analyzed_revision = r.revision AS analysed, r.seller_reply, r.seller_reply_at, r.seller_replied,
         d.id IS NOT NULL AND ${draftDueSql('NULL')} AS redraft
       FROM reviews r
       LEFT JOIN reply_drafts d ON d.review_id = r.id AND d.is_current
       WHERE r.shop_id = $1 AND r.id = $2`,
      [shopId, reviewId],
    );
    if (!review) throw new ReviewNotFound(reviewId);
    const load = () => this.dataSource.getRepository(ReplyDraft).find({ where: { shopId, reviewId }, order: { createdAt: 'DESC', id: 'DESC' } });
    let replies = await load();
    const current = replies.find((r) => r.isCurrent);
    const replied = repliedOnPlatform({ sellerReply: review.seller_reply, sellerReplied: review.seller_replied });
    if (!current && review.grade !== 'good' && review.analysed && !replied) {
      // read again whoever wrote it: this request, or the drafting job it waited for
      await this.autoDrafts.draftMissing(shopId, reviewId);
      replies = await load();
    } else if (current && review.redraft) {
      await this.autoDrafts.draftDue(shopId, [reviewId]);
      replies = await load();
    }
    const deliveries = await this.webhooks.forReplies(
      shopId,
      replies.filter((r) => r.publishedAt).map((r) => r.id),
    );
    const reviews = await this.reviewsOf(shopId, [reviewId]);
    const giftsInPublic = (await this.settings.effective(shopId)).giftsInPublicReplies;
    const views = replies.map((reply) =>
      ReplyResponse.of(
        reply,
        review.revision,
        deliveries.get(reply.id),
        replyFindings(reply, { platform: reviews.get(reviewId)?.platform ?? null, giftsInPublic }),
      ),
    );
    // the platform may say the seller replied without the reply's text (Douyin 商家是否回复 是, 回复内容 empty)
    const platformReply = replied ? { text: review.seller_reply, at: review.seller_reply_at ? new Date(review.seller_reply_at).toISOString() : null } : null;
    return { platformReply, current: views.find((v) => v.current) ?? null, history: views.filter((v) => !v.current) };
  }

  async get(shopId: string, id: string): Promise<ReplyResponse> {
    const reply = await this.dataSource.getRepository(ReplyDraft).findOneBy({ id, shopId });
    if (!reply) throw new ReplyNotFound(id);
    return this.view(shopId, reply);
  }

  /**
   * Staff edits: the parts (joined again) or the whole text (the parts are cleared). Every edited text is held to
   * the rules of a draft: a breach is refused with 400 REPLY_RULE_VIOLATION naming the field.
   */
  async edit(shopId: string, id: string, dto: EditReplyDto, actor: string): Promise<ReplyResponse> {
    const parts = (['feel', 'felt', 'found'] as const).filter((part) => dto[part] !== undefined);
    if (dto.text !== undefined && parts.length) {
      throw new ValidationFailed([{ field: 'text', code: 'textWithParts', message: 'edit either text or feel/felt/found, not both' }]);
    }
    if (dto.text === undefined && !parts.length) {
      throw new ValidationFailed([{ field: 'body', code: 'nothingToEdit', message: 'send feel, felt, found or text' }]);
    }
    const reply = await this.dataSource.transaction(async (manager) => {
      const { reply, review } = await this.lock(manager, shopId, id);
      if (!EDITABLE.includes(reply.status)) throw new InvalidReplyTransition('edit', reply.status);
      const settings = await this.settings.effective(shopId, manager);
      const highRisk = reply.highRisk || (await this.drafting.isHighRisk(manager, review));
      const rules = { highRisk, knownPersonalData: [review.orderId, review.buyerId] };
      const problems: FieldProblem[] = [];
      let next: Pick<ReplyDraft, 'feel' | 'felt' | 'found' | 'text'>;
      if (dto.text !== undefined) {
        next = { feel: null, felt: null, found: null, text: dto.text.trim() };
      } else {
        if (reply.kind === 'thank_you') {
          throw new ValidationFailed([{ field: parts[0], code: 'notRecovery', message: 'a thank-you has no feel/felt/found: edit text' }]);
        }
        const merged = { feel: dto.feel?.trim() ?? reply.feel, felt: dto.felt?.trim() ?? reply.felt, found: dto.found?.trim() ?? reply.found };
        const missing = (['feel', 'felt', 'found'] as const).filter((part) => !merged[part]);
        if (missing.length) {
          throw new ValidationFailed(
            missing.map((part) => ({ field: part, code: 'required', message: `the text was edited as a whole: send ${part} too, or edit text` })),
          );
        }
        for (const part of parts) problems.push(...checkPublicText(merged[part] as string, part, rules));
        next = { ...merged, text: joinSentences(reply.language, [merged.feel as string, merged.felt as string, merged.found as string]) };
      }
      const platform = await this.platformRules.forPlatform(shopId, review.platform, manager);
      const maxLength = replyLengthLimit(platform.rules, settings.maxLength);
      const whole = checkPublicText(next.text, 'text', { ...rules, maxLength });
      problems.push(...(dto.text !== undefined ? whole : whole.filter((p) => p.code === 'tooLong')));
      if (problems.length) throw new ReplyRuleViolation(problems);
      await manager.update(ReplyDraft, { id, shopId }, { ...next, status: 'edited', editedBy: actor, editedAt: new Date(), maxLength });
      return manager.findOneByOrFail(ReplyDraft, { id, shopId });
    });
    return this.view(shopId, reply);
  }

  /**
   * Checks the text once more against the reviewer's risk now (a flag may have come since the draft), then the
   * compliance rules: a blocking finding is 409 COMPLIANCE_BLOCKED unless a lead overrides it with a reason.
   */
  async approve(shopId: string, id: string, actor: Actor, dto: ReplyActionDto = {}): Promise<ReplyResponse> {
    const reply = await this.dataSource.transaction(async (manager) => {
      const { reply, review } = await this.lock(manager, shopId, id);
      if (!EDITABLE.includes(reply.status)) throw new InvalidReplyTransition('approve', reply.status);
      const settings = await this.settings.effective(shopId, manager);
      const highRisk = reply.highRisk || (await this.drafting.isHighRisk(manager, review));
      const problems = checkPublicText(reply.text, 'text', { highRisk, maxLength: settings.maxLength, knownPersonalData: [review.orderId, review.buyerId] });
      // public replies no longer name the remedy, so a flag that came after the draft is checked on the remedy itself
      if (highRisk && reply.remedy && reply.remedy.kind !== 'evidence_first') {
        problems.push({
          field: 'remedy',
          code: 'compensationForHighRisk',
          message: `the reviewer is flagged high-risk: draft the reply again instead of approving its ${reply.remedy.kind} remedy`,
        });
      }
      if (problems.length) throw new ReplyRuleViolation(problems);
      const findings = replyFindings(reply, { platform: review.platform, giftsInPublic: settings.giftsInPublicReplies });
      await this.gate.pass(manager, { shopId, type: 'reply', id, action: 'approve' }, findings, actor, dto.complianceOverride);
      await manager.update(ReplyDraft, { id, shopId }, { status: 'approved', approvedBy: actorLabel(actor), approvedAt: new Date() });
      return manager.findOneByOrFail(ReplyDraft, { id, shopId });
    });
    return this.view(shopId, reply);
  }

  /**
   * Records the publication and, when the shop has a webhook, writes its delivery in the same transaction. The
   * compliance rules are checked again (a rule or a setting may have changed since the approval); findings a
   * lead already overrode at the approval pass.
   */
  async publish(shopId: string, id: string, actor: Actor, dto: ReplyActionDto = {}): Promise<ReplyResponse> {
    const { reply, deliveryId } = await this.dataSource.transaction(async (manager) => {
      const { reply, review } = await this.lock(manager, shopId, id);
      if (reply.status !== 'approved') throw new InvalidReplyTransition('publish', reply.status);
      await this.checkPlatformRules(manager, shopId, reply, review);
      const settings = await this.settings.effective(shopId, manager);
      const findings = replyFindings(reply, { platform: review.platform, giftsInPublic: settings.giftsInPublicReplies });
      await this.gate.pass(manager, { shopId, type: 'reply', id, action: 'publish' }, findings, actor, dto.complianceOverride);
      await manager.update(ReplyDraft, { id, shopId }, { status: 'published', publishedBy: actorLabel(actor), publishedAt: new Date() });
      const published = await manager.findOneByOrFail(ReplyDraft, { id, shopId });
      const deliveryId = settings.webhookUrl ? await this.webhooks.create(manager, published, review, settings.webhookUrl) : null;
      return { reply: published, deliveryId };
    });
    if (deliveryId) await this.webhooks.enqueue(shopId, [deliveryId]);
    return this.view(shopId, reply);
  }

  /** Delivers a published reply again (after a failed delivery, or to a new webhook). */
  async redeliver(shopId: string, id: string): Promise<ReplyResponse> {
    const { reply, deliveryId } = await this.dataSource.transaction(async (manager) => {
      const { reply, review } = await this.lock(manager, shopId, id);
      if (reply.status !== 'published') throw new InvalidReplyTransition('redeliver', reply.status);
      const settings = await this.settings.effective(shopId, manager);
      if (!settings.webhookUrl) throw new WebhookNotConfigured();
      return { reply, deliveryId: await this.webhooks.create(manager, reply, review, settings.webhookUrl) };
    });
    await this.webhooks.enqueue(shopId, [deliveryId]);
    return this.view(shopId, reply);
  }

  /** Replies of the shop, newest first: e.g. ?status=approved for what waits to be published. */
  async list(shopId: string, query: ListRepliesQuery): Promise<ReplyPageResponse> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource.getRepository(ReplyDraft).createQueryBuilder('d').where('d.shopId = :shopId', { shopId });
    if (query.current ?? true) qb.andWhere('d.isCurrent');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere(
        new Brackets((w) => w.where('d.createdAt < :at', { at: cursor.at }).orWhere('(d.createdAt = :at AND d.id < :cursorId)', { cursorId: cursor.id })),
      );
    }
    const rows = await qb
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const reviews = await this.reviewsOf(
      shopId,
      items.map((r) => r.reviewId),
    );
    const deliveries = await this.webhooks.forReplies(
      shopId,
      items.filter((r) => r.publishedAt).map((r) => r.id),
    );
    const giftsInPublic = items.length ? (await this.settings.effective(shopId)).giftsInPublicReplies : false;
    const last = items[items.length - 1];
    return {
      items: items.map((reply) => {
        const review = reviews.get(reply.reviewId);
        const findings = replyFindings(reply, { platform: review?.platform ?? null, giftsInPublic });
        return ReplyResponse.of(reply, review?.revision ?? reply.reviewRevision, deliveries.get(reply.id), findings);
      }),
      nextCursor: rows.length > limit && last ? await cursorAfterRow(this.dataSource, 'reply_drafts', 'created_at', last.id) : null,
    };
  }

  /**
   * What the platform still takes, by the rules the shop works by (platform-rules.ts and its overrides): a reply past
   * its window (Tmall and Kuaishou 30 days, Tmall not after a 追评) is 409 REPLY_WINDOW_CLOSED, one longer than the
   * platform takes 409 REPLY_TOO_LONG. Checked when publishing: the rules or the review (a 追评) may have changed since the draft.
   */
  private async checkPlatformRules(manager: EntityManager, shopId: string, reply: ReplyDraft, review: Review): Promise<void> {
    const platform = await this.platformRules.forPlatform(shopId, review.platform, manager);
    const window = replyWindow(platform.rules, { reviewedAt: review.reviewedAt, followUpAt: review.followUpAt }, new Date());
    if (window.closed) throw new ReplyWindowClosed(review.platform, window.closed, window.until, platform.version);
    const length = replyLength(reply.text);
    if (platform.rules.replyMaxLength !== null && length > platform.rules.replyMaxLength) {
      throw new ReplyTooLong(review.platform, length, platform.rules.replyMaxLength, platform.version);
    }
  }

  private async lock(manager: EntityManager, shopId: string, id: string): Promise<{ reply: ReplyDraft; review: Review }> {
    const reply = await manager.findOne(ReplyDraft, { where: { id, shopId }, lock: { mode: 'pessimistic_write' } });
    if (!reply) throw new ReplyNotFound(id);
    const review = await manager.findOneByOrFail(Review, { id: reply.reviewId, shopId });
    return { reply, review };
  }

  private async reviewsOf(shopId: string, reviewIds: string[]): Promise<Map<string, { revision: number; platform: string }>> {
    if (!reviewIds.length) return new Map();
    const rows: { id: string; revision: number; platform: string }[] = await this.dataSource.query(
      'SELECT id, revision, platform FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[])',
      [shopId, [...new Set(reviewIds)]],
    );
    return new Map(rows.map((row) => [row.id, { revision: row.revision, platform: row.platform }]));
  }

  /** A reply as the API shows it, with its compliance findings and the overrides of its audit history. */
  private async view(shopId: string, reply: ReplyDraft): Promise<ReplyResponse> {
    const review = (await this.reviewsOf(shopId, [reply.reviewId])).get(reply.reviewId);
    const deliveries = reply.publishedAt ? await this.webhooks.forReplies(shopId, [reply.id]) : new Map();
    const settings = await this.settings.effective(shopId);
    const findings = replyFindings(reply, { platform: review?.platform ?? null, giftsInPublic: settings.giftsInPublicReplies });
    return ReplyResponse.of(reply, review?.revision ?? reply.reviewRevision, deliveries.get(reply.id), findings);
  }

  /** The compliance overrides of a reply, newest first. */
  async overrides(shopId: string, id: string): Promise<ComplianceOverride[]> {
    const reply = await this.dataSource.getRepository(ReplyDraft).findOneBy({ id, shopId });
    if (!reply) throw new ReplyNotFound(id);
    return this.gate.history(this.dataSource.manager, shopId, id);
  }
}
