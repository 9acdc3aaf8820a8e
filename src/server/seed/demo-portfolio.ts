import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, communityDomains, domains, sponsorships, users } from '../db/schema/index.ts';

/** Northbridge's strategic domains: [name, description, priority, stance, community slugs, sponsor usernames]. */
const DOMAINS: [string, string, number, 'engage' | 'invest' | 'sponsor', string[], string[]][] = [
  [
    'Network resilience and leakage',
    'Keeping water in the pipes and supply on through bursts, storms and droughts: the regulator’s first question every year.',
    1,
    'sponsor',
    ['network-operations', 'storm-overflows'],
    ['yusuf'],
  ],
  ['Net zero operations', 'Cutting operational emissions to net zero by 2030: pumping energy, process emissions, solar, batteries and fleet.', 1, 'invest', ['net-zero'], ['sofia']],
  ['Asset management', 'Knowing what we own, how it is doing and what to invest in next, on one risk-based method.', 2, 'invest', ['asset-management'], ['nora']],
  ['Data and analytics', 'Turning operational data into decisions: a shared platform, models and the skills to use them well.', 2, 'invest', ['data-analytics', 'ot-security'], []],
  ['Drinking water quality', 'Safe, clean water at every tap, from catchment to customer.', 2, 'sponsor', ['water-quality'], ['olu']],
  ['Customer field service', 'The people customers actually meet: meter readers, field technicians and their know-how.', 3, 'engage', ['meter-reading'], []],
  ['Early-career development', 'Helping graduates and apprentices find their feet and their network.', 4, 'engage', ['young-engineers'], ['naomi']],
];

/** Direct community sponsors, beside the ones that come through a domain. */
const COMMUNITY_SPONSORS: [string, string][] = [
  ['storm-overflows', 'claire'],
  ['young-engineers', 'nora'],
];

/** The domain portfolio, its sponsors, and the support team (Emma, the knowledge manager). */
export async function seedDemoPortfolio(db: Db) {
  const slugs = [...new Set([...DOMAINS.flatMap((d) => d[4]), ...COMMUNITY_SPONSORS.map((c) => c[0])])];
  const usernames = [...new Set([...DOMAINS.flatMap((d) => d[5]), ...COMMUNITY_SPONSORS.map((c) => c[1])])];
  const cs = new Map((await db.select({ id: communities.id, slug: communities.slug }).from(communities).where(inArray(communities.slug, slugs))).map((c) => [c.slug, c.id]));
  const us = new Map((await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames))).map((u) => [u.username, u.id]));
  const idOf = <T>(m: Map<string, T>, k: string) => {
    const v = m.get(k);
    if (v === undefined) throw new Error(`demo portfolio: unknown ${k}`);
    return v;
  };
  for (const [name, description, priority, stance, communitySlugs, sponsors] of DOMAINS) {
    const [d] = await db.insert(domains).values({ name, description, priority, stance }).returning({ id: domains.id });
    if (communitySlugs.length) await db.insert(communityDomains).values(communitySlugs.map((s) => ({ domainId: d.id, communityId: idOf(cs, s) })));
    if (sponsors.length) await db.insert(sponsorships).values(sponsors.map((u) => ({ domainId: d.id, userId: idOf(us, u) })));
  }
  await db.insert(sponsorships).values(COMMUNITY_SPONSORS.map(([s, u]) => ({ communityId: idOf(cs, s), userId: idOf(us, u) })));
  await db.update(users).set({ siteRole: 'support' }).where(eq(users.username, 'emma'));
  return { domains: DOMAINS.length };
}
