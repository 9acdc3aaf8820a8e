import { z } from 'zod';
import { deliveryKeys, digestFrequencyKeys, notificationKindKeys, watchLevelKeys } from '../model/catalogue.ts';
import { pageQuery } from './common.ts';

export const inboxQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});

export interface InboxItem {
  id: number;
  kind: (typeof notificationKindKeys)[number];
  createdAt: string;
  read: boolean;
  /** One plain sentence: what happened. */
  summary: string;
  /** Where following it leads, inside the web app. */
  href: string;
  actor: { username: string; displayName: string } | null;
  topic: { id: number; title: string } | null;
  community: { slug: string; name: string } | null;
  /** Why a question was routed to you. */
  reasons: string[];
}

export const updateNotificationSettingsInput = z
  .object({
    digestFrequency: z.enum(digestFrequencyKeys).optional(),
    kinds: z.partialRecord(z.enum(notificationKindKeys), z.enum(deliveryKeys)).optional(),
  })
  .refine((v) => v.digestFrequency !== undefined || (v.kinds && Object.keys(v.kinds).length > 0), {
    message: 'Change the digest or at least one kind of notification.',
    path: ['kinds'],
  });

export interface NotificationSettings {
  digestFrequency: (typeof digestFrequencyKeys)[number];
  kinds: Record<(typeof notificationKindKeys)[number], (typeof deliveryKeys)[number]>;
}

export const watchInput = z.object({ level: z.enum(watchLevelKeys) });
export type WatchLevelValue = (typeof watchLevelKeys)[number];
