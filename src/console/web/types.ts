/**
 * The API's answers the console reads, by the names the views use: aliases of the types openapi-typescript
 * generates from openapi.json (openapi-types.ts, `npm run client:generate`), so a change of a response DTO reaches
 * the console's type check instead of drifting from a copy.
 */
import type { components } from './openapi-types.js';

type Schemas = components['schemas'];

export type Me = Schemas['MeResponse'];
export type Staff = Schemas['StaffResponse'];
export type Queue = Schemas['QueueResponse'];
export type QueueItem = Schemas['QueueItemResponse'];
export type Review = Schemas['ReviewResponse'];
export type RecoveryCase = Schemas['CaseResponse'];
export type CaseDetail = Schemas['CaseDetailResponse'];
export type CaseStatus = RecoveryCase['status'];
export type Contact = Schemas['ContactResponse'];
export type PolicyCheck = Schemas['ContactPolicyCheckResponse'];
export type Reply = Schemas['ReplyResponse'];
export type ComplianceFinding = Schemas['ComplianceFindingResponse'];
export type ReviewReplies = Schemas['ReviewRepliesResponse'];
export type Reviewer = Schemas['ReviewerResponse'];
export type ReviewerDetail = Schemas['ReviewerDetailResponse'];
export type ReviewerPage = Schemas['ReviewerPageResponse'];
export type ReportMeta = Schemas['ReportResponse'];
export type Alert = Schemas['AlertResponse'];
export type AlertPage = Schemas['AlertPageResponse'];
export type EventSubscription = Schemas['EventSubscriptionResponse'];
export type EventSubscriptionWithSecret = Schemas['EventSubscriptionWithSecretResponse'];
export type EventSubscriptionList = Schemas['EventSubscriptionListResponse'];
export type EventDelivery = Schemas['EventDeliveryResponse'];
export type EventDeliveryPage = Schemas['EventDeliveryPageResponse'];
export type Redelivery = Schemas['RedeliveryResponse'];
