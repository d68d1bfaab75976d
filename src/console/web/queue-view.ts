/** The daily queue: the API's order with the reasons, counts, filters, and keys to move fast (j/k, c, Enter). */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from './api.js';
import { relative } from './format.js';
import { html } from './html.js';
import { href, navigate } from './router.js';
import { rememberQueue } from './session.js';
import type { Alert, AlertPage, Queue, QueueItem } from './types.js';
import { ErrorMessage, Progress, Stars, typingIn, useApp, useLoad } from './ui.js';
import { ALERT_CAUSE_LABELS, label, STATUS_LABELS, SUBJECT_TYPE_LABELS, TAG_LABELS, TAGS } from './vocabulary.js';

const COUNT_KEYS = ['inQueue', 'new', 'due', 'overdue', 'unassigned', 'closingSoon', 'highRisk', 'open'] as const;
const LIMITS = [50, 100, 200];

interface Filters {
  assignee: string;
  grade: string;
  tag: string;
  product: string;
  limit: number;
}

export function QueueView(props: { params: URLSearchParams }) {
  const app = useApp();
  const { t, lang, me, staff } = app;
  const defaultAssignee = me.role === 'agent' ? 'me' : 'all';
  const filters: Filters = {
    assignee: props.params.get('assignee') ?? defaultAssignee,
    grade: props.params.get('grade') ?? '',
    tag: props.params.get('tag') ?? '',
    product: props.params.get('product') ?? '',
    limit: LIMITS.includes(Number(props.params.get('limit'))) ? Number(props.params.get('limit')) : LIMITS[0],
  };
  const key = JSON.stringify(filters);
  const queue = useLoad(
    () =>
      api.get<Queue>('/v1/queue', {
        assignee: filters.assignee === 'all' ? undefined : filters.assignee,
        grade: filters.grade,
        tag: filters.tag,
        productId: filters.product,
        limit: filters.limit,
        highRiskLimit: 20,
      }),
    [key],
  );
  const alerts = useLoad(() => api.get<AlertPage>('/v1/alerts', { status: 'open', limit: 50 }), [key]);
  // the cases of an alerted subject are one known problem: grouped first, under their alert, in the queue's order
  const grouping = useMemo(() => {
    const items = queue.data?.items ?? [];
    const owner = new Map<string, Alert>();
    for (const alert of alerts.data?.items ?? []) for (const caseId of alert.caseIds) if (!owner.has(caseId)) owner.set(caseId, alert);
    const groups = new Map<string, { alert: Alert; items: QueueItem[] }>();
    const rest: QueueItem[] = [];
    for (const item of items) {
      const alert = owner.get(item.caseId);
      if (!alert) rest.push(item);
      else (groups.get(alert.id) ?? groups.set(alert.id, { alert, items: [] }).get(alert.id)!).items.push(item);
    }
    return { groups: [...groups.values()], rest };
  }, [queue.data, alerts.data]);
  const rows = useMemo(
    () => (queue.data ? [...grouping.groups.flatMap((g) => g.items), ...grouping.rest, ...queue.data.highRisk] : []),
    [queue.data, grouping],
  );
  const [selected, setSelectedState] = useState(0);
  // keys can come faster than renders: the handler reads the selection from here, not from a stale closure
  const selectedRef = useRef(0);
  const setSelected = (index: number | ((current: number) => number)) => {
    selectedRef.current = typeof index === 'function' ? index(selectedRef.current) : index;
    setSelectedState(selectedRef.current);
  };
  const [claimError, setClaimError] = useState<unknown>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const [productDraft, setProductDraft] = useState(filters.product);
  useEffect(() => setProductDraft(filters.product), [filters.product]);

  const setFilter = (name: keyof Filters, value: string) => {
    const next = { ...filters, [name]: value };
    navigate(
      '/queue',
      {
        assignee: next.assignee === defaultAssignee ? undefined : next.assignee,
        grade: next.grade,
        tag: next.tag,
        product: next.product,
        limit: Number(next.limit) === LIMITS[0] ? undefined : String(next.limit),
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if (!queue.data) return;
    rememberQueue(
      rows.map((r) => ({ caseId: r.caseId, reviewId: r.reviewId })),
      location.hash || '#/queue',
    );
    setSelected((current) => Math.min(current, Math.max(rows.length - 1, 0)));
    if (!performance.getEntriesByName('rrs:queue-rendered').length) performance.mark('rrs:queue-rendered');
  }, [queue.data]);

  const replaceItem = (caseId: string, change: Partial<QueueItem>) =>
    queue.set((current) => ({
      ...current,
      items: current.items.map((i) => (i.caseId === caseId ? { ...i, ...change } : i)),
      highRisk: current.highRisk.map((i) => (i.caseId === caseId ? { ...i, ...change } : i)),
    }));

  /** Optimistic: the row shows the new assignee at once and goes back if the API says no. */
  async function assignTo(item: QueueItem, staffId: string | null, mode: 'claim' | 'assign') {
    const before = item.assignee;
    const person = staffId ? (staff.find((s) => s.id === staffId) ?? { id: staffId, name: me.name }) : null;
    replaceItem(item.caseId, { assignee: person ? { id: person.id, name: person.name } : null });
    setClaimError(null);
    try {
      if (mode === 'claim') await api.send('POST', `/v1/cases/${item.caseId}/claim`);
      else if (before === null && staffId) await api.send('POST', `/v1/cases/${item.caseId}/assign`, { staffId });
      else await api.send('POST', `/v1/cases/${item.caseId}/reassign`, { staffId });
      app.notify(mode === 'claim' ? t('queue.claimed') : t('queue.assigned', { name: person?.name ?? t('queue.nobody') }));
    } catch (failure) {
      replaceItem(item.caseId, { assignee: before });
      setClaimError(failure);
    }
  }

  const canClaim = me.staffId !== null;
  const claim = (item: QueueItem | undefined) => {
    if (item && canClaim && !item.assignee) void assignTo(item, me.staffId ?? null, 'claim');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event) || !rows.length) return;
      const move = (to: number) => {
        event.preventDefault();
        const index = Math.max(0, Math.min(rows.length - 1, to));
        setSelected(index);
        const row = tableRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        row?.scrollIntoView({ block: 'nearest' });
        row?.querySelector<HTMLElement>('a.open')?.focus({ preventScroll: true });
      };
      const current = selectedRef.current;
      if (event.key === 'j' || event.key === 'ArrowDown') move(current + 1);
      else if (event.key === 'k' || event.key === 'ArrowUp') move(current - 1);
      else if (event.key === 'c') {
        event.preventDefault();
        claim(rows[current]);
      } else if (event.key === 'Enter' && !(event.target as HTMLElement).closest('a, button')) {
        event.preventDefault();
        const item = rows[current];
        if (item) navigate(`/case/${item.caseId}`);
      } else if (event.key === 'r') {
        event.preventDefault();
        queue.reload();
      } else if (event.key === '/') {
        event.preventDefault();
        document.getElementById('filter-assignee')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const data = queue.data;
  const alertName = (alert: Alert) => ({
    type: label(SUBJECT_TYPE_LABELS, alert.subjectType, lang),
    subject: alert.subjectType === 'shop' ? '' : alert.subject,
    cause: label(ALERT_CAUSE_LABELS, alert.cause, lang),
  });
  const [ackError, setAckError] = useState<unknown>(null);
  async function acknowledge(alert: Alert) {
    setAckError(null);
    try {
      const updated = await api.send<Alert>('POST', `/v1/alerts/${alert.id}/acknowledge`);
      alerts.set((current) => ({ ...current, items: current.items.map((a) => (a.id === alert.id ? updated : a)) }));
    } catch (failure) {
      setAckError(failure);
    }
  }
  const open = alerts.data?.items ?? [];
  const banner =
    open.length > 0 &&
    html`<section class="notice alert-banner" role="status" aria-label=${t('alerts.banner', { count: open.length })}>
      <strong>${t('alerts.banner', { count: open.length })}</strong>
      <ul>
        ${open.map(
          (alert) =>
            html`<li key=${alert.id} data-alert=${alert.id}>
              ${t('alerts.item', {
                ...alertName(alert),
                bad: alert.evidence.windowBad,
                reviews: alert.evidence.windowReviews,
                hours: alert.evidence.windowHours,
                rate: `${(alert.evidence.baselineRate * 100).toFixed(1)} %`,
              })}
              ${alert.subjectType === 'sku' && html` <a href=${href('/queue', { product: alert.subject })}>${t('alerts.showCases')}</a>`}
              ${
                alert.acknowledgedBy
                  ? html` <span class="muted small">${t('alerts.acknowledged', { name: alert.acknowledgedBy })}</span>`
                  : html` <button type="button" class="acknowledge" onClick=${() => void acknowledge(alert)}>${t('alerts.acknowledge')}</button>`
              }
            </li>`,
        )}
      </ul>
    </section>`;
  const products = useMemo(() => [...new Set(rows.map((r) => r.productId).filter((p): p is string => !!p))].sort(), [rows]);
  const filtered = !!(filters.grade || filters.tag || filters.product);

  const Row = (item: QueueItem, index: number) => {
    const isSelected = index === selected;
    return html`<tr
      key=${item.caseId}
      data-index=${index}
      data-case=${item.caseId}
      class=${`item${isSelected ? ' selected' : ''}`}
      aria-selected=${isSelected}
      onClick=${() => setSelected(index)}
      onDblClick=${() => navigate(`/case/${item.caseId}`)}
    >
      <td class="pos">${item.position}</td>
      <td class="what">
        <span class=${`grade grade-${item.grade}`}>${t(item.grade === 'bad' ? 'grade.bad' : 'grade.medium')}</span>
        <${Stars} rating=${item.rating} />
        <a class="open" href=${href(`/case/${item.caseId}`)} onFocus=${() => setSelected(index)}>${item.excerpt || t('review.noText')}</a>
        <div class="muted small">
          ${item.productName ?? item.productId ?? ''}${item.reviewer ? html` · <span class="risk-high">${t('risk.badge', { score: Math.round(item.reviewer.riskScore) })}</span>` : ''}
        </div>
      </td>
      <td>${item.tags.map((tag) => html`<span class=${`tag ${tag}`}>${label(TAG_LABELS, tag, lang)}</span>`)}</td>
      <td class="reasons">${item.reasons.map((r) => html`<span class=${`reason reason-${r.code}`} title=${r.code}>${lang === 'zh' ? r.zh : r.en}</span>`)}</td>
      <td><span class=${`status status-${item.status}`}>${label(STATUS_LABELS, item.status, lang)}</span></td>
      <td class="deadline">
        <time datetime=${item.revisionDeadlineAt}>${relative(item.revisionDeadlineAt, lang)}</time>${
          item.platformDeadlines.replyClosed
            ? html`<div class="small muted platform-deadline">
                ${t(item.platformDeadlines.replyClosed === 'replied_on_platform' ? 'queue.repliedOnPlatform' : 'queue.replyClosed')}
              </div>`
            : item.platformDeadlines.replyUntil &&
              html`<div class="small muted platform-deadline">${t('queue.replyUntil', { when: relative(item.platformDeadlines.replyUntil, lang) })}</div>`
        }
      </td>
      <td class="who">${AssigneeCell(item)}</td>
    </tr>`;
  };

  const AssigneeCell = (item: QueueItem) => {
    if (me.leadAuthority && staff.length) {
      return html`<label class="sr-only" for=${`assign-${item.caseId}`}>${t('queue.assignTo')}</label>
        <select
          id=${`assign-${item.caseId}`}
          class="assign"
          value=${item.assignee?.id ?? ''}
          onChange=${(e: Event) => void assignTo(item, (e.target as HTMLSelectElement).value || null, 'assign')}
        >
          <option value="">${t('queue.unassigned')}</option>
          ${staff.filter((s) => s.active || s.id === item.assignee?.id).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
        </select>`;
    }
    if (item.assignee) return html`<span>${item.assignee.id === me.staffId ? t('queue.me') : item.assignee.name}</span>`;
    return canClaim
      ? html`<button type="button" class="claim" onClick=${() => claim(item)}>${t('queue.claim')}</button>`
      : html`<span class="muted">${t('queue.unassigned')}</span>`;
  };

  const table = (items: QueueItem[], offset: number, caption: string) =>
    html`<table class="queue">
      <caption class="sr-only">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">${t('queue.col.review')}</th>
          <th scope="col">${t('queue.col.tags')}</th>
          <th scope="col">${t('queue.col.why')}</th>
          <th scope="col">${t('queue.col.status')}</th>
          <th scope="col">${t('queue.col.deadline')}</th>
          <th scope="col">${t('queue.col.assignee')}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map((item, i) => Row(item, offset + i))}
      </tbody>
    </table>`;

  return html`<section aria-labelledby="view-title">
    <div class="title-row">
      <h1 id="view-title" tabindex="-1">${t('queue.title')}</h1>
      <${Progress} when=${queue.loading && !!data} label=${t('queue.updating')} />
      <span class="spacer"></span>
      <button type="button" onClick=${() => queue.reload()} aria-keyshortcuts="r">${t('queue.refresh')}</button>
    </div>
    ${
      data &&
      html`<ul class="counts" aria-label=${t('queue.counts')}>
        ${COUNT_KEYS.map((name) => html`<li class=${`count count-${name}`}><b>${data.counts[name]}</b>${t(`count.${name}`)}</li>`)}
      </ul>`
    }
    <form
      class="filters row"
      role="search"
      aria-label=${t('queue.filters')}
      onSubmit=${(e: Event) => {
        e.preventDefault();
        setFilter('product', productDraft.trim());
      }}
    >
      <label
        >${t('filter.assignee')}
        <select id="filter-assignee" value=${filters.assignee} onChange=${(e: Event) => setFilter('assignee', (e.target as HTMLSelectElement).value)}>
          <option value="all">${t('filter.everyone')}</option>
          ${canClaim && html`<option value="me">${t('filter.mine')}</option>`}
          <option value="unassigned">${t('queue.unassigned')}</option>
          ${staff.filter((s) => s.active && s.id !== me.staffId).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
        </select>
      </label>
      <label
        >${t('filter.grade')}
        <select id="filter-grade" value=${filters.grade} onChange=${(e: Event) => setFilter('grade', (e.target as HTMLSelectElement).value)}>
          <option value="">${t('filter.any')}</option>
          <option value="bad">${t('grade.bad')}</option>
          <option value="medium">${t('grade.medium')}</option>
        </select>
      </label>
      <label
        >${t('filter.tag')}
        <select id="filter-tag" value=${filters.tag} onChange=${(e: Event) => setFilter('tag', (e.target as HTMLSelectElement).value)}>
          <option value="">${t('filter.any')}</option>
          ${TAGS.map((tag) => html`<option value=${tag}>${label(TAG_LABELS, tag, lang)}</option>`)}
        </select>
      </label>
      <label
        >${t('filter.product')}
        <input
          id="filter-product"
          list="queue-products"
          value=${productDraft}
          placeholder=${t('filter.productHint')}
          onInput=${(e: Event) => setProductDraft((e.target as HTMLInputElement).value)}
          onChange=${(e: Event) => setFilter('product', (e.target as HTMLInputElement).value.trim())}
        />
        <datalist id="queue-products">${products.map((p) => html`<option value=${p}></option>`)}</datalist>
      </label>
      ${filtered && html`<button type="button" onClick=${() => navigate('/queue', filters.assignee === defaultAssignee ? {} : { assignee: filters.assignee }, { replace: true })}>${t('filter.clear')}</button>`}
    </form>
    ${banner}
    <${ErrorMessage} error=${ackError} />
    <p class="muted small hint">${t('queue.hint')}</p>
    <${ErrorMessage} error=${queue.error} />
    <${ErrorMessage} error=${claimError} />
    ${!data && !queue.error && html`<p class="muted">${t('loading')}</p>`}
    ${
      data &&
      html`<div ref=${tableRef}>
        ${grouping.groups.map((group, g) => {
          const offset = grouping.groups.slice(0, g).reduce((n, other) => n + other.items.length, 0);
          const title = t('alerts.group', { ...alertName(group.alert), count: group.items.length });
          return html`<div class="alert-group" data-alert=${group.alert.id}>
            <h2 class="alert-group-title">${title}</h2>
            <p class="notice">${t('alerts.groupHint')}</p>
            ${table(group.items, offset, title)}
          </div>`;
        })}
        ${
          data.items.length
            ? grouping.rest.length > 0 && table(grouping.rest, data.items.length - grouping.rest.length, t('queue.title'))
            : html`<p class="empty">${filtered ? t('queue.emptyFiltered') : t('queue.empty')}</p>`
        }
        ${
          data.items.length >= filters.limit &&
          filters.limit < LIMITS[LIMITS.length - 1] &&
          html`<p><button type="button" onClick=${() => setFilter('limit', String(LIMITS[LIMITS.indexOf(filters.limit) + 1]))}>${t('queue.more')}</button></p>`
        }
        ${
          data.highRisk.length > 0 &&
          html`<h2 class="high-risk-title">${t('queue.highRisk')}</h2>
            <p class="notice">${t('queue.highRiskHint')}</p>
            ${table(data.highRisk, data.items.length, t('queue.highRisk'))}`
        }
      </div>`
    }
  </section>`;
}
