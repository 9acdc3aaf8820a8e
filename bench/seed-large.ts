/**
 * `npm run seed:large` — builds the reference dataset for `npm run bench`:
 * 50,000 people, 500 communities, 1,000,000 posts by default (see --help).
 *
 * Everything is generated in this process and bulk-loaded with COPY. To stay well under two
 * minutes on two cores it does the expensive per-row work itself: the search vector of each post
 * is written as a tsvector literal (each word's lexeme is looked up once from PostgreSQL's own
 * to_tsvector), and body_html is built alongside the Markdown source. A sample of posts is
 * checked against to_tsvector and renderMarkdown at the end, so the shortcut cannot drift from
 * what the app writes. Secondary indexes and foreign keys are dropped during the load and
 * recreated from their catalogued definitions afterwards.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { learningActivityKeys, roleKeys, structureKindKeys, type StructureKind } from '../src/shared/model/catalogue.ts';
import { hashPassword } from '../src/server/modules/auth/auth.service.ts';
import { renderMarkdown } from '../src/server/lib/markdown.ts';
import { refreshRepositoryWords } from '../src/server/modules/assets/assets.jobs.ts';
import { refreshExpertiseEvidence } from '../src/server/modules/people/people.jobs.ts';
import { type CopyWriter, copyText, copyWriter } from './lib/copy.ts';
import { BENCH_USER, openBenchDatabase, rng, zipf } from './lib/dataset.ts';
import { CONTENT_WORDS, FIRST_NAMES, FUNCTION_WORDS, LAST_NAMES, PLACE_NAMES, TAGS } from './lib/words.ts';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '50000' },
    communities: { type: 'string', default: '500' },
    posts: { type: 'string', default: '1000000' },
    assets: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '42' },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`Usage: npm run seed:large -- [--people N] [--communities N] [--posts N] [--assets N] [--seed N] [--reset]

Loads the reference dataset into the embedded PostgreSQL under $DATA_DIR (default ./data-bench,
port $EMBEDDED_PG_PORT, default 54339) or into $DATABASE_URL. Refuses a non-empty database
unless --reset is given, which deletes everything in it first.`);
  process.exit(0);
}
const num = (name: string, v: string, min: number) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min} (got “${v}”).`);
    process.exit(2);
  }
  return n;
};
const PEOPLE = num('people', args.people, 20);
const COMMUNITIES = num('communities', args.communities, 12);
const POSTS = num('posts', args.posts, 100);
const ASSETS = num('assets', args.assets, 0);
const R = rng(num('seed', args.seed, 0));

const DAY = 86_400_000;
const NOW = Date.now();
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[${elapsed().padStart(7)}] ${msg}`);
const iso = (ms: number) => new Date(ms).toISOString();

// ───────────────────────────── database ─────────────────────────────

const { env, open } = openBenchDatabase();
log(env.DATABASE_URL ? 'connecting to DATABASE_URL' : `starting embedded PostgreSQL in ${env.dataDir} on port ${env.EMBEDDED_PG_PORT}`);
const database = await open();
const pool = database.pool;
const ddlFile = path.join(env.dataDir, 'seed-large-ddl.json');

async function fail(message: string): Promise<never> {
  console.error(`\n${message}`);
  await database.close();
  process.exit(1);
}

interface SavedDdl {
  indexes: { name: string; table: string; def: string }[];
  foreignKeys: { name: string; table: string; def: string }[];
}

/** Recreates indexes and foreign keys that an interrupted run dropped, from the saved definitions. */
async function restoreDdl(ddl: SavedDdl, parallel: number) {
  const existingIdx = new Set((await pool.query(`select indexname from pg_indexes where schemaname = 'public'`)).rows.map((r) => r.indexname));
  const existingFk = new Set((await pool.query(`select conname from pg_constraint where contype = 'f'`)).rows.map((r) => r.conname));
  const indexJobs = ddl.indexes.filter((i) => !existingIdx.has(i.name.replace(/"/g, ''))).map((i) => i.def);
  const fkJobs = ddl.foreignKeys.filter((f) => !existingFk.has(f.name)).map((f) => `alter table ${f.table} add constraint "${f.name}" ${f.def}`);
  const setup = [`set maintenance_work_mem = '512MB'`, 'set max_parallel_maintenance_workers = 1'];
  await runParallel(indexJobs, parallel, setup);
  await runParallel(fkJobs, parallel, setup);
}

/** Runs statements on `parallel` connections, each taking the next job as it finishes one. */
async function runParallel(jobs: string[], parallel: number, setup: string[] = []) {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: Math.min(parallel, queue.length) }, async () => {
      const client = await pool.connect();
      try {
        for (const s of setup) await client.query(s);
        for (let job = queue.shift(); job; job = queue.shift()) await client.query(job);
      } finally {
        client.release();
      }
    }),
  );
}

if (existsSync(ddlFile)) {
  log('an earlier run was interrupted: recreating the indexes and foreign keys it dropped');
  await restoreDdl(JSON.parse(readFileSync(ddlFile, 'utf8')) as SavedDdl, 2);
  rmSync(ddlFile);
}

const { rows: counts } = await pool.query<{ people: number; communities: number; posts: number }>(
  `select (select count(*) from users)::int as people, (select count(*) from communities)::int as communities, (select count(*) from posts)::int as posts`,
);
const existing = counts[0];
if (existing.people + existing.communities + existing.posts > 0) {
  if (!args.reset) {
    await fail(
      `This database is not empty (${existing.people} people, ${existing.communities} communities, ${existing.posts} posts).\n` +
        `seed:large only loads into an empty database. Run \`npm run seed:large -- --reset\` to delete everything in it and load again` +
        (env.DATABASE_URL ? ' (careful: DATABASE_URL is set).' : ` (data dir: ${env.dataDir}).`),
    );
  }
  const { rows: tables } = await pool.query<{ t: string }>(`select quote_ident(tablename) as t from pg_tables where schemaname = 'public'`);
  log(`--reset: emptying ${tables.length} tables`);
  await pool.query(`truncate ${tables.map((r) => r.t).join(', ')} restart identity cascade`);
}

