import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDemoPdf } from '../src/server/seed/demo-repository.ts';
import { PHONE } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { checkPage, setUpJourney } from './support/journey.ts';

// Uploads land in a throw-away DATA_DIR, removed after the journey.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'repository-e2e-'));
const j = setUpJourney({ DATA_DIR: dataDir });
afterAll(() => rm(dataDir, { recursive: true, force: true }));
const shots = '.tmp/screens/repository';
const signedInPage = (login: string) => j.page({ login });
const check = (page: Page, name: string) => checkPage(page, shots, name);

describe('journey: a member shares a PDF, a colleague finds it by its contents and reuses it, the steward reviews it', () => {
  it('uploads with progress, finds by a phrase inside the PDF, records reuse, reviews after the date passes', { timeout: 120_000 }, async () => {
    const amara = await HttpClient.person(j.base, 'amara', 'Amara Okafor');
    await amara.post('/api/communities', {
      name: 'Water quality labs',
      slug: 'water-labs',
      domainStatement: 'Lab technicians who test drinking water and compare methods.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Reliable results, shared methods.',
      visibility: 'open',
    });
    const jonas = await HttpClient.person(j.base, 'jonas', 'Jonas Berg');
    await jonas.post('/api/communities/water-labs/join');
    const pdfPath = path.join(dataDir, 'turbidity-method.pdf');
    // Four pages: the preview shows three and offers the rest.
    await writeFile(
      pdfPath,
      makeDemoPdf([
        ['Turbidity method', 'Nephelometric turbidity calibration with formazin standards'],
        ['Daily checks', 'Clean the cuvette.'],
        ['Weekly checks', 'Verify with two standards.'],
        ['Records', 'Keep the drift log.'],
      ]),
    );

    // Amara uploads the PDF through the Repository tab.
    const page = await signedInPage('amara');
    await page.goto(`${j.base}/c/water-labs`);
    await page.getByRole('link', { name: 'Repository' }).click();
    await page.getByRole('heading', { name: 'Add to the repository' }).waitFor();
    await check(page, 'repository-empty');
    await page.getByLabel('Title').fill('Turbidity method');
    await page.getByLabel('Summary').fill('How we calibrate the turbidimeter.');
    await page.getByLabel('File', { exact: true }).setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Add to the repository' }).click();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Upload progress' }).count()).toBe(1);
    await page.getByText('Uploaded 100%').waitFor();
    await page.getByRole('link', { name: 'Open “Turbidity method”' }).waitFor();
    await page.getByRole('listitem').getByRole('link', { name: 'Turbidity method' }).waitFor();
    await check(page, 'repository-added');

    // As coordinator she curates it into an ordered collection.
    await page.getByLabel('New collection').fill('Onboarding kit');
    await page.getByRole('button', { name: 'Start the collection' }).click();
    await page.getByRole('link', { name: 'Onboarding kit' }).click();
    await page.getByRole('heading', { name: 'Onboarding kit', level: 1 }).waitFor();
    await page.getByLabel('Add an asset').selectOption({ label: 'Turbidity method' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Remove Turbidity method' }).waitFor();
    await check(page, 'collection');

    // Jonas finds it by words that appear only inside the PDF, and marks it reused.
    const other = await signedInPage('jonas');
    // From the community's repository, its own search box narrows the one search to its assets.
    await other.goto(`${j.base}/c/water-labs/repository`);
    // Nothing typed: it says what to do and stays on the page.
    await other.getByRole('button', { name: 'Search', exact: true }).click();
    await other.getByText('Type a word or two to look for.').waitFor();
    expect(new URL(other.url()).pathname).toBe('/c/water-labs/repository');
    await other.getByRole('searchbox', { name: 'Search this repository' }).fill('nephelometric');
    expect(await other.getByText('Type a word or two to look for.').count()).toBe(0);
    await other.getByRole('button', { name: 'Search', exact: true }).click();
    await other.getByRole('heading', { name: 'Results for “nephelometric”' }).waitFor();
    expect(await other.getByRole('radio', { name: 'Repository' }).isChecked()).toBe(true);
    expect(await other.getByLabel('Community').inputValue()).toBe('water-labs');
    await other.getByRole('link', { name: 'Turbidity method' }).waitFor();
    await check(other, 'repository-search');
    // The phrase, in quotes, typed into the header's search box: the quotes reach the search.
    await other.goto(j.base);
    await other.getByRole('searchbox', { name: 'Search topics and the repository' }).fill('"formazin standards"');
    await other.getByRole('searchbox', { name: 'Search topics and the repository' }).press('Enter');
    await other.getByRole('heading', { name: 'Results for "formazin standards"' }).waitFor();
    expect(await other.getByLabel('Search for').inputValue()).toBe('"formazin standards"');
    await other.getByRole('link', { name: 'Turbidity method' }).click();
    await other.getByRole('heading', { name: 'Turbidity method', level: 1 }).waitFor();
    // The PDF is drawn in the page (pdf.js), three pages first, each with its text for screen readers.
    await other.getByRole('img', { name: 'Page 1 of 4 of turbidity-method.pdf' }).waitFor();
    await other.getByText('Showing the first 3 pages of 4.').waitFor();
    expect(await other.locator('canvas[data-pdf-page]').count()).toBe(3);
    // The page's text is set once pdf.js has drawn it, after the canvas appears.
    await other.getByText(/Text of page 1: .*formazin standards/).waitFor();
    expect(await other.getByText(/Text of page 1: .*formazin standards/).count()).toBe(1);
    expect(await other.locator('canvas[data-pdf-page="1"]').evaluate((c: HTMLCanvasElement) => c.width > 100 && c.height > 100)).toBe(true);
    await check(other, 'asset');
    await other.getByRole('button', { name: 'Show more pages' }).click();
    await other.getByRole('img', { name: 'Page 4 of 4 of turbidity-method.pdf' }).waitFor();
    expect(await other.getByRole('button', { name: 'Show more pages' }).count()).toBe(0);
    expect(await other.getByRole('link', { name: 'Download' }).getAttribute('download')).toBe('turbidity-method.pdf');
    // On a phone the pages scale to the screen's width.
    const phone = await j.page({ login: 'jonas', viewport: PHONE });
    await phone.goto(other.url());
    await phone.getByRole('img', { name: 'Page 1 of 4 of turbidity-method.pdf' }).waitFor();
    const canvasWidth = await phone.locator('canvas[data-pdf-page="1"]').evaluate((c) => c.getBoundingClientRect().width);
    expect(canvasWidth).toBeLessThanOrEqual(PHONE.width);
    await check(phone, 'asset-phone');
    // When the file cannot be fetched, the page says so and still offers the download.
    await phone.route('**/api/assets/*/versions/*/file', (route) => route.fulfill({ status: 500, body: 'nope' }));
    await phone.reload();
    await phone.getByText('We could not show a preview of this PDF. Download it to read it.').waitFor();
    await phone.getByRole('link', { name: 'Download' }).waitFor();
    await check(phone, 'asset-phone-preview-failed');
    // The add form fits a phone even when a topic to link has a long title (a select grows to its widest option).
    await jonas.post('/api/topics', {
      communities: ['water-labs'],
      title: 'Why do our turbidity readings drift upwards over a long shift when the lab temperature climbs in summer?',
      body: 'Seen at two sites.',
      activityType: 'problem_solving',
      isQuestion: true,
    });
    await phone.goto(`${j.base}/c/water-labs/repository`);
    await phone.getByRole('heading', { name: 'Add to the repository' }).waitFor();
    await check(phone, 'repository-phone');
    await other.getByLabel('How did you use it?').fill('Used it to set up our new lab.');
    await other.getByRole('button', { name: 'I reused this' }).click();
    await other.getByText('Thank you: your reuse is recorded.').waitFor();
    await other.getByText('Used it to set up our new lab.').waitFor();
    await other.getByRole('heading', { name: 'Reuse (1 time)' }).waitFor();

    // Its review date passes (the steward's own date, set in the past); it shows in her queue and she confirms it.
    const { items } = await amara.get<{ items: { id: number }[] }>('/api/communities/water-labs/assets');
    await amara.patch(`/api/assets/${items[0].id}`, { reviewBy: '2024-01-31' });
    await page.goto(`${j.base}/me/reviews`);
    await page.getByRole('link', { name: 'Turbidity method' }).click();
    await page.getByText('Needs review').first().waitFor();
    await check(page, 'asset-needs-review');
    await page.getByRole('button', { name: 'Confirm it is still right' }).click();
    await page.getByText(/^Fresh until/).waitFor();
    expect(await page.getByText('Needs review').count()).toBe(0);
    // She replaces the file (a new version, with progress) and then restores the first version.
    await page.getByRole('button', { name: 'Edit' }).click();
    const notesPath = path.join(dataDir, 'method-notes.txt');
    await writeFile(notesPath, 'Updated method: calibrate weekly.');
    await page.getByLabel('File', { exact: true }).setInputFiles(notesPath);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Version 2 (current)', { exact: false }).waitFor();
    // A text file is shown as it is, in the page (the region appears once its text has loaded).
    await page.getByRole('region', { name: 'Text of method-notes.txt' }).waitFor();
    await page.getByText('method-notes.txt · 1 KB').waitFor();
    expect(await page.getByRole('region', { name: 'Text of method-notes.txt' }).textContent()).toBe('Updated method: calibrate weekly.');
    await check(page, 'asset-version-2');
    // Version 1 can be read before it is restored: what it held, who saved it, and a way back.
    await page.getByRole('link', { name: 'View version 1' }).click();
    await page.getByText('You are reading version 1 of 2').waitFor();
    await page.getByText('turbidity-method.pdf').waitFor();
    expect(new URL(page.url()).searchParams.get('version')).toBe('1');
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await check(page, 'asset-version-1');
    await page.getByRole('link', { name: 'Back to the current version' }).click();
    await page.getByRole('region', { name: 'Text of method-notes.txt' }).waitFor();
    await page.getByRole('link', { name: 'View version 1' }).click();
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByText(/Version 3 \(current\).*restored from version 1/).waitFor();
    await page.getByText('turbidity-method.pdf').waitFor();
    expect(new URL(page.url()).searchParams.get('version')).toBe(null);
    // A version that does not exist is said so, with the way back.
    await page.goto(`${page.url()}?version=9`);
    await page.getByText('This asset has no version 9.').waitFor();
    await page.goto(`${j.base}/me/reviews`);
    await page.getByText('Nothing to review').waitFor();
    await check(page, 'review-queue-empty');
  });

  it('saves what a topic settled to the repository, prefilled and linked; curators set the review period and tidy collections', { timeout: 120_000 }, async () => {
    const amara = await HttpClient.person(j.base, 'amara2', 'Amara Two');
    await amara.post('/api/communities', {
      name: 'Pump engineers',
      slug: 'pump-engineers',
      domainStatement: 'Engineers who keep pumping stations running and efficient.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Fewer pump failures.',
      visibility: 'open',
    });
    const topic = await amara.post<{ id: number }>('/api/topics', {
      communities: ['pump-engineers'],
      title: 'Let us write down how we align pump couplings',
      body: 'We keep explaining this to new starters.',
      activityType: 'documentation_project',
    });

    // From the topic, "Save to repository" opens the add form prefilled from it.
    const page = await signedInPage('amara2');
    await page.goto(`${j.base}/topics/${topic.id}`);
    await page.getByRole('heading', { name: 'In the repository' }).waitFor();
    await page.getByText('Nothing from this conversation is in the repository yet.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Save to repository' }).click();
    await page.getByText('Saving what came out of', { exact: false }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Let us write down how we align pump couplings');
    expect(await page.getByLabel('Learning activity it came from').inputValue()).toBe('documentation_project');
    expect(await page.getByRole('radio', { name: /An article/ }).isChecked()).toBe(true);
    await page.getByRole('list', { name: 'Linked topics' }).getByText('Let us write down how we align pump couplings').waitFor();
    await page.getByLabel('Title').fill('Aligning pump couplings');
    await page.getByLabel('Article', { exact: true }).fill('## Steps\n\n1. Use a dial gauge.\n2. **Check twice**.');
    await check(page, 'save-from-topic');
    await page.getByRole('button', { name: 'Add to the repository' }).click();
    await page.getByRole('link', { name: 'Open “Aligning pump couplings”' }).click();
    await page.getByRole('heading', { name: 'Aligning pump couplings', level: 1 }).waitFor();
    // The article reads as written: its heading stands out and its steps are numbered.
    const style = (l: ReturnType<Page['locator']>, property: 'fontWeight' | 'listStyleType') =>
      l.evaluate((el, p) => getComputedStyle(el)[p], property);
    expect(Number(await style(page.getByRole('heading', { name: 'Steps', level: 2 }), 'fontWeight'))).toBeGreaterThanOrEqual(600);
    expect(await style(page.getByRole('list').filter({ hasText: 'Use a dial gauge.' }), 'listStyleType')).toBe('decimal');
    await check(page, 'article');
    await page.getByRole('link', { name: 'Let us write down how we align pump couplings' }).click();
    await page.getByRole('heading', { name: 'In the repository' }).waitFor();
    await page.getByRole('link', { name: 'Aligning pump couplings' }).waitFor();
    await check(page, 'topic-with-asset');

    // From an event page too: a visit saved as an article, its title and activity prefilled, the event linked.
    const day = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
    const visit = await amara.post<{ id: number }>('/api/communities/pump-engineers/events', {
      kind: 'visit',
      cadence: 'special',
      title: 'Visit to the Riverside pumping station',
      startsAt: `${day}T09:00`,
      endsAt: `${day}T12:00`,
      timeZone: 'UTC',
    });
    await page.goto(`${j.base}/events/${visit.id}`);
    await page.getByRole('heading', { name: 'In the repository' }).waitFor();
    await page.getByText('Nothing from this event is in the repository yet.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Save to repository' }).click();
    await page.getByText('Saving what came out of “Visit to the Riverside pumping station”', { exact: false }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Visit to the Riverside pumping station');
    expect(await page.getByLabel('Learning activity it came from').inputValue()).toBe('visit');
    expect(await page.getByRole('radio', { name: /An article/ }).isChecked()).toBe(true);
    await page.getByRole('list', { name: 'Linked events' }).getByText('Visit to the Riverside pumping station').waitFor();
    expect(await page.getByRole('list', { name: 'Linked topics' }).count()).toBe(0);
    await page.getByLabel('Title').fill('What we learned at Riverside');
    await page.getByLabel('Article', { exact: true }).fill('Their soft-start drives halved **water hammer**.');
    await check(page, 'save-from-event');
    await page.getByRole('button', { name: 'Add to the repository' }).click();
    await page.getByRole('link', { name: 'Open “What we learned at Riverside”' }).click();
    await page.getByRole('heading', { name: 'What we learned at Riverside', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Visit to the Riverside pumping station' }).click();
    await page.getByRole('heading', { name: 'Visit to the Riverside pumping station', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'In the repository' }).waitFor();
    await page.getByRole('link', { name: 'What we learned at Riverside' }).waitFor();
    await check(page, 'event-with-asset');

    // The coordinator sets the review period; a bad value is named at its field.
    await page.goto(`${j.base}/c/pump-engineers/repository`);
    await page.getByText('Repository settings').click();
    const days = page.getByLabel('Review period (days)');
    expect(await days.inputValue()).toBe('365');
    await days.fill('3');
    await page.getByRole('button', { name: 'Save the review period' }).click();
    await page.getByText('Use at least 7 days.').waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await days.fill('90');
    await page.getByRole('button', { name: 'Save the review period' }).click();
    await page.getByText('Saved. New and confirmed assets now stay fresh for 90 days.').waitFor();
    await check(page, 'repository-settings');
    expect((await amara.get<{ reviewAfterDays: number }>('/api/communities/pump-engineers/repository-settings')).reviewAfterDays).toBe(90);

    // A collection is renamed, described and deleted (after a confirm step); its assets stay.
    await page.getByLabel('New collection').fill('Starter kit');
    await page.getByRole('button', { name: 'Start the collection' }).click();
    await page.getByRole('link', { name: 'Starter kit' }).click();
    await page.getByRole('button', { name: 'Rename or describe' }).click();
    await page.getByLabel('Collection name').fill('Onboarding kit');
    await page.getByLabel('Description').fill('Read these in your first week.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Onboarding kit', level: 1 }).waitFor();
    await page.getByText('Read these in your first week.').waitFor();
    await page.getByRole('button', { name: 'Delete collection' }).click();
    await page.getByText('Delete “Onboarding kit”?', { exact: false }).waitFor();
    await check(page, 'collection-delete-confirm');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('heading', { name: 'Add to the repository' }).waitFor();
    await page.getByText('No collections yet.').waitFor();
    await page.getByRole('link', { name: 'Aligning pump couplings' }).waitFor();

    // A long text file shows its beginning in the page, and says there is more.
    const logPath = path.join(dataDir, 'pump-log.csv');
    const log = `day,pump,hours\n${Array.from({ length: 2000 }, (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},P${i % 7},${i % 24}`).join('\n')}`;
    expect(log.length).toBeGreaterThan(20_000);
    await writeFile(logPath, log);
    await page.getByLabel('Title').fill('Pump run log');
    await page.getByLabel('File', { exact: true }).setInputFiles(logPath);
    await page.getByRole('button', { name: 'Add to the repository' }).click();
    await page.getByRole('link', { name: 'Open “Pump run log”' }).click();
    const shown = page.getByRole('region', { name: 'Text of pump-log.csv' });
    await shown.waitFor();
    expect(await shown.textContent()).toBe(log.slice(0, 20_000));
    await page.getByText('Showing the beginning of the file; download it to read the rest.').waitFor();
    await check(page, 'asset-long-text');
  });
});
