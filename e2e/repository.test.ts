import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makePdf } from '../src/server/modules/assets/assets.fixtures.ts';
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
    await writeFile(pdfPath, makePdf('Nephelometric turbidity calibration with formazin standards'));

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
    await other.goto(`${j.base}/search?q=${encodeURIComponent('formazin standards')}`);
    await other.getByRole('link', { name: 'Turbidity method' }).click();
    await other.getByRole('heading', { name: 'Turbidity method', level: 1 }).waitFor();
    await check(other, 'asset');
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
    await page.getByText('method-notes.txt').waitFor();
    await check(page, 'asset-version-2');
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByText(/Version 3 \(current\).*restored from version 1/).waitFor();
    await page.getByText('turbidity-method.pdf').waitFor();
    await page.goto(`${j.base}/me/reviews`);
    await page.getByText('Nothing to review').waitFor();
    await check(page, 'review-queue-empty');
  });
});
