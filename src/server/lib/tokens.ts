import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token for cookies and links. */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens are stored hashed so a database leak does not leak sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
