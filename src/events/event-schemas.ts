import { EVENT_TYPES, EventType } from './event-catalogue';

/**
 * A JSON Schema (OpenAPI 3.0 dialect) per event of the catalogue: the body of every delivery, as the triggers of
 * migration EventTriggers write it. openapi.json carries them under `x-webhooks` (the document is OpenAPI 3.0, whose
 * generator has no `webhooks` section); docs/events.md describes them with examples. A test checks real deliveries
 * against these schemas.
 */
type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const nullableStr = (description?: string): Schema => ({ ...str(description), nullable: true });
const uuid: Schema = { type: 'string', format: 'uuid' };
const time = (description?: string): Schema => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
const nullableTime = (description?: string): Schema => ({ ...time(description), nullable: true });
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const strings = (description?: string): Schema => ({ type: 'array', items: { type: 'string' }, ...(description ? { description } : {}) });
const object = (properties: Record<string, Schema>, description?: string, nullable = false): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  ...(nullable ? { nullable: true } : {}),
  required: Object.keys(properties),
  properties,
});

/** alert.opened and alert.resolved (migration AlertEvents): the alert and its evidence when it opened or resolved */
const alert = {
  id: uuid,
  subjectType: { type: 'string', enum: ['sku', 'carrier', 'agent', 'shop'] },
  subject: str("the product id, the carrier's or agent's name, or * for the whole shop"),
  cause: { type: 'string', enum: ['any', 'quality', 'logistics', 'service', 'price'] },
  status: { type: 'string', enum: ['open', 'resolved'] },
  method: { type: 'string', enum: ['beta-binomial', 'cusum'] },
  openedAt: time(),
  firstBadAt: time('when the first medium/bad review of the window that opened it was posted'),
  resolvedAt: nullableTime(),
  windowHours: int,
  windowReviews: int,
  windowBad: int,
  baselineRate: num,
  probability: num,
  causeMix: { type: 'object', additionalProperties: { type: 'integer' }, description: "the window's medium/bad reviews per cause tag" },
  sampleReviewIds: { type: 'array', items: uuid },
};

const review = {
  id: uuid,
  platform: str(),
  externalId: str("the platform's review id"),
  productId: nullableStr(),
  sku: nullableStr(),
  orderId: nullableStr(),
  rating: int,
  grade: { type: 'string', enum: ['good', 'medium', 'bad'] },
  revision: { type: 'integer', description: 'the review version this event describes (1, then +1 per change)' },
  reviewedAt: time(),
  hasFollowUp: bool,
  imageCount: int,
  hasVideo: bool,
};

const reviewer = object({ id: uuid, riskLevel: str(), riskScore: num, status: str() }, "the buyer's risk after this analysis", true);

const caseBase = {
  id: uuid,
  reviewId: uuid,
  action: str('the audit-log action (opened, claimed, assigned, reassigned, unassigned, status, contact, auto_revised, promise_missed, window_passed)'),
  fromStatus: nullableStr(),
  toStatus: str(),
  status: str('the case status when the event was written'),
  actor: str('who: a staff label, api:<key>, or system:analysis / system:sweep'),
  reason: nullableStr(),
  at: time(),
  grade: str(),
  assigneeId: { ...uuid, nullable: true },
  openedAt: time(),
  revisionDeadlineAt: time(),
  firstContactDueAt: time(),
  contactCount: int,
};

const compensation = {
  type: 'array',
  items: object({ type: str(), amount: { type: 'string', nullable: true, description: 'decimal' }, currency: nullableStr() }),
};

const contact = object({
  id: uuid,
  at: time(),
  channel: str(),
  outcome: str(),
  actor: str(),
  staffId: { ...uuid, nullable: true },
  compensation: { ...object({ type: str(), amount: { type: 'number', nullable: true }, currency: nullableStr() }), nullable: true },
  demandedAmount: { type: 'number', nullable: true },
  promisedRevisionAt: nullableTime(),
  nextFollowUpAt: nullableTime(),
});

const replyBase = { id: uuid, reviewId: uuid, reviewRevision: int, kind: str(), language: str() };

const reviewerBase = { id: uuid, platform: str(), buyerId: str("the platform's buyer id") };

