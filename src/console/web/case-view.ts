/** One case on one screen: the review and why, the reply and the script, the contacts and the policy, the actions. */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { ContactPanel } from './case-contacts.js';
import { ReplyPanel } from './case-reply.js';
import { TagsPanel } from './case-tags.js';
import { dateTime, money, relative } from './format.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import { RiskPanel } from './reviewer-view.js';
import { href, navigate } from './router.js';
import { neighbour, positionOf, queueLink } from './session.js';
import type { CaseDetail, CaseStatus, RecoveryCase, Review } from './types.js';
import { actorName, ErrorMessage, Progress, ReasonForm, Stars, typingIn, useAction, useApp, useLoad } from './ui.js';
import { isTerminal, label, LEAD_ONLY_TARGETS, MANUAL_TRANSITIONS, PLATFORM_LABELS, REASON_REQUIRED, STATUS_LABELS } from './vocabulary.js';

export function CaseView(props: { id: string }) {
  const app = useApp();
  const { t } = app;
  const detail = useLoad(() => api.get<CaseDetail>(`/v1/cases/${props.id}`), [props.id]);
  const position = positionOf(props.id);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event)) return;
      const go = (step: 1 | -1) => {
        const next = neighbour(props.id, step);
        if (next) {
          event.preventDefault();
          navigate(`/case/${next.caseId}`);
        }
      };
      if (event.key === 'j') go(1);
      else if (event.key === 'k') go(-1);
      else if (event.key === 'Escape' || event.key === 'u') {
        event.preventDefault();
        location.hash = queueLink();
      } else if (event.key === 'c' && detail.data && !detail.data.assignee && app.me.staffId) {
        event.preventDefault();
        document.getElementById('case-claim')?.click();
      } else if (event.key === 'l') {
        event.preventDefault();
        document.getElementById('contact-channel')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const data = detail.data;
  /** a change the API answered with the case: shown at once, the rest reloaded quietly */
  const onCaseChange = (updated: RecoveryCase | null) => {
    if (updated) detail.set((current) => ({ ...current, ...updated }));
    detail.reload();
  };
  const prev = neighbour(props.id, -1);
  const next = neighbour(props.id, 1);

  return html`<section aria-labelledby="view-title" class="case">
    <nav class="crumbs row" aria-label=${t('case.navigation')}>
      <a href=${queueLink()}>← ${t('nav.queue')}</a>
      ${position && html`<span class="muted">${t('case.position', { index: position.index, total: position.total })}</span>`}
      ${prev && html`<a href=${href(`/case/${prev.caseId}`)} aria-keyshortcuts="k">${t('case.prev')}</a>`}
      ${next && html`<a href=${href(`/case/${next.caseId}`)} aria-keyshortcuts="j">${t('case.next')}</a>`}
      <${Progress} when=${detail.loading && !!data} />
    </nav>
    <${ErrorMessage} error=${detail.error} />
    ${!data && !detail.error && html`<p class="muted">${t('loading')}</p>`}
    ${
      data &&
      html`<h1 id="view-title" tabindex="-1" class="case-title">
          <span class=${`grade grade-${data.grade}`}>${t(data.grade === 'bad' ? 'grade.bad' : 'grade.medium')}</span>
          <${Stars} rating=${data.review.rating} />
          <span>${data.review.productName ?? data.review.productId ?? t('case.noProduct')}</span>
          <span class=${`status status-${data.status}`} id="case-status">${label(STATUS_LABELS, data.status, app.lang)}</span>
        </h1>
        <div class="grid2">
          <div class="col">
            <${ReviewPanel} review=${data.review} />
            <${TagsPanel} review=${data.review} onSaved=${(review: Review) => detail.set((current) => ({ ...current, review }))} />
            <${ReplyPanel} reviewId=${data.reviewId} caseId=${data.id} />
          </div>
          <div class="col">
            <${CasePanel} data=${data} onChange=${onCaseChange} />
            <${ContactPanel} data=${data} onLogged=${onCaseChange} />
            ${data.reviewer && html`<${RiskPanel} reviewerId=${data.reviewer.id} compact=${true} />`}
            <${AuditPanel} data=${data} />
          </div>
        </div>`
    }
  </section>`;
}

