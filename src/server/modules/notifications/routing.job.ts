import { bigintArray } from '../../db/arrays.ts';
import { eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { questionRoutes, topics } from '../../db/schema/index.ts';
import type { JobDefinition } from '../../jobs/jobs.ts';
import { viewerColumns } from '../auth/auth.queries.ts';
import { userCanReadTopicSql } from '../communities/communities.policy.ts';
import { findExperts } from '../people/people.queries.ts';
import { notify } from './notifications.service.ts';
import { users } from '../../db/schema/index.ts';

export interface RoutingOptions {
  /** A question with no answer for this many hours is routed. */
  afterHours: number;
  /** At most this many routed questions per person in 7 days. */
  weeklyCap: number;
  /** Experts offered each question. */
  perQuestion?: number;
  /** Questions looked at per run. */
  batch?: number;
}

/**
 * Offers questions nobody has answered to the people most likely to know (declared expertise
 * and evidence the asker could see), never more than `weeklyCap` a week to one person and only
 * to people who may read the question. Each question is looked at once (topics.routed_at);
 * questions are claimed with SKIP LOCKED so two instances never route one twice.
 */
export async function routeQuestions(db: Db, o: RoutingOptions): Promise<{ questions: number; routes: number }> {
  const perQuestion = o.perQuestion ?? 3;
  return db.transaction(async (tx) => {
    const due = await tx.execute<{ id: number; author_id: number; title: string; tags: string[]; answered: boolean }>(sql`
      select t.id, t.author_id, t.title, t.tags,
        exists (select 1 from posts p where p.topic_id = t.id and not p.is_opening and p.deleted_at is null and p.author_id <> t.author_id) as answered
      from topics t
      where t.is_question and t.accepted_post_id is null and t.routed_at is null and t.deleted_at is null
        and t.created_at < now() - make_interval(hours => ${o.afterHours}::int) and t.created_at > now() - interval '30 days'
      order by t.created_at
      limit ${o.batch ?? 50}
      for update of t skip locked`);
    let routes = 0;
    for (const q of due.rows) {
      if (!q.answered) routes += await routeOne(tx, q, perQuestion, o.weeklyCap);
      await tx.update(topics).set({ routedAt: sql`now()` }).where(eq(topics.id, q.id));
    }
    return { questions: due.rows.length, routes };
  });
}

async function routeOne(tx: Parameters<Parameters<Db['transaction']>[0]>[0], q: { id: number; author_id: number; title: string; tags: string[] }, perQuestion: number, cap: number) {
  const [asker] = await tx.select(viewerColumns).from(users).where(eq(users.id, q.author_id));
  if (!asker) return 0;
  const communityIds = (await tx.execute<{ community_id: number }>(sql`select community_id from topic_communities where topic_id = ${q.id} and not deleted`)).rows.map(
    (r) => r.community_id,
  );
  const experts = await findExperts(tx, asker as Viewer, { text: q.title, tags: q.tags }, { limit: perQuestion * 4, communityIds, excludeUserIds: [q.author_id] });
  if (!experts.length) return 0;
  // Keep the ranking; drop people who may not read the question or who had enough this week.
  const eligible = await tx.execute<{ id: number }>(sql`
    select x.id from unnest(${bigintArray(experts.map((e) => e.userId))}) with ordinality as x(id, rank)
    where ${userCanReadTopicSql(sql`x.id`, q.id)}
      and (select count(*) from question_routes r where r.user_id = x.id and r.routed_at > now() - interval '7 days') < ${cap}
    order by x.rank
    limit ${perQuestion}`);
  for (const { id } of eligible.rows) {
    const reasons = experts.find((e) => e.userId === id)?.reasons ?? [];
    await tx.insert(questionRoutes).values({ topicId: q.id, userId: id, reasons }).onConflictDoNothing();
    await notify(tx, { kind: 'question_routed', actorId: null, recipients: sql`select ${id}::bigint`, topicId: q.id, data: { reasons } });
  }
  return eligible.rows.length;
}

export const routingJobs: JobDefinition[] = [
  {
    name: 'questions.route',
    cron: '*/10 * * * *',
    run: async (app) => {
      const r = await routeQuestions(app.db, { afterHours: app.env.ROUTING_AFTER_HOURS, weeklyCap: app.env.ROUTING_WEEKLY_CAP });
      if (r.questions) app.log.info(r, 'routed unanswered questions');
    },
  },
];
