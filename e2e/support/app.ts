import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { createTestApp } from '../../src/server/test/harness.ts';
import { PASSWORD } from './http.ts';

export { PASSWORD };

/**
 * The whole app (API + built web UI) on a fresh database, listening on a random loopback port;
 * `overrides` set configuration (e.g. a throw-away DATA_DIR for uploads).
 */
export async function startApp(overrides: Record<string, string> = {}) {
  if (!existsSync(path.resolve('dist/web/index.html'))) throw new Error('dist/web is missing: run `npm run build` before the browser journeys.');
  const t = await createTestApp(overrides);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: t.close, t };
}


/** Signs a browser context in through the API (its cookies then belong to the context). */
export async function signInContext(ctx: BrowserContext, baseUrl: string, login: string) {
  const session = await ctx.request.get(`${baseUrl}/api/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await ctx.request.post(`${baseUrl}/api/auth/signin`, { data: { login, password: PASSWORD }, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}
