/** What every view shares: who is signed in, the language, notices, inline progress and errors. */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import { html } from './html.js';
import { Lang, MessageKey, translate } from './i18n.js';
import type { Me, Staff } from './types.js';

export interface AppState {
  me: Me;
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** the shop's time zone: every time shown and entered is the shop's */
  tz: string;
  staff: Staff[];
  notify: (message: string, kind?: 'ok' | 'error') => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the signed-in app');
  return state;
}

export function makeT(lang: Lang): AppState['t'] {
  return (key, vars) => translate(lang, key, vars);
}

/** The message a person reads for a failed call: the API's own message, and the fields at fault. */
export function errorText(error: unknown, t: AppState['t'], brief = false): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (brief) return error.message;
    const problems = error.problems.filter((p) => p.message && p.message !== error.message).map((p) => p.message);
    return [error.message, ...problems].join(' — ');
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** An error next to what failed; `brief`: the fields at fault are shown at the fields themselves. */
export function ErrorMessage(props: { error: unknown; id?: string; brief?: boolean }) {
  const { t } = useApp();
  if (!props.error) return null;
  return html`<p class="error" role="alert" id=${props.id}>${errorText(props.error, t, props.brief)}</p>`;
}

/**
 * An action with inline progress: `run` marks it pending (the button says so, nothing else is blocked),
 * keeps the error to show next to the button, and returns whether it worked.
 */
export function useAction(): { run: (work: () => Promise<unknown>) => Promise<boolean>; pending: boolean; error: unknown; clear: () => void } {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      if (alive.current) setError(failure);
      return false;
    } finally {
      if (alive.current) setPending(false);
    }
  }, []);
  return { run, pending, error, clear: () => setError(null) };
}

/** Loads data for a view; keeps the last answer on screen while a newer one loads. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: unknown; loading: boolean; reload: () => void; set: (update: (current: T) => T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    load()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(null);
      })
      .catch((failure: unknown) => current && setError(failure))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  return {
    data,
    error,
    loading,
    reload: () => setTick((n) => n + 1),
    set: (update) => setData((current) => (current === null ? current : update(current))),
  };
}

/** A line that says something is on its way without covering anything (screen readers hear it). */
export function Progress(props: { when: boolean; label?: string }) {
  const { t } = useApp();
  return html`<span class="progress" role="status" aria-live="polite"
    >${props.when ? html`<span class="dot" aria-hidden="true"></span>${props.label ?? t('loading')}` : ''}</span
  >`;
}

/** The name of whoever an audit field names: staff:<id> is looked up, api:<key> is the integration. */
export function actorName(actor: string | null | undefined, staff: Staff[], t: AppState['t']): string {
  if (!actor) return '—';
  if (actor.startsWith('staff:')) return staff.find((s) => s.id === actor.slice(6))?.name ?? actor;
  if (actor.startsWith('api:')) return t('actor.integration');
  if (actor.startsWith('system:')) return t('actor.system');
  return staff.find((s) => s.id === actor)?.name ?? actor;
}

export function Stars(props: { rating: number }) {
  const { t } = useApp();
  return html`<span class="stars" aria-label=${t('rating.stars', { n: props.rating })} title=${t('rating.stars', { n: props.rating })}
    >${'★'.repeat(props.rating)}${'☆'.repeat(5 - props.rating)}</span
  >`;
}

/** Is the keyboard event meant for a field (so single-key shortcuts must leave it alone)? */
export function typingIn(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || !!target.closest('dialog[open]');
}

/** A one-line "why" asked before an action that needs a reason (escalate, close, dismiss, confirm a reviewer). */
export function ReasonForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return html`<form
    class="reason-form"
    onSubmit=${(e: Event) => {
      e.preventDefault();
      if (reason.trim()) props.onSubmit(reason.trim());
    }}
  >
    <label
      >${props.label}
      <input
        id=${props.id}
        ref=${input}
        required
        maxlength="1000"
        value=${reason}
        onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)}
        onKeyDown=${(e: KeyboardEvent) => e.key === 'Escape' && props.onCancel()}
      />
    </label>
    <button type="submit" class="primary" disabled=${props.pending || !reason.trim()}>${props.submitLabel}</button>
    <button type="button" onClick=${props.onCancel}>${t('cancel')}</button>
  </form>`;
}
