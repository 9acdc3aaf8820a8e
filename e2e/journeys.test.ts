import { describe, expect, it } from 'vitest';
import { PASSWORD, signInContext } from './support/app.ts';
import { DESKTOP, expectAccessible, PHONE, settled } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { setUpJourney } from './support/journey.ts';

const j = setUpJourney();
const newPage = (viewport = DESKTOP) => j.page({ viewport });

describe('journey: a newcomer asks, a member answers, the answer is found', () => {
  const question = 'How do you keep chlorine dosing logs consistent across shifts?';

  it('goes from sign-up to an accepted answer that search finds', { timeout: 90_000 }, async () => {
    // An open community already exists, with one other member who knows the answer.
    const maya = await HttpClient.person(j.base, 'maya', 'Maya Lindqvist');
    await maya.post('/api/communities', {
      name: 'Water treatment operators',
      slug: 'water-treatment',
      domainStatement: 'Operators who run drinking-water treatment plants and want to get better at it together.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Solve day-to-day problems and write down what works.',
      visibility: 'open',
    });
    await maya.post('/api/communities', {
      name: 'Finance business partners',
      slug: 'finance-partners',
      domainStatement: 'Finance people who partner with operations teams.',
      domainType: 'professional',
      structureKind: 'network',
      purpose: '',
      visibility: 'open',
    });
    const ben = await HttpClient.person(j.base, 'ben', 'Ben Okafor');
    await ben.post('/api/communities/water-treatment/join');

    // The newcomer arrives and signs up.
    const page = await newPage();
    await page.goto(j.base);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Communities' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter your name.').waitFor();
    await page.getByLabel('Your name').fill('Noor Haddad');
    await page.getByLabel('Username').fill('noor');
    await page.getByLabel('Email address').fill('noor@example.org');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: /Noor Haddad/ }).waitFor();

    // Finds a community by what it is about, and joins it.
    await page.getByRole('searchbox', { name: 'Name or domain' }).fill('water');
    await expect.poll(() => page.getByRole('link', { name: 'Finance business partners' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Water treatment operators' }).click();
    await page.getByRole('heading', { level: 1, name: 'Water treatment operators' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Join community' }).click();
    await page.getByText('You are a member').waitFor();

    // Asks a question.
    await page.getByRole('link', { name: 'Start a topic' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Start a topic' }).waitFor();
    await expect(page.getByRole('checkbox', { name: 'Water treatment operators' }).isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Title').fill(question);
    await page.getByLabel('Learning activity').selectOption({ label: 'Seeking experience' });
    await page.getByRole('checkbox', { name: 'This is a question' }).check();
    await page.getByLabel('Details').fill('Each shift writes the **chlorine** readings differently. Has anyone found a format that sticks?');
    await page.getByLabel('Tags').fill('chlorine, logs');
    await page.getByRole('button', { name: 'Post topic' }).click();
    await page.getByRole('heading', { level: 1, name: question }).waitFor();
    const topicUrl = page.url();
    await expectAccessible(page);

    // A second member answers.
    const benPage = await newPage();
    await benPage.goto(`${j.base}/signin`);
    await benPage.getByLabel('Email or username').fill('ben');
    await benPage.getByLabel('Password').fill(PASSWORD);
    await benPage.getByRole('button', { name: 'Sign in' }).click();
    await benPage.getByRole('button', { name: /Ben Okafor/ }).waitFor();
    await benPage.goto(topicUrl);
    await benPage.getByRole('heading', { level: 1, name: question }).waitFor();
    await benPage.getByLabel('Your reply').fill('We print a one-page grid per shift with the turbidity and residual columns fixed. Handover checks it.');
    await benPage.getByRole('button', { name: 'Post reply' }).click();
    await benPage.getByRole('article', { name: 'Reply by Ben Okafor' }).waitFor();
    await expectAccessible(benPage);

    // The asker accepts the answer.
    await page.reload();
    const reply = page.getByRole('article', { name: 'Reply by Ben Okafor' });
    await reply.getByRole('button', { name: 'Accept as answer' }).click();
    await reply.getByText(/^\W*Accepted answer$/).waitFor();
    await page.getByRole('link', { name: 'Go to the accepted answer' }).waitFor();
    await expectAccessible(page);

    // Search finds the question and the answer.
    await page.getByRole('searchbox', { name: 'Search topics and the repository' }).fill('turbidity');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Results for/ }).waitFor();
    await page.getByRole('link', { name: `Reply in “${question}”` }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: `Reply in “${question}”` }).click();
    await page.getByRole('heading', { level: 1, name: question }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reply by Ben Okafor');
  });
});

describe('journey: a secret community stays secret', () => {
  it('is invisible to an outsider in lists, search and by URL', { timeout: 90_000 }, async () => {
    await HttpClient.person(j.base, 'cora', 'Cora Vance');
    await HttpClient.person(j.base, 'otto', 'Otto Becker');

    // The coordinator creates a secret community in the browser.
    const page = await newPage();
    await signInContext(page.context(), j.base, 'cora');
    await page.goto(`${j.base}/communities/new`);
    await page.getByRole('heading', { level: 1, name: 'Create a community' }).waitFor();
    await expectAccessible(page);
    // The structure advisor comes first: one problem to solve points to a task force.
    await page.getByRole('group', { name: 'What do you need the group for?' }).getByRole('radio', { name: /To solve one problem/ }).check();
    await page.getByText('We recommend: Task force.').waitFor();
    await page.getByRole('button', { name: 'Continue with Task force' }).click();
    await page.getByLabel('Name').fill('Merger integration planning');
    await expect(page.getByLabel('Web address').inputValue()).resolves.toBe('merger-integration-planning');
    await page.getByLabel('Domain statement').fill('Quiet planning of the zeppelin merger before it is announced.');
    await page.getByRole('radio', { name: /Issue-driven/ }).check();
    await page.getByRole('radio', { name: /Task force/ }).check();
    await page.getByRole('radio', { name: /Secret/ }).check();
    await page.getByRole('button', { name: 'Propose the community' }).click();
    // It starts as a proposal in the launch process; the coordinator launches it straight away.
    await page.getByRole('heading', { level: 1, name: 'Launch process' }).waitFor();
    await page.getByRole('button', { name: 'Launch Merger integration planning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Merger integration planning' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Start a topic' }).first().click();
    await page.getByLabel('Title').fill('Zeppelin timeline draft');
    await page.getByLabel('Learning activity').selectOption({ label: 'Coordination and synergy' });
    await page.getByLabel('Details').fill('First draft of the zeppelin timeline.');
    await page.getByRole('button', { name: 'Post topic' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zeppelin timeline draft' }).waitFor();
    const topicUrl = page.url();

    // An outsider, signed in, cannot see it anywhere.
    const outsider = await newPage();
    await signInContext(outsider.context(), j.base, 'otto');
    await outsider.goto(j.base);
    await outsider.getByRole('heading', { level: 1, name: 'Communities' }).waitFor();
    await settled(outsider);
    await expect(outsider.getByText('Merger integration planning').count()).resolves.toBe(0);
    await outsider.getByRole('searchbox', { name: 'Name or domain' }).fill('merger');
    await outsider.getByText('No communities match these filters').waitFor();
    await expectAccessible(outsider);

    await outsider.goto(`${j.base}/search?q=zeppelin`);
    await outsider.getByText('Nothing found').waitFor();
    await expectAccessible(outsider);

    await outsider.goto(`${j.base}/c/merger-integration-planning`);
    await outsider.getByRole('heading', { level: 1, name: /couldn’t find that community/ }).waitFor();
    await expect(outsider.getByText('Merger integration planning').count()).resolves.toBe(0);
    await expectAccessible(outsider);

    await outsider.goto(topicUrl);
    await outsider.getByRole('heading', { level: 1, name: /couldn’t find that topic/ }).waitFor();
    await expect(outsider.getByText('Zeppelin').count()).resolves.toBe(0);

    await outsider.goto(`${j.base}/people/cora`);
    await outsider.getByRole('heading', { level: 1, name: 'Cora Vance' }).waitFor();
    await settled(outsider);
    await expect(outsider.getByText('Merger integration planning').count()).resolves.toBe(0);

    // Nor can someone who is not signed in.
    const anonymous = await newPage();
    await anonymous.goto(`${j.base}/c/merger-integration-planning`);
    await anonymous.getByRole('heading', { level: 1, name: /couldn’t find that community/ }).waitFor();

    // The coordinator still sees it in their own list.
    await page.goto(`${j.base}/?mine=true`);
    await page.getByRole('link', { name: 'Merger integration planning' }).waitFor();
  });
});

describe('on a phone (375 × 800)', () => {
  it('lays out the main pages without sideways scrolling and stays accessible', { timeout: 90_000 }, async () => {
    const page = await newPage(PHONE);
    await signInContext(page.context(), j.base, 'noor');
    const topic = await page.request.get(`${j.base}/api/communities/water-treatment/topics`);
    const { items } = (await topic.json()) as { items: { id: number }[] };
    const pages = ['/', '/c/water-treatment', `/topics/${items[0].id}`, '/search?q=chlorine', '/topics/new?community=water-treatment', '/c/water-treatment/members', '/people/noor', '/signin'];
    for (const path of pages) {
      await page.goto(j.base + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  });
});
