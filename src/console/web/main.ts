import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, forgetKey, savedKey, saveKey } from './api.js';
import { CaseView } from './case-view.js';
import { html } from './html.js';
import { initialLang, Lang, MessageKey, saveLang, translate } from './i18n.js';
import { QueueView } from './queue-view.js';
import { ReportView } from './report-view.js';
import { ReviewersView, ReviewerView } from './reviewer-view.js';
import { WebhookDeliveriesView, WebhooksView } from './webhooks-view.js';
import { Route, useRoute } from './router.js';
import type { Me, Staff } from './types.js';
import { AppContext, AppState, makeT, typingIn } from './ui.js';

function SignIn(props: { lang: Lang; setLang: (lang: Lang) => void; onSignedIn: (me: Me) => void }) {
  const t = (key: MessageKey) => translate(props.lang, key);
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    saveKey(key.trim(), remember);
    try {
      props.onSignedIn(await api.get<Me>('/v1/me'));
    } catch (failure) {
      forgetKey();
      setError(failure instanceof ApiError && failure.status === 401 ? t('signin.invalid') : failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return html`<main class="signin" id="main">
    <form class="card" onSubmit=${submit} aria-labelledby="signin-title">
      <h1 id="signin-title">${t('app.title')}</h1>
      <p class="muted small">${t('signin.hint')}</p>
      <label class="block"
        >${t('signin.key')}
        <input id="signin-key" type="password" autocomplete="off" required value=${key} onInput=${(e: Event) => setKey((e.target as HTMLInputElement).value)} />
      </label>
      <p>
        <label class="row inline-label"
          ><input type="checkbox" checked=${remember} onChange=${(e: Event) => setRemember((e.target as HTMLInputElement).checked)} />
          ${t('signin.remember')}</label
        >
      </p>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      <div class="row">
        <button class="primary" type="submit" disabled=${busy}>${busy ? t('signin.checking') : t('signin.submit')}</button>
        <span class="spacer"></span>
        <${LangSwitch} lang=${props.lang} setLang=${props.setLang} id="signin-lang" />
      </div>
    </form>
  </main>`;
}

function LangSwitch(props: { lang: Lang; setLang: (lang: Lang) => void; id: string }) {
  return html`<label class="sr-only" for=${props.id}>${translate(props.lang, 'lang.label')}</label>
    <select id=${props.id} value=${props.lang} onChange=${(e: Event) => props.setLang((e.target as HTMLSelectElement).value as Lang)}>
      <option value="zh" lang="zh">中文</option>
      <option value="en" lang="en">English</option>
    </select>`;
}

const SHORTCUTS: [string, MessageKey][] = [
  ['j / ↓', 'help.next'],
  ['k / ↑', 'help.prev'],
  ['Enter', 'help.open'],
  ['c', 'help.claim'],
  ['r', 'help.refresh'],
  ['/', 'help.filter'],
  ['l', 'help.log'],
  ['Esc / u', 'help.back'],
  ['?', 'help.help'],
];

function Help(props: { open: boolean; onClose: () => void; t: AppState['t'] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return html`<dialog ref=${dialog} class="help" aria-labelledby="help-title" onClose=${props.onClose}>
    <h2 id="help-title">${props.t('help.title')}</h2>
    <table>
      <tbody>
        ${SHORTCUTS.map(
          ([keys, what]) =>
            html`<tr>
              <th scope="row"><span class="kbd">${keys}</span></th>
              <td>${props.t(what)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <form method="dialog"><button class="primary" type="submit">${props.t('help.close')}</button></form>
  </dialog>`;
}

interface Notice {
  id: number;
  message: string;
  kind: 'ok' | 'error';
}

function View(props: { route: Route }) {
  const route = props.route;
  switch (route.view) {
    case 'case':
      return html`<${CaseView} id=${route.id} />`;
    case 'reviewer':
      return html`<${ReviewerView} id=${route.id} />`;
    case 'reviewers':
      return html`<${ReviewersView} params=${route.params} />`;
    case 'report':
      return html`<${ReportView} params=${route.params} />`;
    case 'webhooks':
      return html`<${WebhooksView} />`;
    case 'webhook':
      return html`<${WebhookDeliveriesView} id=${route.id} params=${route.params} />`;
    default:
      return html`<${QueueView} params=${route.params} />`;
  }
}

function Shell(props: { me: Me; lang: Lang; setLang: (lang: Lang) => void; signOut: () => void }) {
  const { me, lang } = props;
  const route = useRoute();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [help, setHelp] = useState(false);
  const t = makeT(lang);

  useEffect(() => {
    api.get<Staff[]>('/v1/staff').then(setStaff, () => setStaff([]));
  }, [me.staffId, me.shop.id]);

  const notify = useCallback((message: string, kind: 'ok' | 'error' = 'ok') => {
    const id = Date.now() + Math.random();
    setNotices((current) => [...current.slice(-2), { id, message, kind }]);
    setTimeout(() => setNotices((current) => current.filter((n) => n.id !== id)), 4000);
  }, []);

  // a new screen: its heading gets the focus, so keyboard and screen-reader users start there
  const first = useRef(true);
  const routeKey = route.view === 'case' || route.view === 'reviewer' || route.view === 'webhook' ? `${route.view}:${route.id}` : route.view;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const focus = () => document.getElementById('view-title')?.focus({ preventScroll: false });
    focus();
    // the case view names itself once its data has come
    const timer = setTimeout(focus, 300);
    window.scrollTo(0, 0);
    return () => clearTimeout(timer);
  }, [routeKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !typingIn(event)) {
        event.preventDefault();
        setHelp(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const state: AppState = { me, lang, t, tz: me.shop.timezone, staff, notify };
  const nav: [string, Route['view'], MessageKey][] = [
    ['#/queue', 'queue', 'nav.queue'],
    ['#/reviewers', 'reviewers', 'nav.reviewers'],
    ['#/report', 'report', 'nav.report'],
    ['#/webhooks', 'webhooks', 'nav.webhooks'],
  ];
  const current = route.view === 'case' ? 'queue' : route.view === 'reviewer' ? 'reviewers' : route.view === 'webhook' ? 'webhooks' : route.view;
  return html`<${AppContext.Provider} value=${state}>
    <a
      class="skip"
      href="#main"
      onClick=${(e: Event) => {
        e.preventDefault();
        document.getElementById('view-title')?.focus();
      }}
      >${t('skip')}</a
    >
    <header class="top">
      <strong class="brand">${t('app.title')}</strong>
      <nav aria-label=${t('nav.label')}>
        ${nav.map(([target, view, key]) => html`<a href=${target} aria-current=${current === view ? 'page' : undefined}>${t(key)}</a>`)}
      </nav>
      <span class="spacer"></span>
      <span class="who" id="who">${me.staffId ? me.name : t('actor.integration')} · ${t(`role.${me.role}` as MessageKey)} · ${me.shop.name}</span>
      <button type="button" onClick=${() => setHelp(true)} aria-keyshortcuts="?">${t('help.button')}</button>
      <${LangSwitch} lang=${lang} setLang=${props.setLang} id="lang" />
      <button type="button" id="signout" onClick=${props.signOut}>${t('signout')}</button>
    </header>
    <main id="main">
      <${View} route=${route} />
    </main>
    <${Help} open=${help} onClose=${() => setHelp(false)} t=${t} />
    <div class="toasts" role="status" aria-live="polite">${notices.map((n) => html`<p key=${n.id} class=${`toast ${n.kind}`}>${n.message}</p>`)}</div>
  <//>`;
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(savedKey() !== null);

  useEffect(() => {
    saveLang(lang);
  }, [lang]);
  const choose = (next: Lang) => {
    saveLang(next, true);
    setLang(next);
  };

  useEffect(() => {
    const signOut = () => {
      forgetKey();
      setMe(null);
    };
    window.addEventListener('rrs:unauthorized', signOut);
    if (savedKey()) {
      api
        .get<Me>('/v1/me')
        .then(setMe)
        .catch(() => forgetKey())
        .finally(() => setChecking(false));
    }
    return () => window.removeEventListener('rrs:unauthorized', signOut);
  }, []);

  if (checking) return html`<p class="boot">${translate(lang, 'loading')}</p>`;
  if (!me) return html`<${SignIn} lang=${lang} setLang=${choose} onSignedIn=${setMe} />`;
  return html`<${Shell}
    me=${me}
    lang=${lang}
    setLang=${choose}
    signOut=${() => {
      forgetKey();
      setMe(null);
    }}
  />`;
}

render(html`<${App} />`, document.getElementById('app') as HTMLElement);