function ReviewPanel(props: { review: Review }) {
  const { t, lang, tz } = useApp();
  const review = props.review;
  const [showPhotos, setShowPhotos] = useState(false);
  const steps: [MessageKey, string | null | undefined][] = [
    ['timeline.ordered', review.orderedAt],
    ['timeline.shipped', review.shippedAt],
    ['timeline.delivered', review.deliveredAt],
    ['timeline.reviewed', review.reviewedAt],
    ['timeline.followUp', review.followUpAt],
  ];
  const scores = (
    [
      ['tags.dimension.quality', review.qualityScore],
      ['tags.dimension.description', review.descriptionScore],
      ['tags.dimension.logistics', review.logisticsScore],
      ['tags.dimension.service', review.serviceScore],
    ] as [MessageKey, number | null | undefined][]
  ).filter((entry): entry is [MessageKey, number] => typeof entry[1] === 'number');
  const flags = (
    [
      ['review.anonymous', review.anonymous],
      ['review.autoReview', review.autoReview],
      ['review.platformCheat', review.platformCheat],
      ['review.platformComplaint', review.platformComplaint],
    ] as [MessageKey, boolean | null | undefined][]
  )
    .filter(([, set]) => set === true)
    .map(([key]) => key);
  const sinceDelivery = review.deliveredAt ? (new Date(review.reviewedAt).getTime() - new Date(review.deliveredAt).getTime()) / 3_600_000 : null;
  return html`<article class="card" aria-labelledby="review-title">
    <h2 id="review-title">${t('review.title')}</h2>
    <blockquote class="quote" lang=${review.language?.startsWith('zh') ? 'zh' : review.language === 'en' ? 'en' : undefined}>
      ${review.content || html`<span class="muted">${t('review.noText')}</span>`}
    </blockquote>
    ${
      review.followUpContent &&
      html`<p class="muted small">${t('review.followUp')} · ${dateTime(review.followUpAt, lang, tz)}</p>
        <blockquote class="quote">${review.followUpContent}</blockquote>`
    }
    ${scores.length > 0 && html`<p class="small" id="platform-scores">${t('review.platformScores')}: ${scores.map(([key, value]) => html`<span class=${value <= 2 ? 'score low' : 'score'}>${t(key)} ${value}/5</span> `)}</p>`}
    ${flags.length > 0 && html`<p class="small" id="platform-flags">${flags.map((key) => html`<span class="status">${t(key)}</span> `)}</p>`}
    ${
      (review.images.length > 0 || review.imageCount > 0 || review.hasVideo) &&
      html`<div class="photos">
        <p class="small">
          ${t('review.photos', { n: Math.max(review.images.length, review.imageCount) })}${review.hasVideo ? ` · ${t('review.video')}` : ''}
          ${review.images.length > 0 && html` <button type="button" class="link" aria-pressed=${showPhotos} onClick=${() => setShowPhotos(!showPhotos)}>${showPhotos ? t('review.hidePhotos') : t('review.showPhotos')}</button>`}
        </p>
        ${
          review.images.length > 0 &&
          html`<ul class="photo-list">
            ${review.images.map(
              (url, i) =>
                html`<li>
                  <a href=${url} target="_blank" rel="noopener noreferrer"
                    >${showPhotos ? html`<img src=${url} alt=${t('review.photoN', { n: i + 1 })} loading="lazy" referrerpolicy="no-referrer" />` : t('review.photoN', { n: i + 1 })}</a
                  >
                </li>`,
            )}
          </ul>`
        }
        ${review.images.length > 0 && !showPhotos && html`<p class="muted small">${t('review.photosExternal')}</p>`}
      </div>`
    }
    <h3>${t('timeline.title')}</h3>
    <ol class="timeline">
      ${steps.map(([key, at]) => html`<li class=${at ? 'done' : 'missing'}><span class="muted">${t(key)}</span> ${dateTime(at, lang, tz)}</li>`)}
    </ol>
    ${sinceDelivery !== null && html`<p class="small muted">${t('timeline.sinceDelivery', { hours: Math.round(sinceDelivery) })}</p>`}
    <dl class="facts">
      <div>
        <dt>${t('review.platform')}</dt>
        <dd>${label(PLATFORM_LABELS, review.platform, lang)} · ${review.externalId}</dd>
      </div>
      <div>
        <dt>${t('review.order')}</dt>
        <dd>${review.orderId ?? '—'} · ${money(review.orderAmount, review.currency, lang)}</dd>
      </div>
      <div>
        <dt>${t('review.buyer')}</dt>
        <dd>${review.buyerNick ?? '—'}${review.buyerId ? html` <span class="muted">(${review.buyerId})</span>` : ''}</dd>
      </div>
      <div>
        <dt>${t('review.carrier')}</dt>
        <dd>${review.carrier ?? '—'}</dd>
      </div>
      <div>
        <dt>${t('review.agent')}</dt>
        <dd>${review.serviceAgent ?? '—'}</dd>
      </div>
      <div>
        <dt>${t('review.revision')}</dt>
        <dd>${review.revision}</dd>
      </div>
    </dl>
  </article>`;
}

