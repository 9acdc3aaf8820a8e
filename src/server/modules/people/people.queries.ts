import { bigintArray, textArray } from '../../db/arrays.ts';
import { MAX_BIGINT, wordShareSql } from '../../db/fulltext.ts';
import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { tagLabel, toTag } from '../../../shared/contracts/people.ts';
import { type ExpertiseLevel, expertiseLevels } from '../../../shared/model/catalogue.ts';
import type { Queryable } from '../../db/client.ts';
import { executeGeneric, executePrepared } from '../../db/prepared.ts';
import { readableBeyondOpenIdsSql, readableCommunityIdsSql, viewerCanReadCommunitySql } from '../communities/communities.policy.ts';

/** Public URL of a stored photo; the file name changes on every upload, so it can be cached forever. */
export const photoUrl = (photo: string | null) => (photo ? `/api/photos/${photo}` : null);

const levelWeightSql = sql.raw(
  `(case e.level ${expertiseLevels.map((l) => `when '${l.key}' then ${l.weight}`).join(' ')} else 0 end)`,
);

/** SQL: the declared expertise areas of the person whose id is `userId`, strongest first, as a JSON array of { tag, level }. */
const areasJsonSql = (userId: SQL) =>
  sql`coalesce((select json_agg(json_build_object('tag', e.tag, 'level', e.level) order by ${levelWeightSql} desc, e.tag) from expertise e where e.user_id = ${userId}), '[]'::json)`;

/** Declared expertise areas of several people at once (strongest first), keyed by user id. */
export async function expertiseOf(db: Queryable, userIds: number[]) {
  const map = new Map<number, { tag: string; level: ExpertiseLevel }[]>();
  if (userIds.length === 0) return map;
  const res = await executePrepared<{ id: number; areas: { tag: string; level: ExpertiseLevel }[] }>(
    db,
    sql`select u.id, ${areasJsonSql(sql`u.id`)} as areas from unnest(${bigintArray(userIds)}) u(id)`,
  );
  for (const r of res.rows) map.set(r.id, r.areas);
  return map;
}

/** A person's editable profile fields. */
export async function findProfile(db: Queryable, userId: number) {
  const res = await db.execute<{
    id: number;
    username: string;
    display_name: string;
    title: string;
    location: string;
    time_zone: string;
    bio: string;
    photo: string | null;
    created_at: Date;
  }>(sql`select id, username, display_name, title, location, time_zone, bio, photo, created_at from users where id = ${userId}`);
  return res.rows[0] ?? null;
}

export interface DirectoryFilter {
  q?: string;
  communityId?: number;
  tag?: string;
  role?: string;
  after: [string, number] | null;
  limit: number;
}

/**
 * How far back (in posts) "worded like" evidence looks: the most recent conversations. The
 * expertise refresh records where that starts (expertise_evidence_state.worded_from_post_id);
 * before the first refresh every post counts.
 */
export const WORDED_WINDOW = 200_000;
/** How many of the newest opening posts are read in order before the full-text index is asked instead. */
const WORDED_WALK = 2000;
/**
 * Fewer matches than this expected among those newest posts, and they are not read at all: the
 * index would have to answer anyway (about 30 readable topics not tagged like the subject are
 * wanted), so reading them in order first is wasted (decision 006).
 */
const WORDED_WALK_HITS = 35;

/**
 * SQL: how many of the newest opening posts to read in order for the tsquery `words`, at most
 * `walk`: none if the refresh's word counts (worded_lexemes) expect fewer than WORDED_WALK_HITS
 * matches among them, the words taken as independent; `walk` when the counts cannot tell (no
 * refresh yet, or an "or" in the query). Either way the answer is the same: only its cost differs.
 */
export function wordedWalkSql(words: SQL, walk: number): SQL {
  const counts = { table: 'worded_lexemes', count: 'posts', state: 'expertise_evidence_state', total: 'worded_posts' };
  return sql`coalesce((select case when ${walk} * e.share < ${WORDED_WALK_HITS} then 0 end from ${wordShareSql(words, counts)} e), ${walk})`;
}

/** How many people, in name order, the directory reads before it judges how common the matches are. */
const WALK = 1000;
/** Sources larger than this are not gathered whole (counting stops here). */
const SIZE_CAP = 5000;
/**
 * Rough costs in microseconds on the reference dataset (50,000 people), for choosing between
 * reading on in name order and gathering the matches: one more name read in order (from the name
 * index, filters tested: 19,000 names with a text and a tag took 6.5 ms), one gathered match (its
 * row looked up, then sorted by name: 679 holders of a tag took 3.4 ms), and the trigram index's
 * own cost for a text (1.5–3 ms).
 */
