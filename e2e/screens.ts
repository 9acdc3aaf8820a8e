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
await browser.close();
