import type { Db } from '../db/client.ts';

/** Fills an empty database with the demo organization; returns what it made, or null if not empty. */
export async function seedDemoIfEmpty(_db: Db): Promise<{ communities: number; people: number; topics: number } | null> {
  return null;
}
