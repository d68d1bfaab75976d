/** Reviewer risk: the score and its signals, a person's decision (confirm / dismiss with a reason), the evidence pack. */
import { useState } from 'preact/hooks';
import { api, download } from './api.js';
import { date, dateTime } from './format.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import { href, navigate } from './router.js';
import type { Reviewer, ReviewerDetail, ReviewerPage } from './types.js';
import { actorName, ErrorMessage, Progress, ReasonForm, Stars, useAction, useApp, useLoad } from './ui.js';
import { CONTACT_OUTCOME_KIND_LABELS, label, PLATFORM_LABELS, RISK_LEVEL_LABELS, WATCH_STATUS_LABELS } from './vocabulary.js';

type DecisionAction = 'confirm' | 'dismiss' | 'reopen';

/** Score, signals and decisions of one reviewer; `compact` is the case view's card. */
export function RiskPanel(props: { reviewerId: string; compact?: boolean }) {
  const app = useApp();
  const { t, lang, tz, me, staff } = app;
  const reviewer = useLoad(() => api.get<ReviewerDetail>(`/v1/reviewers/${props.reviewerId}`), [props.reviewerId]);
  const [deciding, setDeciding] = useState<DecisionAction | null>(null);
  const decide = useAction();
  const data = reviewer.data;

  const submit = (action: DecisionAction, reason: string) =>
    void decide
      .run(async () => {
        await api.send('POST', `/v1/reviewers/${props.reviewerId}/${action}`, { reason });
        reviewer.reload();
      })
      .then((ok) => {
        if (ok) {
          setDeciding(null);
          app.notify(t(`risk.done.${action}` as MessageKey));
        }
      });

  const actions: DecisionAction[] = !data
    ? []
    : data.status === 'confirmed'
      ? me.leadAuthority
        ? ['reopen']
        : []
      : data.status === 'dismissed'
        ? ['confirm', ...(me.leadAuthority ? (['reopen'] as const) : [])]
        : ['confirm', 'dismiss'];

  return html`<section class=${`card risk-card level-${data?.riskLevel ?? 'low'}`} aria-labelledby=${`risk-title-${props.reviewerId}`}>
    <div class="title-row">
      <h2 id=${`risk-title-${props.reviewerId}`}>${t('risk.title')}</h2>
      <${Progress} when=${reviewer.loading && !!data} />
      <span class="spacer"></span>
      ${props.compact && html`<a href=${href(`/reviewer/${props.reviewerId}`)}>${t('risk.open')}</a>`}
    </div>
    <${ErrorMessage} error=${reviewer.error} />
    ${!data && !reviewer.error && html`<p class="muted">${t('loading')}</p>`}
    ${
      data &&
      html`<p class="risk-summary">
          <span class=${`score level-${data.riskLevel}`} id="risk-score">${Math.round(data.riskScore)}</span>
          <span>${t('risk.level', { level: label(RISK_LEVEL_LABELS, data.riskLevel, lang) })}</span>
          <span class=${`watch watch-${data.status}`} id="risk-status">${label(WATCH_STATUS_LABELS, data.status, lang)}</span>
        </p>
        ${data.decisionReason && html`<p class="small">${t('risk.decided', { who: actorName(data.decidedBy, staff, t), at: dateTime(data.decidedAt, lang, tz), reason: data.decisionReason })}</p>`}
        ${
          data.signals.length === 0
            ? html`<p class="muted">${t('risk.noSignals')}</p>`
            : html`<ul class="signals">
                ${data.signals.map(
                  (s) =>
                    html`<li class=${s.contribution < 0 ? 'mitigating' : ''}>
                      <span class="points">${s.contribution > 0 ? '+' : ''}${Math.round(s.contribution)}</span>
                      <span>${lang === 'zh' ? s.explanation.zh : s.explanation.en}</span>
                      ${s.dismissal && html` <span class="muted small">(${t(s.dismissal === 'covered' ? 'risk.covered' : 'risk.reduced')})</span>`}
                    </li>`,
                )}
              </ul>`
        }
        ${data.riskLevel !== 'low' || data.status !== 'none' ? html`<p class="muted small">${t('risk.personDecides')}</p>` : ''}
        <div class="row actions">
          ${actions.map(
            (a) =>
              html`<button
                type="button"
                id=${`risk-${a}`}
                class=${a === 'confirm' ? 'danger' : ''}
                aria-expanded=${deciding === a}
                disabled=${decide.pending}
                onClick=${() => setDeciding(deciding === a ? null : a)}
              >
                ${t(`risk.${a}` as MessageKey)}
              </button>`,
          )}
        </div>
        ${
          deciding &&
          html`<${ReasonForm}
            id="risk-reason"
            label=${t(`risk.reasonFor.${deciding}` as MessageKey)}
            submitLabel=${t(`risk.${deciding}` as MessageKey)}
            pending=${decide.pending}
            onSubmit=${(reason: string) => submit(deciding, reason)}
            onCancel=${() => setDeciding(null)}
          />`
        }
        <${ErrorMessage} error=${decide.error} />
        ${!props.compact && html`<${ReviewerDetails} data=${data} />`}`
    }
  </section>`;
}

