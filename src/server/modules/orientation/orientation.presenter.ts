import { type OrientationView, recommendFeatures } from '../../../shared/contracts/orientation.ts';
import { communityFeatures, orientations } from '../../../shared/model/catalogue.ts';
import type { RatingRow } from './orientation.queries.ts';

/** The nine orientations with their ratings, and each feature with whether it is on and why it is recommended. */
export function presentOrientation(rows: RatingRow[], featuresOff: string[], canSteward: boolean): OrientationView {
  const byKey = new Map(rows.map((r) => [r.orientation, r]));
  const ratings = orientations.map((o) => ({ key: o.key, name: o.name, description: o.description, rating: byKey.get(o.key)?.rating ?? null }));
  const latest = rows.reduce<RatingRow | null>((a, r) => (!a || r.ratedAt > a.ratedAt ? r : a), null);
  const recs = recommendFeatures(Object.fromEntries(ratings.map((r) => [r.key, r.rating])));
  return {
    ratings,
    ratedAt: latest?.ratedAt.toISOString() ?? null,
    ratedBy: latest?.ratedByUsername ? { username: latest.ratedByUsername, displayName: latest.ratedByDisplayName ?? latest.ratedByUsername } : null,
    features: communityFeatures.map((f) => {
      const rec = recs.find((r) => r.feature === f.key);
      return { key: f.key, name: f.name, description: f.description, on: !featuresOff.includes(f.key), recommended: rec?.recommended ?? false, reasons: rec?.reasons ?? [] };
    }),
    canSteward,
  };
}
