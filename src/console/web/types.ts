/** The shapes of the API answers the console reads (see the response DTOs in src/). */

export type Role = 'lead' | 'agent' | 'integration';

export interface Shop {
  id: string;
  name: string;
  timezone: string;
  locale?: 'zh' | 'en';
}

export interface Me {
  staffId: string | null;
  name: string;
  role: Role;
  actor: string;
  leadAuthority: boolean;
  shop: Shop;
}

export interface Staff {
  id: string;
  name: string;
  role: 'lead' | 'agent';
  active: boolean;
}

export interface Reason {
  code: string;
  en: string;
  zh: string;
  value?: number;
}

export interface RiskSummary {
  id?: string;
  riskScore: number;
  riskLevel: string;
  status: string;
}

export type CaseStatus = 'new' | 'contacting' | 'awaiting_revision' | 'revised' | 'closed_unrevised' | 'escalated' | 'dismissed';

export interface QueueItem {
  position: number;
  caseId: string;
  status: CaseStatus;
  grade: 'bad' | 'medium';
  rating: number;
  platform: string;
  reviewId: string;
  productId: string | null;
  productName: string | null;
  excerpt: string;
  tags: string[];
  orderAmount: number | null;
  reviewedAt: string;
  revisionDeadlineAt: string;
  firstContactDueAt: string;
  firstContactedAt: string | null;
  followUpDueAt: string | null;
  promisedRevisionAt: string | null;
  contactCount: number;
  lastContactAt: string | null;
  assignee: { id: string; name: string } | null;
  reviewer: RiskSummary | null;
  reasons: Reason[];
}

export interface QueueCounts {
  inQueue: number;
  new: number;
  due: number;
  overdue: number;
  unassigned: number;
  closingSoon: number;
  highRisk: number;
  open: number;
}

export interface Queue {
  generatedAt: string;
  timezone: string;
  counts: QueueCounts;
  items: QueueItem[];
  highRisk: QueueItem[];
}

export interface TagEvidence {
  tag: string;
  subTag?: string | null;
  phrase: string;
}

export interface Review {
  id: string;
  platform: string;
  externalId: string;
  productId: string | null;
  sku: string | null;
  productName: string | null;
  orderId: string | null;
  buyerId: string | null;
  buyerNick: string | null;
  rating: number;
  grade: 'good' | 'medium' | 'bad';
  content: string;
  images: string[];
  imageCount: number;
  hasVideo: boolean;
  orderAmount: number | null;
  currency: string | null;
  orderedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  reviewedAt: string;
  carrier: string | null;
  serviceAgent: string | null;
  followUpContent: string | null;
  followUpAt: string | null;
  language: string | null;
  tags: string[];
  subTags: string[];
  tagConfidence: Record<string, number> | null;
  tagEvidence: TagEvidence[] | null;
  tagSource: 'model' | 'staff' | null;
  classifierVersion: string | null;
  revision: number;
  analysisStatus: string;
}

export interface Compensation {
  type: string;
  amount: number | null;
  currency: string | null;
}

export interface Contact {
  id: string;
  at: string;
  channel: string;
  outcome: string;
  actor: string;
  staffId: string | null;
  compensation: Compensation | null;
  demandedAmount: number | null;
  promisedRevisionAt: string | null;
  nextFollowUpAt: string | null;
  note: string | null;
  policyOverrideReason: string | null;
}

export interface CaseEvent {
  at: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface PolicyRules {
  maxContactsPerDay: number;
  maxContactsTotal: number;
  quietHoursStart: string;
  quietHoursEnd: string;
  timezone: string;
}

export interface CasePolicy {
  allowedNow: boolean;
  violations: string[];
  nextAllowedAt: string | null;
  rules: PolicyRules;
  contactsToday: number;
  contactsTotal: number;
}

export interface PolicyCheck {
  at: string;
  allowed: boolean;
  violations: string[];
  nextAllowedAt: string | null;
  rules: PolicyRules;
  contactsThatDay: number;
  contactsTotal: number;
}

export interface RecoveryCase {
  id: string;
  status: CaseStatus;
  grade: 'bad' | 'medium';
  reviewId: string;
  platform: string;
  productId: string | null;
  orderAmount: number | null;
  reviewedAt: string;
  revisionDeadlineAt: string;
  firstContactDueAt: string;
  firstContactedAt: string | null;
  lastContactAt: string | null;
  contactCount: number;
  followUpDueAt: string | null;
  promisedRevisionAt: string | null;
  missedPromises: number;
  inQueue: boolean;
  assignee: { id: string; name: string } | null;
  openedAt: string;
  closedAt: string | null;
  revisedAt: string | null;
  secondsToRevision: number | null;
}

export interface CaseDetail extends RecoveryCase {
  review: Review;
  contacts: Contact[];
  events: CaseEvent[];
  reviewer: (RiskSummary & { id: string }) | null;
  contactPolicy: CasePolicy;
}

export interface OutreachStep {
  step: string;
  goal: string;
  say: string | null;
}

export interface Remedy {
  kind: string;
  couponAmount: number | null;
  giftValue: number | null;
  refundDifferenceUpTo: number | null;
  returnWindowDays: number | null;
  currency: string;
  compensationCost: number;
  needsLeadApproval: boolean;
  approvalReasons: string[];
  publicText: string | null;
  privateText: string | null;
  reason: string;
  withheld: { kind: string } | null;
}

export interface Delivery {
  id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

export type ReplyStatus = 'draft' | 'edited' | 'approved' | 'published' | 'superseded';

export interface Reply {
  id: string;
  reviewId: string;
  outdated: boolean;
  kind: 'recovery' | 'thank_you';
  status: ReplyStatus;
  language: string;
  feel: string | null;
  felt: string | null;
  found: string | null;
  text: string;
  length: number;
  maxLength: number;
  shortened: boolean;
  outreach: { steps: OutreachStep[]; text: string } | null;
  remedy: Remedy | null;
  highRisk: boolean;
  createdBy: string;
  createdAt: string;
  editedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  deliveries: Delivery[];
}

export interface ReviewReplies {
  current: Reply | null;
  history: Reply[];
}

export interface Signal {
  code: string;
  value: number;
  weight: number;
  contribution: number;
  explanation: { zh: string; en: string };
  reviewIds: string[];
  dismissal?: 'covered' | 'reduced';
}

export interface Decision {
  id: string;
  action: 'confirm' | 'dismiss' | 'reopen';
  reason: string;
  riskScore: number;
  fromStatus: string;
  toStatus: string;
  decidedBy: string;
  decidedAt: string;
}

export interface Reviewer {
  id: string;
  platform: string;
  buyerId: string;
  buyerNick: string | null;
  reviewCount: number;
  negativeReviewCount: number;
  firstReviewedAt: string | null;
  lastReviewedAt: string | null;
  riskScore: number;
  riskLevel: 'low' | 'medium' | 'high';
  signals: Signal[];
  status: 'none' | 'flagged' | 'confirmed' | 'dismissed';
  watchlisted: boolean;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface ReviewerDetail extends Reviewer {
  decisions: Decision[];
  contactOutcomes: { id: string; reviewId: string; kind: string; at: string; demandedAmount: number | null }[];
  reviews: Review[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReportMeta {
  week: string | null;
  from: string;
  to: string;
  generatedAt: string;
  stored: boolean;
}