// Drop secondary indexes and foreign keys for the load; keep their definitions to recreate them.
const ddl: SavedDdl = {
  indexes: (
    await pool.query<{ name: string; table: string; def: string }>(`
      select quote_ident(c.relname) as name, i.indrelid::regclass::text as table, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
      order by pg_relation_size(i.indrelid) desc`)
  ).rows,
  foreignKeys: (
    await pool.query<{ name: string; table: string; def: string }>(`
      select k.conname as name, k.conrelid::regclass::text as table, pg_get_constraintdef(k.oid) as def
      from pg_constraint k join pg_namespace n on n.oid = k.connamespace
      where n.nspname = 'public' and k.contype = 'f'`)
  ).rows,
};
writeFileSync(ddlFile, JSON.stringify(ddl));
for (const f of ddl.foreignKeys) await pool.query(`alter table ${f.table} drop constraint "${f.name}"`);
for (const i of ddl.indexes) await pool.query(`drop index ${i.name}`);
log(`dropped ${ddl.indexes.length} secondary indexes and ${ddl.foreignKeys.length} foreign keys for the load`);

// ───────────────────────────── vocabulary ─────────────────────────────

const title = (w: string) => w[0].toUpperCase() + w.slice(1);

/** Every word the generator can write, by id; lexemeOf[id] is its lexeme id, or -1 for a stop word. */
const tokens: string[] = [];
/** How each word is written in text (place names capitalized, "I"). */
const shown: string[] = [];
const tokenIds = new Map<string, number>();
const token = (w: string, display = w) => {
  const key = w.toLowerCase();
  let id = tokenIds.get(key);
  if (id === undefined) {
    id = tokens.length;
    tokens.push(key);
    shown.push(key === 'i' ? 'I' : display);
    tokenIds.set(key, id);
  }
  return id;
};
const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()))];
const functionIds = uniq(FUNCTION_WORDS).map((w) => token(w));
const contentIds = uniq(CONTENT_WORDS).map((w) => token(w));
const placeIds = uniq(PLACE_NAMES).map((w) => token(w, title(w)));

const STARTERS = {
  question: [
    'how do you handle', 'has anyone dealt with', 'looking for advice on', 'who knows about', 'what is the best way to plan',
    'can someone explain', 'any experience with', 'where can I find the', 'is there a standard for', 'help needed with',
  ],
  other: [
    'lessons from', 'update on', 'proposal for', 'template for', 'notes from the visit to', 'mapping who knows', 'a better way to manage',
    'sharing our', 'results of the', 'what we learned about', 'draft guidance on', 'joint purchase of',
  ],
};
const starterIds = {
  question: STARTERS.question.map((s) => s.split(' ').map((w) => token(w))),
  other: STARTERS.other.map((s) => s.split(' ').map((w) => token(w))),
};

// ───────────────────────────── people ─────────────────────────────

log(`generating ${PEOPLE.toLocaleString('en')} people, ${COMMUNITIES} communities`);
const passwordHash = await hashPassword(BENCH_USER.password);
const usernames: string[] = new Array(PEOPLE);
const displayNames: string[] = new Array(PEOPLE);
const userCreated = new Float64Array(PEOPLE);
for (let u = 0; u < PEOPLE; u++) {
  const first = R.pick(FIRST_NAMES);
  const last = R.pick(LAST_NAMES);
  usernames[u] = u === 0 ? BENCH_USER.username : u === 1 ? 'admin' : `${first}${last}${u}`;
  displayNames[u] = u === 0 ? 'Bench Mark' : u === 1 ? 'Site Admin' : `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`;
  userCreated[u] = NOW - (1 - R.next() ** 0.7) * 3 * 365 * DAY - DAY;
}
const userId = (u: number) => u + 1;

// Job titles and declared expertise, from their own random stream so the rest of the dataset
// (and every other endpoint's bench) stays exactly as it was.
const RX = rng(num('seed', args.seed, 0) + 7919);
const SENIORITY = ['', '', 'Senior ', 'Principal ', 'Lead ', 'Graduate ', 'Assistant '];
const JOBS = [
  'Network Engineer', 'Asset Manager', 'Hydrologist', 'Control Room Operator', 'Data Analyst', 'Project Manager',
  'Water Quality Scientist', 'Field Technician', 'Protection Engineer', 'Planner', 'Maintenance Supervisor',
  'Process Engineer', 'Customer Advisor', 'Cybersecurity Analyst', 'Procurement Specialist', 'Safety Advisor',
];
const LEVELS = ['learning', 'practitioner', 'practitioner', 'experienced', 'experienced', 'expert'];
const tagRank = zipf(TAGS.length, 0.7);
const jobTitles: string[] = new Array(PEOPLE);
const expertiseRows: string[] = [];
for (let u = 0; u < PEOPLE; u++) {
  jobTitles[u] = u < 2 ? '' : `${RX.pick(SENIORITY)}${RX.pick(JOBS)}`;
  const areas = new Set<string>();
  const want = u < 2 ? 0 : Math.min(8, Math.floor(RX.expo(2.2)));
  for (let i = 0; i < want * 2 && areas.size < want; i++) areas.add(TAGS[tagRank(RX.next())]);
  for (const tag of areas) expertiseRows.push(`${userId(u)}\t${tag}\t${RX.pick(LEVELS)}\t${iso(userCreated[u])}`);
}

// ───────────────────────────── communities ─────────────────────────────

