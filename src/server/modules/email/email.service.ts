import { and, eq, sql } from 'drizzle-orm';
import type { UnsubscribeKind, UnsubscribeResult } from '../../../shared/contracts/email.ts';
import { type Delivery, type DigestFrequency, deliveryKeys, digestFrequencyKeys, type NotificationKind, notificationKinds } from '../../../shared/model/catalogue.ts';
import type { Db } from '../../db/client.ts';
import { notificationPreferences, users } from '../../db/schema/index.ts';
import { invalidField, notFound } from '../../errors.ts';

function label(kind: UnsubscribeKind) {
  if (kind === 'digest') return 'the digest email';
  const name = notificationKinds.find((k) => k.key === kind)?.name ?? kind;
  return `emails about ${name.toLowerCase()}`;
}

/**
 * Applies one unsubscribe link: kind "digest" turns the digest off; a notification kind stops
 * its emails (it still shows in the inbox). `value` sets a chosen value instead (undo).
 * Unknown tokens answer 404; repeating it changes nothing.
 */
export async function setByEmailToken(db: Db, token: string, kind: UnsubscribeKind, value?: string): Promise<UnsubscribeResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, digestFrequency: users.digestFrequency })
      .from(users)
      .where(eq(users.emailToken, token))
      .for('no key update');
    if (!user) throw notFound('unsubscribe link');
    if (kind === 'digest') {
      const next = (value ?? 'off') as DigestFrequency;
      if (!digestFrequencyKeys.includes(next)) throw invalidField('value', 'Choose daily, weekly or off.');
      await tx.update(users).set({ digestFrequency: next }).where(eq(users.id, user.id));
      return { kind, label: label(kind), previous: user.digestFrequency, current: next, email: user.email };
    }
    const next = (value ?? 'in_app') as Delivery;
    if (!deliveryKeys.includes(next)) throw invalidField('value', 'Choose in the app, email right away or in the digest.');
    const [pref] = await tx
      .select({ delivery: notificationPreferences.delivery })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, user.id), eq(notificationPreferences.kind, kind)));
    const previous = pref?.delivery ?? notificationKinds.find((k) => k.key === kind)?.defaultDelivery ?? 'in_app';
    await tx
      .insert(notificationPreferences)
      .values({ userId: user.id, kind: kind as NotificationKind, delivery: next })
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery: sql`excluded.delivery` } });
    return { kind, label: label(kind), previous, current: next, email: user.email };
  });
}
