/** A problem+json error from the API, with field errors keyed by path. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(detail);
  }
}

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  message?: string;
  errors?: { path: string; message: string }[];
}

let csrfToken: string | null = null;

/** Remembers the CSRF token handed out by GET /api/auth/session. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The CSRF token for writes sent outside `api` (uploads with progress). */
export async function ensureCsrf() {
  if (csrfToken) return csrfToken;
  const res = await fetch('/api/auth/session', { credentials: 'same-origin' });
  const body = (await res.json()) as { csrfToken: string };
  csrfToken = body.csrfToken;
  return csrfToken;
}

const FALLBACK: Record<number, string> = {
  401: 'Please sign in first.',
  403: 'You do not have permission to do that.',
  404: 'We could not find that.',
  429: 'Too many attempts. Wait a moment and try again.',
};

async function toError(res: Response): Promise<ApiError> {
  let body: ProblemBody = {};
  try {
    body = (await res.json()) as ProblemBody;
  } catch {
    // Not JSON (a proxy error page, a network cut): fall back to a plain message.
  }
  const fieldErrors: Record<string, string> = {};
  for (const e of body.errors ?? []) if (!fieldErrors[e.path]) fieldErrors[e.path] = e.message;
  const detail =
    body.detail ?? body.message ?? body.title ?? FALLBACK[res.status] ?? 'Something went wrong. Please try again.';
  return new ApiError(res.status, body.code ?? String(res.status), detail, fieldErrors);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the JSON API; writes carry the CSRF token; failures throw ApiError. */
export async function api<T = unknown>(method: Method, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await ensureCsrf();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.', {});
  }
  if (res.status === 403 && method !== 'GET') {
    // An expired CSRF secret looks like a 403 too: fetch a fresh token once and retry.
    const peek = (await res.clone().json().catch(() => ({}))) as ProblemBody;
    if (/csrf/i.test(`${peek.code ?? ''} ${peek.detail ?? ''}`)) {
      csrfToken = null;
      return api<T>(method, url, body);
    }
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The message to show for any thrown value. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  if (err instanceof Error) return err.message;
  return 'Something went wrong. Please try again.';
}
