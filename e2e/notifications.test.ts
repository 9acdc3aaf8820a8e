import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { HttpClient } from './support/http.ts';
import { setUpJourney } from './support/journey.ts';

const j = setUpJourney();

describe('journey: a member hears about what needs them', () => {
  it('sees a mention arrive live, follows it, goes weekly, and gets a routed question', { timeout: 90_000 }, async () => {
    const ana = await HttpClient.person(j.base, 'ana', 'Ana Moreira');
    await ana.post('/api/communities', {
      name: 'Pumping station operators',
      slug: 'pump-ops',
      domainStatement: 'Operators who keep pumping stations running: vibration, seals, bearings and control panels.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Fix problems together and keep the stations running.',
      visibility: 'open',
    });
    const noor = await HttpClient.person(j.base, 'noor', 'Noor Haddad');
    await noor.post('/api/communities/pump-ops/join');
    await j.t.db.execute(sql`insert into expertise (user_id, tag, level) select id, 'vibration', 'expert' from users where username = 'noor'`);

    // Noor is reading the community page; nothing is unread yet.
    const page = await j.page({ login: 'noor' });
    await page.goto(`${j.base}/c/pump-ops`);
    await page.getByRole('heading', { level: 1, name: 'Pumping station operators' }).waitFor();
    await page.getByRole('link', { name: 'Inbox, nothing unread' }).waitFor();

    // Ana mentions Noor; the badge rises without a reload.
    const { id: topicId } = await ana.post<{ id: number }>('/api/topics', {
      communities: ['pump-ops'],
      title: 'Seal water flow on the Thornmoor booster pumps',
      body: 'We keep losing seal water pressure after a restart. @noor you fixed this at Ashby, didn’t you?',
      activityType: 'seeking_experience',
      tags: ['seals'],
    });
    await page.getByRole('link', { name: 'Inbox, 1 unread' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('unread-badge').textContent()).toBe('1');

    // The inbox shows the mention; following it opens the topic at the post.
    await page.getByRole('link', { name: 'Inbox, 1 unread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: /Ana Moreira mentioned you in “Seal water flow/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Seal water flow on the Thornmoor booster pumps' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/topics/${topicId}`);
    await page.getByRole('link', { name: 'Inbox, nothing unread' }).waitFor();
    await expectAccessible(page);

    // Noor would rather have a weekly digest.
    await page.getByRole('button', { name: /Noor Haddad/ }).click();
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('radio', { name: /Weekly/ }).check();
    await page.getByLabel('Questions for you').selectOption('in_app');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved. Your choices apply from now on.').waitFor();
    const settings = await noor.get<{ digestFrequency: string; kinds: Record<string, string> }>('/api/me/notification-settings');
    expect(settings.digestFrequency).toBe('weekly');
    expect(settings.kinds.question_routed).toBe('in_app');

    // A question about vibration waits a day unanswered; routing offers it to Noor.
    const { id: question } = await ana.post<{ id: number }>('/api/topics', {
      communities: ['pump-ops'],
      title: 'Bearing vibration alarm after the impeller swap',
      body: 'Vibration on pump 3 doubled since we swapped the impeller. Where would you look first?',
      activityType: 'problem_solving',
      isQuestion: true,
      tags: ['vibration'],
    });
    await j.t.db.execute(sql`update topics set created_at = now() - interval '2 days' where id = ${question}`);
    await j.t.app.jobs.runNow('questions.route');
    await page.getByRole('link', { name: 'Inbox, 1 unread' }).waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: 'Inbox, 1 unread' }).click();
    const routed = page.getByRole('link', { name: /A question you may be able to answer: “Bearing vibration alarm/ });
    await routed.waitFor();
    await page.getByText(/Declared expertise: vibration \(expert\)/).waitFor();
    await expectAccessible(page);
    await routed.click();
    await page.getByRole('heading', { level: 1, name: 'Bearing vibration alarm after the impeller swap' }).waitFor();
    
  });
});
