import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { DomainInput } from '../../../shared/contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import { communityDomains, domains, sponsorships } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../errors.ts';
import { audit } from '../auth/auth.service.ts';

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';

const nameTaken = () => conflict('domain_name_taken', 'A domain with that name already exists.', 'name');

export async function createDomain(db: Db, viewer: Viewer, input: DomainInput) {
  try {
    return await db.transaction(async (tx) => {
      const [d] = await tx.insert(domains).values(input).returning({ id: domains.id });
      await audit(tx, viewer.id, 'domain.created', `domain:${d.id}`, input);
      return d;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

export async function updateDomain(db: Db, viewer: Viewer, id: number, input: Partial<DomainInput>) {
  try {
    await db.transaction(async (tx) => {
      const changed = await tx.update(domains).set(input).where(eq(domains.id, id)).returning({ id: domains.id });
      if (!changed.length) throw notFound('domain');
      await audit(tx, viewer.id, 'domain.updated', `domain:${id}`, input);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

export async function deleteDomain(db: Db, viewer: Viewer, id: number) {
  await db.transaction(async (tx) => {
    const gone = await tx.delete(domains).where(eq(domains.id, id)).returning({ name: domains.name });
    if (!gone.length) throw notFound('domain');
    await audit(tx, viewer.id, 'domain.deleted', `domain:${id}`, { name: gone[0].name });
  });
}

export async function setCommunityDomain(db: Db, viewer: Viewer, domainId: number, communityId: number, linked: boolean) {
  await db.transaction(async (tx) => {
    if (linked) await tx.insert(communityDomains).values({ domainId, communityId }).onConflictDoNothing();
    else {
      const gone = await tx.delete(communityDomains).where(and(eq(communityDomains.domainId, domainId), eq(communityDomains.communityId, communityId))).returning();
      if (!gone.length) throw notFound('link');
    }
    await audit(tx, viewer.id, linked ? 'domain.community_linked' : 'domain.community_unlinked', `domain:${domainId}`, { communityId });
  });
}

/** Makes a person sponsor of a community or a domain (idempotent), or removes them. */
export async function setSponsor(db: Db, viewer: Viewer, target: { communityId: number } | { domainId: number }, userId: number, on: boolean) {
  const where =
    'communityId' in target
      ? and(eq(sponsorships.userId, userId), eq(sponsorships.communityId, target.communityId))
      : and(eq(sponsorships.userId, userId), eq(sponsorships.domainId, target.domainId));
  const label = 'communityId' in target ? `community:${target.communityId}` : `domain:${target.domainId}`;
  await db.transaction(async (tx) => {
    // Serialize changes to one person's sponsorships so "add" stays idempotent without a unique index on nullable columns.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sponsorship'), ${userId}::int)`);
    const existing = await tx.select({ id: sponsorships.id }).from(sponsorships).where(where);
    if (on && !existing.length) await tx.insert(sponsorships).values({ userId, ...target });
    if (!on) {
      if (!existing.length) throw notFound('sponsorship');
      await tx.delete(sponsorships).where(where);
    }
    await audit(tx, viewer.id, on ? 'sponsor.added' : 'sponsor.removed', label, { userId });
  });
}