function CasePanel(props: { data: CaseDetail; onChange: (updated: RecoveryCase | null) => void }) {
  const app = useApp();
  const { t, lang, tz, me, staff } = app;
  const data = props.data;
  const action = useAction();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const final = isTerminal(data.status);
  const targets = MANUAL_TRANSITIONS[data.status].filter((s) => me.leadAuthority || !LEAD_ONLY_TARGETS.has(s));

  const move = async (to: CaseStatus, why?: string) => {
    const ok = await action.run(async () => {
      const updated = await api.send<RecoveryCase>('POST', `/v1/cases/${data.id}/status`, { status: to, reason: why || undefined });
      props.onChange(updated);
    });
    if (ok) {
      setTarget(null);
      app.notify(t('case.moved', { status: label(STATUS_LABELS, to, lang) }));
    }
  };
  const claim = () =>
    action.run(async () => {
      props.onChange(await api.send<RecoveryCase>('POST', `/v1/cases/${data.id}/claim`));
      app.notify(t('queue.claimed'));
    });
  const assign = (staffId: string) =>
    action.run(async () => {
      const path = data.assignee ? 'reassign' : 'assign';
      props.onChange(await api.send<RecoveryCase>('POST', `/v1/cases/${data.id}/${path}`, { staffId: staffId || null }));
      app.notify(t('queue.assigned', { name: staff.find((s) => s.id === staffId)?.name ?? t('queue.nobody') }));
    });

  return html`<section class="card" aria-labelledby="case-panel-title">
    <h2 id="case-panel-title">${t('case.title')}</h2>
    <dl class="facts">
      <div>
        <dt>${t('case.assignee')}</dt>
        <dd>
          ${
            me.leadAuthority && !final
              ? html`<label class="sr-only" for="case-assignee">${t('queue.assignTo')}</label>
                  <select
                    id="case-assignee"
                    value=${data.assignee?.id ?? ''}
                    disabled=${action.pending}
                    onChange=${(e: Event) => void assign((e.target as HTMLSelectElement).value)}
                  >
                    <option value="">${t('queue.unassigned')}</option>
                    ${staff.filter((s) => s.active || s.id === data.assignee?.id).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
                  </select>`
              : data.assignee
                ? data.assignee.id === me.staffId
                  ? t('queue.me')
                  : data.assignee.name
                : t('queue.unassigned')
          }
          ${!data.assignee && me.staffId && !final && html` <button type="button" id="case-claim" disabled=${action.pending} onClick=${claim} aria-keyshortcuts="c">${t('queue.claim')}</button>`}
        </dd>
      </div>
      <div>
        <dt>${t('case.deadline')}</dt>
        <dd>${dateTime(data.revisionDeadlineAt, lang, tz)} <span class="muted">(${relative(data.revisionDeadlineAt, lang)})</span></dd>
      </div>
      <div>
        <dt>${t('case.firstContactDue')}</dt>
        <dd>
          ${data.firstContactedAt ? t('case.contactedAt', { at: dateTime(data.firstContactedAt, lang, tz) }) : html`${dateTime(data.firstContactDueAt, lang, tz)} <span class="muted">(${relative(data.firstContactDueAt, lang)})</span>`}
        </dd>
      </div>
      ${
        data.followUpDueAt &&
        html`<div>
          <dt>${t('case.followUp')}</dt>
          <dd>${dateTime(data.followUpDueAt, lang, tz)} <span class="muted">(${relative(data.followUpDueAt, lang)})</span></dd>
        </div>`
      }
      ${
        data.promisedRevisionAt &&
        html`<div>
          <dt>${t('case.promised')}</dt>
          <dd id="case-promised">${dateTime(data.promisedRevisionAt, lang, tz)}</dd>
        </div>`
      }
      <div>
        <dt>${t('case.contacts')}</dt>
        <dd>${data.contactCount}${data.missedPromises ? ` · ${t('case.missedPromises', { n: data.missedPromises })}` : ''}</dd>
      </div>
      ${
        data.revisedAt &&
        html`<div>
          <dt>${t('case.revisedAt')}</dt>
          <dd>${dateTime(data.revisedAt, lang, tz)}</dd>
        </div>`
      }
      ${
        data.closedAt &&
        !data.revisedAt &&
        html`<div>
          <dt>${t('case.closedAt')}</dt>
          <dd>${dateTime(data.closedAt, lang, tz)}</dd>
        </div>`
      }
    </dl>
    ${
      final
        ? html`<p class="ok">${t('case.final')}</p>`
        : html`<div class="row actions" role="group" aria-label=${t('case.actions')}>
              ${targets.map(
                (to) =>
                  html`<button
                    type="button"
                    class=${to === 'revised' ? 'primary' : to === 'dismissed' ? 'danger' : ''}
                    disabled=${action.pending}
                    aria-expanded=${REASON_REQUIRED.has(to) ? target === to : undefined}
                    onClick=${() => (REASON_REQUIRED.has(to) ? setTarget(target === to ? null : to) : void move(to))}
                  >
                    ${t(`case.to.${to}` as MessageKey)}
                  </button>`,
              )}
            </div>
            ${data.status !== 'awaiting_revision' && html`<p class="muted small">${t('case.awaitingHint')}</p>`}
            ${
              target &&
              html`<${ReasonForm}
                id="status-reason"
                label=${t('case.reasonFor', { status: label(STATUS_LABELS, target, lang) })}
                submitLabel=${t('case.confirmMove')}
                pending=${action.pending}
                onSubmit=${(why: string) => void move(target, why)}
                onCancel=${() => setTarget(null)}
              />`
            }`
    }
    <${Progress} when=${action.pending} label=${t('saving')} />
    <${ErrorMessage} error=${action.error} />
  </section>`;
}

function AuditPanel(props: { data: CaseDetail }) {
  const { t, lang, tz, staff } = useApp();
  return html`<details class="card">
    <summary><h2 class="inline">${t('audit.title')} (${props.data.events.length})</h2></summary>
    <ol class="audit">
      ${[...props.data.events]
        .reverse()
        .map(
          (e) =>
            html`<li>
              <span class="muted">${dateTime(e.at, lang, tz)}</span> ${actorName(e.actor, staff, t)} · ${e.action}
              ${e.from || e.to ? html` ${e.from ? label(STATUS_LABELS, e.from, lang) : ''} → ${e.to ? label(STATUS_LABELS, e.to, lang) : ''}` : ''}
              ${e.reason && html`<div class="muted small">${e.reason}</div>`}
            </li>`,
        )}
    </ol>
  </details>`;
}
