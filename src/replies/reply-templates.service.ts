import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { isSubTag, parentTag } from '../reviews/taxonomy';
import { FieldProblem, ValidationFailed } from '../common/errors/domain-error';
import {
  BuiltinTemplateResponse,
  BuiltinTemplatesQuery,
  CreateReplyTemplateDto,
  ListReplyTemplatesQuery,
  ReplyTemplateResponse,
  UpdateReplyTemplateDto,
} from './dto/reply-template.dto';
import { builtinLibrary, builtinCandidates } from './library/library';
import type { ShopTemplate } from './reply-composer';
import { ReplyTemplateLimitReached, ReplyTemplateNotFound } from './reply-errors';
import { placeholdersIn, validateTemplateText } from './reply-placeholders';
import { findBlame, findPersonalData } from './reply-rules';
import { ReplyTemplate } from './reply-template.entity';
import { templateFindings } from './reply-compliance';
import { ComplianceGate } from '../compliance/compliance-gate.service';
import { Actor, actorLabel } from '../shops/actor';
import type { ReplyLanguage, ReplyPart } from './reply.types';

export const MAX_TEMPLATES_PER_SHOP = 500;

interface TemplateFields {
  part: ReplyPart;
  language: ReplyLanguage;
  tag: string | null;
  subTag: string | null;
  text: string;
}

@Injectable()
export class ReplyTemplatesService {
  constructor(
    @InjectRepository(ReplyTemplate) private readonly templates: Repository<ReplyTemplate>,
    private readonly gate: ComplianceGate,
  ) {}

