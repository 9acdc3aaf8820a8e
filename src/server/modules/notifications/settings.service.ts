import { eq, sql } from 'drizzle-orm';
import type { NotificationSettings } from '../../../shared/contracts/notifications.ts';
import type { Delivery, DigestFrequency, NotificationKind, WatchLevel } from '../../../shared/model/catalogue.ts';
import { notificationKinds } from '../../../shared/model/catalogue.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { communityWatches, notificationPreferences, topicWatches, users } from '../../db/schema/index.ts';
import { findSettings } from './notifications.queries.ts';

/** A person's delivery per kind (their choice or the default) and digest frequency. */
export async function loadSettings(db: Queryable, userId: number): Promise<NotificationSettings> {
  const { digestFrequency, prefs } = await findSettings(db, userId);
  const chosen = new Map(prefs.map((p) => [p.kind, p.delivery]));
  const kinds = Object.fromEntries(notificationKinds.map((k) => [k.key, chosen.get(k.key) ?? k.defaultDelivery])) as NotificationSettings['kinds'];
  return { digestFrequency, kinds };
}

export async function saveSettings(db: Db, userId: number, input: { digestFrequency?: DigestFrequency; kinds?: Partial<Record<NotificationKind, Delivery>> }) {
  await db.transaction(async (tx) => {
    if (input.digestFrequency) await tx.update(users).set({ digestFrequency: input.digestFrequency }).where(eq(users.id, userId));
    const rows = Object.entries(input.kinds ?? {}).map(([kind, delivery]) => ({ userId, kind: kind as NotificationKind, delivery: delivery as Delivery }));
    if (rows.length) {
      await tx
        .insert(notificationPreferences)
        .values(rows)
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery: sql`excluded.delivery` } });
    }
  });
  return loadSettings(db, userId);
}

/** Sets how closely a person follows a community; "normal" is the absence of a row. */
export async function setCommunityWatch(db: Queryable, userId: number, communityId: number, level: WatchLevel) {
  if (level === 'normal') {
    await db.delete(communityWatches).where(sql`${communityWatches.userId} = ${userId} and ${communityWatches.communityId} = ${communityId}`);
    return;
  }
  await db
    .insert(communityWatches)
    .values({ userId, communityId, level })
    .onConflictDoUpdate({ target: [communityWatches.userId, communityWatches.communityId], set: { level } });
}

export async function setTopicWatch(db: Queryable, userId: number, topicId: number, level: WatchLevel) {
  if (level === 'normal') {
    await db.delete(topicWatches).where(sql`${topicWatches.userId} = ${userId} and ${topicWatches.topicId} = ${topicId}`);
    return;
  }
  await db.insert(topicWatches).values({ userId, topicId, level }).onConflictDoUpdate({ target: [topicWatches.userId, topicWatches.topicId], set: { level } });
}
