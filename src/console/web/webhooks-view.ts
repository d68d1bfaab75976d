/**
 * The shop's event webhooks (docs/events.md): its endpoints with their status and last delivery, create, change the
 * event types, rotate the secret, pause, enable again, delete; and one endpoint's delivery log with redelivery. Only
 * a lead or the integration key may (the API's LeadOnly routes): an agent is told so and nothing is asked of the API.
 */
import { useState } from 'preact/hooks';
import { api } from './api.js';
import { dateTime } from './format.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import { href, navigate } from './router.js';
import type { EventDelivery, EventDeliveryPage, EventSubscription, EventSubscriptionList, EventSubscriptionWithSecret, Redelivery } from './types.js';
import { actorName, AppState, ErrorMessage, Progress, useAction, useApp, useLoad } from './ui.js';
import { ALL_EVENTS, DELIVERY_STATUS_LABELS, EVENT_TYPE_LABELS, EVENT_TYPES, label, SUBSCRIPTION_STATUS_LABELS } from './vocabulary.js';

const BASE = '/v1/event-subscriptions';
/** the overlap choices of a rotation, in seconds; the API's default (a day) first selected */
const OVERLAPS = [0, 3600, 86_400, 604_800] as const;
const DEFAULT_OVERLAP = 86_400;
/** the API's wording of the two kinds of disabling (event-subscriptions.service, event-delivery.service) */
const MANUAL_REASON = 'disabled by a person';
const FAILURE_PREFIX = 'disabled after persistent failure: ';

function LeadOnlyNotice() {
  const { t } = useApp();
  return html`<section aria-labelledby="view-title">
    <h1 id="view-title" tabindex="-1">${t('webhooks.title')}</h1>
    <p class="notice" id="webhooks-lead-only">${t('webhooks.leadOnly')}</p>
  </section>`;
}

function typesText(types: string[], lang: AppState['lang']): string {
  return types.map((type) => label(EVENT_TYPE_LABELS, type, lang)).join(lang === 'zh' ? '、' : ', ');
}

function disabledReason(reason: string | null | undefined, t: AppState['t']): string {
  if (!reason || reason === MANUAL_REASON) return t('webhooks.reason.manual');
  if (reason.startsWith(FAILURE_PREFIX)) return t('webhooks.reason.failure', { error: reason.slice(FAILURE_PREFIX.length) });
  return reason;
}

/** Event type checkboxes grouped by subject; "all events" stands alone and, checked, covers every other. */
function TypePicker(props: { id: string; value: string[]; onChange: (types: string[]) => void }) {
  const { t, lang } = useApp();
  const all = props.value.includes(ALL_EVENTS);
  const groups = new Map<string, string[]>();
  for (const type of EVENT_TYPES) {
    const subject = type.split('.')[0];
    groups.set(subject, [...(groups.get(subject) ?? []), type]);
  }
  const toggle = (type: string, on: boolean) => {
    if (type === ALL_EVENTS) return props.onChange(on ? [ALL_EVENTS] : []);
    const rest = props.value.filter((v) => v !== type && v !== ALL_EVENTS);
    props.onChange(on ? [...rest, type] : rest);
  };
  const box = (type: string, disabled = false) =>
    html`<label class="inline-label"
      ><input
        type="checkbox"
        name=${`${props.id}-type`}
        value=${type}
        checked=${all || props.value.includes(type)}
        disabled=${disabled}
        onChange=${(e: Event) => toggle(type, (e.target as HTMLInputElement).checked)}
      />
      ${label(EVENT_TYPE_LABELS, type, lang)} <code class="muted small">${type}</code></label
    >`;
  return html`<fieldset class="type-picker" id=${props.id}>
    <legend>${t('webhooks.types')}</legend>
    <p>${box(ALL_EVENTS)}</p>
    <div class="type-groups">
      ${[...groups.entries()].map(
        ([subject, types]) =>
          html`<fieldset class="tag-group">
            <legend>${subject}</legend>
            ${types.map((type) => html`<div>${box(type, all)}</div>`)}
          </fieldset>`,
      )}
    </div>
  </fieldset>`;
}

