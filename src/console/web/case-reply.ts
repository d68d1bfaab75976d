/** The public 3F reply (edit, regenerate, approve, publish) and the private outreach script with the suggested remedy. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './api.js';
import { dateTime } from './format.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import type { ComplianceFinding, Reply, ReviewReplies } from './types.js';
import { actorName, ErrorMessage, Progress, useAction, useApp, useLoad } from './ui.js';
import { COMPLIANCE_RULE_LABELS, FINDING_SEVERITY_LABELS, label, REPLY_STATUS_LABELS } from './vocabulary.js';

const PARTS = ['feel', 'felt', 'found'] as const;
type Part = (typeof PARTS)[number];
const EDITABLE = ['draft', 'edited'];

/** enough rows to read a part without scrolling */
const rowsFor = (text: string) => Math.min(8, Math.max(2, Math.ceil([...text].length / 38)));

/** characters as platforms count them: one per code point */
const length = (text: string) => [...text].length;

export function ReplyPanel(props: { reviewId: string; caseId: string }) {
  const app = useApp();
  const { t } = app;
  const replies = useLoad(() => api.get<ReviewReplies>(`/v1/reviews/${props.reviewId}/replies`), [props.reviewId]);
  const drafting = useAction();
  const autoDrafted = useRef<string | null>(null);
  const reply = replies.data?.current ?? null;

  const draft = (language?: string) =>
    drafting.run(async () => {
      const created = await api.send<Reply>('POST', `/v1/reviews/${props.reviewId}/replies`, language ? { language } : {});
      replies.set((current) => ({ ...current, current: created, history: current.current ? [current.current, ...current.history] : current.history }));
    });

  // staff need the script before they call: a review without a reply gets its first draft on opening
  useEffect(() => {
    // ...unless the seller already replied on the platform: staff draft another only when they ask
    if (replies.data && !replies.data.current && !replies.data.platformReply && autoDrafted.current !== props.reviewId) {
      autoDrafted.current = props.reviewId;
      void draft();
    }
  }, [replies.data, props.reviewId]);

  const onReply = (updated: Reply) => replies.set((current) => ({ ...current, current: updated }));

  // a published reply's webhook delivery finishes in the background: look again a few times
  const pending = reply?.status === 'published' && reply.deliveries.some((d) => d.status === 'pending');
  const polls = useRef(0);
  useEffect(() => {
    if (!pending || polls.current >= 20) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      replies.reload();
    }, 1500);
    return () => clearTimeout(timer);
  }, [pending, replies.data]);

  return html`<section class="card" aria-labelledby="reply-title">
      <div class="title-row">
        <h2 id="reply-title">${t('reply.title')}</h2>
        ${reply && html`<span class=${`status reply-${reply.status}`} id="reply-status">${label(REPLY_STATUS_LABELS, reply.status, app.lang)}</span>`}
        <span class="spacer"></span>
        <${Progress} when=${drafting.pending} label=${t('reply.drafting')} />
      </div>
      <${ErrorMessage} error=${replies.error} />
      <${ErrorMessage} error=${drafting.error} />
      ${!replies.data && !replies.error && html`<p class="muted">${t('loading')}</p>`}
      ${
        replies.data?.platformReply &&
        html`<div class="platform-reply" id="platform-reply">
          <p class="small">
            <span class="status reply-published">${t('reply.repliedOnPlatform')}</span
            >${replies.data.platformReply.at ? html` <span class="muted">${dateTime(replies.data.platformReply.at, app.lang, app.tz)}</span>` : ''}
          </p>
          ${replies.data.platformReply.text === null ? html`<p class="muted small">${t('reply.platformTextMissing')}</p>` : html`<blockquote class="quote">${replies.data.platformReply.text}</blockquote>`}
          ${!reply && html`<button type="button" id="draft-anyway" disabled=${drafting.pending} onClick=${() => void draft()}>${t('reply.draftAnyway')}</button>`}
        </div>`
      }
      ${reply && html`<${ReplyEditor} key=${reply.id} reply=${reply} onReply=${onReply} onRedraft=${draft} redrafting=${drafting.pending} />`}
    </section>
    ${reply && (reply.outreach || reply.remedy) && html`<${OutreachPanel} reply=${reply} />`}`;
}

