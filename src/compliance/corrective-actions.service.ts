import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { isSubTag, parentTag } from '../reviews/taxonomy';
import { FieldProblem, ValidationFailed } from '../common/errors/domain-error';
import { cursorAfterRow, decodeCursor } from '../common/pagination/cursor';
import { blockingOf, findingsOf, LocatedFinding } from './compliance-check';
import { CorrectiveAction } from './corrective-action.entity';
import { actionLanguage, RecordedAction } from './corrective-actions';
import { CorrectiveActionPageResponse, CorrectiveActionResponse, CreateCorrectiveActionDto, ListCorrectiveActionsQuery } from './dto/compliance.dto';

export const MAX_ACTIONS_FOR_DRAFTING = 500;

/** Corrective actions: recorded by staff, stated by drafts, listed in the weekly report. */
@Injectable()
export class CorrectiveActionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(shopId: string, dto: CreateCorrectiveActionDto, actor: string, now = new Date()): Promise<CorrectiveActionResponse> {
    const problems: FieldProblem[] = [];
    const tag = dto.tag ?? null;
    const subTag = dto.subTag ?? null;
    if (subTag !== null) {
      if (!isSubTag(subTag)) problems.push({ field: 'subTag', code: 'unknownSubTag', message: `subTag ${subTag} is not a sub-tag` });
      else if (tag !== null && parentTag(subTag) !== tag)
        problems.push({ field: 'subTag', code: 'subTagOfTag', message: `subTag ${subTag} is not a sub-tag of ${tag}` });
    }
    if (tag === null && subTag === null && !dto.productKey && !dto.carrier) {
      problems.push({ field: 'tag', code: 'scopeRequired', message: 'name what the action answers: tag/subTag, productKey or carrier' });
    }
    const since = new Date(`${dto.since}T00:00:00Z`);
    if (Number.isNaN(since.getTime()) || since.toISOString().slice(0, 10) !== dto.since) {
      problems.push({ field: 'since', code: 'isDate', message: 'since must be a real date YYYY-MM-DD' });
    } else if (since.getTime() > now.getTime() + 14 * 3_600_000) {
      // a day ahead of UTC at most: the shop's time zone may already be on the next day
      problems.push({ field: 'since', code: 'notInFuture', message: 'since must not be in the future: record an action once it is in effect' });
    }
    const what = dto.what.trim();
    const blocking = blockingOf(findingsOf([{ field: 'what', text: what, context: { kind: 'public_reply', recordedActions: true } }]));
    problems.push(...blocking.map((f) => ({ field: 'what', code: f.ruleId, message: `${f.title}: "${f.excerpt}". ${f.explanation}` })));
    if (problems.length) throw new ValidationFailed(problems);
    const saved = await this.dataSource.getRepository(CorrectiveAction).save(
      this.dataSource.getRepository(CorrectiveAction).create({
        shopId,
        what,
        language: actionLanguage(what),
        tag: tag ?? (subTag && isSubTag(subTag) ? parentTag(subTag) : null),
        subTag,
        productKey: dto.productKey?.trim() ?? null,
        carrier: dto.carrier?.trim() ?? null,
        since: dto.since,
        createdBy: actor,
      }),
    );
    return CorrectiveActionResponse.of(saved, this.findings(saved));
  }

  /** Newest recorded first. */
  async list(shopId: string, query: ListCorrectiveActionsQuery): Promise<CorrectiveActionPageResponse> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource.getRepository(CorrectiveAction).createQueryBuilder('a').where('a.shopId = :shopId', { shopId });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere(
        new Brackets((w) => w.where('a.createdAt < :at', { at: cursor.at }).orWhere('(a.createdAt = :at AND a.id < :cursorId)', { cursorId: cursor.id })),
      );
    }
    const rows = await qb
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((a) => CorrectiveActionResponse.of(a, this.findings(a))),
      nextCursor: rows.length > limit && last ? await cursorAfterRow(this.dataSource, 'corrective_actions', 'created_at', last.id) : null,
    };
  }

  /** The actions in effect today, for drafting (newest first). */
  async inEffect(manager: EntityManager, shopId: string, now = new Date()): Promise<RecordedAction[]> {
    const rows = await manager.find(CorrectiveAction, {
      where: { shopId, since: LessThanOrEqual(now.toISOString().slice(0, 10)) },
      order: { since: 'DESC', createdAt: 'DESC' },
      take: MAX_ACTIONS_FOR_DRAFTING,
    });
    return rows.map((a) => ({
      id: a.id,
      what: a.what,
      language: a.language,
      tag: a.tag,
      subTag: a.subTag,
      productKey: a.productKey,
      carrier: a.carrier,
      since: a.since,
    }));
  }

  private findings(action: CorrectiveAction): LocatedFinding[] {
    return findingsOf([{ field: 'what', text: action.what, context: { kind: 'public_reply', recordedActions: true } }]);
  }
}
