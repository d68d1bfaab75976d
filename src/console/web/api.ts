/** The console's only way to the service: the REST API, with the signed-in key. */

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

const KEY_STORAGE = 'rrs.console.key';

export function savedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE) ?? localStorage.getItem(KEY_STORAGE);
}

export function saveKey(key: string, remember: boolean): void {
  (remember ? localStorage : sessionStorage).setItem(KEY_STORAGE, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_STORAGE);
  localStorage.removeItem(KEY_STORAGE);
}

type Query = Record<string, string | number | boolean | null | undefined>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function call(method: string, path: string, options: { query?: Query; body?: unknown; accept?: string } = {}): Promise<Response> {
  const key = savedKey();
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (failure) {
    throw new ApiError(0, 'NETWORK_ERROR', failure instanceof Error ? failure.message : String(failure));
  }
  if (!response.ok) {
    let body: { code?: string; message?: string; errors?: FieldProblem[] } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // not JSON: keep the status
    }
    if (response.status === 401) window.dispatchEvent(new CustomEvent('rrs:unauthorized'));
    throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? response.statusText, body.errors ?? []);
  }
  return response;
}

export const api = {
  async get<T>(path: string, query?: Query): Promise<T> {
    return (await (await call('GET', path, { query })).json()) as T;
  },
  async text(path: string, query?: Query, accept = 'text/plain'): Promise<string> {
    return (await call('GET', path, { query, accept })).text();
  },
  async blob(path: string, query?: Query): Promise<Blob> {
    return (await call('GET', path, { query, accept: '*/*' })).blob();
  },
  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await call(method, path, { body: body ?? {} });
    return (response.status === 204 ? undefined : await response.json()) as T;
  },
};

/** Saves what the API returned as a file (evidence packs, report downloads). */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const blob = await api.blob(path, query);
  saveBlob(blob, filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
