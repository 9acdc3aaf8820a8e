import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type NotificationKind, notificationKinds } from '../../../shared/model/catalogue.ts';
import type { Tx } from '../../db/client.ts';
import { type OutgoingEmail, queueEmails, unsubscribeHeaders, unsubscribePageUrl } from './email.outbox.ts';
import { type EmailLink, renderEmail } from './email.render.ts';
import { canReadCommunitySql, canReadTopicSql, canSeeCommunitySql } from './email.visibility.ts';

/** People per claimed batch: one transaction, a fixed number of queries. */
const BATCH = 500;
const MAX = { forYou: 10, newTopics: 8, questions: 5, busy: 3, reviews: 5 } as const;
/** Open questions older than this are left to the community's own pages. */
const QUESTION_DAYS = 14;

export interface DigestRunOptions {
  /** The moment the run stands for (the bench replays a dataset's "now"); the database clock by default. */
  now?: Date;
  batchSize?: number;
}

export interface DigestRunResult {
  /** People whose digest was due and who were examined. */
  people: number;
  /** Digests queued (people with something to say). */
  emails: number;
}

interface Person {
  id: number;
  email: string;
  email_token: string;
  site_role: string;
  digest_frequency: 'daily' | 'weekly';
  since: Date;
}

interface Candidate {
  community_id: number;
  topic_id: number;
  title: string;
  author_id: number;
  author_name: string;
  created_at: Date;
  last_activity_at: Date;
  is_question: boolean;
  reply_count: number;
  tags: string[];
  community_name: string;
}

/** A repository asset the person stewards whose review date has passed. */
interface DueReview {
  id: number;
  title: string;
  review_by: string;
  community_name: string;
}

interface DigestNotification {
  id: number;
  user_id: number;
  kind: NotificationKind;
  topic_id: number | null;
  data: Record<string, unknown>;
  topic_title: string | null;
  community_name: string | null;
  community_slug: string | null;
  actor_name: string | null;
}

