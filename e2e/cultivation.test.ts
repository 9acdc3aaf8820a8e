import { describe, expect, it } from 'vitest';
import { expectAccessible, settled } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { setUpJourney } from './support/journey.ts';

const j = setUpJourney();

describe('journey: from a need to a cultivated community', () => {
  it('advises, walks the launch process, launches, shows the plan, shares leadership, profiles the community and switches a tool off', { timeout: 120_000 }, async () => {
    await HttpClient.person(j.base, 'liv', 'Liv Andersen');
    await HttpClient.person(j.base, 'kai', 'Kai Moreno');
    const page = await j.page({ login: 'liv' });

    // The structure advisor: a practice to get better at, open to anyone, learning from each other.
    await page.goto(`${j.base}/communities/new`);
    await page.getByRole('heading', { level: 1, name: 'Create a community' }).waitFor();
    await page.getByRole('group', { name: 'What do you need the group for?' }).getByLabel(/To get better at a practice/).check();
    await page.getByRole('group', { name: 'Who takes part?' }).getByLabel(/Anyone who cares about it/).check();
    await page.getByRole('group', { name: 'How much should members learn from each other?' }).getByLabel(/A lot/).check();
    await page.getByText('We recommend: Community of practice.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continue with Community of practice' }).click();
    await page.getByLabel('Name').fill('Pressure transient analysts');
    await page.getByLabel('Domain statement').fill('Reading pressure transients to find bursts, air and faulty valves before customers notice.');
    await page.getByRole('group', { name: 'Type of domain' }).getByLabel(/Technical/).check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Propose the community' }).click();

    // The launch process: each step is a form saved to the launch record.
    await page.getByRole('heading', { level: 1, name: 'Launch process' }).waitFor();
    await page.getByText('What the structure advisor said').waitFor();
    await page.getByLabel('What is the need?').fill('Transient loggers are everywhere and few people can read the traces.');
    await page.getByRole('button', { name: 'Save discovery' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByText('1 of 4 answered', { exact: true }).waitFor();
    await expectAccessible(page);
    // A proposal is not public yet.
    const outsider = new HttpClient(j.base);
    expect((await outsider.get<{ items: { slug: string }[] }>('/api/communities?limit=50')).items.map((c) => c.slug)).not.toContain('pressure-transient-analysts');
    await page.getByLabel('What happened at the launch').fill('A first trace-reading session with eight analysts.');
    await page.getByRole('button', { name: 'Launch Pressure transient analysts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pressure transient analysts' }).waitFor();
    await page.getByText('Potential → Coalescing').waitFor();
    await expectAccessible(page);

    // The default cultivation plan: the eight needs and their tasks.
    await page.getByRole('link', { name: 'Cultivation plan' }).first().click();
    await settled(page);
    for (const need of ['Prepare', 'Launch', 'Build', 'Infrastructure', 'Strategize', 'Grow', 'Assess', 'Renew']) {
      await page.getByRole('heading', { name: new RegExp(`^${need}`) }).first().waitFor();
    }
    await page.getByText('Interview members').first().waitFor();
    await expectAccessible(page);

    // A member joins and becomes the community's cybrarian.
    const kai = new HttpClient(j.base);
    await kai.post('/api/auth/signin', { login: 'kai', password: 'a long walk by the river' });
    await kai.post('/api/communities/pressure-transient-analysts/join');
    await page.goto(`${j.base}/c/pressure-transient-analysts/members`);
    await page.getByText('Change roles for Kai Moreno').click();
    await page.getByRole('checkbox', { name: 'Cybrarian' }).click();
    await expect.poll(() => page.getByText('Kai Moreno is now cybrarian.').count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Leadership' }).click();
    await settled(page);
    const documentation = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Documentation and the repository' }) });
    await expect.poll(() => documentation.getByText('as cybrarian').count()).toBe(1);
    await expectAccessible(page);

    // The orientation profile: rate, see the radar and the recommendation.
    await page.getByRole('link', { name: 'Profile' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Rate the orientations' }).click();
    await page.getByRole('radio', { name: '5 of 5 for Access to expertise' }).check({ force: true });
    await page.getByRole('radio', { name: '1 of 5 for Projects' }).check({ force: true });
    await page.getByRole('button', { name: 'Save ratings' }).click();
    await expect.poll(() => page.locator('[data-testid="orientation-radar"] svg').count()).toBe(1);
    await expect.poll(() => page.getByText('You rated Access to expertise 5 of 5.').count()).toBe(1);
    await expectAccessible(page);

    // Switch projects off: the tab vanishes and the API refuses them.
    await expect.poll(() => page.getByRole('link', { name: 'Projects' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Switch off projects' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Projects' }).count()).toBe(0);
    await expectAccessible(page);
    const res = await fetch(`${j.base}/api/communities/pressure-transient-analysts/subgroups?kind=project`);
    expect(res.status).toBe(404);
  });
});
