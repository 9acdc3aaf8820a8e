import { z } from 'zod';
import { username } from './common.ts';

const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'iloveyou123',
  'letmein123', 'welcome123', 'passw0rd123', 'administrator', 'changeme123', 'constellation',
]);

export const MIN_PASSWORD = 10;

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, context: string[] = []): string | null {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'This password is too common; choose another.';
  if (new Set(password).size < 4) return 'Use a less repetitive password.';
  for (const c of context) if (c.length >= 3 && lower.includes(c.toLowerCase())) return 'Do not include your name, username or email.';
  return null;
}

export const signupInput = z.object({
  email: z.string().trim().max(254).email('Enter a valid email address.'),
  username,
  displayName: z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.'),
  password: z.string().max(200, 'Use at most 200 characters.'),
});
export type SignupInput = z.infer<typeof signupInput>;

export const signinInput = z.object({
  login: z.string().trim().min(1, 'Enter your email or username.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type SigninInput = z.infer<typeof signinInput>;

export interface Viewer {
  id: number;
  username: string;
  displayName: string;
  email: string;
  siteRole: 'member' | 'support' | 'admin';
}