const KIND_WORDS: Record<StructureKind, string[]> = {
  community_of_practice: ['Community of Practice', 'Practitioners', 'Forum', 'Guild'],
  network: ['Network', 'Circle'],
  task_force: ['Task Force', 'Working Group'],
  center_of_excellence: ['Centre of Excellence', 'Expert Hub'],
  team: ['Team', 'Squad'],
};
const communityRank = zipf(COMMUNITIES, 0.9);
// The most common content word is in about a quarter of the posts, the rarest in a few hundred.
const contentRank = zipf(contentIds.length, 1.1, 20);
const functionRank = zipf(functionIds.length, 0.9);
const community = Array.from({ length: COMMUNITIES }, (_, c) => {
  const kind: StructureKind = R.chance(0.6) ? 'community_of_practice' : R.pick(structureKindKeys);
  const a = tokens[contentIds[contentRank(R.next() * 0.6)]];
  let b = tokens[contentIds[contentRank(R.next())]];
  if (b === a) b = tokens[contentIds[(contentIds.indexOf(tokenIds.get(a)!) + 1) % contentIds.length]];
  const name = `${title(a)} ${title(b)} ${R.pick(KIND_WORDS[kind])}`;
  const visibility = c < 10 ? 'open' : R.chance(0.7) ? 'open' : R.chance(0.5) ? 'by_request' : R.chance(0.6) ? 'invite_only' : 'secret';
  return {
    id: c + 1,
    name: c < 9 ? name : `${name} ${Math.floor(c / 9) + 1}`.slice(0, 80),
    slug: `${a}-${b}-${c + 1}`.slice(0, 50),
    kind,
    domainType: R.pick(['professional', 'technical', 'issue_driven'] as const),
    visibility,
    stage: R.pick(['potential', 'coalescing', 'maturing', 'maturing', 'stewardship', 'stewardship', 'transformation'] as const),
    created: NOW - (400 + R.next() * 1000) * DAY,
    members: [] as number[],
    tags: Array.from({ length: 10 }, () => R.pick(TAGS)),
    topicCount: 0,
  };
});

// Memberships: several per person, skewed towards the popular communities.
const userCommunities: number[][] = Array.from({ length: PEOPLE }, () => []);
const membershipRows: string[] = [];
const memberRank = zipf(COMMUNITIES, 0.8);
for (let u = 0; u < PEOPLE; u++) {
  const want = u === 0 ? 15 : u === 1 ? 0 : 1 + Math.min(19, Math.floor(R.expo(3)));
  const chosen = new Set<number>();
  if (u === 0) for (let c = 0; c < Math.min(10, COMMUNITIES); c++) chosen.add(c);
  for (let tries = 0; chosen.size < want && tries < want * 4; tries++) chosen.add(memberRank(R.next()));
  for (const c of chosen) {
    const com = community[c];
    let status: 'active' | 'requested' | 'invited' = 'active';
    if (u > 1 && com.visibility === 'by_request' && R.chance(0.06)) status = 'requested';
    if (u > 1 && com.visibility === 'invite_only' && R.chance(0.06)) status = 'invited';
    const joined = Math.max(userCreated[u], com.created) + R.next() * (NOW - Math.max(userCreated[u], com.created)) * 0.3;
    membershipRows.push(`${com.id}\t${userId(u)}\t${status}\t\\N\t${iso(joined)}`);
    if (status === 'active') {
      com.members.push(u);
      userCommunities[u].push(c);
    }
  }
}
for (const com of community) {
  if (com.members.length) continue;
  const u = 2 + R.int(PEOPLE - 2);
  com.members.push(u);
  userCommunities[u].push(com.id - 1);
  membershipRows.push(`${com.id}\t${userId(u)}\tactive\t\\N\t${iso(com.created)}`);
}
// The earliest members are the core group: shuffle others, keep the coordinator first.
const roleRows: string[] = [];
const extraRoles = roleKeys.filter((r) => r !== 'coordinator' && r !== 'sponsor' && r !== 'support_team');
for (const com of community) {
  const m = com.members.filter((u) => u !== 0);
  const coordinator = m.length ? m[0] : com.members[0];
  com.members.splice(com.members.indexOf(coordinator), 1);
  com.members.unshift(coordinator);
  const given = new Set<string>();
  const add = (u: number, role: string) => {
    const key = `${u}:${role}`;
    if (given.has(key)) return;
    given.add(key);
    roleRows.push(`${com.id}\t${userId(u)}\t${role}\t${userId(coordinator)}\t${iso(com.created + DAY)}`);
  };
  add(coordinator, 'coordinator');
  const core = com.members.slice(1, Math.max(2, Math.ceil(com.members.length * 0.04)));
  for (const u of core.slice(0, 6)) add(u, 'core_group_member');
  const n = Math.min(com.members.length, 2 + Math.floor(com.members.length / 200));
  for (let i = 0; i < n; i++) add(com.members[R.int(Math.min(com.members.length, 200))], R.pick(extraRoles));
}

// ───────────────────────────── topics and posts (the plan) ─────────────────────────────

const TOPICS = Math.max(1, Math.round(POSTS / 10));
const REPLIES = POSTS - TOPICS;
log(`planning ${TOPICS.toLocaleString('en')} topics and ${REPLIES.toLocaleString('en')} replies`);

const topicCreated = new Float64Array(TOPICS);
for (let t = 0; t < TOPICS; t++) topicCreated[t] = NOW - 2 * 365 * DAY * R.next() ** 1.6 - 3600_000;
topicCreated.sort();

