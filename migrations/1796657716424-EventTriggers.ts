import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event catalogue's writers: statement-level triggers that turn each change into outbox_events rows in the
 * statement (and so the transaction) that made it, one INSERT ... SELECT over the statement's transition table,
 * and only for shops with an endpoint subscribed to the type (no subscriber: the trigger finds no subscription and
 * writes nothing). Every writer of these tables, today's and tomorrow's, announces its changes without knowing it.
 * A trigger on outbox_events fans each event out to the subscribed endpoints (event_deliveries) in the same
 * statement. Payloads carry ids, states and numbers, not the review's text (reply.published keeps the legacy
 * webhook's payload, text included). docs/events.md documents every payload.
 */
export class EventTriggers1796657716424 implements MigrationInterface {
  name = 'EventTriggers1796657716424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, trigger] of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS "${trigger}" ON "${table}"`);
    for (const fn of FUNCTIONS) await queryRunner.query(`DROP FUNCTION IF EXISTS ${fn}`);
  }
}

/** ISO-8601 UTC with milliseconds, as JSON.stringify writes a Date */
const iso = (expr: string) => `event_time(${expr})`;

/** the review fields every review.* event carries (no text, no buyer) */
const reviewBody = (r: string) => `jsonb_build_object(
  'id', ${r}.id, 'platform', ${r}.platform, 'externalId', ${r}.external_id, 'productId', ${r}.product_id, 'sku', ${r}.sku,
  'orderId', ${r}.order_id, 'rating', ${r}.rating, 'grade', ${r}.grade, 'revision', ${r}.revision,
  'reviewedAt', ${iso(`${r}.reviewed_at`)}, 'hasFollowUp', ${r}.follow_up_content IS NOT NULL,
  'imageCount', ${r}.image_count, 'hasVideo', ${r}.has_video)`;

/** an endpoint of the shop wants events of type `type` (a SQL expression) */
const wanted = (shop: string, type: string) =>
  `EXISTS (SELECT 1 FROM event_subscriptions s WHERE s.shop_id = ${shop} AND s.event_types && ARRAY[${type}::text, '*'])`;

/** nothing to do at all: no endpoint of any shop wants any of these types (the common case is one cheap probe) */
const noneWanted = (types: string[]) =>
  `IF NOT EXISTS (SELECT 1 FROM event_subscriptions WHERE event_types && ARRAY[${[...types, '*'].map((t) => `'${t}'`).join(', ')}]::text[]) THEN RETURN NULL; END IF;`;

/**
 * INSERT of events from `source`, a query returning (shop_id, type, subject_id, key, body, ord): the envelope
 * {id, event, createdAt, shopId, <key>: body} is the exact body every delivery sends.
 */
const emit = (source: string) => `
  INSERT INTO outbox_events (id, shop_id, type, subject_id, payload)
  SELECT x.id, x.shop_id, x.type, x.subject_id,
    jsonb_build_object('id', x.id, 'event', x.type, 'createdAt', ${iso('now()')}, 'shopId', x.shop_id, x.key, x.body)
  FROM (SELECT gen_random_uuid() AS id, y.* FROM (${source}) y WHERE y.type IS NOT NULL AND ${wanted('y.shop_id', 'y.type')}) x
  ORDER BY x.ord, x.subject_id;`;

