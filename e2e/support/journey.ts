import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { signInContext, startApp } from './app.ts';
import { axeViolations, DESKTOP, launchBrowser, settled } from './browser.ts';

/**
 * What every journey file needs: the app on a fresh database and Chromium, started before its
 * tests and closed after them with every browser context it opened. `settings` configure the app
 * as environment variables would.
 */
export function setUpJourney(settings: Record<string, string> = {}) {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(settings), launchBrowser()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });
  return {
    get base() {
      return app.baseUrl;
    },
    /** The app and its database, for arranging what a journey cannot do through the UI (clocks, jobs). */
    get t() {
      return app.t;
    },
    /** A new browser context (desktop unless told otherwise), signed in as `login` when given. */
    async context(opts: BrowserContextOptions & { login?: string } = {}): Promise<BrowserContext> {
      const { login, ...options } = opts;
      const ctx = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', ...options });
      contexts.push(ctx);
      // Fail with the locator's name well before the test's own timeout.
      ctx.setDefaultTimeout(10_000);
      if (login) await signInContext(ctx, app.baseUrl, login);
      return ctx;
    },
    /** A page in a new context; see `context`. */
    async page(opts: BrowserContextOptions & { login?: string } = {}): Promise<Page> {
      return (await this.context(opts)).newPage();
    },
  };
}

/** Axe clean, no sideways scroll, and a screenshot in `dir` to look at by hand. */
export async function checkPage(page: Page, dir: string, name: string) {
  await settled(page);
  expect((await axeViolations(page)).join('\n'), `axe on ${new URL(page.url()).pathname}`).toBe('');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll on ${name}`).toBeLessThanOrEqual(0);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