// Reply counts: log-normal (most topics get a few replies, some get hundreds), summing to REPLIES.
const replyCount = new Int32Array(TOPICS);
let sum = 0;
const mean = REPLIES / TOPICS;
for (let t = 0; t < TOPICS; t++) {
  replyCount[t] = Math.floor(mean * Math.exp(1.1 * R.normal() - 0.605));
  sum += replyCount[t];
}
while (sum !== REPLIES) {
  const t = R.int(TOPICS);
  if (sum < REPLIES) {
    replyCount[t]++;
    sum++;
  } else if (replyCount[t] > 0) {
    replyCount[t]--;
    sum--;
  }
}

const topicCommunity = new Int32Array(TOPICS);
const topicCross = new Int32Array(TOPICS).fill(-1);
const topicAuthor = new Int32Array(TOPICS);
const topicActivity = new Uint8Array(TOPICS);
const topicQuestion = new Uint8Array(TOPICS);
const topicDeleted = new Uint8Array(TOPICS);
const topicTitle: number[][] = new Array(TOPICS);
const topicTitleText: string[] = new Array(TOPICS);
const topicTags: string[] = new Array(TOPICS);
const postBase = new Int32Array(TOPICS);
// Per post, in plan order (topic by topic: opening post, then replies).
const postTopic = new Int32Array(POSTS);
const postAuthor = new Int32Array(POSTS);
const postTime = new Float64Array(POSTS);
const postFlags = new Uint8Array(POSTS); // 1 opening, 2 accepted, 4 deleted
const QUESTION_TYPES = new Set(['problem_solving', 'information_request', 'seeking_experience']);

const pickMember = (c: number) => {
  const m = community[c].members;
  return m[Math.floor(m.length * R.next() ** 1.8)];
};
const words = (n: number, out: number[]) => {
  for (let i = 0; i < n; i++) {
    const x = R.next();
    out.push(x < 0.4 ? functionIds[functionRank(R.next())] : x < 0.994 ? contentIds[contentRank(R.next())] : placeIds[R.int(placeIds.length)]);
  }
  return out;
};
const sentenceText = (ids: number[], from = 0, to = ids.length) => {
  let s = '';
  for (let i = from; i < to; i++) s += i === from ? title(shown[ids[i]]) : ` ${shown[ids[i]]}`;
  return s;
};

let p = 0;
for (let t = 0; t < TOPICS; t++) {
  const c = communityRank(R.next());
  topicCommunity[t] = c;
  const author = pickMember(c);
  topicAuthor[t] = author;
  community[c].topicCount++;
  if (R.chance(0.05) && userCommunities[author].length > 1) {
    const other = R.pick(userCommunities[author]);
    if (other !== c) {
      topicCross[t] = other;
      community[other].topicCount++;
    }
  }
  const activity = R.int(learningActivityKeys.length);
  topicActivity[t] = activity;
  const isQ = QUESTION_TYPES.has(learningActivityKeys[activity]) ? R.chance(0.8) : R.chance(0.1);
  topicQuestion[t] = isQ ? 1 : 0;
  const ids = [...R.pick(isQ ? starterIds.question : starterIds.other)];
  const n = 2 + R.int(4);
  for (let i = 0; i < n; i++) ids.push(contentIds[contentRank(R.next())]);
  if (R.chance(0.15)) ids.push(token('at'), placeIds[R.int(placeIds.length)]);
  topicTitle[t] = ids;
  topicTitleText[t] = sentenceText(ids) + (isQ ? '?' : '');
  const tagCount = R.int(4);
  topicTags[t] = `{${[...new Set(Array.from({ length: tagCount }, () => (R.chance(0.85) ? R.pick(community[c].tags) : R.pick(TAGS))))].join(',')}}`;
  if (R.chance(0.002)) {
    topicDeleted[t] = 1;
    community[c].topicCount--;
    if (topicCross[t] >= 0) community[topicCross[t]].topicCount--;
  }

  postBase[t] = p;
  postTopic[p] = t;
  postAuthor[p] = author;
  postTime[p] = topicCreated[t];
  postFlags[p] = topicDeleted[t] ? 1 | 4 : 1;
  const r = replyCount[t];
  // Replies follow at growing intervals; squeeze them into the past if they would run past now.
  let at = topicCreated[t];
  const offsets = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    at += 60_000 + R.expo(i < 3 ? 3 * 3600_000 : 12 * 3600_000);
    offsets[i] = at - topicCreated[t];
  }
  const room = NOW - 60_000 - topicCreated[t];
  const scale = r && offsets[r - 1] > room ? room / offsets[r - 1] : 1;
  const accepted = isQ && r > 0 && R.chance(0.65) ? R.int(Math.min(r, 5)) : -1;
  for (let i = 0; i < r; i++) {
    const q = p + 1 + i;
    postTopic[q] = t;
    postAuthor[q] = pickMember(topicCross[t] >= 0 && R.chance(0.3) ? topicCross[t] : c);
    postTime[q] = topicCreated[t] + Math.max(1000 * (i + 1), offsets[i] * scale);
    postFlags[q] = i === accepted ? 2 : R.chance(0.003) ? 4 : 0;
  }
  p += 1 + r;
}

// Post ids follow time, as they would in a real database.
log('ordering posts by time');
const order = new Uint32Array(POSTS);
for (let i = 0; i < POSTS; i++) order[i] = i;
order.sort((a, b) => postTime[a] - postTime[b]);
const postId = new Int32Array(POSTS);
for (let rank = 0; rank < POSTS; rank++) postId[order[rank]] = rank + 1;

// ───────────────────────────── lexemes ─────────────────────────────

// Mentionable people: the first members of each community (lowercase usernames).
const mentionToken = new Map<number, number>();
for (const com of community) for (const u of com.members.slice(0, 30)) if (!mentionToken.has(u)) mentionToken.set(u, token(`@${usernames[u]}`));