function ReplyEditor(props: { reply: Reply; onReply: (reply: Reply) => void; onRedraft: (language?: string) => Promise<boolean>; redrafting: boolean }) {
  const app = useApp();
  const { t, lang, tz, staff } = app;
  const reply = props.reply;
  const editable = EDITABLE.includes(reply.status);
  const byParts = reply.feel !== null && reply.felt !== null && reply.found !== null;
  const [parts, setParts] = useState<Record<Part, string>>({ feel: reply.feel ?? '', felt: reply.felt ?? '', found: reply.found ?? '' });
  const [text, setText] = useState(reply.text);
  const save = useAction();
  const workflow = useAction();
  const [language, setLanguage] = useState(reply.language);

  const dirty = byParts ? PARTS.some((p) => parts[p] !== (reply[p] ?? '')) : text !== reply.text;
  const joined = byParts
    ? PARTS.map((p) => parts[p].trim())
        .filter(Boolean)
        .join(reply.language === 'en' ? ' ' : '')
    : text;
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.problems.find((p) => p.field === field) : undefined);

  const saveEdits = () =>
    save.run(async () => {
      const body = byParts ? Object.fromEntries(PARTS.filter((p) => parts[p] !== (reply[p] ?? '')).map((p) => [p, parts[p]])) : { text };
      props.onReply(await api.send<Reply>('PATCH', `/v1/replies/${reply.id}`, body));
      app.notify(t('reply.saved'));
    });
  const [overrideReason, setOverrideReason] = useState('');
  const step = (what: 'approve' | 'publish', override?: string) =>
    workflow.run(async () => {
      if (what === 'approve' && dirty && !(await saveEdits())) return;
      const body = override ? { complianceOverride: { reason: override } } : undefined;
      props.onReply(await api.send<Reply>('POST', `/v1/replies/${reply.id}/${what}`, body));
      app.notify(t(what === 'approve' ? 'reply.approvedNotice' : 'reply.publishedNotice'));
    });
  const blocking = reply.findings.some((f) => f.severity === 'block');
  const nextStep = editable ? 'approve' : reply.status === 'approved' ? 'publish' : null;

  return html`<div class="reply">
    ${reply.outdated && html`<p class="notice">${t('reply.outdated')}</p>`} ${reply.highRisk && html`<p class="notice risk">${t('reply.highRisk')}</p>`}
    ${
      byParts
        ? PARTS.map((part) => {
            const problem = fieldError(part);
            return html`<div class="part">
              <label for=${`reply-${part}`}>${t(`reply.${part}` as MessageKey)} <span class="muted small">${t(`reply.${part}Hint` as MessageKey)}</span></label>
              <textarea
                id=${`reply-${part}`}
                rows=${rowsFor(parts[part])}
                readonly=${!editable}
                aria-invalid=${problem ? 'true' : undefined}
                aria-describedby=${problem ? `reply-${part}-error` : undefined}
                value=${parts[part]}
                onInput=${(e: Event) => setParts({ ...parts, [part]: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
              ${problem && html`<p class="error small" id=${`reply-${part}-error`}>${problem.message}</p>`}
            </div>`;
          })
        : html`<div class="part">
            <label for="reply-text">${t('reply.text')}</label>
            <textarea
              id="reply-text"
              rows=${rowsFor(text) + 1}
              readonly=${!editable}
              value=${text}
              onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${fieldError('text') && html`<p class="error small">${fieldError('text')?.message}</p>`}
          </div>`
    }
    ${byParts && html`<p class="preview" id="reply-preview" lang=${reply.language.startsWith('zh') ? 'zh' : 'en'}>${joined}</p>`}
    <p class=${`small ${length(joined) > reply.maxLength ? 'error-text' : 'muted'}`}>
      ${t('reply.length', { n: length(joined), max: reply.maxLength })}${reply.shortened ? ` · ${t('reply.shortened')}` : ''}
    </p>
    <div class="row actions">
      ${editable && html`<button type="button" id="reply-save" disabled=${!dirty || save.pending} onClick=${() => void saveEdits()}>${t('reply.save')}</button>`}
      ${editable && html`<button type="button" id="reply-approve" class="primary" disabled=${workflow.pending || save.pending} onClick=${() => void step('approve')}>${dirty ? t('reply.saveApprove') : t('reply.approve')}</button>`}
      ${reply.status === 'approved' && html`<button type="button" id="reply-publish" class="primary" disabled=${workflow.pending} onClick=${() => void step('publish')}>${t('reply.publish')}</button>`}
      <span class="spacer"></span>
      <label class="inline-label"
        >${t('reply.language')}
        <select value=${language} onChange=${(e: Event) => setLanguage((e.target as HTMLSelectElement).value as Reply['language'])}>
          <option value="zh-Hans">简体中文</option>
          <option value="zh-Hant">繁體中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <button
        type="button"
        id="reply-regenerate"
        disabled=${props.redrafting}
        onClick=${() => void props.onRedraft(language !== reply.language ? language : undefined)}
      >
        ${t('reply.regenerate')}
      </button>
    </div>
    <${Findings} reply=${reply} />
    ${
      blocking &&
      nextStep &&
      (app.me.leadAuthority
        ? html`<div class="row override" id="compliance-override-form">
            <label class="block"
              >${t('compliance.overrideReason')}<input
                id="compliance-override-reason"
                maxlength="500"
                value=${overrideReason}
                onInput=${(e: Event) => setOverrideReason((e.target as HTMLInputElement).value)}
            /></label>
            <button
              type="button"
              id="compliance-override"
              disabled=${workflow.pending || save.pending || overrideReason.trim() === ''}
              onClick=${() => void step(nextStep, overrideReason.trim())}
            >
              ${t(nextStep === 'approve' ? 'compliance.overrideApprove' : 'compliance.overridePublish')}
            </button>
          </div>`
        : html`<p class="muted small" id="compliance-lead-only">${t('compliance.leadOnly')}</p>`)
    }
    <${Progress} when=${save.pending || workflow.pending} label=${t('saving')} />
    <${ErrorMessage} error=${save.error} brief=${true} />
    <${ErrorMessage} error=${workflow.error} />
    <p class="muted small">
      ${t('reply.drafted', { who: actorName(reply.createdBy, staff, t), at: dateTime(reply.createdAt, lang, tz) })}
      ${reply.approvedBy && ` · ${t('reply.approvedBy', { who: actorName(reply.approvedBy, staff, t), at: dateTime(reply.approvedAt, lang, tz) })}`}
      ${reply.publishedBy && ` · ${t('reply.publishedBy', { who: actorName(reply.publishedBy, staff, t), at: dateTime(reply.publishedAt, lang, tz) })}`}
    </p>
    ${
      reply.status === 'published' &&
      html`<p class="small" id="reply-delivery">
        ${
          reply.deliveries.length === 0
            ? t('reply.noWebhook')
            : reply.deliveries.map(
                (d) =>
                  html`<span class=${`delivery delivery-${d.status}`}
                    >${t(`delivery.${d.status}` as MessageKey, { attempts: d.attempts, code: d.lastStatusCode ?? '—' })}</span
                  >`,
              )
        }
      </p>`
    }
  </div>`;
}

/** The text a finding's field names, to show its span in place. */
function fieldText(reply: Reply, field: string): string | null {
  if (field === 'text') return reply.text;
  if (field === 'feel' || field === 'felt' || field === 'found') return reply[field] ?? null;
  if (field === 'remedy.privateText') return reply.remedy?.privateText ?? null;
  const step = /^outreach\.steps\[(\d+)\]\.say$/.exec(field);
  return step ? (reply.outreach?.steps[Number(step[1])]?.say ?? null) : null;
}

const CONTEXT = 24;

/** The span of a finding highlighted in a few characters of its text. */
function Span(props: { finding: ComplianceFinding; text: string | null }) {
  const { finding, text } = props;
  if (text === null || text.slice(finding.start, finding.end) !== finding.excerpt) return html`<q><mark>${finding.excerpt}</mark></q>`;
  const from = Math.max(0, finding.start - CONTEXT);
  const to = Math.min(text.length, finding.end + CONTEXT);
  return html`<q
    >${from > 0 ? '…' : ''}${text.slice(from, finding.start)}<mark>${finding.excerpt}</mark>${text.slice(finding.end, to)}${to < text.length ? '…' : ''}</q
  >`;
}

/** The compliance findings on the saved reply, blocking first, each with its rule, span, explanation and rewrite. */
function Findings(props: { reply: Reply }) {
  const { t, lang } = useApp();
  const findings = props.reply.findings;
  return html`<div class="findings" id="compliance-findings" aria-live="polite">
    <h3>${t('compliance.title')}</h3>
    ${findings.length === 0 && html`<p class="muted small">${t('compliance.clean')}</p>`}
    ${findings.some((f) => f.severity === 'block') && html`<p class="notice risk">${t('compliance.blocked')}</p>`}
    <ul>
      ${findings.map(
        (f) =>
          html`<li class=${`finding finding-${f.severity}`} data-rule=${f.ruleId}>
            <div>
              <span class=${`severity severity-${f.severity}`}>${label(FINDING_SEVERITY_LABELS, f.severity, lang)}</span>
              <strong>${label(COMPLIANCE_RULE_LABELS, f.ruleId, lang)}</strong> <span class="muted small">${t('compliance.in', { field: f.field })}</span>
            </div>
            <div class="span"><${Span} finding=${f} text=${fieldText(props.reply, f.field)} /></div>
            <p class="small">${f.explanation}</p>
            <p class="small rewrite">${t('compliance.rewrite')}${f.rewrite}</p>
            <p class="muted small">${t('compliance.source')}${f.source}</p>
          </li>`,
      )}
    </ul>
  </div>`;
}

function OutreachPanel(props: { reply: Reply }) {
  const { t, lang } = useApp();
  const { outreach, remedy } = props.reply;
  return html`<section class="card" aria-labelledby="outreach-title">
    <h2 id="outreach-title">${t('outreach.title')}</h2>
    ${
      remedy &&
      html`<div class="remedy" id="remedy">
        <h3>${t('outreach.remedy')}</h3>
        <p><strong>${remedy.privateText ?? remedy.kind}</strong></p>
        <p class="muted small">${remedy.reason}</p>
        ${remedy.compensationCost > 0 && html`<p class="small">${t('outreach.cost', { cost: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'currency', currency: remedy.currency }).format(remedy.compensationCost) })}</p>`}
        ${remedy.needsLeadApproval && html`<p class="notice">${t('outreach.leadApproval')}${remedy.approvalReasons.length ? ` (${remedy.approvalReasons.join(', ')})` : ''}</p>`}
        ${remedy.withheld && html`<p class="notice risk">${t('outreach.withheld', { kind: remedy.withheld.kind })}</p>`}
      </div>`
    }
    ${
      outreach &&
      html`<h3>${t('outreach.script')}</h3>
        <ol class="script" lang=${props.reply.language.startsWith('zh') ? 'zh' : 'en'}>
          ${outreach.steps.map((s) => html`<li><span class="muted small">${s.goal}</span>${s.say && html`<div class="say">${s.say}</div>`}</li>`)}
        </ol>`
    }
  </section>`;
}
