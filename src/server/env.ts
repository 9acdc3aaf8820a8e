import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Port of the embedded PostgreSQL (used when DATABASE_URL is unset). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Fill an empty database with the demo organization on start. */
  SEED_DEMO: boolish.default(true),
  COOKIE_SECURE: boolish.optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /**
   * Connections to PostgreSQL: twice the cores by default (at least 4). More only queue inside
   * PostgreSQL instead of in the pool, and cost throughput and tail latency (decision 011).
   */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(Math.max(4, 2 * availableParallelism())),
  /** The address people reach the app at; links in emails point here. */
  APP_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port or smtps://…; unset keeps mail in the admin's outbox page. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Constellation <no-reply@constellation.local>'),
  /** Run background jobs (email, digests, question routing) in this process. */
  JOBS: boolish.default(true),
  /** A question with no reply for this long is offered to likely experts. */
  ROUTING_AFTER_HOURS: z.coerce.number().min(0).max(24 * 60).default(24),
  /** At most this many questions are routed to one person in 7 days. */
  ROUTING_WEEKLY_CAP: z.coerce.number().int().min(0).max(100).default(3),
  /** Largest profile photo accepted, in bytes. */
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  /** Largest file accepted in a community's repository, in bytes. */
  ASSET_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  /** Reading the text of one uploaded PDF or Word document is given up (and the upload refused) after this long. */
  EXTRACT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
});

export type Env = z.infer<typeof schema> & { dataDir: string; appUrl: string };

/** Reads and validates configuration once; nothing else reads process.env. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const appUrl = (parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, '');
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), appUrl };
}