/** A secret the API shows once (create, rotate): selectable, copyable, and kept until the lead says it is stored. */
function SecretPanel(props: { secret: EventSubscriptionWithSecret; onDone: () => void }) {
  const { t, lang, tz } = useApp();
  const [copied, setCopied] = useState(false);
  const overlapUntil = props.secret.previousSecretExpiresAt;
  return html`<div class="card secret-panel" id="webhook-secret" role="region" aria-labelledby="webhook-secret-title">
    <h2 id="webhook-secret-title">${t('webhooks.secretTitle')}</h2>
    <p class="muted small">${props.secret.url}</p>
    <div class="row">
      <label class="secret-field"
        >${t('webhooks.secretTitle')}
        <input id="webhook-secret-value" readonly value=${props.secret.secret} onFocus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </label>
      <button
        type="button"
        onClick=${() =>
          navigator.clipboard?.writeText(props.secret.secret).then(
            () => setCopied(true),
            () => setCopied(false),
          )}
      >
        ${copied ? t('webhooks.copied') : t('webhooks.copy')}
      </button>
    </div>
    <p class="notice">${t('webhooks.secretHint')}</p>
    ${overlapUntil && html`<p id="webhook-secret-overlap">${t('webhooks.secretOverlap', { at: dateTime(overlapUntil, lang, tz) })}</p>`}
    <button type="button" class="primary" id="webhook-secret-done" onClick=${props.onDone}>${t('webhooks.stored')}</button>
  </div>`;
}