const lexemes: string[] = [];
const lexemeIds = new Map<string, number>();
const lexemeOf = new Int32Array(tokens.length);
{
  const { rows } = await pool.query<{ t: string; v: string }>(`select t, to_tsvector('english', t)::text as v from unnest($1::text[]) t`, [tokens]);
  const bad: string[] = [];
  for (const { t, v } of rows) {
    const id = tokenIds.get(t)!;
    if (v === '') {
      lexemeOf[id] = -1;
      continue;
    }
    const m = /^'([^']+)':1$/.exec(v);
    if (!m) {
      bad.push(`${t} → ${v}`);
      lexemeOf[id] = -1;
      continue;
    }
    let l = lexemeIds.get(m[1]);
    if (l === undefined) {
      l = lexemes.length;
      lexemes.push(m[1]);
      lexemeIds.set(m[1], l);
    }
    lexemeOf[id] = l;
  }
  if (bad.length) await fail(`These words do not map to exactly one lexeme; remove them from bench/lib/words.ts:\n  ${bad.join('\n  ')}`);
}
log(`${tokens.length.toLocaleString('en')} words → ${lexemes.length.toLocaleString('en')} lexemes`);

// Scratch space for building one tsvector literal at a time.
const stamp = new Int32Array(lexemes.length).fill(-1);
const positions: string[] = new Array(lexemes.length);
const seen: number[] = [];
let vectorNo = 0;
/** The tsvector PostgreSQL computes for setweight(title,'A') || setweight(body,'B'), as a literal. */
function tsvectorLiteral(titleIds: number[] | null, bodyIds: number[]): string {
  vectorNo++;
  seen.length = 0;
  let pos = 0;
  let maxPos = 0;
  const add = (tok: number, w: string) => {
    pos++;
    const l = lexemeOf[tok];
    if (l < 0) return;
    if (w === 'A') maxPos = pos;
    if (stamp[l] !== vectorNo) {
      stamp[l] = vectorNo;
      seen.push(l);
      positions[l] = `${pos}${w}`;
    } else positions[l] += `,${pos}${w}`;
  };
  if (titleIds) for (const tok of titleIds) add(tok, 'A');
  pos = maxPos; // `||` shifts the right operand by the left one's highest position
  for (const tok of bodyIds) add(tok, 'B');
  let out = '';
  for (const l of seen) out += `${out ? ' ' : ''}'${lexemes[l]}':${positions[l]}`;
  return out;
}

// ───────────────────────────── load ─────────────────────────────

const load = async (table: string, columns: string[], rows: Iterable<string>) => {
  const w = copyWriter(await pool.connect(), table, columns);
  for (const r of rows) if (w.row(r)) await w.drain();
  await w.end();
};

log('loading people, communities, memberships and roles');
await load('users', ['id', 'email', 'username', 'display_name', 'password_hash', 'site_role', 'bio', 'title', 'created_at'], (function* () {
  for (let u = 0; u < PEOPLE; u++) {
    const role = u === 1 ? 'admin' : 'member';
    yield `${userId(u)}\t${usernames[u]}@bench.example.org\t${usernames[u]}\t${displayNames[u]}\t${passwordHash}\t${role}\t\t${jobTitles[u]}\t${iso(userCreated[u])}`;
  }
})());
await load('expertise', ['user_id', 'tag', 'level', 'created_at'], expertiseRows);
await load(
  'communities',
  ['id', 'slug', 'name', 'domain_statement', 'domain_type', 'structure_kind', 'purpose', 'visibility', 'stage', 'member_count', 'topic_count', 'created_by', 'created_at'],
  community.map((c) => {
    const statement = `${sentenceText(words(10, []))}.`;
    const purpose = `${sentenceText(words(14, []))}.`;
    return `${c.id}\t${c.slug}\t${c.name}\t${statement}\t${c.domainType}\t${c.kind}\t${purpose}\t${c.visibility}\t${c.stage}\t${c.members.length}\t${c.topicCount}\t${userId(c.members[0])}\t${iso(c.created)}`;
  }),
);
await load('memberships', ['community_id', 'user_id', 'status', 'invited_by', 'created_at'], membershipRows);
await load('member_roles', ['community_id', 'user_id', 'role', 'assigned_by', 'created_at'], roleRows);

log('loading topics');
await load(
  'topics',
  ['id', 'author_id', 'title', 'activity_type', 'is_question', 'tags', 'accepted_post_id', 'reply_count', 'last_activity_at', 'created_at', 'deleted_at'],
  (function* () {
    for (let t = 0; t < TOPICS; t++) {
      const base = postBase[t];
      const r = replyCount[t];
      let accepted = '\\N';
      let visible = 0;
      for (let i = 1; i <= r; i++) {
        if (postFlags[base + i] & 2) accepted = String(postId[base + i]);
        if (!(postFlags[base + i] & 4)) visible++;
      }
      const last = postTime[base + r];
      const deleted = topicDeleted[t] ? iso(last + 3600_000) : '\\N';
      yield `${t + 1}\t${userId(topicAuthor[t])}\t${topicTitleText[t]}\t${learningActivityKeys[topicActivity[t]]}\t${topicQuestion[t] ? 't' : 'f'}\t${topicTags[t]}\t${accepted}\t${visible}\t${iso(last)}\t${iso(topicCreated[t])}\t${deleted}`;
    }
  })(),
);
await load('topic_communities', ['topic_id', 'community_id', 'last_activity_at', 'deleted'], (function* () {
  for (let t = 0; t < TOPICS; t++) {
    const last = iso(postTime[postBase[t] + replyCount[t]]);
    const del = topicDeleted[t] ? 't' : 'f';
    yield `${t + 1}\t${community[topicCommunity[t]].id}\t${last}\t${del}`;
    if (topicCross[t] >= 0) yield `${t + 1}\t${community[topicCross[t]].id}\t${last}\t${del}`;
  }
})());

