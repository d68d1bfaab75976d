/** Hash routes, so a reload or a shared link opens the same screen: #/queue?tag=logistics, #/case/<id>... */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'queue'; params: URLSearchParams }
  | { view: 'case'; id: string }
  | { view: 'reviewers'; params: URLSearchParams }
  | { view: 'reviewer'; id: string }
  | { view: 'report'; params: URLSearchParams }
  | { view: 'webhooks' }
  | { view: 'webhook'; id: string; params: URLSearchParams };

const ID = /^[0-9a-f-]{36}$/i;

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'case' && parts[1] && ID.test(parts[1])) return { view: 'case', id: parts[1] };
  if (parts[0] === 'reviewer' && parts[1] && ID.test(parts[1])) return { view: 'reviewer', id: parts[1] };
  if (parts[0] === 'reviewers') return { view: 'reviewers', params };
  if (parts[0] === 'report') return { view: 'report', params };
  if (parts[0] === 'webhooks' && parts[1] && ID.test(parts[1])) return { view: 'webhook', id: parts[1], params };
  if (parts[0] === 'webhooks') return { view: 'webhooks' };
  return { view: 'queue', params };
}

export function href(path: string, params?: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) if (value) search.set(name, value);
  const query = search.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

export function navigate(path: string, params?: Record<string, string | undefined | null>, options: { replace?: boolean } = {}): void {
  const target = href(path, params);
  if (options.replace) history.replaceState(null, '', target);
  else if (location.hash !== target) location.hash = target;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
