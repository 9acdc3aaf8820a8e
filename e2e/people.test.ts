import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, PHONE } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { setUpJourney } from './support/journey.ts';

const j = setUpJourney();
const signedInPage = (login: string, viewport = DESKTOP) => j.page({ login, viewport });

describe('journey: a member describes what they know and a colleague finds them', () => {
  it('edits a profile, adds expertise and a photo, then shows up in "who knows"', { timeout: 90_000 }, async () => {
    const lina = await HttpClient.person(j.base, 'lina', 'Lina Haddad');
    await lina.post('/api/communities', {
      name: 'Pumping station operators',
      slug: 'pumping-stations',
      domainStatement: 'Operators who keep pumping stations running and learn from each other’s breakdowns.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Fewer breakdowns, shared checklists.',
      visibility: 'open',
    });
    const ola = await HttpClient.person(j.base, 'ola', 'Ola Nordmann');
    await ola.post('/api/communities/pumping-stations/join');

    // Ola fills in their profile.
    const page = await signedInPage('ola');
    await page.goto(j.base);
    await page.getByRole('button', { name: /your menu/ }).click();
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit your profile' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Job title').fill('Senior pump technician');
    await page.getByLabel('Location').fill('Bergen depot');
    await page.getByLabel('Time zone').selectOption('Europe/Oslo');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('textbox', { name: 'Expertise area' }).fill('Pump maintenance');
    await page.getByRole('combobox', { name: 'Your level' }).selectOption('expert');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Added “pump maintenance”.').waitFor();

    // A file that is not a photo is refused with a clear message, then a real photo is saved.
    await page.getByLabel('Choose a photo').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('Choose a JPEG, PNG or WebP photo.').waitFor();
    await expectAccessible(page);
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3b82f6' } }).png().toBuffer();
    await page.getByLabel('Choose a photo').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('button', { name: 'Save photo' }).click();
    await page.getByText('Your new photo is saved.').waitFor();
    await expectAccessible(page);

    // The public profile shows it all.
    await page.getByRole('link', { name: 'View your profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ola Nordmann' }).waitFor();
    await expect.poll(() => page.getByText('Senior pump technician').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/their time/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Expertise' }).textContent()).toContain('pump maintenance');
    await expectAccessible(page);

    // My communities shows the community and a form of participation.
    await page.goto(`${j.base}/me/communities`);
    await page.getByRole('heading', { level: 1, name: 'My communities' }).waitFor();
    await expect.poll(() => page.getByText('Pumping station operators').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Peripheral', { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(page);

    // Lina asks who knows about pump maintenance, on a phone.
    const asker = await signedInPage('lina', PHONE);
    await asker.goto(`${j.base}/who-knows`);
    await asker.getByRole('heading', { level: 1, name: 'Who knows about…?' }).waitFor();
    await expectAccessible(asker);
    await asker.getByLabel('Subject').fill('pump maintenance');
    await asker.getByRole('button', { name: 'Find people' }).click();
    const reasons = asker.getByRole('list', { name: 'Why Ola Nordmann was suggested' });
    await reasons.waitFor();
    expect(await reasons.textContent()).toContain('Declared expertise: pump maintenance (expert)');
    await expectAccessible(asker);
    expect(await asker.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // And finds Ola in the directory by expertise.
    await asker.goto(`${j.base}/people?tag=pump-maintenance`);
    await asker.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expect.poll(() => asker.getByRole('link', { name: 'Ola Nordmann' }).isVisible()).toBe(true);
    await expectAccessible(asker);
    expect(await asker.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
