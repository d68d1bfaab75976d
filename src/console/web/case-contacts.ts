/** The contact log and a quick form that shows the contact policy (allowed then? why not?) before anything is sent. */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { apiLocal, dateTime, localDateInput, localInputValue, money } from './format.js';
import { html } from './html.js';
import type { CaseDetail, Contact, PolicyCheck, RecoveryCase } from './types.js';
import { actorName, ErrorMessage, Progress, useAction, useApp } from './ui.js';
import {
  CHANNEL_LABELS,
  COMPENSATION_LABELS,
  COMPENSATION_TYPES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  isTerminal,
  label,
  OUTCOME_LABELS,
  POLICY_VIOLATION_LABELS,
} from './vocabulary.js';

interface Form {
  channel: string;
  outcome: string;
  /** '' means now */
  at: string;
  promised: string;
  followUp: string;
  compensation: string;
  amount: string;
  demanded: string;
  note: string;
  override: string;
}

const blank = (): Form => ({
  channel: 'phone',
  outcome: 'reached',
  at: '',
  promised: '',
  followUp: '',
  compensation: '',
  amount: '',
  demanded: '',
  note: '',
  override: '',
});

export function ContactPanel(props: { data: CaseDetail; onLogged: (updated: RecoveryCase) => void }) {
  const app = useApp();
  const { t, lang, tz, me, staff } = app;
  const data = props.data;
  const [form, setForm] = useState<Form>(blank);
  const [check, setCheck] = useState<{ at: string; result: PolicyCheck } | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const submit = useAction();
  const set = (name: keyof Form) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });

  // The policy for the moment in the form: the case detail answers for now; another moment is asked for.
  useEffect(() => {
    if (!form.at) {
      setCheck(null);
      setCheckError(null);
      return;
    }
    let current = true;
    setChecking(true);
    const timer = setTimeout(() => {
      api
        .get<PolicyCheck>(`/v1/cases/${data.id}/contact-policy`, { at: apiLocal(form.at) })
        .then((result) => current && (setCheck({ at: form.at, result }), setCheckError(null)))
        .catch((failure: unknown) => current && (setCheck(null), setCheckError(failure)))
        .finally(() => current && setChecking(false));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [form.at, data.id, data.contactCount]);

  const policy: PolicyCheck | null = form.at
    ? check && check.at === form.at
      ? check.result
      : null
    : {
        at: new Date().toISOString(),
        allowed: data.contactPolicy.allowedNow,
        violations: data.contactPolicy.violations,
        nextAllowedAt: data.contactPolicy.nextAllowedAt,
        rules: data.contactPolicy.rules,
        contactsThatDay: data.contactPolicy.contactsToday,
        contactsTotal: data.contactPolicy.contactsTotal,
      };
  const refused = policy !== null && !policy.allowed;
  const overriding = refused && me.leadAuthority && form.override.trim() !== '';
  const blocked = refused && !overriding;

  const send = (event: Event) => {
    event.preventDefault();
    void submit
      .run(async () => {
        const body: Record<string, unknown> = { channel: form.channel, outcome: form.outcome };
        if (form.at) body.at = apiLocal(form.at);
        if (form.outcome === 'promised_revision') body.promisedRevisionAt = form.promised;
        if (form.followUp) body.nextFollowUpAt = apiLocal(form.followUp);
        if (form.compensation) body.compensation = { type: form.compensation, ...(form.amount ? { amount: Number(form.amount) } : {}) };
        if (form.demanded) body.demandedAmount = Number(form.demanded);
        if (form.note.trim()) body.note = form.note.trim();
        if (overriding) body.override = { reason: form.override.trim() };
        const logged = await api.send<{ contact: Contact; case: RecoveryCase }>('POST', `/v1/cases/${data.id}/contacts`, body);
        props.onLogged(logged.case);
      })
      .then((ok) => {
        if (ok) {
          setForm(blank());
          app.notify(t('contact.logged'));
        }
      });
  };

  const closed = isTerminal(data.status);
  const rules = data.contactPolicy.rules;
  return html`<section class="card" aria-labelledby="contact-title">
    <h2 id="contact-title">${t('contact.title')}</h2>
    ${
      !closed &&
      html`<form class="contact-form" onSubmit=${send} aria-describedby="policy-box">
        <div id="policy-box" class=${`policy ${policy === null ? 'unknown' : policy.allowed ? 'allowed' : 'refused'}`} role="status" aria-live="polite">
          ${
            policy === null
              ? checking
                ? t('policy.checking')
                : html`<${ErrorMessage} error=${checkError} />`
              : policy.allowed
                ? html`<strong>✓ ${form.at ? t('policy.allowedAt', { at: dateTime(policy.at, lang, tz) }) : t('policy.allowedNow')}</strong>`
                : html`<strong>✕ ${form.at ? t('policy.refusedAt', { at: dateTime(policy.at, lang, tz) }) : t('policy.refusedNow')}</strong>
                    <ul>
                      ${policy.violations.map((v) => html`<li data-violation=${v}>${label(POLICY_VIOLATION_LABELS, v, lang)}${v === 'quiet_hours' ? ` (${rules.quietHoursStart}–${rules.quietHoursEnd}, ${rules.timezone})` : ''}</li>`)}
                    </ul>
                    <span>${policy.nextAllowedAt ? t('policy.nextAllowed', { at: dateTime(policy.nextAllowedAt, lang, tz) }) : t('policy.noMore')}</span>`
          }
          <div class="muted small">
            ${t('policy.rules', {
              perDay: rules.maxContactsPerDay,
              total: rules.maxContactsTotal,
              start: rules.quietHoursStart,
              end: rules.quietHoursEnd,
              day: policy?.contactsThatDay ?? data.contactPolicy.contactsToday,
              sofar: policy?.contactsTotal ?? data.contactPolicy.contactsTotal,
            })}
          </div>
        </div>
        <div class="row">
          <label
            >${t('contact.channel')}
            <select id="contact-channel" value=${form.channel} onChange=${set('channel')}>
              ${CONTACT_CHANNELS.map((c) => html`<option value=${c}>${label(CHANNEL_LABELS, c, lang)}</option>`)}
            </select>
          </label>
          <label
            >${t('contact.outcome')}
            <select id="contact-outcome" value=${form.outcome} onChange=${set('outcome')}>
              ${CONTACT_OUTCOMES.map((o) => html`<option value=${o}>${label(OUTCOME_LABELS, o, lang)}</option>`)}
            </select>
          </label>
          <label
            >${t('contact.at', { tz })}
            <input
              id="contact-at"
              type="datetime-local"
              value=${form.at || localInputValue(new Date(), tz)}
              max=${localInputValue(new Date(), tz)}
              onInput=${(e: Event) => setForm({ ...form, at: (e.target as HTMLInputElement).value })}
            />
          </label>
          ${form.at && html`<button type="button" class="link" onClick=${() => setForm({ ...form, at: '' })}>${t('contact.now')}</button>`}
        </div>
        ${
          form.outcome === 'promised_revision' &&
          html`<div class="row">
            <label
              >${t('contact.promised')}
              <input
                id="contact-promised"
                type="date"
                required
                value=${form.promised}
                min=${localDateInput(0, tz)}
                max=${localDateInput(Math.max(0, Math.floor((new Date(data.revisionDeadlineAt).getTime() - Date.now()) / 86_400_000)), tz)}
                onInput=${set('promised')}
              />
            </label>
            <p class="muted small">${t('contact.promisedHint')}</p>
          </div>`
        }
        <div class="row">
          <label
            >${t('contact.compensation')}
            <select id="contact-compensation" value=${form.compensation} onChange=${set('compensation')}>
              <option value="">${t('contact.noCompensation')}</option>
              ${COMPENSATION_TYPES.map((c) => html`<option value=${c}>${label(COMPENSATION_LABELS, c, lang)}</option>`)}
            </select>
          </label>
          ${form.compensation && html`<label>${t('contact.amount')}<input id="contact-amount" type="number" min="0" step="0.01" inputmode="decimal" value=${form.amount} onInput=${set('amount')} /></label>`}
          <label
            >${t('contact.demanded')}<input
              id="contact-demanded"
              type="number"
              min="0"
              step="0.01"
              inputmode="decimal"
              value=${form.demanded}
              onInput=${set('demanded')}
          /></label>
          <label>${t('contact.followUp')}<input id="contact-followup" type="datetime-local" value=${form.followUp} onInput=${set('followUp')} /></label>
        </div>
        <label class="block"
          >${t('contact.note')}<textarea id="contact-note" rows="2" maxlength="2000" value=${form.note} onInput=${set('note')}></textarea>
        </label>
        ${
          refused &&
          me.leadAuthority &&
          html`<label class="block"
            >${t('contact.override')}<input id="contact-override" value=${form.override} maxlength="500" onInput=${set('override')}
          /></label>`
        }
        ${refused && !me.leadAuthority && html`<p class="muted small">${t('contact.leadOnly')}</p>`}
        <div class="row">
          <button type="submit" class="primary" id="contact-submit" disabled=${submit.pending || blocked}>
            ${overriding ? t('contact.logOverride') : t('contact.log')}
          </button>
          <${Progress} when=${submit.pending} label=${t('saving')} />
        </div>
        <${ErrorMessage} error=${submit.error} />
      </form>`
    }
    <h3>${t('contact.log.title')} (${data.contacts.length})</h3>
    ${data.contacts.length === 0 && html`<p class="muted">${t('contact.none')}</p>`}
    <ol class="contacts" id="contact-log" reversed>
      ${[...data.contacts].reverse().map(
        (c) =>
          html`<li data-outcome=${c.outcome}>
            <div>
              <strong>${label(OUTCOME_LABELS, c.outcome, lang)}</strong> · ${label(CHANNEL_LABELS, c.channel, lang)} ·
              <span class="muted">${dateTime(c.at, lang, tz)} · ${actorName(c.actor, staff, t)}</span>
            </div>
            ${c.compensation && html`<div class="small">${t('contact.compensation')}: ${label(COMPENSATION_LABELS, c.compensation.type, lang)} ${c.compensation.amount !== null ? money(c.compensation.amount, c.compensation.currency, lang) : ''}</div>`}
            ${c.demandedAmount !== null && html`<div class="small">${t('contact.demanded')}: ${money(c.demandedAmount, 'CNY', lang)}</div>`}
            ${c.promisedRevisionAt && html`<div class="small">${t('contact.promisedBy', { at: dateTime(c.promisedRevisionAt, lang, tz) })}</div>`}
            ${c.nextFollowUpAt && html`<div class="small">${t('contact.followUpAt', { at: dateTime(c.nextFollowUpAt, lang, tz) })}</div>`}
            ${c.note && html`<div class="small quote">${c.note}</div>`}
            ${c.policyOverrideReason && html`<div class="small notice">${t('contact.overridden', { reason: c.policyOverrideReason })}</div>`}
          </li>`,
      )}
    </ol>
  </section>`;
}