log(`loading ${POSTS.toLocaleString('en')} posts with their search vectors, helpful marks and mentions`);
const bar = new cliProgress.SingleBar(
  { format: '  posts |{bar}| {percentage}% | {value}/{total} | {eta_formatted} left', etaBuffer: 50, hideCursor: true },
  cliProgress.Presets.shades_classic,
);
bar.start(POSTS, 0);
const postsOut: CopyWriter = copyWriter(await pool.connect(), 'posts', [
  'id', 'topic_id', 'author_id', 'parent_id', 'is_opening', 'body_source', 'body_html', 'helpful_count', 'search_vector', 'created_at', 'deleted_at', 'deleted_by',
]);
const helpfulOut: CopyWriter = copyWriter(await pool.connect(), 'helpful_marks', ['post_id', 'user_id', 'created_at']);
const mentionsOut: CopyWriter = copyWriter(await pool.connect(), 'mentions', ['post_id', 'user_id']);
const SAMPLE_EVERY = Math.max(1, Math.floor(POSTS / 300));
const samples: { id: number; source: string; html: string; mentioned: string[] }[] = [];
const bodyIds: number[] = [];
const sentenceEnds: number[] = [];

for (let rank = 0; rank < POSTS; rank++) {
  const q = order[rank];
  const id = rank + 1;
  const t = postTopic[q];
  const flags = postFlags[q];
  const opening = (flags & 1) !== 0;
  const author = postAuthor[q];
  const c = topicCommunity[t];

  // Body: sentences in one to three paragraphs; an occasional @mention of a fellow member.
  bodyIds.length = 0;
  sentenceEnds.length = 0;
  const target = Math.max(6, Math.round((opening ? 60 : 32) * Math.exp(0.55 * R.normal() - 0.15)));
  let mentioned = -1;
  if (!opening && R.chance(0.03)) {
    const m = community[c].members;
    const who = m[R.int(Math.min(m.length, 30))];
    if (who !== author && mentionToken.has(who)) {
      mentioned = who;
      bodyIds.push(mentionToken.get(who)!);
    }
  }
  while (bodyIds.length < target) {
    words(6 + R.int(12), bodyIds);
    sentenceEnds.push(bodyIds.length);
  }
  const question = opening && topicQuestion[t] === 1;
  const paraBreak = sentenceEnds.length >= 3 ? sentenceEnds[Math.floor(sentenceEnds.length / 2) - 1] : -1;
  let src = '';
  let html = '<p>';
  let from = 0;
  if (mentioned >= 0) {
    const name = usernames[mentioned];
    src = `@${name} `;
    html += `<a href="/people/${name}" class="mention">@${name}</a> `;
    from = 1;
  }
  for (let s = 0; s < sentenceEnds.length; s++) {
    const end = sentenceEnds[s];
    const text = `${sentenceText(bodyIds, from, end)}${question && s === sentenceEnds.length - 1 ? '?' : '.'}`;
    src += text;
    html += text;
    if (end === paraBreak) {
      src += '\n\n';
      html += '</p>\n<p>';
    } else if (s < sentenceEnds.length - 1) {
      src += ' ';
      html += ' ';
    }
    from = end;
  }
  html += '</p>\n';
  const vector = tsvectorLiteral(opening ? topicTitle[t] : null, bodyIds);

  // "This helped me": accepted answers nearly always, other posts sometimes.
  let helpful = 0;
  if ((flags & 4) === 0 && R.chance(flags & 2 ? 0.9 : opening ? 0.12 : 0.15)) {
    const want = 1 + Math.floor(R.expo(flags & 2 ? 4 : 1.5));
    const members = community[c].members;
    const marked = new Set<number>();
    for (let i = 0; i < want * 2 && marked.size < want; i++) {
      const u = members[R.int(members.length)];
      if (u !== author && u !== 0) marked.add(u);
    }
    helpful = marked.size;
    const at = iso(Math.min(NOW - 1000, postTime[q] + R.expo(2 * DAY)));
    for (const u of marked) if (helpfulOut.row(`${id}\t${userId(u)}\t${at}`)) await helpfulOut.drain();
  }
  if (mentioned >= 0 && mentionsOut.row(`${id}\t${userId(mentioned)}`)) await mentionsOut.drain();

  const deleted = flags & 4 ? `${iso(postTime[q] + 3600_000)}\t${userId(author)}` : '\\N\t\\N';
  const line = `${id}\t${t + 1}\t${userId(author)}\t\\N\t${opening ? 't' : 'f'}\t${copyText(src)}\t${copyText(html)}\t${helpful}\t${vector}\t${iso(postTime[q])}\t${deleted}`;
  if (rank % SAMPLE_EVERY === 0) samples.push({ id, source: src, html, mentioned: mentioned >= 0 ? [usernames[mentioned]] : [] });
  if (postsOut.row(line)) await postsOut.drain();
  if ((rank & 4095) === 0) bar.update(rank);
}
await Promise.all([postsOut.end(), helpfulOut.end(), mentionsOut.end()]);
bar.update(POSTS);
bar.stop();
log(`loaded ${POSTS.toLocaleString('en')} posts, ${helpfulOut.rows.toLocaleString('en')} helpful marks, ${mentionsOut.rows.toLocaleString('en')} mentions`);

// ───────────────────────────── repository (issue 6) ─────────────────────────────

