import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium, headless; nothing is downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 800 };

/** Every axe rule (WCAG A/AA and best practices); returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n    ')}`,
  );
}

/** Waits until no "Loading…" status remains, so checks see the real page. */
export async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('[role="status"]')).some((e) => /Loading|Searching/.test(e.textContent ?? '')), null, { timeout: 10_000 });
}

/** Every page a journey visits must be free of axe violations once it has settled (the message names the rule and the element). */
export async function expectAccessible(page: Page) {
  await settled(page);
  expect((await axeViolations(page)).join('\n'), `axe on ${new URL(page.url()).pathname}`).toBe('');
}