/** what each event carries under its key, beside id, event, createdAt and shopId */
const SUBJECTS: Record<EventType, { key: string; summary: string; properties: Record<string, Schema> }> = {
  'review.created': { key: 'review', summary: 'A review was ingested for the first time', properties: review },
  'review.updated': {
    key: 'review',
    summary: 'A new version of a review was ingested (a changed rating, text, follow-up ...)',
    properties: {
      ...review,
      previousRevision: int,
      changes: object({
        fields: strings('what changed: rating, text, followUp, media, reviewedAt, order'),
        rating: object({ from: int, to: int }),
        grade: object({ from: str(), to: str() }),
        followUpAdded: bool,
      }),
    },
  },
  'review.analysed': {
    key: 'review',
    summary: "A review version was analysed: language, root-cause tags, the buyer's risk",
    properties: {
      ...review,
      analysedRevision: int,
      analysedAt: time(),
      language: nullableStr(),
      tags: strings(),
      subTags: strings(),
      tagSource: nullableStr('model or staff'),
      tagConfidence: { type: 'object', nullable: true, additionalProperties: { type: 'number' } },
      classifierVersion: nullableStr(),
      reviewer,
    },
  },
  'case.opened': { key: 'case', summary: 'A recovery case was opened for a medium or bad review', properties: caseBase },
  'case.assigned': { key: 'case', summary: 'A case was claimed, assigned, reassigned or unassigned', properties: caseBase },
  'case.status_changed': { key: 'case', summary: 'A case moved to another open status (contacting, awaiting_revision, escalated)', properties: caseBase },
  'case.contact_logged': { key: 'case', summary: 'A contact with the buyer was logged on a case', properties: { id: uuid, reviewId: uuid, contact } },
  'case.revised': {
    key: 'case',
    summary: 'The buyer revised the review: the case is closed as revised, with the time it took and what was given',
    properties: { ...caseBase, revisedAt: time(), secondsToRevision: { type: 'integer', description: 'from the case opening to the revision' }, compensation },
  },
  'case.closed': { key: 'case', summary: 'A case was closed unrevised or dismissed', properties: { ...caseBase, closedAt: time(), compensation } },
  'reply.drafted': {
    key: 'reply',
    summary: 'A reply draft was written (by staff or the automatic drafting)',
    properties: { ...replyBase, status: str(), severity: nullableStr(), highRisk: bool, createdBy: str(), createdAt: time() },
  },
  'reply.approved': { key: 'reply', summary: 'A reply was approved', properties: { ...replyBase, approvedBy: str(), approvedAt: time() } },
  'reply.published': {
    key: 'reply',
    summary: 'A reply was recorded as published (the body of the reply webhook, unchanged)',
    properties: {
      id: uuid,
      reviewId: uuid,
      platform: str(),
      externalId: str(),
      productId: nullableStr(),
      language: str(),
      text: str('the reply to post'),
      publishedAt: time(),
      publishedBy: str(),
    },
  },
  'reviewer.flagged': {
    key: 'reviewer',
    summary: "A buyer's risk reached the shop's flag level: a suggestion for a person to confirm or dismiss",
    properties: {
      ...reviewerBase,
      riskScore: num,
      riskLevel: str(),
      status: str(),
      flaggedAt: nullableTime(),
      signals: strings('signal codes'),
      reviewCount: int,
      negativeReviewCount: int,
    },
  },
  'reviewer.decided': {
    key: 'reviewer',
    summary: 'A person confirmed, dismissed or reopened a flag',
    properties: {
      ...reviewerBase,
      decision: object({
        id: uuid,
        action: str(),
        fromStatus: str(),
        toStatus: str(),
        riskScore: num,
        riskLevel: str(),
        evidenceCodes: strings(),
        revertsId: { ...uuid, nullable: true },
        decidedBy: str(),
        decidedAt: time(),
      }),
    },
  },
  'alert.opened': {
    key: 'alert',
    summary:
      'An early-warning alert opened: a SKU, carrier, agent or the shop has more medium/bad reviews for a cause than its baseline explains (docs/alerts.md)',
    properties: alert,
  },
  'alert.resolved': { key: 'alert', summary: 'An early-warning alert was resolved: the rate is back', properties: alert },
  'report.created': {
    key: 'report',
    summary: 'A report was stored (the body of the report webhook, unchanged)',
    properties: { id: uuid, kind: str(), week: nullableStr(), from: str(), to: str() },
  },
};

export function eventKey(type: EventType): string {
  return SUBJECTS[type].key;
}

/** The schema of one event's body. */
export function eventSchema(type: EventType): Schema {
  const subject = SUBJECTS[type];
  return {
    ...object(
      {
        id: { type: 'string', format: 'uuid', description: 'the stable event id: the same on every delivery of this event (de-duplicate on it)' },
        event: { type: 'string', enum: [type] },
        createdAt: time('when the change was committed (its transaction began)'),
        shopId: uuid,
        [subject.key]: { ...object(subject.properties), ...(type === 'report.created' ? { additionalProperties: true } : {}) },
      },
      subject.summary,
    ),
  };
}

/** The `x-webhooks` section of openapi.json: one POST per event, its body schema and the headers a receiver checks. */
export function webhooksSection(): Record<string, unknown> {
  const header = (description: string) => ({ required: true, description, schema: { type: 'string' } });
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `event_${type.replace('.', '_')}`,
          summary: SUBJECTS[type].summary,
          description: 'Sent to every endpoint subscribed to this type (POST /v1/event-subscriptions); see docs/events.md.',
          parameters: [
            { in: 'header', name: 'X-RRS-Event', ...header('the event type') },
            { in: 'header', name: 'X-RRS-Event-Id', ...header('the stable event id (the body id)') },
            { in: 'header', name: 'X-RRS-Delivery', ...header('this delivery (a redelivery has another)') },
            { in: 'header', name: 'X-RRS-Timestamp', ...header('Unix seconds; reject deliveries older than 5 minutes') },
            { in: 'header', name: 'X-RRS-Signature', ...header('sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">, one per valid secret, ", "-separated') },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: eventSchema(type) } } },
          responses: { '200': { description: 'any 2xx: delivered; anything else is retried with backoff' } },
        },
      },
    ]),
  );
}
