import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { checkPage, setUpJourney } from './support/journey.ts';

const j = setUpJourney();
const shots = '.tmp/screens/events';
/** axe clean, no sideways scroll, and a screenshot to look at. */
const check = (page: Page, name: string) => checkPage(page, shots, name);

/** "YYYY-MM-DDTHH:mm" of `d` on Berlin's clock. */
function berlin(d: Date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const contextFor = (login: string, timezoneId: string, viewport = DESKTOP) => j.context({ login, viewport, timezoneId, locale: 'en-GB' });

describe('journey: a community keeps its rhythm', () => {
  it('a coordinator plans a monthly meeting, a member answers, the coordinator records attendance and notes, the rhythm shows it', async () => {
    const clara = await HttpClient.person(j.base, 'clara', 'Clara Jensen');
    await clara.post('/api/communities', {
      name: 'Water quality samplers',
      slug: 'water-quality',
      domainStatement: 'People who sample and test drinking water across the region’s treatment works.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Compare methods and catch problems early.',
      visibility: 'open',
    });
    const milo = await HttpClient.person(j.base, 'milo', 'Milo Novak');
    await milo.post('/api/communities/water-quality/join');

    // Clara plans a monthly meeting that started a few minutes ago (so it can be answered and recorded now).
    const coordCtx = await contextFor('clara', 'Europe/Berlin');
    const page = await coordCtx.newPage();
    await page.goto(`${j.base}/c/water-quality`);
    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await page.getByText('No events in these months').waitFor();
    await check(page, 'events-empty-desktop');
    await page.getByRole('link', { name: 'Plan an event' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Plan an event' }).waitFor();
    const start = new Date(Date.now() - 10 * 60_000);
    await page.getByLabel('Title').fill('Monthly sampling review');
    await page.getByRole('radio', { name: /Regular/ }).check();
    await page.getByRole('radio', { name: /Meeting/ }).check();
    await page.getByLabel('Starts').fill(berlin(start));
    await page.getByLabel('Ends', { exact: true }).fill(berlin(new Date(start.getTime() + 2 * 3600_000)));
    await expect.poll(() => page.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Europe/Berlin');
    const howOften = page.getByLabel('How often');
    const monthly = await howOften.locator('option', { hasText: /Every month on the (first|second|third|fourth|last)/ }).first().getAttribute('value');
    await howOften.selectOption(monthly!);
    await page.getByLabel('Place').fill('Lab 2, Northfield works');
    await page.getByLabel('Description', { exact: false }).fill('Bring this month’s **outliers**.');
    await check(page, 'event-form-desktop');
    await page.getByRole('button', { name: 'Plan the event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monthly sampling review' }).waitFor();
    await page.getByText(/Repeats every month on the/).waitFor();
    const eventUrl = new URL(page.url());
    const eventId = Number(eventUrl.pathname.split('/').pop());
    await check(page, 'event-coordinator-desktop');

    // Milo, in New York, answers "Going"; he sees the time in his zone and the organizer's.
    const memberCtx = await contextFor('milo', 'America/New_York');
    const m = await memberCtx.newPage();
    await m.goto(`${j.base}/events/${eventId}`);
    await m.getByRole('heading', { level: 1, name: 'Monthly sampling review' }).waitFor();
    await m.getByText(/the organizer’s clock: .* in Europe\/Berlin/).waitFor();
    await m.getByRole('button', { name: 'Going', exact: true }).click();
    await expect.poll(() => m.getByRole('button', { name: 'Going', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await m.getByText('1 person going').waitFor();
    await check(m, 'event-member-desktop');

    // Clara records that Milo came (his first event) and writes the notes.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Who was there' }).waitFor();
    await page.getByRole('checkbox', { name: 'Milo Novak' }).check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance saved.').waitFor();
    await page.getByText('First time').waitFor();
    await page.getByRole('button', { name: 'Write notes and outcomes' }).click();
    await page.getByRole('textbox', { name: /^Notes/ }).fill('We compared **turbidity** readings from three works.');
    await page.getByLabel('Decisions').fill('Calibrate the turbidity meters monthly.');
    await page.getByLabel('New questions for the learning agenda').fill('How do other regions handle turbidity spikes after storms?');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Notes saved.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Decisions' }).waitFor();
    await page.getByRole('link', { name: 'How do other regions handle turbidity spikes after storms?' }).waitFor();
    await check(page, 'event-after-desktop');

    // The rhythm view shows the meeting, the attendance and the newcomer, in words and in numbers.
    await page.goto(`${j.base}/c/water-quality/rhythm`);
    await page.getByRole('heading', { level: 1, name: 'Rhythm' }).waitFor();
    const reading = page.getByTestId('rhythm-reading');
    await reading.getByText(/100% of the people at events came for the first time/).waitFor();
    await reading.getByText(/Next: Monthly sampling review/).waitFor();
    await page.getByTestId('cadence-chart').locator('svg').waitFor();
    const thisMonth = page.getByRole('table').getByRole('row').last();
    expect(await thisMonth.getByRole('cell').allTextContents()).toEqual(['1', '0', '1', '1']);
    await check(page, 'rhythm-desktop');

    // The events list shows this month's and next month's meeting.
    await page.goto(`${j.base}/c/water-quality/events`);
    await expect.poll(() => page.getByRole('link', { name: 'Monthly sampling review' }).count()).toBeGreaterThanOrEqual(2);
    await check(page, 'events-desktop');

    // Milo takes a personal calendar link and revokes it.
    await m.goto(`${j.base}/me/calendar`);
    await m.getByRole('heading', { level: 1, name: 'Calendar feeds' }).waitFor();
    await m.getByText('No calendar links yet').waitFor();
    await m.getByRole('button', { name: 'New personal link' }).click();
    const link = await m.getByLabel(/Your new personal link/).inputValue();
    expect(link).toMatch(/\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(link.replace(/^https?:\/\/[^/]+/, j.base));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Monthly sampling review');
    await check(m, 'calendar-feeds-desktop');
    await m.getByRole('button', { name: /Revoke the link for all my events/ }).click();
    await m.getByText('No calendar links yet').waitFor();
    expect((await fetch(link.replace(/^https?:\/\/[^/]+/, j.base))).status).toBe(404);

    // The same pages on a phone.
    const phone = await contextFor('clara', 'Europe/Berlin', PHONE);
    const p = await phone.newPage();
    for (const [path, name, heading] of [
      ['/c/water-quality/events', 'events-phone', 'Events'],
      [`/events/${eventId}`, 'event-phone', 'Monthly sampling review'],
      ['/c/water-quality/events/new', 'event-form-phone', 'Plan an event'],
      ['/c/water-quality/rhythm', 'rhythm-phone', 'Rhythm'],
      ['/me/calendar', 'calendar-feeds-phone', 'Calendar feeds'],
    ] as const) {
      await p.goto(j.base + path);
      await p.getByRole('heading', { level: 1, name: heading }).waitFor();
      await check(p, name);
    }
    await Promise.all([coordCtx.close(), memberCtx.close(), phone.close()]);
  }, 180_000);
});