// Assets: articles (Markdown), files (PDF text extracted at upload) and links, in the same
// communities as the conversations; some edited or re-uploaded several times, some past their
// review date, some retired, some reused. A separate generator leaves the posts above unchanged.
// Files have no bytes on disk: the bench searches and lists them, it does not download them.
log(`loading ${ASSETS.toLocaleString('en')} repository assets with their versions and reuses`);
const RA = rng(num('seed', args.seed, 0) + 104729);
const assetWords = (n: number, out: number[]) => {
  for (let i = 0; i < n; i++) {
    const x = RA.next();
    out.push(x < 0.4 ? functionIds[functionRank(RA.next())] : x < 0.994 ? contentIds[contentRank(RA.next())] : placeIds[RA.int(placeIds.length)]);
  }
  return out;
};
const ASSET_OPENERS = ['Guide to', 'Checklist for', 'Lessons learned from', 'How we handle', 'Template for', 'Field notes on', 'Standard for'];
/** Paragraphs of sentences, `n` words in all. */
const prose = (n: number) => {
  const paragraphs: string[] = [];
  let left = n;
  while (left > 0) {
    const sentences: string[] = [];
    for (let s = 2 + RA.int(5); s > 0 && left > 0; s--) {
      const len = Math.min(left, 6 + RA.int(14));
      sentences.push(`${sentenceText(assetWords(len, []))}.`);
      left -= len;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
};
const assetsOut = copyWriter(await pool.connect(), 'assets', [
  'id', 'community_id', 'kind', 'title', 'summary', 'tags', 'activity_type', 'steward_id', 'review_by', 'status', 'current_version', 'reuse_count', 'search_vector', 'created_by', 'created_at', 'updated_at',
]);
const versionsOut = copyWriter(await pool.connect(), 'asset_versions', [
  'asset_id', 'number', 'editor_id', 'title', 'summary', 'body_source', 'body_html', 'file_key', 'file_name', 'file_mime', 'file_size', 'url', 'extracted_text', 'created_at',
]);
const reusesOut = copyWriter(await pool.connect(), 'asset_reuses', ['asset_id', 'user_id', 'note', 'created_at']);
const assetBar = new cliProgress.SingleBar(
  { format: '  assets |{bar}| {percentage}% | {value}/{total} | {eta_formatted} left', etaBuffer: 50, hideCursor: true },
  cliProgress.Presets.shades_classic,
);
if (ASSETS > 0) assetBar.start(ASSETS, 0);
const assetCreated = Float64Array.from({ length: ASSETS }, () => NOW - 2 * 365 * DAY * RA.next() ** 1.3 - 3600_000).sort();
let versionCount = 0;
const articleSamples: { source: string; html: string }[] = [];
for (let a = 0; a < ASSETS; a++) {
  const id = a + 1;
  const c = communityRank(RA.next());
  const members = community[c].members;
  const author = members[Math.floor(members.length * RA.next() ** 2)];
  const x = RA.next();
  const kind = x < 0.45 ? 'article' : x < 0.8 ? 'file' : 'link';
  const title = `${RA.pick(ASSET_OPENERS)} ${sentenceText(assetWords(2 + RA.int(4), [])).toLowerCase()}`;
  const summary = prose(12 + RA.int(20))[0];
  const tags = [...new Set(Array.from({ length: RA.int(4) }, () => RA.pick(community[c].tags)))];
  const activity = RA.chance(0.6) ? learningActivityKeys[RA.int(learningActivityKeys.length)] : '\\N';
  const created = assetCreated[a];
  const versions = RA.chance(0.25) ? 2 + RA.int(3) : 1;
  let at = created;
  for (let v = 1; v <= versions; v++) {
    if (v > 1) at = Math.min(NOW - 60_000, at + RA.expo(40 * DAY));
    const editor = v === 1 ? author : members[RA.int(Math.min(members.length, 50))];
    let body = '\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N';
    if (kind === 'article') {
      const paragraphs = prose(Math.round(500 * Math.exp(0.6 * RA.normal())));
      const source = paragraphs.join('\n\n');
      // The HTML renderMarkdown writes for plain paragraphs (checked on a sample below).
      const html = paragraphs.map((p) => `<p>${p}</p>\n`).join('');
      if (a % 500 === 0) articleSamples.push({ source, html });
      body = `${copyText(source)}\t${copyText(html)}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N`;
    } else if (kind === 'file') {
      const text = prose(Math.min(20_000, Math.round(2500 * Math.exp(0.7 * RA.normal())))).join('\n');
      const name = `${title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.pdf`;
      body = `\\N\t\\N\tbench/${id}-${v}.pdf\t${name}\tapplication/pdf\t${Math.round(text.length * 1.8)}\t\\N\t${copyText(text)}`;
    } else {
      body = `\\N\t\\N\t\\N\t\\N\t\\N\t\\N\thttps://intranet.example.org/${community[c].slug}/${id}${v > 1 ? `?v=${v}` : ''}\t\\N`;
    }
    versionCount++;
    if (versionsOut.row(`${id}\t${v}\t${userId(editor)}\t${copyText(title)}\t${copyText(summary)}\t${body}\t${iso(at)}`)) await versionsOut.drain();
  }
  // Fresh for a year after the last edit; about one in seven is past its review date, one in twenty retired.
  const reviewByDate = iso(RA.chance(0.15) ? NOW - (1 + RA.next() * 200) * DAY : Math.max(at + 365 * DAY, NOW + DAY)).slice(0, 10);
  const status = RA.chance(0.05) ? 'retired' : 'active';
  const reuses = RA.chance(0.3) ? 1 + Math.floor(RA.expo(3)) : 0;
  for (let r = 0; r < reuses; r++) {
    const note = RA.chance(0.4) ? copyText(`${sentenceText(assetWords(8 + RA.int(12), []))}.`) : '';
    if (reusesOut.row(`${id}\t${userId(members[RA.int(members.length)])}\t${note}\t${iso(at + RA.next() * (NOW - at))}`)) await reusesOut.drain();
  }
  const steward = RA.chance(0.9) ? userId(author) : '\\N';
  const line = `${id}\t${c + 1}\t${kind}\t${copyText(title)}\t${copyText(summary)}\t{${tags.join(',')}}\t${activity}\t${steward}\t${reviewByDate}\t${status}\t${versions}\t${reuses}\t\t${userId(author)}\t${iso(created)}\t${iso(at)}`;
  if (assetsOut.row(line)) await assetsOut.drain();
  if ((a & 255) === 0) assetBar.update(a);
}
await Promise.all([assetsOut.end(), versionsOut.end(), reusesOut.end()]);
if (ASSETS > 0) {
  assetBar.update(ASSETS);
  assetBar.stop();
}
// The search vector as the service writes it (assets.service.ts), computed by PostgreSQL in two halves.
const assetVector = `setweight(to_tsvector('english', a.title), 'A')
  || setweight(to_tsvector('english', a.summary || ' ' || array_to_string(a.tags, ' ')), 'B')
  || setweight(to_tsvector('english', coalesce(v.body_source, v.extracted_text, v.url, '')), 'C')`;
log('computing the assets’ search vectors');
const half = Math.ceil(ASSETS / 2);
await runParallel(
  [0, 1].map((h) => `update assets a set search_vector = ${assetVector} from asset_versions v
    where v.asset_id = a.id and v.number = a.current_version and a.id > ${h * half} and a.id <= ${(h + 1) * half}`),
  2,
);
// The snippets' passages as the service writes them (writePassages in assets.service.ts).
log('cutting the assets’ text into search passages');
await runParallel(
  [0, 1].map((h) => `insert into asset_passages (asset_id, n, body, search_vector)
    select a.id, p.n, p.body, p.search_vector
    from assets a join asset_versions v on v.asset_id = a.id and v.number = a.current_version
    cross join lateral asset_passages_of(coalesce(v.body_source, v.extracted_text, v.url, '')) p
    where a.id > ${h * half} and a.id <= ${(h + 1) * half}`),
  2,
);
log(`loaded ${ASSETS.toLocaleString('en')} assets, ${versionCount.toLocaleString('en')} versions, ${reusesOut.rows.toLocaleString('en')} reuses`);

// ───────────────────────────── indexes, constraints, statistics ─────────────────────────────

for (const table of ['users', 'communities', 'topics', 'posts', 'post_revisions', 'audit_log', 'assets', 'asset_versions', 'asset_reuses']) {
  await pool.query(`select setval(pg_get_serial_sequence($1, 'id'), greatest(1, (select coalesce(max(id), 0) from ${table})), (select count(*) > 0 from ${table}))`, [table]);
}
log(`building ${ddl.indexes.length} indexes and ${ddl.foreignKeys.length} foreign keys`);
await restoreDdl(ddl, 2);
rmSync(ddlFile);
log('ANALYZE');
await pool.query('analyze');
// What the 'expertise.refresh' job keeps up to date in a running app (docs/decisions/006).
const evidence = await refreshExpertiseEvidence(database.db);
await pool.query('vacuum (analyze) expertise_evidence');
log(`built ${evidence.rows.toLocaleString('en')} who-knows evidence rows`);
// What the 'repository.words' job keeps up to date: how many assets hold each word (decision 013).
const counted = await refreshRepositoryWords(database.db);
log(`counted ${counted.words.toLocaleString('en')} words in ${counted.assets.toLocaleString('en')} repository assets`);

// ───────────────────────────── checks ─────────────────────────────

const sampleIds = samples.map((s) => s.id);
const { rows: vectorCheck } = await pool.query<{ id: number; ok: boolean }>(
  `select p.id, p.search_vector = case when p.is_opening
      then setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', p.body_source), 'B')
      else setweight(to_tsvector('english', p.body_source), 'B') end as ok
   from posts p join topics t on t.id = p.topic_id where p.id = any($1::bigint[])`,
  [sampleIds],
);
const badVectors = vectorCheck.filter((r) => !r.ok).map((r) => r.id);
const badHtml = samples.filter((s) => renderMarkdown(s.source, new Set(s.mentioned)) !== s.html).map((s) => s.id);
const badArticles = articleSamples.filter((s) => renderMarkdown(s.source) !== s.html).length;
const { rows: counterCheck } = await pool.query<{ members: number; topics: number }>(`
  select
    (select count(*) from communities c where c.member_count <> (select count(*) from memberships m where m.community_id = c.id and m.status = 'active'))::int as members,
    (select count(*) from communities c where c.topic_count <> (select count(*) from topic_communities tc where tc.community_id = c.id and not tc.deleted))::int as topics`);
const problems = [
  badVectors.length && `${badVectors.length}/${samples.length} sampled search vectors differ from to_tsvector (e.g. post ${badVectors[0]})`,
  badHtml.length && `${badHtml.length}/${samples.length} sampled body_html differ from renderMarkdown (e.g. post ${badHtml[0]})`,
  badArticles && `${badArticles}/${articleSamples.length} sampled article body_html differ from renderMarkdown`,
  counterCheck[0].members && `${counterCheck[0].members} communities have a wrong member_count`,
  counterCheck[0].topics && `${counterCheck[0].topics} communities have a wrong topic_count`,
].filter(Boolean);

const { rows: size } = await pool.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) as size`);
await database.close();
if (problems.length) {
  console.error(`\nThe dataset is loaded but does not match what the app would write:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
log(
  `done: ${PEOPLE.toLocaleString('en')} people, ${COMMUNITIES} communities, ${TOPICS.toLocaleString('en')} topics, ${POSTS.toLocaleString('en')} posts ` +
    `(database ${size[0].size}); checked ${samples.length} posts against to_tsvector and renderMarkdown.\n` +
    `  Sign in as “${BENCH_USER.username}” / “${BENCH_USER.password}” (member of the busiest communities), or “admin” with the same password.`,
);
