import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, settled } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { checkPage, setUpJourney } from './support/journey.ts';

const j = setUpJourney();
const shots = '.tmp/screens/cultivating-roles';
const signedInPage = (login: string, viewport = DESKTOP) => j.page({ login, viewport });
/** axe clean, no sideways scroll, and a screenshot to look at. */
const check = (page: Page, name: string) => checkPage(page, shots, name);

describe('journey: a coordinator shares out leadership, profiles the community and chooses its tools', () => {
  it('assigns a cybrarian, sees coverage, rates orientations, switches a feature off and sees it vanish', { timeout: 120_000 }, async () => {
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
    const topic = await ola.post<{ id: number }>('/api/topics', {
      communities: ['pumping-stations'],
      title: 'Which vibration sensors are worth buying?',
      body: 'We are choosing sensors for six stations.',
      activityType: 'seeking_experience',
      isQuestion: true,
    });
    const item = await lina.post<{ id: number }>('/api/communities/pumping-stations/agenda', { question: 'How do we predict pump failures before they happen?', owner: 'ola' });
    await lina.put(`/api/communities/pumping-stations/agenda/${item.id}/topics/${topic.id}`);
    await lina.post('/api/communities/pumping-stations/subgroups', { kind: 'practice_group', name: 'Vibration analysis', description: 'Reading what the pumps tell us.', leader: 'ola' });

    const page = await signedInPage('lina');
    // Give Ola the cybrarian role on the members page.
    await page.goto(`${j.base}/c/pumping-stations/members`);
    await page.getByText('Change roles for Ola Nordmann').click();
    await page.getByRole('checkbox', { name: 'Cybrarian' }).click();
    await expect.poll(() => page.getByText('Ola Nordmann is now cybrarian.').count()).toBe(1);

    // Leadership: Ola covers documentation; event facilitation is flagged.
    await page.getByRole('navigation', { name: 'Pumping station operators sections' }).getByRole('link', { name: 'Leadership' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Leadership' }).count()).toBe(1);
    await settled(page);
    const documentation = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Documentation and the repository' }) });
    await expect.poll(() => documentation.getByText('as cybrarian').count()).toBe(1);
    expect(await page.getByText('No one covers event facilitation yet.').count()).toBe(1);
    expect(await page.getByText(/of 12/).first().textContent()).toContain('3 of 12');
    await check(page, 'leadership-desktop');

    // Profile: rate the orientations; the radar and the table show them; Q&A is recommended.
    await page.getByRole('link', { name: 'Profile' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Rate the orientations' }).click();
    await page.getByRole('radio', { name: '5 of 5 for Access to expertise' }).check({ force: true });
    await page.getByRole('radio', { name: '2 of 5 for Projects' }).check({ force: true });
    await page.getByRole('button', { name: 'Save ratings' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '5 of 5' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="orientation-radar"] svg').count()).toBe(1);
    expect(await page.getByText('You rated Access to expertise 5 of 5.').count()).toBe(1);
    await check(page, 'profile-desktop');

    // Agenda and groups are there before anything is switched off.
    await page.getByRole('link', { name: 'Agenda' }).click();
    await settled(page);
    expect(await page.getByText('How do we predict pump failures before they happen?').count()).toBe(1);
    await check(page, 'agenda-desktop');
    await page.getByRole('link', { name: 'Groups' }).click();
    await settled(page);
    await page.getByRole('link', { name: 'Vibration analysis' }).click();
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Vibration analysis' }).count()).toBe(1);
    await check(page, 'group-desktop');

    // Switch the learning agenda off: the tab vanishes and its URL says the tool is off.
    await page.getByRole('link', { name: 'Profile' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Switch off learning agenda' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Agenda' }).count()).toBe(0);
    await page.goto(`${j.base}/c/pumping-stations/agenda`);
    await settled(page);
    expect(await page.getByText('This community does not use this tool').count()).toBe(1);
    // The topic no longer shows the agenda item it served.
    await page.goto(`${j.base}/topics/${topic.id}`);
    await settled(page);
    expect(await page.getByText('Works on the learning agenda').count()).toBe(0);

    // A member on a phone: the same pages, no sideways scroll.
    const phone = await signedInPage('ola', PHONE);
    for (const [path, name] of [
      ['leadership', 'leadership-phone'],
      ['profile', 'profile-phone'],
      ['groups', 'groups-phone'],
    ] as const) {
      await phone.goto(`${j.base}/c/pumping-stations/${path}`);
      await check(phone, name);
    }
    expect(await phone.getByRole('button', { name: /Switch/ }).count()).toBe(0);
  });
});
