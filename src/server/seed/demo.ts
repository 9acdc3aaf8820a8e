import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../shared/contracts/auth.ts';
import type { Db } from '../db/client.ts';
import { communities, helpfulMarks, memberRoles, memberships, notifications, posts, topicCommunities, topics, users } from '../db/schema/index.ts';
import { hashPassword } from '../modules/auth/auth.service.ts';
import { assignRole, createCommunity, invite, joinCommunity } from '../modules/communities/communities.service.ts';
import { acceptAnswer, createTopic, crossPost, reply, setHelpful } from '../modules/conversations/conversations.service.ts';
import { COMMUNITIES, EMAIL_DOMAIN, ORGANIZATION, PEOPLE, TOPICS } from './demo-content.ts';
import { seedDemoProfiles } from './demo-people.ts';
import { seedDemoPortfolio } from './demo-portfolio.ts';
import { seedDemoCultivation } from './demo-cultivation.ts';
import { seedDemoPractice } from './demo-practice.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoRepository } from './demo-repository.ts';
import type { FileStorage } from '../lib/storage.ts';

/** The password of every demo account (cited in the README). */
export const DEMO_PASSWORD = 'constellation-demo';

/** Demo accounts worth signing in as (cited in the README); every other demo person uses the same password. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', password: DEMO_PASSWORD, who: 'site admin' },
  { username: 'maria', password: DEMO_PASSWORD, who: 'coordinator of Network Operations; member of Asset Management Practitioners and Net Zero 2030' },
  { username: 'emma', password: DEMO_PASSWORD, who: 'support team (knowledge manager): sees every proposal, keeps the domain portfolio' },
  { username: 'nora', password: DEMO_PASSWORD, who: 'Head of Asset Management; sponsors the Asset management domain and Young Engineers Network' },
] as const;

export { ORGANIZATION as DEMO_ORGANIZATION };

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Fills an empty database with the demo organization; returns what it made, or null if not empty.
 * The repository's demo files go to `storage` (without it, only its articles and links are made).
 */
export async function seedDemoIfEmpty(db: Db, opts: { storage?: FileStorage } = {}): Promise<{ communities: number; people: number; topics: number } | null> {
  // Hash before the transaction: argon2 takes a moment and every demo account shares it.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // One seeder at a time, and all or nothing: a half-seeded site would never be seeded again.
    await tx.execute(sql`select pg_advisory_xact_lock(7321002)`);
    const [{ any }] = await tx.select({ any: sql<boolean>`exists (select 1 from ${users})` }).from(sql`(select 1) as one`);
    if (any) return null;
    // Services take a Db; inside this transaction their own transactions become savepoints.
    return seed(tx as unknown as Db, passwordHash, opts.storage ?? null);
  });
}

