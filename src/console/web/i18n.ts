/** UI text in Chinese and English. The language follows the browser until the user picks one. */
export type Lang = 'zh' | 'en';

const LANG_STORAGE = 'rrs.console.lang';

const MESSAGES = {
  'app.title': { zh: '评价修复工作台', en: 'Review recovery console' },
  'signin.title': { zh: '登录', en: 'Sign in' },
  'signin.key': { zh: 'API 密钥（员工密钥或店铺密钥）', en: 'API key (staff key or shop key)' },
  'signin.remember': { zh: '在此浏览器中记住', en: 'Remember on this browser' },
  'signin.submit': { zh: '登录', en: 'Sign in' },
  'signin.invalid': { zh: '密钥无效或已被吊销', en: 'The key is not valid or has been revoked' },
  'signout': { zh: '退出', en: 'Sign out' },
  'lang.label': { zh: '语言', en: 'Language' },
  'error.generic': { zh: '出错了：{message}', en: 'Something went wrong: {message}' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_STORAGE);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_STORAGE, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