function CreateForm(props: { onCreated: (created: EventSubscriptionWithSecret) => void; onCancel: () => void }) {
  const { t } = useApp();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    if (!types.length) return;
    void action.run(async () => {
      const created = await api.send<EventSubscriptionWithSecret>('POST', BASE, {
        url: url.trim(),
        eventTypes: types,
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      props.onCreated(created);
    });
  };
  return html`<form class="card webhook-form" id="webhook-create" onSubmit=${submit} aria-labelledby="webhook-create-title">
    <h2 id="webhook-create-title">${t('webhooks.new')}</h2>
    <label class="block"
      >${t('webhooks.url')}
      <input id="webhook-url" type="url" required maxlength="2000" value=${url} onInput=${(e: Event) => setUrl((e.target as HTMLInputElement).value)} />
    </label>
    <label class="block"
      >${t('webhooks.description')}
      <input id="webhook-description" maxlength="200" value=${description} onInput=${(e: Event) => setDescription((e.target as HTMLInputElement).value)} />
    </label>
    <${TypePicker} id="webhook-types" value=${types} onChange=${setTypes} />
    ${!types.length && html`<p class="muted small">${t('webhooks.typesNone')}</p>`}
    <${ErrorMessage} error=${action.error} />
    <div class="row actions">
      <button type="submit" class="primary" id="webhook-create-submit" disabled=${action.pending || !types.length}>
        ${action.pending ? t('saving') : t('webhooks.create')}
      </button>
      <button type="button" onClick=${props.onCancel}>${t('cancel')}</button>
    </div>
  </form>`;
}

type Panel = 'types' | 'rotate' | 'delete' | null;

function EndpointRow(props: { endpoint: EventSubscription; onChanged: () => void; onSecret: (secret: EventSubscriptionWithSecret) => void }) {
  const app = useApp();
  const { t, lang, tz } = app;
  const e = props.endpoint;
  const [panel, setPanel] = useState<Panel>(null);
  const [types, setTypes] = useState<string[]>(e.eventTypes);
  const [overlap, setOverlap] = useState<number>(DEFAULT_OVERLAP);
  const action = useAction();
  const open = (next: Panel) => {
    action.clear();
    setTypes(e.eventTypes);
    setPanel(panel === next ? null : next);
  };
  const act = (work: () => Promise<unknown>, notice?: MessageKey) =>
    action.run(async () => {
      await work();
      setPanel(null);
      if (notice) app.notify(t(notice));
      props.onChanged();
    });
  const last = e.lastDelivery;
  return html`<tbody class="endpoint" data-id=${e.id}>
    <tr>
      <td class="endpoint-url">
        <code>${e.url}</code>
        ${e.description && html`<div class="muted small">${e.description}</div>`}
      </td>
      <td class="endpoint-types small">${typesText(e.eventTypes, lang)}</td>
      <td class="endpoint-status">
        <span class=${`status endpoint-${e.status}`}>${label(SUBSCRIPTION_STATUS_LABELS, e.status, lang)}</span>
        ${
          e.status === 'disabled' &&
          html`<div class="small error-text endpoint-reason">
            ${t('webhooks.disabledAt', { at: dateTime(e.disabledAt, lang, tz), reason: disabledReason(e.disabledReason, t) })}
          </div>`
        }
        ${e.previousSecretExpiresAt && html`<div class="muted small">${t('webhooks.rotating', { at: dateTime(e.previousSecretExpiresAt, lang, tz) })}</div>`}
      </td>
      <td class="endpoint-last small">
        ${
          last
            ? html`<span class=${`delivery delivery-${last.status}`}>${label(DELIVERY_STATUS_LABELS, last.status, lang)}</span>${` · ${
                  last.lastStatusCode ?? (last.attempts ? t('webhooks.noCode') : '—')
                } · ${dateTime(last.lastAttemptAt ?? last.createdAt, lang, tz)}`}
                <div class="muted">${label(EVENT_TYPE_LABELS, last.eventType, lang)}</div>`
            : html`<span class="muted">${t('webhooks.lastNone')}</span>`
        }
        ${e.consecutiveFailures > 0 && html`<div class="error-text">${t('webhooks.failures', { n: e.consecutiveFailures })}</div>`}
      </td>
      <td class="endpoint-actions">
        <div class="row">
          <a href=${href(`/webhooks/${e.id}`)} class="endpoint-log">${t('webhooks.log')}</a>
          ${
            e.status === 'disabled'
              ? html`<button
                  type="button"
                  class="primary endpoint-enable"
                  disabled=${action.pending}
                  onClick=${() => void act(() => api.send('PATCH', `${BASE}/${e.id}`, { status: 'active' }), 'webhooks.enabled')}
                >
                  ${t('webhooks.enable')}
                </button>`
              : html`<button
                  type="button"
                  class="endpoint-pause"
                  disabled=${action.pending}
                  onClick=${() => void act(() => api.send('PATCH', `${BASE}/${e.id}`, { status: 'disabled' }), 'webhooks.paused')}
                >
                  ${t('webhooks.pause')}
                </button>`
          }
          <button type="button" class="endpoint-edit" aria-expanded=${panel === 'types'} onClick=${() => open('types')}>${t('webhooks.editTypes')}</button>
          <button type="button" class="endpoint-rotate" aria-expanded=${panel === 'rotate'} onClick=${() => open('rotate')}>${t('webhooks.rotate')}</button>
          <button type="button" class="danger endpoint-delete" aria-expanded=${panel === 'delete'} onClick=${() => open('delete')}>
            ${t('webhooks.delete')}
          </button>
        </div>
      </td>
    </tr>
    ${
      panel &&
      html`<tr class="endpoint-panel">
        <td colspan="5">
          ${
            panel === 'types' &&
            html`<form
              onSubmit=${(ev: Event) => {
                ev.preventDefault();
                if (types.length) void act(() => api.send('PATCH', `${BASE}/${e.id}`, { eventTypes: types }), 'webhooks.saved');
              }}
            >
              <${TypePicker} id=${`types-${e.id}`} value=${types} onChange=${setTypes} />
              <div class="row actions">
                <button type="submit" class="primary endpoint-types-save" disabled=${action.pending || !types.length}>${t('webhooks.save')}</button>
                <button type="button" onClick=${() => setPanel(null)}>${t('cancel')}</button>
              </div>
            </form>`
          }
          ${
            panel === 'rotate' &&
            html`<form
              class="rotate-form"
              onSubmit=${(ev: Event) => {
                ev.preventDefault();
                void action.run(async () => {
                  const rotated = await api.send<EventSubscriptionWithSecret>('POST', `${BASE}/${e.id}/rotate-secret`, { overlapSeconds: overlap });
                  setPanel(null);
                  props.onSecret(rotated);
                });
              }}
            >
              <p class="small">${t('webhooks.overlapHint')}</p>
              <div class="row">
                <label
                  >${t('webhooks.overlap')}
                  <select
                    class="endpoint-overlap"
                    value=${String(overlap)}
                    onChange=${(ev: Event) => setOverlap(Number((ev.target as HTMLSelectElement).value))}
                  >
                    ${OVERLAPS.map((s) => html`<option value=${String(s)}>${t(`webhooks.overlap.${s}` as MessageKey)}</option>`)}
                  </select>
                </label>
                <button type="submit" class="primary endpoint-rotate-confirm" disabled=${action.pending}>${t('webhooks.rotateConfirm')}</button>
                <button type="button" onClick=${() => setPanel(null)}>${t('cancel')}</button>
              </div>
            </form>`
          }
          ${
            panel === 'delete' &&
            html`<div class="row actions">
              <span>${t('webhooks.deleteConfirm')}</span>
              <button
                type="button"
                class="danger endpoint-delete-confirm"
                disabled=${action.pending}
                onClick=${() => void act(() => api.send('DELETE', `${BASE}/${e.id}`), 'webhooks.deleted')}
              >
                ${t('webhooks.delete')}
              </button>
              <button type="button" onClick=${() => setPanel(null)}>${t('cancel')}</button>
            </div>`
          }
        </td>
      </tr>`
    }
    ${
      action.error &&
      html`<tr>
        <td colspan="5"><${ErrorMessage} error=${action.error} /></td>
      </tr>`
    }
  </tbody>`;
}

export function WebhooksView() {
  const { me } = useApp();
  if (!me.leadAuthority) return html`<${LeadOnlyNotice} />`;
  return html`<${Endpoints} />`;
}

function Endpoints() {
  const { t } = useApp();
  const list = useLoad(() => api.get<EventSubscriptionList>(BASE), []);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<EventSubscriptionWithSecret | null>(null);
  const app = useApp();
  const items = list.data?.items ?? [];
  return html`<section aria-labelledby="view-title" class="webhooks-view">
    <div class="title-row">
      <h1 id="view-title" tabindex="-1">${t('webhooks.title')}</h1>
      <${Progress} when=${list.loading} />
      <span class="spacer"></span>
      <button type="button" id="webhooks-refresh" onClick=${list.reload}>${t('deliveries.refresh')}</button>
      ${!creating && html`<button type="button" class="primary" id="webhook-new" onClick=${() => setCreating(true)}>${t('webhooks.new')}</button>`}
    </div>
    <p class="muted">${t('webhooks.hint')}</p>
    ${secret && html`<${SecretPanel} secret=${secret} onDone=${() => setSecret(null)} />`}
    ${
      creating &&
      html`<${CreateForm}
        onCreated=${(created: EventSubscriptionWithSecret) => {
          setCreating(false);
          setSecret(created);
          app.notify(t('webhooks.created'));
          list.reload();
        }}
        onCancel=${() => setCreating(false)}
      />`
    }
    <${ErrorMessage} error=${list.error} />
    ${list.data && !items.length && !creating && html`<p class="empty">${t('webhooks.none')}</p>`}
    ${
      items.length > 0 &&
      html`<table id="webhooks-table">
        <thead>
          <tr>
            <th scope="col">${t('webhooks.col.url')}</th>
            <th scope="col">${t('webhooks.col.types')}</th>
            <th scope="col">${t('webhooks.col.status')}</th>
            <th scope="col">${t('webhooks.col.last')}</th>
            <th scope="col">${t('webhooks.col.actions')}</th>
          </tr>
        </thead>
        ${items.map(
          (endpoint) =>
            html`<${EndpointRow}
              key=${endpoint.id}
              endpoint=${endpoint}
              onChanged=${list.reload}
              onSecret=${(rotated: EventSubscriptionWithSecret) => {
                setSecret(rotated);
                list.reload();
              }}
            />`,
        )}
      </table>`
    }
  </section>`;
}

const DELIVERY_FILTERS = ['', 'pending', 'delivered', 'failed'] as const;

export function WebhookDeliveriesView(props: { id: string; params: URLSearchParams }) {
  const { me } = useApp();
  if (!me.leadAuthority) return html`<${LeadOnlyNotice} />`;
  return html`<${Deliveries} id=${props.id} params=${props.params} />`;
}

function Deliveries(props: { id: string; params: URLSearchParams }) {
  const app = useApp();
  const { t, lang, tz, staff } = app;
  const requested = props.params.get('status') ?? '';
  const status = (DELIVERY_FILTERS as readonly string[]).includes(requested) ? requested : '';
  const endpoint = useLoad(() => api.get<EventSubscription>(`${BASE}/${props.id}`), [props.id]);
  const [pages, setPages] = useState<EventDelivery[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useLoad(async () => {
    const page = await api.get<EventDeliveryPage>(`${BASE}/${props.id}/deliveries`, { status: status || undefined, limit: 50 });
    setPages([]);
    setCursor(null);
    return page;
  }, [props.id, status]);
  const more = useAction();
  const redeliver = useAction();
  const nextCursor = pages.length ? cursor : (first.data?.nextCursor ?? null);
  const items = [...(first.data?.items ?? []), ...pages.flat()];
  const loadMore = () =>
    more.run(async () => {
      const page = await api.get<EventDeliveryPage>(`${BASE}/${props.id}/deliveries`, { status: status || undefined, limit: 50, cursor: nextCursor });
      setPages((current) => [...current, page.items]);
      setCursor(page.nextCursor ?? null);
    });
  const refresh = () => {
    first.reload();
    endpoint.reload();
  };
  const again = (eventId: string) =>
    redeliver.run(async () => {
      await api.send<Redelivery>('POST', `${BASE}/${props.id}/redeliver`, { eventId });
      app.notify(t('deliveries.redelivered'));
      refresh();
    });
  const e = endpoint.data;
  return html`<section aria-labelledby="view-title" class="deliveries-view">
    <p class="crumbs row"><a href="#/webhooks">${t('webhooks.back')}</a></p>
    <div class="title-row">
      <h1 id="view-title" tabindex="-1">${t('deliveries.title')}</h1>
      <${Progress} when=${first.loading || endpoint.loading} />
    </div>
    ${
      e &&
      html`<p id="deliveries-endpoint">
        <code>${e.url}</code> · <span class=${`status endpoint-${e.status}`}>${label(SUBSCRIPTION_STATUS_LABELS, e.status, lang)}</span>
        ${e.status === 'disabled' && html` · <span class="error-text">${disabledReason(e.disabledReason, t)}</span>`}
      </p>`
    }
    <${ErrorMessage} error=${endpoint.error} />
    <div class="row filters">
      <label
        >${t('deliveries.status')}
        <select
          id="deliveries-status"
          value=${status}
          onChange=${(ev: Event) => navigate(`/webhooks/${props.id}`, { status: (ev.target as HTMLSelectElement).value }, { replace: true })}
        >
          ${DELIVERY_FILTERS.map((s) => html`<option value=${s}>${s ? label(DELIVERY_STATUS_LABELS, s, lang) : t('filter.any')}</option>`)}
        </select>
      </label>
      <button type="button" id="deliveries-refresh" onClick=${refresh}>${t('deliveries.refresh')}</button>
    </div>
    <${ErrorMessage} error=${first.error} />
    <${ErrorMessage} error=${redeliver.error} />
    ${first.data && !items.length && html`<p class="empty">${t('deliveries.none')}</p>`}
    ${
      items.length > 0 &&
      html`<table id="deliveries">
        <thead>
          <tr>
            <th scope="col">${t('deliveries.col.time')}</th>
            <th scope="col">${t('deliveries.col.event')}</th>
            <th scope="col">${t('deliveries.col.eventId')}</th>
            <th scope="col">${t('deliveries.col.status')}</th>
            <th scope="col">${t('deliveries.col.code')}</th>
            <th scope="col">${t('deliveries.col.latency')}</th>
            <th scope="col">${t('deliveries.col.attempts')}</th>
            <th scope="col"><span class="sr-only">${t('deliveries.redeliver')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (d) =>
              html`<tr data-delivery=${d.id} data-event=${d.eventId}>
                <td class="small">
                  ${dateTime(d.lastAttemptAt ?? d.createdAt, lang, tz)}
                  ${d.redeliveredBy && html`<div class="muted">${t('deliveries.redelivery', { who: actorName(d.redeliveredBy, staff, t) })}</div>`}
                </td>
                <td>
                  ${label(EVENT_TYPE_LABELS, d.eventType, lang)}
                  <div><code class="muted small">${d.eventType}</code></div>
                </td>
                <td><code class="small event-id">${d.eventId}</code></td>
                <td class="delivery-status">
                  <span class=${`delivery delivery-${d.status}`}>${label(DELIVERY_STATUS_LABELS, d.status, lang)}</span>
                  ${d.nextAttemptAt && html`<div class="muted small">${t('deliveries.next', { at: dateTime(d.nextAttemptAt, lang, tz) })}</div>`}
                  ${d.lastError && html`<div class="error-text small">${d.lastError}</div>`}
                </td>
                <td class="delivery-code">${d.lastStatusCode ?? '—'}</td>
                <td class="delivery-latency">
                  ${d.lastLatencyMs === null || d.lastLatencyMs === undefined ? '—' : t('deliveries.ms', { n: d.lastLatencyMs })}
                </td>
                <td class="delivery-attempts">${d.attempts}</td>
                <td>
                  <button type="button" class="delivery-redeliver" disabled=${redeliver.pending} onClick=${() => void again(d.eventId)}>
                    ${t('deliveries.redeliver')}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`
    }
    ${nextCursor && html`<p><button type="button" onClick=${() => void loadMore()} disabled=${more.pending}>${t('queue.more')}</button></p>`}
    <${ErrorMessage} error=${more.error} />
  </section>`;
}
