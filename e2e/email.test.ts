/** Browser journeys for email: forgot password → reset through the emailed link → sign in; unsubscribe; the admin outbox. */
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../src/server/modules/email/email.testing.ts';
import { createTestApp, type TestApp } from '../src/server/test/harness.ts';
import { axeViolations, DESKTOP, launchBrowser, PHONE } from './support/browser.ts';
import { HttpClient } from './support/http.ts';

let smtp: TestSmtp;
let t: TestApp;
let browser: Browser;
let base: string;

/** A free loopback port, so APP_URL (the links in emails) can name the address the app listens on. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  smtp = await startTestSmtp();
  [t, browser] = await Promise.all([createTestApp({ SMTP_URL: smtp.url, APP_URL: base }), launchBrowser()]);
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

async function newPage(viewport = DESKTOP): Promise<Page> {
  const ctx = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  // Fail with the locator's name well before the test's own timeout.
  page.setDefaultTimeout(8000);
  return page;
}

/** Screenshots for looking at the pages by hand (.tmp/screens). */
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screens/email-page-${name}.png`, fullPage: true });

async function expectAccessible(page: Page) {
  // Signed-in pages hold a live-updates stream open, so "network idle" may never come; wait for loading to end instead.
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('[role="status"]')).some((e) => /Loading|Turning/.test(e.textContent ?? '')));
  expect(await axeViolations(page), `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}

const NEW_PASSWORD = 'tide tables and tea';

describe('journey: forgot password', () => {
  it('asks for a link, resets through the emailed link, signs in; the link then stops working', { timeout: 90_000 }, async () => {
    await HttpClient.person(base, 'rosa', 'Rosa Delgado');
    const page = await newPage();
    await page.goto(`${base}/signin`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('Enter a valid email address.').waitFor();
    await page.getByLabel('Email address').fill('rosa@example.org');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('Check your email').waitFor();
    await expectAccessible(page);
    await shot(page, 'forgot-sent');

    await t.app.jobs.runNow('email.send');
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe('Reset your Constellation password');
    const link = new RegExp(`${base}/reset-password\\?token=[\\w-]+`).exec(mail.text ?? '')?.[0];
    expect(link).toBeTruthy();

    await page.goto(link ?? '');
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.locator('[id$="-error"]', { hasText: 'Use at least 10 characters.' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password is changed' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Email or username').fill('rosa');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /Rosa Delgado/ }).waitFor();

    // The link works once.
    const again = await newPage(PHONE);
    await again.goto(link ?? '');
    await again.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await again.getByLabel('New password again').fill('another long passphrase');
    await again.getByRole('button', { name: 'Save the new password' }).click();
    await again.getByText('This reset link was already used.').waitFor();
    await expectAccessible(again);
  });
});

describe('journey: unsubscribe and the admin outbox', () => {
  it('turns the digest off from the link without signing in, and undoes it', async () => {
    await HttpClient.person(base, 'sami', 'Sami Virtanen');
    const token = (await t.pool.query(`select email_token from users where username = 'sami'`)).rows[0].email_token;
    const page = await newPage(PHONE);
    await page.goto(`${base}/unsubscribe?token=${token}&kind=digest`);
    // Opening the link alone changes nothing (link scanners open links too).
    await page.getByRole('button', { name: 'Stop the digest' }).waitFor();
    expect((await t.pool.query(`select digest_frequency from users where username = 'sami'`)).rows[0].digest_frequency).toBe('daily');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Stop the digest' }).click();
    await page.getByText('You will no longer get').waitFor();
    await expectAccessible(page);
    await shot(page, 'unsubscribe-phone');
    expect((await t.pool.query(`select digest_frequency from users where username = 'sami'`)).rows[0].digest_frequency).toBe('off');
    await page.getByRole('button', { name: /Undo/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscribed again' }).waitFor();
    expect((await t.pool.query(`select digest_frequency from users where username = 'sami'`)).rows[0].digest_frequency).toBe('daily');
    await page.goto(`${base}/unsubscribe?token=wrong&kind=digest`);
    await page.getByRole('button', { name: 'Stop the digest' }).click();
    await page.getByText('This unsubscribe link does not work').waitFor();
    await expectAccessible(page);
  });

  it('lets a site admin read every email from the user menu', async () => {
    await t.pool.query(`update users set site_role = 'admin' where username = 'rosa'`);
    const page = await newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel('Email or username').fill('rosa');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /Rosa Delgado/ }).click();
    await page.getByRole('link', { name: 'Email outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Email outbox' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'outbox');
    await page.getByRole('link', { name: 'Reset your Constellation password' }).click();
    await page.getByRole('heading', { level: 2, name: 'Plain-text part' }).waitFor();
    await expect.poll(() => page.frameLocator('iframe').getByRole('heading', { name: 'Choose a new password' }).isVisible()).toBe(true);
    // axe cannot enter a sandboxed iframe without scripts (it waits forever), so the page is checked without the preview.
    await page.evaluate(() => document.querySelector('iframe')?.remove());
    await expectAccessible(page);
  }, 60_000);
});
