import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { orientationRatings, users } from '../../db/schema/index.ts';

/** The community's orientation ratings (at most nine: one per orientation), with who rated last. */
export async function listRatings(db: Queryable, communityId: number) {
  return db
    .select({
      orientation: orientationRatings.orientation,
      rating: orientationRatings.rating,
      ratedAt: orientationRatings.ratedAt,
      ratedByUsername: users.username,
      ratedByDisplayName: users.displayName,
    })
    .from(orientationRatings)
    .leftJoin(users, eq(users.id, orientationRatings.ratedBy))
    .where(eq(orientationRatings.communityId, communityId))
    .limit(50);
}
export type RatingRow = Awaited<ReturnType<typeof listRatings>>[number];