async function seed(db: Db, passwordHash: string, storage: FileStorage | null) {
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);

  // People: inserted directly with one shared hash (signing up each would hash 61 times).
  const rows = await db
    .insert(users)
    .values([
      { email: `admin@${EMAIL_DOMAIN}`, username: 'admin', displayName: 'Site Admin', passwordHash, siteRole: 'admin' as const, bio: `Runs Constellation for ${ORGANIZATION}.`, createdAt: ago(930) },
      ...PEOPLE.map(([username, displayName, bio], i) => ({
        email: `${username}@${EMAIL_DOMAIN}`,
        username,
        displayName,
        passwordHash,
        bio,
        createdAt: ago(920 - ((i * 53) % 400)),
      })),
    ])
    .returning({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, siteRole: users.siteRole });
  const people = new Map<string, Viewer>(rows.map((r) => [r.username, r]));
  const person = (username: string) => {
    const p = people.get(username);
    if (!p) throw new Error(`demo content names an unknown person: ${username}`);
    return p;
  };

  // Communities, members and roles, through the services so counters stay right.
  const communityIds = new Map<string, number>();
  const membershipsOf = new Map<string, number>();
  for (const c of COMMUNITIES) {
    const coordinator = person(c.members[0]);
    const { id } = await createCommunity(db, coordinator, c.input);
    communityIds.set(c.input.slug, id);
    await db.update(communities).set({ stage: c.stage, createdAt: ago(c.age) }).where(eq(communities.id, id));
    for (const m of c.members) {
      if (m !== c.members[0]) await joinCommunity(db, person(m).id, id, 'active');
      membershipsOf.set(m, (membershipsOf.get(m) ?? 0) + 1);
    }
    for (const m of c.requested ?? []) await joinCommunity(db, person(m).id, id, 'requested');
    for (const m of c.invited ?? []) await invite(db, coordinator, id, m);
    for (const [username, roles] of Object.entries(c.roles)) {
      for (const role of roles ?? []) await assignRole(db, coordinator, id, username, role);
    }
  }
  // Everyone belongs to at least two communities: top up from the open ones.
  const open = COMMUNITIES.filter((c) => c.input.visibility === 'open');
  for (const [i, [username]] of PEOPLE.entries()) {
    for (let k = 0; (membershipsOf.get(username) ?? 0) < 2 && k < open.length; k++) {
      const c = open[(i + k) % open.length];
      if (c.members.includes(username)) continue;
      await joinCommunity(db, person(username).id, communityIds.get(c.input.slug)!, 'active');
      membershipsOf.set(username, (membershipsOf.get(username) ?? 0) + 1);
    }
  }
  // Members joined in the first part of each community's life; roles a day after joining.
  await db.execute(sql`
    update ${memberships} m set created_at = c.created_at + ((m.user_id * 37) % 100) / 100.0 * (now() - c.created_at) * 0.3
    from ${communities} c where c.id = m.community_id`);
  await db.execute(sql`
    update ${memberRoles} r set created_at = m.created_at + interval '1 day'
    from ${memberships} m where m.community_id = r.community_id and m.user_id = r.user_id`);

  // Conversations, with the timeline rewritten afterwards so the feeds look lived in.
  for (const [i, t] of TOPICS.entries()) {
    const author = person(t.by);
    const { id: topicId } = await createTopic(db, author, {
      communities: t.in,
      title: t.title,
      body: t.body,
      activityType: t.activity,
      isQuestion: t.question ?? false,
      tags: t.tags,
    });
    const [opening] = await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.topicId, topicId), eq(posts.isOpening, true)));
    for (const u of t.helpful ?? []) await setHelpful(db, person(u), opening.id, true);
    if (t.crossPostTo) await crossPost(db, author, topicId, t.crossPostTo);

    const started = now - t.daysAgo * DAY + (8 + ((i * 5) % 9)) * HOUR - DAY;
    const timeline: { postId: number; at: number }[] = [{ postId: opening.id, at: started }];
    let at = started;
    for (const [k, r] of t.replies.entries()) {
      const post = await reply(db, person(r.by), topicId, r.body);
      // Never in the future: squeeze the tail of a recent thread into the past.
      at = Math.min(at + r.after * HOUR + ((i + k) % 7) * 60_000, now - (t.replies.length - k) * 15 * 60_000);
      timeline.push({ postId: post.id, at });
      if (r.accepted) await acceptAnswer(db, author, topicId, post.id);
      for (const u of r.helpful ?? []) await setHelpful(db, person(u), post.id, true);
    }
    for (const { postId, at: when } of timeline) {
      await db.update(posts).set({ createdAt: new Date(when) }).where(eq(posts.id, postId));
      // What the seeding told people happened when the post was written, and has long been read.
      await db
        .update(notifications)
        .set({ createdAt: new Date(when), readAt: when < now - 2 * DAY ? new Date(when + HOUR) : null })
        .where(eq(notifications.postId, postId));
      await db
        .update(helpfulMarks)
        .set({ createdAt: new Date(Math.min(when + 2 * HOUR, now)) })
        .where(eq(helpfulMarks.postId, postId));
    }
    const last = new Date(timeline[timeline.length - 1].at);
    await db.update(topics).set({ createdAt: new Date(started), lastActivityAt: last }).where(eq(topics.id, topicId));
    await db.update(topicCommunities).set({ lastActivityAt: last }).where(eq(topicCommunities.topicId, topicId));
  }

  await seedDemoProfiles(db);
  await seedDemoPortfolio(db);
  const { proposals } = await seedDemoCultivation(db, communityIds, person);
  await seedDemoPractice(db, communityIds, person);
  await seedDemoEvents(db, communityIds, person);
  await seedDemoRepository(db, communityIds, person, storage);
  // What the seeding told people is history: it was emailed and gathered into digests back then.
  await db.execute(sql`update notifications set emailed_at = created_at, digested_at = created_at where delivery <> 'in_app'`);
  return { communities: COMMUNITIES.length + proposals, people: people.size, topics: TOPICS.length };
}