  /** A template with a blocking compliance finding is saved only inactive, unless a lead overrides (409 COMPLIANCE_BLOCKED). */
  async create(shopId: string, dto: CreateReplyTemplateDto, actor: Actor): Promise<ReplyTemplateResponse> {
    const fields: TemplateFields = { part: dto.part, language: dto.language, tag: dto.tag ?? null, subTag: dto.subTag ?? null, text: dto.text.trim() };
    validate(fields);
    const findings = templateFindings(fields.part, fields.text);
    const active = dto.active ?? true;
    return this.templates.manager.transaction(async (manager) => {
      // counted under a lock on the shop's templates so two creations cannot both pass the limit
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reply_templates:${shopId}`]);
      if ((await manager.countBy(ReplyTemplate, { shopId })) >= MAX_TEMPLATES_PER_SHOP) throw new ReplyTemplateLimitReached(MAX_TEMPLATES_PER_SHOP);
      const label = actorLabel(actor);
      const saved = await manager.save(manager.create(ReplyTemplate, { shopId, ...fields, active, createdBy: label, updatedBy: label }));
      // after the insert, in its transaction: the override names the template, and a refusal leaves nothing behind
      if (active) await this.gate.pass(manager, { shopId, type: 'template', id: saved.id, action: 'activate' }, findings, actor, dto.complianceOverride);
      return ReplyTemplateResponse.of(saved, placeholdersIn(saved.text), findings);
    });
  }

  async list(shopId: string, query: ListReplyTemplatesQuery): Promise<ReplyTemplateResponse[]> {
    const where: FindOptionsWhere<ReplyTemplate> = { shopId };
    if (query.part) where.part = query.part;
    if (query.language) where.language = query.language;
    if (query.tag) where.tag = query.tag;
    if (query.subTag) where.subTag = query.subTag;
    if (query.active !== undefined) where.active = query.active;
    const rows = await this.templates.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => ReplyTemplateResponse.of(row, placeholdersIn(row.text), templateFindings(row.part, row.text)));
  }

  async get(shopId: string, id: string): Promise<ReplyTemplateResponse> {
    const row = await this.find(shopId, id);
    return ReplyTemplateResponse.of(row, placeholdersIn(row.text), templateFindings(row.part, row.text));
  }

  async update(shopId: string, id: string, dto: UpdateReplyTemplateDto, actor: Actor): Promise<ReplyTemplateResponse> {
    const row = await this.find(shopId, id);
    const fields: TemplateFields = {
      part: dto.part ?? row.part,
      language: dto.language ?? row.language,
      tag: dto.tag === undefined ? row.tag : dto.tag,
      subTag: dto.subTag === undefined ? row.subTag : dto.subTag,
      text: dto.text === undefined ? row.text : dto.text.trim(),
    };
    validate(fields);
    const active = dto.active ?? row.active;
    await this.templates.manager.transaction(async (manager) => {
      await manager.update(ReplyTemplate, { id, shopId }, { ...fields, active, updatedBy: actorLabel(actor) });
      if (active)
        await this.gate.pass(
          manager,
          { shopId, type: 'template', id, action: 'activate' },
          templateFindings(fields.part, fields.text),
          actor,
          dto.complianceOverride,
        );
    });
    return this.get(shopId, id);
  }

  async remove(shopId: string, id: string): Promise<void> {
    const result = await this.templates.delete({ id, shopId });
    if (!result.affected) throw new ReplyTemplateNotFound(id);
  }

  /** The active templates of a shop, as the composer takes them; `manager` when inside a transaction. */
  async activeForShop(manager: EntityManager, shopId: string): Promise<ShopTemplate[]> {
    const rows = await manager.find(ReplyTemplate, { where: { shopId, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({ id: row.id, tag: row.tag, subTag: row.subTag, language: row.language, part: row.part, text: row.text }));
  }

  /** The built-in library as templates, to read before writing a shop's own. */
  builtin(query: BuiltinTemplatesQuery): BuiltinTemplateResponse[] {
    const language = query.language ?? 'zh-Hans';
    const lib = builtinLibrary(language);
    const items: BuiltinTemplateResponse[] = [];
    const add = (part: ReplyPart, tag: string | null, subTag: string | null, situation: string, path: string, texts: readonly string[]) => {
      for (const c of builtinCandidates(language, path, texts))
        items.push({ id: c.id, part, language, tag, subTag, situation, text: c.text, findings: templateFindings(part, c.text) });
    };
    for (const [key, texts] of Object.entries(lib.causes)) {
      const [tag, subTag] = key.includes('/') ? key.split('/') : [key, null];
      add('feel', tag, subTag, 'single', `causes.${key}.feel`, texts.feel);
      if (texts.felt) add('felt', tag, subTag, 'single', `causes.${key}.felt`, texts.felt);
      add('found', tag, subTag, 'single', `causes.${key}.found`, texts.found);
      add('outreach_explanation', tag, subTag, 'single', `causes.${key}.explain`, texts.explain);
    }
    for (const [tag, texts] of Object.entries(lib.felt)) add('felt', tag, null, 'single', `felt.${tag}`, texts);
    add('feel', null, null, 'multi', 'multi.feel', lib.multi.feel);
    add('felt', null, null, 'multi', 'multi.felt', lib.multi.felt);
    add('found', 'quality', null, 'widespread', 'widespread', lib.widespread);
    for (const part of ['feel', 'felt', 'found'] as const) {
      add(part, null, null, 'high_risk', `highRisk.${part}`, lib.highRisk[part]);
      add(part, null, null, 'short', `short.${part}`, lib.short[part]);
    }
    add('remedy', null, null, 'single', 'remedy', lib.remedy);
    add('thank_you', null, null, 'single', 'thankYou', lib.thankYou);
    add('outreach_apology', null, null, 'single', 'outreach.apology', lib.outreach.apology);
    add('outreach_request', null, null, 'single', 'outreach.request', lib.outreach.request);
    return items.filter(
      (item) => (!query.part || item.part === query.part) && (!query.tag || item.tag === query.tag) && (!query.subTag || item.subTag === query.subTag),
    );
  }

  private async find(shopId: string, id: string): Promise<ReplyTemplate> {
    const row = await this.templates.findOneBy({ id, shopId });
    if (!row) throw new ReplyTemplateNotFound(id);
    return row;
  }
}

const PUBLIC_PARTS: readonly ReplyPart[] = ['feel', 'felt', 'found', 'remedy', 'thank_you'];

/** Placeholders, where the template may be used, and the rules a public text never breaks. */
function validate(fields: TemplateFields): void {
  const problems: FieldProblem[] = [];
  if (fields.subTag !== null) {
    if (fields.tag === null) problems.push({ field: 'tag', code: 'required', message: 'tag is required with a subTag' });
    else if (!isSubTag(fields.subTag) || parentTag(fields.subTag) !== fields.tag) {
      problems.push({ field: 'subTag', code: 'subTagOfTag', message: `subTag ${fields.subTag} is not a sub-tag of ${fields.tag}` });
    }
  }
  if (fields.part === 'thank_you' && (fields.tag !== null || fields.subTag !== null)) {
    problems.push({ field: 'tag', code: 'notForThankYou', message: 'thank_you templates answer good reviews: leave tag and subTag out' });
  }
  if (fields.tag === 'other' && fields.subTag !== null) {
    problems.push({ field: 'subTag', code: 'subTagOfTag', message: 'the tag other has no sub-tags' });
  }
  problems.push(...validateTemplateText(fields.text, fields.part));
  const blame = findBlame(fields.text);
  if (blame) problems.push({ field: 'text', code: 'blamesBuyer', message: `text must not blame or question the buyer ("${blame}")` });
  if (PUBLIC_PARTS.includes(fields.part)) {
    const personal = findPersonalData(fields.text);
    if (personal) problems.push({ field: 'text', code: 'personalData', message: `text must not contain personal data: it contains ${personal}` });
  }
  if (problems.length) throw new ValidationFailed(problems);
}