const fn = (name: string, body: string) => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${body}
    RETURN NULL;
  END $$`;

const CASE_TYPE = `CASE
    WHEN n.action = 'opened' THEN 'case.opened'
    WHEN n.action IN ('claimed', 'assigned', 'reassigned', 'unassigned') THEN 'case.assigned'
    WHEN n.to_status = 'revised' THEN 'case.revised'
    WHEN n.to_status IN ('closed_unrevised', 'dismissed') THEN 'case.closed'
    WHEN n.to_status IS DISTINCT FROM n.from_status AND n.to_status IS NOT NULL THEN 'case.status_changed'
  END`;

const COMPENSATION = (caseId: string) => `(SELECT COALESCE(jsonb_agg(jsonb_build_object('type', k.compensation_type,
    'amount', k.compensation_amount, 'currency', k.compensation_currency) ORDER BY k.at, k.id), '[]'::jsonb)
    FROM recovery_contacts k WHERE k.case_id = ${caseId} AND k.compensation_type IS NOT NULL)`;

const RISK = (p: string) =>
  `jsonb_build_object('id', ${p}.id, 'riskLevel', ${p}.risk_level, 'riskScore', round(${p}.risk_score::numeric, 1), 'status', ${p}.status)`;

/**
 * A buyer newly flagged is reviewer.flagged. The analysis scores buyers after it wrote the reviews (and their
 * review.analysed events): this transaction's review.analysed events of these buyers get the new risk, so the
 * event says what the analysis concluded. now() is the transaction's start: it picks this transaction's rows.
 */
const profilesChanged = (newlyFlagged: string) => `
  IF EXISTS (SELECT 1 FROM event_subscriptions WHERE event_types && ARRAY['review.analysed', '*']::text[]) THEN
    UPDATE outbox_events e SET payload = jsonb_set(e.payload, '{review,reviewer}', ${RISK('p')})
    FROM new_rows p JOIN reviews r ON r.shop_id = p.shop_id AND r.platform = p.platform AND r.buyer_id = p.buyer_id
    WHERE e.shop_id = p.shop_id AND e.created_at = now() AND e.type = 'review.analysed' AND e.subject_id = r.id;
  END IF;
  ${noneWanted(['reviewer.flagged'])}
  ${emit(`SELECT n.shop_id, 'reviewer.flagged' AS type, n.id AS subject_id, 'reviewer' AS key,
    jsonb_build_object('id', n.id, 'platform', n.platform, 'buyerId', n.buyer_id, 'riskScore', round(n.risk_score::numeric, 1),
      'riskLevel', n.risk_level, 'status', n.status, 'flaggedAt', ${iso('n.flagged_at')},
      'signals', COALESCE((SELECT jsonb_agg(g->'code') FROM jsonb_array_elements(n.signals) g), '[]'::jsonb),
      'reviewCount', n.review_count, 'negativeReviewCount', n.negative_review_count) AS body, 0 AS ord
    FROM new_rows n WHERE n.status = 'flagged' AND ${newlyFlagged}`)}`;

const FUNCTIONS = [
  'event_time(timestamptz)',
  'outbox_events_fan_out()',
  'events_reviews_inserted()',
  'events_reviews_updated()',
  'events_case_events_inserted()',
  'events_contacts_inserted()',
  'events_replies_inserted()',
  'events_replies_updated()',
  'events_profiles_inserted()',
  'events_profiles_updated()',
  'events_decisions_inserted()',
  'events_report_events_inserted()',
];

const TRIGGERS: [string, string][] = [
  ['outbox_events', 'tr_outbox_events_fan_out'],
  ['reviews', 'tr_events_reviews_insert'],
  ['reviews', 'tr_events_reviews_update'],
  ['recovery_case_events', 'tr_events_case_events_insert'],
  ['recovery_contacts', 'tr_events_contacts_insert'],
  ['reply_drafts', 'tr_events_replies_insert'],
  ['reply_drafts', 'tr_events_replies_update'],
  ['reviewer_profiles', 'tr_events_profiles_insert'],
  ['reviewer_profiles', 'tr_events_profiles_update'],
  ['reviewer_decisions', 'tr_events_decisions_insert'],
  ['report_events', 'tr_events_report_events_insert'],
];

const UP = [
  `CREATE FUNCTION event_time(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
     SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`,

  // one delivery per subscribed endpoint, disabled ones included: they catch up in order once enabled again
  fn(
    'outbox_events_fan_out',
    `INSERT INTO event_deliveries (shop_id, subscription_id, event_id, event_type, event_seq, subject_id)
     SELECT e.shop_id, s.id, e.id, e.type, e.seq, e.subject_id
     FROM new_events e JOIN event_subscriptions s ON s.shop_id = e.shop_id AND s.event_types && ARRAY[e.type::text, '*']
     ORDER BY e.seq, s.id;`,
  ),
  `CREATE TRIGGER tr_outbox_events_fan_out AFTER INSERT ON outbox_events REFERENCING NEW TABLE AS new_events
   FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_fan_out()`,

  fn(
    'events_reviews_inserted',
    `${noneWanted(['review.created'])}
     ${emit(`SELECT n.shop_id, 'review.created' AS type, n.id AS subject_id, 'review' AS key, ${reviewBody('n')} AS body, 0 AS ord FROM new_rows n`)}`,
  ),
  `CREATE TRIGGER tr_events_reviews_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_reviews_inserted()`,

  // a new revision is review.updated (what changed); an analysis written for a revision is review.analysed, with
  // the buyer's risk as it stands (the reviewer-risk step later in the same transaction refreshes it, see below)
  fn(
    'events_reviews_updated',
    `${noneWanted(['review.updated', 'review.analysed'])}
     ${emit(`SELECT n.shop_id, 'review.updated' AS type, n.id AS subject_id, 'review' AS key,
       ${reviewBody('n')} || jsonb_build_object('previousRevision', o.revision, 'changes', jsonb_build_object(
         'fields', to_jsonb(array_remove(ARRAY[
           CASE WHEN o.rating IS DISTINCT FROM n.rating THEN 'rating' END,
           CASE WHEN o.content IS DISTINCT FROM n.content THEN 'text' END,
           CASE WHEN (o.follow_up_content, o.follow_up_at) IS DISTINCT FROM (n.follow_up_content, n.follow_up_at) THEN 'followUp' END,
           CASE WHEN (o.image_urls, o.image_count, o.has_video) IS DISTINCT FROM (n.image_urls, n.image_count, n.has_video) THEN 'media' END,
           CASE WHEN o.reviewed_at IS DISTINCT FROM n.reviewed_at THEN 'reviewedAt' END,
           CASE WHEN (o.product_id, o.sku, o.product_name, o.order_id, o.order_amount, o.currency, o.ordered_at, o.shipped_at,
             o.delivered_at, o.carrier, o.service_agent, o.buyer_id, o.buyer_nick)
             IS DISTINCT FROM (n.product_id, n.sku, n.product_name, n.order_id, n.order_amount, n.currency, n.ordered_at, n.shipped_at,
             n.delivered_at, n.carrier, n.service_agent, n.buyer_id, n.buyer_nick) THEN 'order' END
         ], NULL)),
         'rating', jsonb_build_object('from', o.rating, 'to', n.rating),
         'grade', jsonb_build_object('from', o.grade, 'to', n.grade),
         'followUpAdded', o.follow_up_content IS NULL AND n.follow_up_content IS NOT NULL)) AS body, 0 AS ord
       FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.revision > o.revision
       UNION ALL
       SELECT n.shop_id, 'review.analysed', n.id, 'review',
         ${reviewBody('n')} || jsonb_build_object('analysedRevision', n.analyzed_revision, 'analysedAt', ${iso('n.analyzed_at')},
           'language', n.language, 'tags', to_jsonb(n.tags), 'subTags', to_jsonb(n.sub_tags), 'tagSource', n.tag_source,
           'tagConfidence', n.tag_confidence, 'classifierVersion', n.classifier_version,
           'reviewer', (SELECT ${RISK('p')} FROM reviewer_profiles p WHERE p.shop_id = n.shop_id AND p.platform = n.platform AND p.buyer_id = n.buyer_id)),
         1
       FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.analysis_status = 'done' AND (o.analysis_status <> 'done' OR o.analyzed_revision IS DISTINCT FROM n.analyzed_revision)`)}`,
  ),
  `CREATE TRIGGER tr_events_reviews_update AFTER UPDATE ON reviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_reviews_updated()`,

  // the case's audit log is the one place every case move is written; policy overrides and urgency are not events
  fn(
    'events_case_events_inserted',
    `${noneWanted(['case.opened', 'case.assigned', 'case.status_changed', 'case.revised', 'case.closed'])}
     ${emit(`SELECT n.shop_id, ${CASE_TYPE} AS type, c.review_id AS subject_id, 'case' AS key,
       jsonb_build_object('id', c.id, 'reviewId', c.review_id, 'action', n.action, 'fromStatus', n.from_status,
         'toStatus', COALESCE(n.to_status, c.status), 'status', c.status, 'actor', n.actor, 'reason', n.reason,
         'at', ${iso('n.at')}, 'grade', c.grade, 'assigneeId', c.assignee_id, 'openedAt', ${iso('c.opened_at')},
         'revisionDeadlineAt', ${iso('c.revision_deadline_at')}, 'firstContactDueAt', ${iso('c.first_contact_due_at')},
         'contactCount', c.contact_count)
       || CASE WHEN n.to_status = 'revised' THEN jsonb_build_object('revisedAt', ${iso('COALESCE(c.revised_at, n.at)')},
            'secondsToRevision', COALESCE((n.details->>'secondsToRevision')::bigint, floor(extract(epoch FROM COALESCE(c.revised_at, n.at) - c.opened_at))::bigint),
            'compensation', ${COMPENSATION('c.id')})
          WHEN n.to_status IN ('closed_unrevised', 'dismissed') THEN jsonb_build_object('closedAt', ${iso('COALESCE(c.closed_at, n.at)')},
            'compensation', ${COMPENSATION('c.id')})
          ELSE '{}'::jsonb END AS body,
       extract(epoch FROM n.at) AS ord
       FROM new_rows n JOIN recovery_cases c ON c.id = n.case_id`)}`,
  ),
  `CREATE TRIGGER tr_events_case_events_insert AFTER INSERT ON recovery_case_events REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_case_events_inserted()`,

  // every contact, whether or not it moved the case (a move is case.status_changed as well, written after it)
  fn(
    'events_contacts_inserted',
    `${noneWanted(['case.contact_logged'])}
     ${emit(`SELECT n.shop_id, 'case.contact_logged' AS type, n.review_id AS subject_id, 'case' AS key,
       jsonb_build_object('id', n.case_id, 'reviewId', n.review_id, 'contact', jsonb_build_object('id', n.id, 'at', ${iso('n.at')},
         'channel', n.channel, 'outcome', n.outcome, 'actor', n.actor, 'staffId', n.staff_id,
         'compensation', CASE WHEN n.compensation_type IS NULL THEN NULL ELSE jsonb_build_object('type', n.compensation_type,
           'amount', n.compensation_amount, 'currency', n.compensation_currency) END,
         'demandedAmount', n.demanded_amount, 'promisedRevisionAt', ${iso('n.promised_revision_at')},
         'nextFollowUpAt', ${iso('n.next_follow_up_at')})) AS body, 0 AS ord
       FROM new_rows n`)}`,
  ),
  `CREATE TRIGGER tr_events_contacts_insert AFTER INSERT ON recovery_contacts REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_contacts_inserted()`,

  fn(
    'events_replies_inserted',
    `${noneWanted(['reply.drafted'])}
     ${emit(`SELECT n.shop_id, 'reply.drafted' AS type, n.review_id AS subject_id, 'reply' AS key,
       jsonb_build_object('id', n.id, 'reviewId', n.review_id, 'reviewRevision', n.review_revision, 'kind', n.kind,
         'status', n.status, 'language', n.language, 'severity', n.severity, 'highRisk', n.high_risk,
         'createdBy', n.created_by, 'createdAt', ${iso('n.created_at')}) AS body, 0 AS ord
       FROM new_rows n`)}`,
  ),
  `CREATE TRIGGER tr_events_replies_insert AFTER INSERT ON reply_drafts REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_replies_inserted()`,

  // reply.published keeps the body of the reply webhook (docs/events.md, "Migrating from the reply webhook")
  fn(
    'events_replies_updated',
    `${noneWanted(['reply.approved', 'reply.published'])}
     ${emit(`SELECT n.shop_id, 'reply.approved' AS type, n.review_id AS subject_id, 'reply' AS key,
       jsonb_build_object('id', n.id, 'reviewId', n.review_id, 'reviewRevision', n.review_revision, 'kind', n.kind,
         'language', n.language, 'approvedBy', n.approved_by, 'approvedAt', ${iso('n.approved_at')}) AS body, 0 AS ord
       FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status = 'approved' AND o.status <> 'approved'
       UNION ALL
       SELECT n.shop_id, 'reply.published', n.review_id, 'reply',
         jsonb_build_object('id', n.id, 'reviewId', n.review_id, 'platform', r.platform, 'externalId', r.external_id,
           'productId', r.product_id, 'language', n.language, 'text', n.text, 'publishedAt', ${iso('n.published_at')},
           'publishedBy', COALESCE(n.published_by, '')), 1
       FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN reviews r ON r.id = n.review_id
       WHERE n.published_at IS NOT NULL AND o.published_at IS NULL`)}`,
  ),
  `CREATE TRIGGER tr_events_replies_update AFTER UPDATE ON reply_drafts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_replies_updated()`,

  // A buyer newly flagged is reviewer.flagged. The analysis scores buyers after it wrote the reviews (and their
  // review.analysed events): this transaction's review.analysed events of these buyers get the new risk, so the
  // event says what the analysis concluded. now() is the transaction's start: it picks this transaction's rows.
  fn('events_profiles_inserted', profilesChanged('TRUE')),
  fn('events_profiles_updated', profilesChanged(`NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o.status = 'flagged')`)),
  `CREATE TRIGGER tr_events_profiles_insert AFTER INSERT ON reviewer_profiles REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_profiles_inserted()`,
  `CREATE TRIGGER tr_events_profiles_update AFTER UPDATE ON reviewer_profiles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_profiles_updated()`,

  fn(
    'events_decisions_inserted',
    `${noneWanted(['reviewer.decided'])}
     ${emit(`SELECT n.shop_id, 'reviewer.decided' AS type, n.profile_id AS subject_id, 'reviewer' AS key,
       jsonb_build_object('id', n.profile_id, 'platform', p.platform, 'buyerId', p.buyer_id, 'decision', jsonb_build_object(
         'id', n.id, 'action', n.action, 'fromStatus', n.from_status, 'toStatus', n.to_status,
         'riskScore', round(n.risk_score::numeric, 1), 'riskLevel', n.risk_level, 'evidenceCodes', to_jsonb(n.evidence_codes),
         'revertsId', n.reverts_id, 'decidedBy', n.decided_by, 'decidedAt', ${iso('n.decided_at')})) AS body, 0 AS ord
       FROM new_rows n JOIN reviewer_profiles p ON p.id = n.profile_id`)}`,
  ),
  `CREATE TRIGGER tr_events_decisions_insert AFTER INSERT ON reviewer_decisions REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_decisions_inserted()`,

  // report.created keeps the body of the report webhook: the report_events payload under `report`
  fn(
    'events_report_events_inserted',
    `${noneWanted(['report.created'])}
     ${emit(`SELECT n.shop_id, n.type AS type, n.report_id AS subject_id, 'report' AS key, n.payload AS body, 0 AS ord
       FROM new_rows n WHERE n.type = 'report.created'`)}`,
  ),
  `CREATE TRIGGER tr_events_report_events_insert AFTER INSERT ON report_events REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_report_events_inserted()`,
];
