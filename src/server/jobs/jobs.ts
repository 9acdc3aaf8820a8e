import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import PgBoss from 'pg-boss';
import { jobDefinitions } from './registry.ts';

/** A background job: `run` must be safe to repeat (it claims rows with SKIP LOCKED or marks them done). */
export interface JobDefinition {
  name: string;
  /** Cron (UTC) for a recurring job; pg-boss runs each tick once across all instances. */
  cron?: string;
  run: (app: FastifyInstance, data: Record<string, unknown>) => Promise<void>;
}

export interface Jobs {
  /** Asks for a job to run soon; a no-op when jobs are off (the next scheduled tick catches up). */
  nudge(name: string, data?: Record<string, unknown>): Promise<void>;
  /** Runs a job's work in this process now (CLI, tests). */
  runNow(name: string, data?: Record<string, unknown>): Promise<void>;
  /** Whether this instance works on jobs. */
  readonly running: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

function definition(name: string): JobDefinition {
  const def = jobDefinitions.find((d) => d.name === name);
  if (!def) throw new Error(`Unknown job “${name}”.`);
  return def;
}

/**
 * pg-boss on the app's own PostgreSQL. Every instance with JOBS=true works on the queues;
 * a job is fetched by exactly one of them (SKIP LOCKED), and a failed one is retried with
 * backoff. Queues are "stately": at most one waiting and one running job per name, so
 * nudges never pile up.
 */
export const jobsPlugin = fp(async (app: FastifyInstance) => {
  let boss: PgBoss | null = null;
  const jobs: Jobs = {
    get running() {
      return boss !== null;
    },
    async nudge(name, data = {}) {
      definition(name);
      if (boss) await boss.send(name, data);
    },
    async runNow(name, data = {}) {
      await definition(name).run(app, data);
    },
  };
  app.decorate('jobs', jobs);
  if (!app.env.JOBS) return;

  app.addHook('onReady', async () => {
    const b = new PgBoss({
      db: { executeSql: (text, values) => app.pool.query(text, values) },
      schedule: true,
      supervise: true,
      migrate: true,
    });
    b.on('error', (err) => app.log.error({ err }, 'job system error'));
    await b.start();
    for (const def of jobDefinitions) {
      await b.createQueue(def.name, { name: def.name, policy: 'stately', retryLimit: 8, retryDelay: 30, retryBackoff: true });
      await b.work(def.name, { pollingIntervalSeconds: 2 }, async ([job]) => {
        await def.run(app, (job.data ?? {}) as Record<string, unknown>);
      });
      if (def.cron) await b.schedule(def.name, def.cron, {});
      else await b.unschedule(def.name).catch(() => {});
    }
    boss = b;
  });
  app.addHook('onClose', async () => {
    const b = boss;
    boss = null;
    await b?.stop({ graceful: true, wait: true, timeout: 10_000 });
  });
});
