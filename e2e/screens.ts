/**
 * Screenshots of every page, desktop and phone, with an axe report — for looking at the UI by hand.
 * Usage: BASE_URL=http://localhost:3100 npx tsx e2e/screens.ts   (seeds a little data if the site is empty)
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { axeViolations, DESKTOP, launchBrowser, PHONE, settled } from './support/browser.ts';
import { HttpClient } from './support/http.ts';

const base = process.env.BASE_URL ?? 'http://localhost:3100';
const out = '.tmp/screens';
const tag = Date.now().toString(36).slice(-4);

async function seed() {
  const ana = await HttpClient.person(base, `ana_${tag}`, 'Ana Moreira');
  const ben = await HttpClient.person(base, `ben_${tag}`, 'Ben Okafor');
  const slug = `water-ops-${tag}`;
  await ana.post('/api/communities', {
    name: 'Water network operations',
    slug,
    domainStatement: 'Operators and engineers who keep drinking-water networks running: pumps, leaks, pressure and maintenance.',
    domainType: 'technical',
    structureKind: 'community_of_practice',
    purpose: 'Share what works in the field, solve problems together and write down what we learn.',
    visibility: 'open',
  });
  await ana.post('/api/communities', {
    name: 'Safety leads circle',
    slug: `safety-${tag}`,
    domainStatement: 'Safety leads from every site who want to learn from incidents before they repeat.',
    domainType: 'issue_driven',
    structureKind: 'network',
    purpose: '',
    visibility: 'by_request',
  });
  await ben.post(`/api/communities/${slug}/join`);
  await ben.patch('/api/me/profile', { title: 'Pump station technician', location: 'Leeds depot', timeZone: 'Europe/London', bio: 'Twelve years on pumping stations.' });
  await ben.put('/api/me/expertise', { areas: [{ tag: 'pump-maintenance', level: 'expert' }, { tag: 'scada', level: 'practitioner' }] });
  const t = await ana.post<{ id: number }>('/api/topics', {
    communities: [slug],
    title: 'How do you schedule pump maintenance across many sites?',
    body: `We keep **paper logs** and lose track of which pump was serviced when.\n\n- 40 pumping stations\n- 3 technicians\n\nWhat works for you? @ben_${tag}`,
    activityType: 'seeking_experience',
    isQuestion: true,
    tags: ['maintenance', 'pumps'],
  });
  const r = await ben.post<{ id: number }>(`/api/topics/${t.id}/replies`, {
    body: 'We moved to a shared calendar with one recurring event per pump, and a QR code on each pump that opens its log. Took a week to set up.',
  });
  await ana.post(`/api/topics/${t.id}/replies`, { body: 'That sounds simple enough. Did the technicians like the QR codes?', parentId: r.id });
  await ana.put(`/api/topics/${t.id}/accepted`, { postId: r.id });
  await ana.post('/api/topics', {
    communities: [slug],
    title: 'Leak detection with acoustic loggers — worth it?',
    body: 'Our manager asks whether acoustic loggers pay for themselves. Any numbers?',
    activityType: 'building_argument',
    isQuestion: true,
    tags: ['leaks'],
  });
  return { slug, topicId: t.id, ana: `ana_${tag}` };
}

async function shoot(page: Page, name: string, path: string) {
  await page.goto(base + path);
  await settled(page);
  for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
  const v = await axeViolations(page);
  console.log(`${name.padEnd(16)} ${v.length === 0 ? 'axe: no violations' : `axe:\n  ${v.join('\n  ')}`}`);
}

await mkdir(out, { recursive: true });
const { slug, topicId, ana } = await seed();
const browser = await launchBrowser();
const anon = await (await browser.newContext({ viewport: DESKTOP })).newPage();
await shoot(anon, 'home-anon', '/');
await shoot(anon, 'signup', '/signup');
await shoot(anon, 'signin', '/signin');
await shoot(anon, 'community-anon', `/c/${slug}`);
await shoot(anon, 'topic-anon', `/topics/${topicId}`);
await shoot(anon, 'search', '/search?q=pump');
await shoot(anon, 'search-empty', '/search');
await shoot(anon, 'notfound', '/nowhere');
await shoot(anon, 'community-404', '/c/does-not-exist');

const ctx = await browser.newContext({ viewport: DESKTOP });
const page = await ctx.newPage();
await page.goto(`${base}/signin`);
await page.getByLabel('Email or username').fill(ana);
await page.getByLabel('Password').fill('a long walk by the river');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(`${base}/`);
await shoot(page, 'home-user', '/');
await shoot(page, 'community', `/c/${slug}`);
await shoot(page, 'members', `/c/${slug}/members`);
await shoot(page, 'topic', `/topics/${topicId}`);
await shoot(page, 'new-topic', `/topics/new?community=${slug}`);
await shoot(page, 'new-community', '/communities/new');
await shoot(page, 'person', `/people/${ana}`);
await shoot(page, 'invitations', '/invitations');
await shoot(page, 'people', '/people');
await shoot(page, 'people-person', `/people/ben_${tag}`);
await shoot(page, 'who-knows', '/who-knows?q=pump%20maintenance');
await shoot(page, 'who-knows-empty', '/who-knows');
await shoot(page, 'edit-profile', '/me/profile');
await shoot(page, 'my-communities', '/me/communities');

// Interaction states.
const states = await browser.newContext({ viewport: DESKTOP });
const s = await states.newPage();
async function snap(name: string) {
  await s.waitForTimeout(300);
  await s.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const v = await axeViolations(s);
  console.log(`${name.padEnd(16)} ${v.length === 0 ? 'axe: no violations' : `axe:\n  ${v.join('\n  ')}`}`);
}
await s.goto(`${base}/signup`);
await s.getByLabel('Your name').fill('Someone');
await s.getByLabel('Username').fill(ana);
await s.getByLabel('Email address').fill(`x${tag}@example.org`);
await s.getByLabel('Password').fill('a long walk by the river');
await s.getByRole('button', { name: 'Create account' }).click();
await s.getByText(/taken/i).first().waitFor();
await snap('state-signup-taken');
await s.goto(`${base}/signin`);
await s.getByLabel('Email or username').fill(ana);
await s.getByLabel('Password').fill('wrong password!');
await s.getByRole('button', { name: 'Sign in' }).click();
await s.waitForTimeout(500);
await snap('state-signin-wrong');
await s.getByLabel('Password').fill('a long walk by the river');
await s.getByRole('button', { name: 'Sign in' }).click();
await s.waitForURL(`${base}/`);
await s.getByRole('button', { name: /your menu/ }).click();
await snap('state-user-menu');
await s.goto(`${base}/communities/new`);
await s.getByRole('button', { name: 'Continue with Community of practice' }).click();
await s.getByRole('button', { name: 'Propose the community' }).click();
await snap('state-new-community-errors');
await s.goto(`${base}/c/${slug}/members`);
await settled(s);
await s.getByText('Change roles').first().click();
await snap('state-roles');
await s.goto(`${base}/topics/${topicId}`);
await settled(s);
await s.getByRole('article', { name: /Opening post/ }).getByRole('button', { name: 'Edit' }).click();
await s.getByLabel('Edit your post').fill('We keep **paper logs** and lose track. Edited to add: 40 stations.');
await s.getByRole('button', { name: 'Save changes' }).click();
await s.getByRole('button', { name: /edited/ }).click();
await s.getByRole('dialog').waitFor();
await snap('state-history');
const outsider = await (await browser.newContext({ viewport: PHONE })).newPage();
await HttpClient.person(base, `zed_${tag}`, 'Zed Outsider').then(async () => {
  await outsider.goto(`${base}/signin`);
  await outsider.getByLabel('Email or username').fill(`zed_${tag}`);
  await outsider.getByLabel('Password').fill('a long walk by the river');
  await outsider.getByRole('button', { name: 'Sign in' }).click();
  await outsider.waitForURL(`${base}/`);
  await outsider.goto(`${base}/c/safety-${tag}`);
  await settled(outsider);
  await outsider.screenshot({ path: `${out}/state-by-request-phone.png`, fullPage: true });
  const v = await axeViolations(outsider);
  console.log(`state-by-request ${v.length === 0 ? 'axe: no violations' : v.join('\n  ')}`);
});
await browser.close();
