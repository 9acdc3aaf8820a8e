import { z } from 'zod';
import { deliveryKeys, digestFrequencyKeys, notificationKindKeys } from '../model/catalogue.ts';
import { MIN_PASSWORD } from './auth.ts';

/** What an unsubscribe link turns off: the digest, or email for one kind of notification. */
export const unsubscribeKinds = ['digest', ...notificationKindKeys] as const;
export type UnsubscribeKind = (typeof unsubscribeKinds)[number];

export const unsubscribeQuery = z.object({
  token: z.string().trim().min(1, 'The link has no token.').max(100, 'The token is too long.'),
  kind: z.enum(unsubscribeKinds, { message: 'Unknown kind of email.' }),
});

/** Undo: put back what the person had before unsubscribing. */
export const resubscribeInput = z.object({
  token: z.string().trim().min(1, 'The link has no token.').max(100, 'The token is too long.'),
  kind: z.enum(unsubscribeKinds, { message: 'Unknown kind of email.' }),
  value: z.enum([...new Set([...digestFrequencyKeys, ...deliveryKeys])] as [string, ...string[]], { message: 'Unknown setting.' }),
});

export interface UnsubscribeResult {
  kind: UnsubscribeKind;
  /** Plain-language name of what was turned off. */
  label: string;
  /** The setting before (what undo restores) and now. */
  previous: string;
  current: string;
  email: string;
}

export type OutboxStatus = 'sent' | 'waiting' | 'retrying' | 'kept';

export interface OutboxSummary {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export interface OutboxMessage extends OutboxSummary {
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface OutboxPage {
  items: OutboxSummary[];
  nextCursor: string | null;
  /** False when SMTP_URL is unset: mail stays here for the admin to read. */
  smtpConfigured: boolean;
}

export const passwordResetRequestInput = z.object({
  email: z.string().trim().max(254, 'Use at most 254 characters.').email('Enter a valid email address.'),
});

export const passwordResetConfirmInput = z.object({
  token: z.string().trim().min(1, 'The link has no token.').max(200, 'The token is too long.'),
  password: z.string().min(1, `Use at least ${MIN_PASSWORD} characters.`).max(200, 'Use at most 200 characters.'),
});
