/** The API as the pages call it: same origin, the signed-in key as a bearer token. */

const KEY = 'threadlens.apiKey';

/** The key lives in sessionStorage: gone when the tab closes, never in a cookie or localStorage. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; accept?: string; key?: string } = {}): Promise<T> {
  const key = init.key ?? session.key();
  const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch (e) {
    throw new ApiFailure(0, 'network', `the server did not answer (${(e as Error).message})`);
  }
  const text = await res.text();
  if (!res.ok) {
    let err: { code?: string; message?: string; details?: Record<string, unknown> } = {};
    try {
      err = (JSON.parse(text) as { error?: typeof err }).error ?? {};
    } catch {
      // Not the API's error shape (a proxy's page, say): keep the status.
    }
    throw new ApiFailure(res.status, err.code ?? 'http-error', err.message ?? `HTTP ${res.status}`, err.details ?? {});
  }
  return (init.accept && init.accept !== 'application/json' ? text : JSON.parse(text)) as T;
}
