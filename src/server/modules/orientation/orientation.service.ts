import { eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CommunityFeature } from '../../../shared/model/catalogue.ts';
import type { Db } from '../../db/client.ts';
import { communities, orientationRatings } from '../../db/schema/index.ts';
import { audit } from '../auth/auth.service.ts';

/** Saves the steward's ratings (0–5) for the orientations given; the others keep theirs. */
export async function saveRatings(db: Db, viewer: Viewer, communityId: number, ratings: Record<string, number | undefined>) {
  const rows = Object.entries(ratings)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .map(([orientation, rating]) => ({ communityId, orientation, rating, ratedBy: viewer.id }));
  await db.transaction(async (tx) => {
    await tx
      .insert(orientationRatings)
      .values(rows)
      .onConflictDoUpdate({
        target: [orientationRatings.communityId, orientationRatings.orientation],
        set: { rating: sql`excluded.rating`, ratedBy: viewer.id, ratedAt: sql`now()` },
      });
    await audit(tx, viewer.id, 'orientation.rated', `community:${communityId}`, ratings);
  });
}

/** Switches a feature on or off for the community; returns the features now off. */
export async function setFeature(db: Db, viewer: Viewer, communityId: number, feature: CommunityFeature, on: boolean) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(communities)
      .set({
        featuresOff: on
          ? sql`array_remove(${communities.featuresOff}, ${feature})`
          : sql`array_append(array_remove(${communities.featuresOff}, ${feature}), ${feature})`,
      })
      .where(eq(communities.id, communityId))
      .returning({ featuresOff: communities.featuresOff });
    await audit(tx, viewer.id, on ? 'feature.on' : 'feature.off', `community:${communityId}`, { feature });
    return row.featuresOff;
  });
}