function ReviewerDetails(props: { data: ReviewerDetail }) {
  const { t, lang, tz, staff } = useApp();
  const data = props.data;
  return html` ${
      data.decisions.length > 0 &&
      html`<h3>${t('risk.decisions')}</h3>
        <ol class="audit">
          ${[...data.decisions].reverse().map((d) => html`<li><span class="muted">${dateTime(d.decidedAt, lang, tz)}</span> ${actorName(d.decidedBy, staff, t)} · ${t(`risk.${d.action}` as MessageKey)} · ${d.reason}</li>`)}
        </ol>`
    }
    ${
      data.contactOutcomes.length > 0 &&
      html`<h3>${t('risk.outcomes')}</h3>
        <ul>
          ${data.contactOutcomes.map((o) => html`<li><span class="muted">${dateTime(o.at, lang, tz)}</span> ${label(CONTACT_OUTCOME_KIND_LABELS, o.kind, lang)}${o.demandedAmount !== null ? ` (${o.demandedAmount})` : ''}</li>`)}
        </ul>`
    }
    <h3>${t('risk.reviews', { n: data.reviews.length })}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('risk.col.date')}</th>
          <th scope="col">${t('risk.col.rating')}</th>
          <th scope="col">${t('risk.col.product')}</th>
          <th scope="col">${t('risk.col.text')}</th>
        </tr>
      </thead>
      <tbody>
        ${data.reviews.map(
          (r) =>
            html`<tr>
              <td>${date(r.reviewedAt, lang, tz)}</td>
              <td><${Stars} rating=${r.rating} /></td>
              <td>${r.productName ?? r.productId ?? '—'}</td>
              <td>${r.content.length > 120 ? `${r.content.slice(0, 120)}…` : r.content}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function ReviewerView(props: { id: string }) {
  const { t, lang, tz } = useApp();
  const profile = useLoad(() => api.get<ReviewerDetail>(`/v1/reviewers/${props.id}`), [props.id]);
  const [packLang, setPackLang] = useState<'zh' | 'en'>(lang);
  const pack = useAction();
  const data = profile.data;
  const get = (format: 'json' | 'md' | 'html') =>
    pack.run(() => download(`/v1/reviewers/${props.id}/evidence`, { format, lang: packLang }, `evidence-${data?.buyerId ?? props.id}-${packLang}.${format}`));
  return html`<section aria-labelledby="view-title">
    <nav class="crumbs"><a href="#/reviewers">← ${t('nav.reviewers')}</a></nav>
    <h1 id="view-title" tabindex="-1">${t('reviewer.title')}${data ? `: ${data.buyerNick ?? data.buyerId}` : ''}</h1>
    <${ErrorMessage} error=${profile.error} />
    ${
      data &&
      html`<dl class="facts card">
          <div>
            <dt>${t('reviewer.buyer')}</dt>
            <dd>${label(PLATFORM_LABELS, data.platform, lang)} · ${data.buyerId}${data.buyerNick ? ` · ${data.buyerNick}` : ''}</dd>
          </div>
          <div>
            <dt>${t('reviewer.reviews')}</dt>
            <dd>${t('reviewer.counts', { all: data.reviewCount, negative: data.negativeReviewCount })}</dd>
          </div>
          <div>
            <dt>${t('reviewer.period')}</dt>
            <dd>${date(data.firstReviewedAt, lang, tz)} – ${date(data.lastReviewedAt, lang, tz)}</dd>
          </div>
        </dl>
        <section class="card" aria-labelledby="evidence-title">
          <h2 id="evidence-title">${t('evidence.title')}</h2>
          <p class="muted small">${t('evidence.hint')}</p>
          <div class="row">
            <label
              >${t('evidence.lang')}
              <select id="evidence-lang" value=${packLang} onChange=${(e: Event) => setPackLang((e.target as HTMLSelectElement).value as 'zh' | 'en')}>
                <option value="zh">中文</option>
                <option value="en">English</option>
              </select>
            </label>
            <button type="button" id="evidence-html" onClick=${() => void get('html')} disabled=${pack.pending}>${t('evidence.html')}</button>
            <button type="button" id="evidence-md" onClick=${() => void get('md')} disabled=${pack.pending}>${t('evidence.md')}</button>
            <button type="button" id="evidence-json" onClick=${() => void get('json')} disabled=${pack.pending}>${t('evidence.json')}</button>
            <${Progress} when=${pack.pending} label=${t('downloading')} />
          </div>
          <${ErrorMessage} error=${pack.error} />
        </section>`
    }
    <${RiskPanel} reviewerId=${props.id} />
  </section>`;
}

const LEVELS = ['', 'high', 'medium', 'low'];
const STATUSES = ['', 'flagged', 'confirmed', 'dismissed', 'none'];

export function ReviewersView(props: { params: URLSearchParams }) {
  const { t, lang, tz } = useApp();
  // high-risk reviewers first: 'all' in the link shows every level
  const levelParam = props.params.get('level') ?? 'high';
  const level = levelParam === 'all' ? '' : levelParam;
  const status = props.params.get('status') ?? '';
  const [pages, setPages] = useState<Reviewer[][]>([]);
  const first = useLoad(async () => {
    const page = await api.get<ReviewerPage>('/v1/reviewers', { level: level || undefined, status: status || undefined, limit: 50 });
    setPages([]);
    return page;
  }, [level, status]);
  const more = useAction();
  const [cursor, setCursor] = useState<string | null>(null);
  const nextCursor = pages.length ? cursor : (first.data?.nextCursor ?? null);
  const items = [...(first.data?.items ?? []), ...pages.flat()];
  const loadMore = () =>
    more.run(async () => {
      const page = await api.get<ReviewerPage>('/v1/reviewers', { level: level || undefined, status: status || undefined, limit: 50, cursor: nextCursor });
      setPages((current) => [...current, page.items]);
      setCursor(page.nextCursor ?? null);
    });
  const setFilter = (name: string, value: string) =>
    navigate('/reviewers', { level: levelParam, status, [name]: value || (name === 'level' ? 'all' : '') }, { replace: true });
  return html`<section aria-labelledby="view-title">
    <h1 id="view-title" tabindex="-1">${t('reviewers.title')}</h1>
    <p class="muted">${t('reviewers.hint')}</p>
    <div class="row filters">
      <label
        >${t('reviewers.level')}
        <select id="reviewers-level" value=${level} onChange=${(e: Event) => setFilter('level', (e.target as HTMLSelectElement).value)}>
          ${LEVELS.map((l) => html`<option value=${l}>${l ? label(RISK_LEVEL_LABELS, l, lang) : t('filter.any')}</option>`)}
        </select>
      </label>
      <label
        >${t('reviewers.status')}
        <select id="reviewers-status" value=${status} onChange=${(e: Event) => setFilter('status', (e.target as HTMLSelectElement).value)}>
          ${STATUSES.map((s) => html`<option value=${s}>${s ? label(WATCH_STATUS_LABELS, s, lang) : t('filter.any')}</option>`)}
        </select>
      </label>
      <${Progress} when=${first.loading} />
    </div>
    <${ErrorMessage} error=${first.error} />
    ${first.data && items.length === 0 && html`<p class="empty">${t('reviewers.none')}</p>`}
    ${
      items.length > 0 &&
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t('reviewers.col.score')}</th>
            <th scope="col">${t('reviewers.col.buyer')}</th>
            <th scope="col">${t('reviewers.col.status')}</th>
            <th scope="col">${t('reviewers.col.reviews')}</th>
            <th scope="col">${t('reviewers.col.last')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (r) =>
              html`<tr>
                <td><span class=${`score small-score level-${r.riskLevel}`}>${Math.round(r.riskScore)}</span></td>
                <td>
                  <a href=${href(`/reviewer/${r.id}`)}>${r.buyerNick ?? r.buyerId}</a>
                  <span class="muted small">${label(PLATFORM_LABELS, r.platform, lang)} · ${r.buyerId}</span>
                </td>
                <td>${label(WATCH_STATUS_LABELS, r.status, lang)}</td>
                <td>${r.negativeReviewCount} / ${r.reviewCount}</td>
                <td>${date(r.lastReviewedAt, lang, tz)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`
    }
    ${nextCursor && html`<p><button type="button" onClick=${() => void loadMore()} disabled=${more.pending}>${t('queue.more')}</button></p>`}
    <${ErrorMessage} error=${more.error} />
  </section>`;
}