const COST = { walkedName: 0.35, gatheredMatch: 5, trigramIndex: 1500 };
/** A walk that reads on is given this many times the names that the density seen so far predicts, so it seldom falls short. */
const WALK_MARGIN = 1.5;
/** Nor more than this many names. */
const MAX_WALK = 25_000;

/** A person as the directory lists them, with their declared expertise areas, strongest first. */
export type DirectoryRow = {
  id: number;
  username: string;
  display_name: string;
  title: string;
  location: string;
  photo: string | null;
  expertise: { tag: string; level: ExpertiseLevel }[];
};

/**
 * People in the directory, by name. A role filter only counts roles held in communities whose
 * members the viewer may read, so a listing never hints at a secret membership.
 *
 * First the people after the cursor are read in name order, at most WALK of them, keeping those
 * who match: when the filters are common ("engineer", a popular tag) the page fills within a few
 * dozen rows. If it does not, the matches found so far tell how common they are: when reading on
 * to fill the page costs less than gathering every match, the walk reads on from where it stopped
 * (with a margin); otherwise (rare text, a rare tag, or two filters that seldom meet) the matches
 * are gathered through their indexes and sorted. All give exactly the same page: the first
 * matches in name order within the names read are the first matches overall.
 */
export async function listDirectory(db: Queryable, viewer: Viewer | null, f: DirectoryFilter, walkLength = WALK): Promise<DirectoryRow[]> {
  // search_text is the name, username and title lower-cased (users schema): LIKE on it is ILIKE on them.
  const textMatch = f.q ? sql`u.search_text like lower(${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`})` : null;
  const readableRole = f.role
    ? sql`r.role = ${f.role} and r.community_id in (${readableCommunityIdsSql(viewer)}) ${f.communityId ? sql`and r.community_id = ${f.communityId}` : sql``}`
    : null;
  // Each filter as a set of user ids, each id once (served by an index), and as a per-person probe.
  // Roles are held by active members only (member_roles references memberships; leaving removes them).
  const filters: { set: SQL; probe: SQL; size: SQL }[] = [];
  if (f.communityId) {
    filters.push({
      set: sql`select m.user_id from memberships m where m.community_id = ${f.communityId} and m.status = 'active'`,
      probe: sql`exists (select 1 from memberships m where m.community_id = ${f.communityId} and m.user_id = u.id and m.status = 'active')`,
      size: sql`(select member_count from communities where id = ${f.communityId})`,
    });
  }
  if (f.tag) {
    filters.push({
      set: sql`select e.user_id from expertise e where e.tag = ${f.tag}`,
      probe: sql`exists (select 1 from expertise e where e.user_id = u.id and e.tag = ${f.tag})`,
      size: sql`(select count(*) from (select 1 from expertise e where e.tag = ${f.tag} limit ${SIZE_CAP}) s)`,
    });
  }
  if (readableRole) {
    filters.push({
      // Distinct: a person holds a role once per community.
      set: sql`select distinct r.user_id from member_roles r where ${readableRole}`,
      probe: sql`exists (select 1 from member_roles r where r.user_id = u.id and ${readableRole})`,
      size: sql`(select count(*) from (select 1 from member_roles r where r.role = ${f.role} limit ${SIZE_CAP}) s)`,
    });
  }
  const probes = [...filters.map((x) => x.probe), ...(textMatch ? [textMatch] : [])];
  const after = f.after ? sql`(u.display_name, u.id) > (${f.after[0]}, ${f.after[1]})` : null;
  const columns = sql`u.id, u.username, u.display_name, u.title, u.location, u.photo`;
  const and = (xs: (SQL | null)[]) => sql.join(xs.filter((x): x is SQL => x !== null), sql` and `);
  // Plain (unnamed) statements: each is planned for its values. A named statement soon switches to
  // a generic plan, which cannot tell a rare filter from a common one (a 2 ms walk became 240 ms).
  // Each page comes with its people's expertise areas, so the page needs no round trip of its own.
  const page = async (query: SQL) =>
    (await db.execute<DirectoryRow>(sql`select p.*, ${areasJsonSql(sql`p.id`)} as expertise from (${query}) p order by p.display_name, p.id`)).rows;
  // The first `limit` matches among the `length` people after the cursor, past the first `skip`, in
  // name order. Limit inside, filters outside: filters are not pushed below a LIMIT, so at most
  // skip + length rows are read (the skipped ones from the name index only).
  const walkSql = (skip: number, length: number, limit: number) => sql`
    select ${columns} from (select ${columns}, u.search_text from users u ${after ? sql`where ${after}` : sql``} order by u.display_name, u.id ${skip ? sql`offset ${skip} ` : sql``}limit ${length}) u
    ${probes.length ? sql`where ${and(probes)}` : sql``}
    order by u.display_name, u.id
    limit ${limit}`;
  const walk = walkSql(0, walkLength, f.limit + 1);

  // What the next step needs if the walk finds too few (with filters): each filter's size and, with
  // text, how common the text is among the first WALK names, scaled to everyone. One row after the
  // page's, only when the page is not full, so a full walk costs nothing more and a short one no
  // second round trip.
  const summary = filters.length
    ? sql`json_build_object(${sql.join(
        [
          ...filters.map((x, i) => sql`${`s${i}`}::text, ${x.size}`),
          ...(textMatch
            ? [
                sql`'people', (select greatest(reltuples, 1)::float8 from pg_class where oid = 'users'::regclass)`,
                sql`'textShare', (select count(*) filter (where ${textMatch})::float8 / greatest(count(*), 1)
                  from (select u.search_text from users u order by u.display_name, u.id limit ${WALK}) u)`,
              ]
            : []),
        ],
        sql`, `,
      )})`
    : null;
  type Summary = Record<string, number>;
  const walkedRows: Array<DirectoryRow & { summary?: Summary | null }> = summary
    ? (
        await db.execute<DirectoryRow & { summary: Summary | null }>(sql`
          with walked as (${walk})
          select * from (
            select w.*, ${areasJsonSql(sql`w.id`)} as expertise, null::json as summary from walked w
            union all select null, null, null, null, null, null, null, ${summary} where (select count(*) from walked) <= ${f.limit}
          ) r order by r.id is null, r.display_name, r.id`)
      ).rows
    : await page(walk);
  const sizes: Summary = walkedRows.find((r) => r.summary)?.summary ?? {};
  const walked: DirectoryRow[] = walkedRows.filter((r) => !r.summary).map(({ summary: _, ...r }) => r);
  // A full page, or no filters: the walk is the answer.
  if (walked.length > f.limit || probes.length === 0) return walked;

  const small = filters.filter((_, i) => Number(sizes[`s${i}`]) < SIZE_CAP);
  const large = filters.filter((_, i) => Number(sizes[`s${i}`]) >= SIZE_CAP).map((x) => x.probe);
  const smallest = Math.min(...filters.map((_, i) => Number(sizes[`s${i}`])));
  const trigrams = (f.q ?? '').length >= 3;
  const estText = sizes.textShare * sizes.people;

  // Read on past the walk, when the matches seen so far say the page fills at less cost than
  // gathering would. They are a sample: the density is taken one standard deviation below what was
  // seen, so reading on seldom falls short (and then the matches are gathered after all). Text
  // alone is weighed against the trigram index's own cost only, a lower bound of gathering it.
  const likely = walked.length - Math.sqrt(walked.length);
  if (likely > 0) {
    const wanted = f.limit + 1 - walked.length;
    const length = Math.ceil((wanted * walkLength * WALK_MARGIN) / likely);
    const gathering = Math.min(
      small.length ? smallest * COST.gatheredMatch : Number.POSITIVE_INFINITY,
      textMatch && trigrams ? COST.trigramIndex + (filters.length ? estText * COST.gatheredMatch : 0) : Number.POSITIVE_INFINITY,
    );
    if (length * COST.walkedName < gathering && length <= MAX_WALK) {
      const more = await page(walkSql(walkLength, length, wanted));
      if (more.length === wanted) return [...walked, ...more];
    }
  }

  // Materialized, so the planner gathers through the indexes instead of walking names with a filter.
  const ordered = (from: SQL, where: SQL) => sql`
    with matches as materialized (select ${columns} from ${from} where ${where})
    select * from matches order by display_name, id limit ${f.limit + 1}`;
  const walkToEnd = sql`select ${columns} from users u where ${and([after, ...probes])} order by u.display_name, u.id limit ${f.limit + 1}`;
  if (small.length === 0) {
    // Three letters or more: the trigram index finds the text. Otherwise every source is large,
    // yet together they are rare: walk the names to the end (whole sets would cost more).
    return page(trigrams ? ordered(sql`users u`, and([textMatch, after, ...large])) : walkToEnd);
  }
  if (textMatch) {
    // Gather by text if it is rarer than the smallest set; walk the names if the matches are dense enough to come soon.
    const people = Number(sizes.people);
    if (trigrams && estText < smallest) return page(ordered(sql`users u`, and([textMatch, after, ...large, ...small.map((x) => x.probe)])));
    // People read before the page fills, if text and set are independent; each costs a fraction of a lookup.
    const toRead = ((f.limit + 1) * people * people) / Math.max(1, estText * smallest);
    if (toRead < 6 * smallest) return page(walkToEnd);
  }
  // The smaller sets intersected (ids only, from their indexes); each person looked up once, then checked against the rest.
  const ids = sql`(${sql.join(small.map((x) => x.set), sql` intersect `)}) s(user_id) cross join lateral (select * from users u where u.id = s.user_id offset 0) u`;
  return page(ordered(ids, and([sql`true`, after, textMatch, ...large])));
}

/** The viewer's communities with roles and recent posting, for "My communities". */
export async function listMyCommunities(db: Queryable, userId: number, windows: { activeDays: number; occasionalDays: number }, after: [string, number] | null, limit: number) {
  const res = await db.execute<{
    id: number;
    slug: string;
    name: string;
    visibility: string;
    joined_at: Date;
    roles: string[];
    recent: number;
    occasional: number;
    last_post_at: Date | null;
  }>(sql`
    select c.id, c.slug, c.name, c.visibility, m.created_at as joined_at,
      coalesce((select array_agg(r.role order by r.role) from member_roles r where r.community_id = c.id and r.user_id = ${userId}), '{}') as roles,
      a.recent, a.occasional, a.last_post_at
    from memberships m
    join communities c on c.id = m.community_id
    cross join lateral (
      select count(*) filter (where p.created_at > now() - make_interval(days => ${windows.activeDays}))::int as recent,
             count(*)::int as occasional,
             max(p.created_at) as last_post_at
      from posts p
      join topic_communities tc on tc.topic_id = p.topic_id and tc.community_id = c.id
      where p.author_id = ${userId} and p.deleted_at is null
        and p.created_at > now() - make_interval(days => ${windows.occasionalDays})
    ) a
    where m.user_id = ${userId} and m.status = 'active'
      ${after ? sql`and (c.name, c.id) > (${after[0]}, ${after[1]})` : sql``}
    order by c.name, c.id
    limit ${limit + 1}`);
  return res.rows;
}

// ───────────────────────────── who knows ─────────────────────────────

const STOPWORDS = new Set(
  'a an and are as at be but by can do does for from has have how i in is it its me my of on or our should so than that the their them there these they this to us was we what when where which who why will with would you your anyone know knows about'.split(
    ' ',
  ),
);

/** Tags a question may be filed under: the whole phrase, each meaningful word and each pair of neighbours. */
export function tagsFromText(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  const out = new Set<string>();
  const phrase = toTag(words.join(' '));
  if (phrase) out.add(phrase);
  for (const w of words) out.add(toTag(w));
  for (let i = 0; i + 1 < words.length; i++) out.add(toTag(`${words[i]} ${words[i + 1]}`));
  return [...out].filter(Boolean).slice(0, 24);
}

/** How many recent topics worded like the subject (and not tagged like it) are examined live; same trade as docs/decisions/004. */
export const WORDED_TOPICS = 30;

// How much each kind of evidence weighs against declared expertise (an expert's exact tag is 12).
const weights = { accepted: 5, helpful: 1, reply: 1, helpfulCap: 40, replyCap: 20, exactTag: 3, wordTag: 2 } as const;
// Constants written into the SQL (as parameters they would be untyped text).
const W = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, sql.raw(String(v))])) as Record<keyof typeof weights, SQL>;

/** The evidence score of a row with replies, accepted and helpful columns (alias `a`). */
export const EVIDENCE_SCORE_SQL = (a: string) =>
  sql.raw(
    `(${a}.accepted * ${weights.accepted} + least(${a}.helpful, ${weights.helpfulCap}) * ${weights.helpful} + least(${a}.replies, ${weights.replyCap}) * ${weights.reply})`,
  );

export interface Expert {
  userId: number;
  username: string;
  displayName: string;
  score: number;
  reasons: string[];
}

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * People who know about a subject, ranked by declared expertise (tag match weighted by level)
 * and by evidence in topics tagged or worded like it: accepted answers, helpful marks on their
 * replies, and replies. Evidence counts only in communities `viewer` may read (and, with
 * `communityIds`, only in those; declared expertise then counts only for their members).
 * Each result says, in plain words, why the person was suggested.
 */
export async function findExperts(
  db: Queryable,
  viewer: Viewer | null,
  q: { text: string; tags: string[] },
  opts: { limit: number; communityIds?: number[]; excludeUserIds?: number[] },
): Promise<Array<{ userId: number; username: string; displayName: string; score: number; reasons: string[] }>> {
  const rows = await findExpertRows(db, viewer, q, opts);
  return rows.map(({ title: _t, photo: _p, ...e }) => e);
}

interface ExpertRow extends Record<string, unknown> {
  user_id: number;
  username: string;
  display_name: string;
  title: string;
  photo: string | null;
  score: number;
  areas: { tag: string; level: ExpertiseLevel }[] | null;
  replies: number | null;
  accepted: number | null;
  helpful: number | null;
}

/** findExperts with the profile fields the finder page shows. */
export async function findExpertRows(
  db: Queryable,
  viewer: Viewer | null,
  q: { text: string; tags: string[] },
  opts: { limit: number; communityIds?: number[]; excludeUserIds?: number[] },
  walk = WORDED_WALK,
): Promise<Array<Expert & { title: string; photo: string | null }>> {
  const exactTag = toTag(q.text);
  const tags = [...new Set([...q.tags.map(toTag), ...tagsFromText(q.text)].filter(Boolean))];
  const text = q.text.trim();
  if (tags.length === 0 && !text) return [];
  const limit = Math.max(1, Math.min(opts.limit, 100));
  const exclude = opts.excludeUserIds ?? [];
  const scope = opts.communityIds;
  if (scope && scope.length === 0) return [];

  const readable = scope
    ? sql`select id from (${readableCommunityIdsSql(viewer)}) r(id) where id = any(${bigintArray(scope)})`
    : readableCommunityIdsSql(viewer);
  const beyondOpen = readableBeyondOpenIdsSql(viewer);
  // One parameter per tag (not an array): the cached plan then knows how many tags there are, and
  // sizes its hash tables for them instead of for an array of unknown length. A subject that makes
  // no tag ("?!") matches no tag: `in (null)`.
  const tagList = tags.length ? sql.join(tags.map((t) => sql`${t}::text`), sql`, `) : sql`null::text`;
  const declaredScope = scope
    ? sql`and e.user_id in (select m.user_id from memberships m where m.status = 'active' and m.community_id in (select id from readable))`
    : sql``;
  // A person's declared expertise for the subject: each matching area by its level, the subject's own tag weighing most.
  const declaredScore = sql`sum(${levelWeightSql} * case when e.tag = ${exactTag} then ${W.exactTag} else ${W.wordTag} end)`;
  // How many of the strongest people per way of knowing are scored in full (decision 006).
  const perTag = 2 * (limit + exclude.length);

  // One statement on its generic plan (decision 011): planning it cost as much as running it, and
  // no part of it needs the planner to see the values (the worded topics below are found the same
  // way for a rare word and a common one).
  const res = await executeGeneric<ExpertRow>(db, sql`
    with readable as materialized (${readable}),
    -- Whether no community opened, closed, appeared or went since the last refresh (a trigger
    -- counts such changes): the null-community rows then aggregate exactly the open communities.
    unchanged as materialized (
      select s.open_version = (select a.version from community_access_version a where a.id = 1) as yes
      from expertise_evidence_state s where s.id = 1
    ),
    -- The null-community rows are usable while every community they aggregate is still readable
    -- to this viewer (a community made private since the last refresh switches them off).
    open_rows as materialized (
      select s.open_community_ids as ids from expertise_evidence_state s
      where s.id = 1 and ${scope ? sql`false` : sql`true`}
        and ((select yes from unchanged) is true or not exists (select unnest(s.open_community_ids) except select id from readable))
    ),
    -- What else the viewer reads, by per-community rows. Unchanged, the null rows hold exactly the
    -- open communities, so it is what the viewer reads beyond those; otherwise it is worked out
    -- from the whole readable set.
    own as materialized (
      ${
        scope
          ? sql`select id from readable`
          : sql`(select b.id from (${beyondOpen ?? sql`select null::bigint where false`}) b(id) where (select yes from unchanged) is true)
      union all
      (select x.id from (select id from readable except select unnest(ids) from open_rows) x where (select yes from unchanged) is not true)`
      }
    ),
    words as materialized (select websearch_to_tsquery('english', ${text}) as q),
    window_start as materialized (
      select coalesce((select s.worded_from_post_id from expertise_evidence_state s where s.id = 1), 0) as from_id
    ),
    -- Topics worded like the subject but not tagged like it: the newest few the viewer may read,
    -- among recent conversations (WORDED_WINDOW). The newest \`walk\` opening posts are read in
    -- order, which finds a common word's topics at once; only if they hold too few does the
    -- full-text index answer for the older ones, which is quick because the words are then rare.
    -- The two parts follow each other, newest first, and reading stops once enough topics are found.
    -- When the refresh's word counts say the newest posts hold too few, none are read in order
    -- (walk_length 0) and the index answers for all of them: the same topics, sooner.
    walk_length as materialized (select ${wordedWalkSql(sql`(select q from words)`, walk)} as n),
    worded_posts as (
      (select w.id, w.topic_id from (
        select p.id, p.topic_id, p.search_vector from posts p
        where p.is_opening and p.deleted_at is null and p.id > (select from_id from window_start)
        order by p.id desc limit (select n from walk_length)
      ) w where w.search_vector @@ (select q from words))
      union all
      (select p.id, p.topic_id from posts p
        where p.search_vector @@ (select q from words) and p.is_opening and p.deleted_at is null
          -- \`+ 0\`: the index of opening posts' words answers, not a walk by id.
          and p.id + 0 > (select from_id from window_start)
          -- Older than the walk's last post (none if fewer posts than the walk: it read them all).
          and p.id + 0 < (case when (select n from walk_length) = 0 then ${MAX_BIGINT} else (
            select o.id from posts o where o.is_opening and o.deleted_at is null
            order by o.id desc offset greatest((select n from walk_length) - 1, 0) limit 1) end)
        order by p.id + 0 desc)
    ),
    worded as materialized (
      select c.topic_id, t.accepted_post_id from worded_posts c
      join topics t on t.id = c.topic_id and t.deleted_at is null and not (t.tags && ${textArray(tags)})
      where numnode((select q from words)) > 0
        -- A probe per candidate: cheaper than matching each against the readable list.
        and exists (
          select 1 from topic_communities tc
          where tc.topic_id = c.topic_id and not tc.deleted and ${viewerCanReadCommunitySql(viewer, sql`tc.community_id`)}
            ${scope ? sql`and tc.community_id = any(${bigintArray(scope)})` : sql``}
        )
      limit ${WORDED_TOPICS}
    ),
    worded_evidence as (
      select p.author_id as user_id, count(*)::int as replies,
        count(*) filter (where w.accepted_post_id = p.id)::int as accepted,
        coalesce(sum(p.helpful_count), 0)::int as helpful
      from worded w
      join posts p on p.topic_id = w.topic_id and not p.is_opening and p.deleted_at is null
      group by p.author_id
    ),
    own_rows as materialized (
      -- Per community (a handful for most viewers), never every community's rows for the tag.
      select e.user_id, e.tag, e.replies, e.accepted, e.helpful, e.score from own o
      cross join lateral (
        select * from expertise_evidence e where e.community_id = o.id and e.tag in (${tagList}) offset 0
      ) e
    ),
    -- The strongest declared expertise: per tag, the highest levels first (then the oldest
    -- accounts), each level a range of the tag's index read until enough people are found; of
    -- those, the highest sums over the subject's tags. Summing every holder of a common tag
    -- ("maintenance": 7,700 people) cost a third of the question (decision 006).
    declared_top as materialized (
      select x.user_id from unnest(array[${tagList}]) tg(tag)
        cross join lateral (
          ${sql.join(
            [...expertiseLevels].sort((a, b) => b.weight - a.weight).map(
              (l) => sql`(select e.user_id from expertise e where e.tag = tg.tag and e.level = ${sql.raw(`'${l.key}'`)} ${declaredScope} order by e.user_id limit ${perTag * 4})`,
            ),
            sql` union all `,
          )}
          limit ${perTag * 4}
        ) x
    ),
    declared_best as materialized (
      select e.user_id from expertise e
      where e.user_id in (select user_id from declared_top) and e.tag in (${tagList})
      group by e.user_id
      order by ${declaredScore} desc, e.user_id
      limit ${perTag * 4}
    ),
    -- Who is scored in full: the strongest open evidence per tag, the strongest declared
    -- expertise, and anyone with evidence in the viewer's other communities or worded evidence.
    people as materialized (
      select x.user_id from unnest(array[${tagList}]) tg(tag)
        cross join lateral (
          select e.user_id from expertise_evidence e
          where e.community_id is null and e.tag = tg.tag and exists (select 1 from open_rows)
          order by e.score desc limit ${perTag}
        ) x
      union (select user_id from own_rows group by user_id order by max(score) desc, user_id limit ${perTag * 2})
      union (select user_id from declared_best)
      union (select w.user_id from worded_evidence w order by ${EVIDENCE_SCORE_SQL('w')} desc, w.user_id limit ${perTag * 2})
    ),
    declared as materialized (
      select e.user_id, ${declaredScore} as score
      from expertise e
      where e.tag in (${tagList}) and e.user_id in (select user_id from people) ${declaredScope}
      group by e.user_id
    ),
    ev_rows as (
      select e.user_id, e.tag, e.replies, e.accepted, e.helpful from expertise_evidence e
      where e.community_id is null and e.user_id in (select user_id from people) and e.tag in (${tagList})
        and exists (select 1 from open_rows)
      union all
      select user_id, tag, replies, accepted, helpful from own_rows where user_id in (select user_id from people)
    ),
    tagged as (
      -- Per person the tag with the strongest evidence (tags of one question overlap, so no sum).
      select distinct on (user_id) user_id, replies, accepted, helpful
      from (
        select user_id, tag, sum(replies)::int as replies, sum(accepted)::int as accepted, sum(helpful)::int as helpful
        from ev_rows group by user_id, tag
      ) t
      order by user_id, ${EVIDENCE_SCORE_SQL('t')} desc
    ),
    evidence as (
      select user_id, sum(replies)::int as replies, sum(accepted)::int as accepted, sum(helpful)::int as helpful
      from (select * from tagged union all select * from worded_evidence where user_id in (select user_id from people)) v
      group by user_id
    ),
    scored as (
      select coalesce(d.user_id, v.user_id) as user_id, v.replies, v.accepted, v.helpful,
        (coalesce(d.score, 0) + coalesce(v.accepted, 0) * ${W.accepted}
          + least(coalesce(v.helpful, 0), ${W.helpfulCap}) * ${W.helpful}
          + least(coalesce(v.replies, 0), ${W.replyCap}) * ${W.reply})::float8 as score
      from (select * from declared where user_id in (select user_id from people)) d
      full join evidence v on v.user_id = d.user_id
    ),
    top as (
      select * from scored where not (user_id = any(${bigintArray(exclude)}))
      order by score desc, user_id limit ${limit}
    )
    -- Only the page's people get their matching areas spelled out.
    select s.user_id, u.username, u.display_name, u.title, u.photo, s.score, s.replies, s.accepted, s.helpful,
      (select json_agg(json_build_object('tag', e.tag, 'level', e.level) order by ${levelWeightSql} desc, e.tag)
        from expertise e where e.user_id = s.user_id and e.tag in (${tagList})) as areas
    from top s join users u on u.id = s.user_id
    order by s.score desc, s.user_id`);

  return res.rows.map((r) => {
    const reasons: string[] = [];
    if (r.areas?.length) {
      const levelName = (k: string) => expertiseLevels.find((l) => l.key === k)?.name.toLowerCase() ?? k;
      reasons.push(`Declared expertise: ${r.areas.map((a) => `${tagLabel(a.tag)} (${levelName(a.level)})`).join(', ')}`);
    }
    if (r.accepted) reasons.push(`${times(r.accepted, 'accepted answer', 'accepted answers')} on topics like this`);
    if (r.helpful) reasons.push(`Their replies were marked helpful ${times(r.helpful, 'time', 'times')}`);
    if (r.replies) reasons.push(`${times(r.replies, 'reply', 'replies')} in topics like this`);
    return {
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      title: r.title,
      photo: r.photo,
      score: Math.round(r.score * 10) / 10,
      reasons,
    };
  });
}
