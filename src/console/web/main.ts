import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, forgetKey, savedKey, saveKey } from './api.js';
import { html } from './html.js';
import { initialLang, Lang, MessageKey, saveLang, translate } from './i18n.js';

interface Shop {
  id: string;
  name: string;
  timezone: string;
}

function SignIn(props: { lang: Lang; onSignedIn: (shop: Shop) => void }) {
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
      props.onSignedIn(await api.get<Shop>('/v1/shop'));
    } catch (failure) {
      forgetKey();
      setError(failure instanceof ApiError && failure.status === 401 ? t('signin.invalid') : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return html`<main class="signin">
    <form class="card" onSubmit=${submit} aria-labelledby="signin-title">
      <h1 id="signin-title">${t('app.title')}</h1>
      <label>${t('signin.key')}
        <input type="password" autocomplete="off" required value=${key} onInput=${(e: Event) => setKey((e.target as HTMLInputElement).value)} />
      </label>
      <p><label class="row"><input type="checkbox" checked=${remember} onChange=${(e: Event) => setRemember((e.target as HTMLInputElement).checked)} /> ${t('signin.remember')}</label></p>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      <button class="primary" type="submit" disabled=${busy}>${t('signin.submit')}</button>
    </form>
  </main>`;
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const [shop, setShop] = useState<Shop | null>(null);
  const [checking, setChecking] = useState(savedKey() !== null);

  useEffect(() => {
    saveLang(lang);
  }, [lang]);

  useEffect(() => {
    const signOut = () => {
      forgetKey();
      setShop(null);
    };
    window.addEventListener('rrs:unauthorized', signOut);
    if (savedKey()) {
      api
        .get<Shop>('/v1/shop')
        .then(setShop)
        .catch(() => forgetKey())
        .finally(() => setChecking(false));
    }
    return () => window.removeEventListener('rrs:unauthorized', signOut);
  }, []);

  if (checking) return html`<p class="boot">…</p>`;
  if (!shop) return html`<${SignIn} lang=${lang} onSignedIn=${setShop} />`;
  return html`<header class="top">
      <strong>${translate(lang, 'app.title')}</strong>
      <span>${shop.name}</span>
      <span class="spacer"></span>
      <label class="sr-only" for="lang">${translate(lang, 'lang.label')}</label>
      <select id="lang" value=${lang} onChange=${(e: Event) => setLang((e.target as HTMLSelectElement).value as Lang)}>
        <option value="zh">中文</option>
        <option value="en">English</option>
      </select>
      <button onClick=${() => { forgetKey(); setShop(null); }}>${translate(lang, 'signout')}</button>
    </header>`;
}

render(html`<${App} />`, document.getElementById('app') as HTMLElement);