const ids = (xs: number[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/**
 * Sends the digests that are due: daily ones when the last was ~a day ago, weekly ones after
 * ~a week. People are claimed in batches with FOR NO KEY UPDATE SKIP LOCKED and their digest
 * queued, their digest notifications marked and last_digest_at set in that one transaction, so
 * two instances never send one person two digests. People with nothing to say get no email
 * (their clock still moves, so they are not examined again within the hour).
 */
export async function runDigests(app: FastifyInstance, opts: DigestRunOptions = {}): Promise<DigestRunResult> {
  const now: SQL = opts.now ? sql`${opts.now.toISOString()}::timestamptz` : sql`now()`;
  const batch = opts.batchSize ?? BATCH;
  const total = { people: 0, emails: 0 };
  for (;;) {
    const done = await app.db.transaction(async (tx) => {
      const people = (
        await tx.execute<Person & Record<string, unknown>>(sql`
          select id, email, email_token, site_role, digest_frequency,
            coalesce(last_digest_at, ${now} - case digest_frequency when 'weekly' then interval '7 days' else interval '1 day' end) as since
          from users
          where digest_frequency <> 'off'
            and (last_digest_at is null
              or last_digest_at <= ${now} - case digest_frequency when 'weekly' then interval '6 days 23 hours' else interval '23 hours' end)
          order by id
          limit ${batch}
          for no key update skip locked`)
      ).rows.map((p) => ({ ...p, id: Number(p.id), since: new Date(p.since) }));
      if (!people.length) return { people: 0, emails: 0 };
      const emails = await composeDigests(app, tx, people, now);
      await queueEmails(tx, emails);
      await tx.execute(sql`update users set last_digest_at = ${now} where id in (${ids(people.map((p) => p.id))})`);
      return { people: people.length, emails: emails.length };
    });
    total.people += done.people;
    total.emails += done.emails;
    if (done.people < batch) break;
  }
  if (total.emails) await app.jobs.nudge('email.send');
  return total;
}

async function composeDigests(app: FastifyInstance, tx: Tx, people: Person[], now: SQL): Promise<OutgoingEmail[]> {
  const userIds = ids(people.map((p) => p.id));
  const minSince = new Date(Math.min(...people.map((p) => p.since.getTime())));

  // Digest notifications: marked first (returning what was marked), so one written meanwhile waits for the next digest.
  const marked = (
    await tx.execute<{ id: number }>(sql`
      update notifications set digested_at = ${now}
      where user_id in (${userIds}) and delivery = 'digest' and digested_at is null
      returning id`)
  ).rows.map((r) => Number(r.id));
  const notes = marked.length
    ? (
        await tx.execute<DigestNotification & Record<string, unknown>>(sql`
          select n.id, n.user_id, n.kind, n.topic_id, n.data, t.title as topic_title,
            c.name as community_name, c.slug as community_slug, a.display_name as actor_name
          from notifications n
          join users u on u.id = n.user_id
          left join users a on a.id = n.actor_id
          left join topics t on t.id = n.topic_id
          left join communities c on c.id = n.community_id
          where n.id in (${ids(marked)})
            and case
              when n.topic_id is not null then ${canReadTopicSql(sql`u.id`, sql`u.site_role`, sql`n.topic_id`)}
              when n.community_id is not null then
                exists (select 1 from communities where communities.id = n.community_id and ${canSeeCommunitySql(sql`u.id`, sql`u.site_role`)})
              else true end
          order by n.id desc`)
      ).rows
    : [];

  // Their communities: active memberships that are not muted, and communities they watch and may read.
  const follows = (
    await tx.execute<{ user_id: number; community_id: number }>(sql`
      select m.user_id, m.community_id from memberships m
      where m.user_id in (${userIds}) and m.status = 'active'
        and not exists (select 1 from community_watches w
          where w.user_id = m.user_id and w.community_id = m.community_id and w.level = 'muted')
      union
      select w.user_id, w.community_id from community_watches w join users u on u.id = w.user_id
      where w.user_id in (${userIds}) and w.level = 'watching'
        and ${canReadCommunitySql(sql`u.id`, sql`u.site_role`, sql`w.community_id`)}`)
  ).rows;
  const communityIds = [...new Set(follows.map((f) => Number(f.community_id)))];

  const candidates: Candidate[] = communityIds.length
    ? (
        await tx.execute<Candidate & Record<string, unknown>>(sql`
          with comms as (select unnest(array[${ids(communityIds)}]::bigint[]) as cid)
          select x.community_id, x.topic_id, t.title, t.author_id, a.display_name as author_name, t.created_at,
            x.last_activity_at, t.is_question, t.reply_count, t.tags, cm.name as community_name
          from (
            select c.cid as community_id, r.topic_id, r.last_activity_at from comms c
            cross join lateral (
              select tc.topic_id, tc.last_activity_at from topic_communities tc
              where tc.community_id = c.cid and tc.deleted = false and tc.last_activity_at > ${minSince.toISOString()}::timestamptz
                and tc.last_activity_at <= ${now}
              order by tc.last_activity_at desc limit 40) r
            union
            select c.cid, q.topic_id, q.last_activity_at from comms c
            cross join lateral (
              select tc.topic_id, tc.last_activity_at from topic_communities tc join topics tq on tq.id = tc.topic_id
              where tc.community_id = c.cid and tc.deleted = false
                and tc.last_activity_at > ${now} - make_interval(days => ${QUESTION_DAYS}) and tc.last_activity_at <= ${now}
                and tq.is_question and tq.accepted_post_id is null and tq.reply_count = 0
              order by tc.last_activity_at desc limit 10) q
          ) x
          join topics t on t.id = x.topic_id and t.deleted_at is null
          join users a on a.id = t.author_id
          join communities cm on cm.id = x.community_id`)
      ).rows.map((c) => ({
        ...c,
        community_id: Number(c.community_id),
        topic_id: Number(c.topic_id),
        author_id: Number(c.author_id),
        created_at: new Date(c.created_at),
        last_activity_at: new Date(c.last_activity_at),
      }))
    : [];
  const expertise = (
    await tx.execute<{ user_id: number; tag: string }>(sql`select user_id, tag from expertise where user_id in (${userIds})`)
  ).rows;
  // Repository assets they steward whose review date has passed (issue 6), where they may still read them.
  const reviews = (
    await tx.execute<DueReview & { user_id: number } & Record<string, unknown>>(sql`
      select u.id as user_id, d.id, d.title, d.review_by::text as review_by, d.community_name
      from users u
      cross join lateral (
        select a.id, a.title, a.review_by, c.name as community_name from assets a join communities c on c.id = a.community_id
        where a.steward_id = u.id and a.status = 'active' and a.review_by < (${now})::date
          and ${canReadCommunitySql(sql`u.id`, sql`u.site_role`, sql`a.community_id`)}
        order by a.review_by, a.id limit ${MAX.reviews}) d
      where u.id in (${userIds})`)
  ).rows;

  const byCommunity = group(candidates, (c) => c.community_id);
  const followsBy = group(follows, (f) => Number(f.user_id));
  const notesBy = group(notes, (n) => Number(n.user_id));
  const tagsBy = group(expertise, (e) => Number(e.user_id));
  const reviewsBy = group(reviews, (r) => Number(r.user_id));

  const out: OutgoingEmail[] = [];
  for (const person of people) {
    const mine = new Map<number, Candidate>();
    for (const f of followsBy.get(person.id) ?? []) {
      for (const c of byCommunity.get(Number(f.community_id)) ?? []) if (!mine.has(c.topic_id)) mine.set(c.topic_id, c);
    }
    const tags = new Set((tagsBy.get(person.id) ?? []).map((e) => e.tag));
    const email = digestEmail(app.env.appUrl, person, notesBy.get(person.id) ?? [], [...mine.values()], tags, reviewsBy.get(person.id) ?? []);
    if (email) out.push(email);
  }
  return out;
}

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function noteLink(appUrl: string, n: DigestNotification): EmailLink {
  const kind = notificationKinds.find((k) => k.key === n.kind)?.name ?? n.kind;
  const url = n.topic_id ? `${appUrl}/topics/${n.topic_id}` : n.community_slug ? `${appUrl}/c/${n.community_slug}` : appUrl;
  const title = n.topic_title ?? n.community_name ?? kind;
  const reasons = Array.isArray(n.data?.reasons) ? (n.data.reasons as unknown[]).filter((r) => typeof r === 'string') : [];
  const meta =
    n.kind === 'question_routed'
      ? `A question you might answer${reasons.length ? ` — ${reasons.join('; ')}` : ''}`
      : [kind, n.actor_name ? `by ${n.actor_name}` : '', n.community_name && n.topic_title ? `in ${n.community_name}` : ''].filter(Boolean).join(' · ');
  return { title, url, meta };
}

/** One person's digest, or null when there is nothing to tell them. */
export function digestEmail(
  appUrl: string,
  person: Person,
  notes: DigestNotification[],
  topics: Candidate[],
  expertise: Set<string>,
  reviews: DueReview[] = [],
): OutgoingEmail | null {
  const others = topics.filter((t) => t.author_id !== person.id);
  const forYou = notes.slice(0, MAX.forYou).map((n) => noteLink(appUrl, n));
  const shown = new Set(notes.map((n) => n.topic_id).filter((id): id is number => id !== null));
  const take = (list: Candidate[], max: number) => {
    const picked = list.filter((t) => !shown.has(t.topic_id)).slice(0, max);
    for (const t of picked) shown.add(t.topic_id);
    return picked;
  };
  const url = (t: Candidate) => `${appUrl}/topics/${t.topic_id}`;

  const questions = take(
    others
      .filter((t) => t.is_question && t.reply_count === 0)
      .map((t) => ({ t, match: t.tags.filter((tag) => expertise.has(tag)) }))
      .sort((a, b) => b.match.length - a.match.length || b.t.created_at.getTime() - a.t.created_at.getTime())
      .map((x) => x.t),
    MAX.questions,
  );
  const newTopics = take(
    others.filter((t) => t.created_at > person.since).sort((a, b) => b.created_at.getTime() - a.created_at.getTime()),
    MAX.newTopics,
  );
  const busy = take(
    topics.filter((t) => t.last_activity_at > person.since && t.reply_count > 0).sort((a, b) => b.reply_count - a.reply_count),
    MAX.busy,
  );
  if (!forYou.length && !newTopics.length && !questions.length && !busy.length && !reviews.length) return null;

  const period = person.digest_frequency === 'weekly' ? 'weekly' : 'daily';
  const counts = [
    forYou.length ? plural(forYou.length, 'update') : '',
    newTopics.length ? plural(newTopics.length, 'new topic') : '',
    questions.length ? `${plural(questions.length, 'question')} you could answer` : '',
    reviews.length ? `${plural(reviews.length, 'asset')} to review` : '',
  ].filter(Boolean);
  const subject = `Your ${period} digest${counts.length ? `: ${counts.join(', ')}` : ''}`;
  const rendered = renderEmail(appUrl, {
    preheader: counts.length ? counts.join(', ') : 'Busy conversations in your communities',
    heading: `Your ${period} digest`,
    paragraphs: [`Here is what happened in your communities since ${person.since.toUTCString().slice(0, 16)}.`],
    sections: [
      { title: 'For you', links: forYou },
      {
        title: 'Due for your review',
        links: reviews.map((r) => ({ title: r.title, url: `${appUrl}/assets/${r.id}`, meta: `In ${r.community_name} · review was due ${r.review_by}` })),
      },
      {
        title: 'Questions you could answer',
        links: questions.map((t) => {
          const match = t.tags.filter((tag) => expertise.has(tag));
          return {
            title: t.title,
            url: url(t),
            meta: `No answer yet · in ${t.community_name}${match.length ? ` · matches your expertise: ${match.join(', ')}` : ''}`,
          };
        }),
      },
      { title: 'New topics', links: newTopics.map((t) => ({ title: t.title, url: url(t), meta: `In ${t.community_name} · by ${t.author_name}` })) },
      {
        title: 'Busy conversations',
        links: busy.map((t) => ({ title: t.title, url: url(t), meta: `${plural(t.reply_count, 'reply', 'replies')} · in ${t.community_name}` })),
      },
    ],
    reason: `You get this ${period} digest because it is on in your settings.`,
    unsubscribe: { url: unsubscribePageUrl(appUrl, person.email_token, 'digest'), label: 'Stop the digest email' },
  });
  return {
    userId: person.id,
    kind: 'digest',
    to: person.email,
    subject,
    ...rendered,
    headers: unsubscribeHeaders(appUrl, person.email_token, 'digest'),
  };
}
