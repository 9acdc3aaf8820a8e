import { z } from 'zod';
import { communityFeatureKeys, communityFeatures, orientations } from '../model/catalogue.ts';

const orientationKeys = orientations.map((o) => o.key) as [string, ...string[]];
const rating = z.number({ error: 'Rate from 0 to 5.' }).int('Rate with a whole number from 0 to 5.').min(0, 'Rate from 0 to 5.').max(5, 'Rate from 0 to 5.');

/** The steward's ratings, 0–5 per orientation; orientations left out keep their rating. */
export const ratingsInput = z.object({
  ratings: z
    .partialRecord(z.enum(orientationKeys), rating)
    .refine((r) => Object.keys(r).length > 0, 'Rate at least one orientation.'),
});
export type RatingsInput = z.infer<typeof ratingsInput>;

export const featureParams = z.object({ slug: z.string().min(1).max(50), feature: z.enum(communityFeatureKeys) });
export const featureInput = z.object({ on: z.boolean({ error: 'Say whether the feature is on (true) or off (false).' }) });

/** A rating at or above this makes the orientation call for its tools. */
export const RECOMMEND_AT = 4;

export interface FeatureRecommendation {
  feature: string;
  recommended: boolean;
  /** Plain sentences: "You rated Access to expertise 5 of 5." */
  reasons: string[];
}

/**
 * Which features the ratings call for: a feature is recommended when any orientation that calls
 * for it (catalogue communityFeatures[].orientations) is rated RECOMMEND_AT or higher.
 */
export function recommendFeatures(ratings: Partial<Record<string, number | null>>): FeatureRecommendation[] {
  return communityFeatures.map((f) => {
    const strong = (f.orientations as readonly string[])
      .map((key) => ({ key, rating: ratings[key] ?? null, name: orientations.find((o) => o.key === key)?.name ?? key }))
      .filter((o) => o.rating !== null && o.rating >= RECOMMEND_AT)
      .sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0));
    return {
      feature: f.key,
      recommended: strong.length > 0,
      reasons: strong.map((o) => `You rated ${o.name} ${o.rating} of 5.`),
    };
  });
}

export interface OrientationView {
  ratings: { key: string; name: string; description: string; rating: number | null }[];
  ratedAt: string | null;
  ratedBy: { username: string; displayName: string } | null;
  features: { key: string; name: string; description: string; on: boolean; recommended: boolean; reasons: string[] }[];
  canSteward: boolean;
}
