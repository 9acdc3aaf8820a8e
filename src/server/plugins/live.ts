import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';
import { unreadCount } from '../modules/notifications/notifications.queries.ts';

/** The PostgreSQL channel every instance listens on; payloads are JSON LiveEvents. */
export const LIVE_CHANNEL = 'constellation_live';

export type LiveEvent =
  | { type: 'notification'; userId: number; /** Delivered by email right away: wake the email job. */ email?: boolean }
  | { type: 'topic'; topicId: number; event: 'reply' | 'accepted' | 'edited' };

/** One open page: who is looking, which topics it shows, and how to write to it. */
export interface LiveSubscriber {
  userId: number | null;
  topicIds: Set<number>;
  send: (event: string, data: unknown) => void;
  close: () => void;
}

export interface Live {
  subscribe(sub: LiveSubscriber): () => void;
  /** Open connections on this instance (for tests and metrics). */
  readonly size: number;
  /** Resolves once this instance is listening (tests wait for it). */
  ready: Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    live: Live;
  }
}

/**
 * Fans events out to Server-Sent-Event connections. Events are published with pg_notify
 * inside the writing transaction, so they go out only if it commits, and every instance
 * listening on the same database hears them.
 */
export const livePlugin = fp(async (app: FastifyInstance) => {
  const subscribers = new Set<LiveSubscriber>();
  let client: pg.Client | null = null;
  let closing = false;
  let emailWakePending = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const live: Live = {
    subscribe(sub) {
      subscribers.add(sub);
      return () => subscribers.delete(sub);
    },
    get size() {
      return subscribers.size;
    },
    ready,
  };
  app.decorate('live', live);

  // One wake-up per second at most: a busy topic would otherwise queue a job per reply, and
  // the job takes every due email in one batch anyway (its cron catches anything missed).
  function wakeEmailJob() {
    if (!app.jobs.running || emailWakePending) return;
    emailWakePending = true;
    setTimeout(() => {
      emailWakePending = false;
      app.jobs.nudge('notifications.email').catch((err) => app.log.warn({ err }, 'could not wake the email job'));
    }, 1000).unref();
  }

  async function deliver(e: LiveEvent) {
    if (e.type === 'topic') {
      for (const s of subscribers) if (s.topicIds.has(e.topicId)) s.send('topic', { topicId: e.topicId, event: e.event });
      return;
    }
    if (e.email) wakeEmailJob();
    const targets = [...subscribers].filter((s) => s.userId === e.userId);
    if (!targets.length) return;
    const unread = await unreadCount(app.db, e.userId);
    for (const s of targets) s.send('notification', { unread });
  }

  async function listen(attempt = 0): Promise<void> {
    if (closing) return;
    const c = new pg.Client(app.pool.options);
    c.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(msg.payload);
      } catch {
        return;
      }
      deliver(event).catch((err) => app.log.error({ err }, 'live event delivery failed'));
    });
    c.on('error', (err) => app.log.warn({ err }, 'live listener connection lost'));
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      if (!closing) setTimeout(() => void listen(), 1000).unref();
    });
    try {
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
      client = c;
      markReady();
    } catch (err) {
      app.log.warn({ err }, 'live listener could not connect; retrying');
      await c.end().catch(() => {});
      if (!closing) setTimeout(() => void listen(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref();
    }
  }

  app.addHook('onReady', async () => {
    await listen();
  });
  // Open streams would keep the HTTP server from closing: end them first.
  app.addHook('preClose', async () => {
    closing = true;
    for (const s of subscribers) s.close();
    subscribers.clear();
  });
  app.addHook('onClose', async () => {
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  });
});
