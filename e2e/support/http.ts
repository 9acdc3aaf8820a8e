export const PASSWORD = 'a long walk by the river';

/** A small API client over real HTTP that keeps cookies and sends the CSRF token, for seeding journeys. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    if (method !== 'GET' && !this.csrf) {
      const s = await fetch(`${this.baseUrl}/api/auth/session`, { headers: { cookie: this.cookieHeader() } });
      this.keep(s);
      this.csrf = ((await s.json()) as { csrfToken: string }).csrfToken;
    }
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.keep(res);
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  get = <T = unknown>(path: string) => this.request<T>('GET', path);
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = unknown>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  patch = <T = unknown>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);

  /** Signs up (and so signs in) a new person. */
  static async person(baseUrl: string, username: string, displayName: string) {
    const c = new HttpClient(baseUrl);
    await c.post('/api/auth/signup', { email: `${username}@example.org`, username, displayName, password: PASSWORD });
    c.csrf = null;
    return c;
  }
}
