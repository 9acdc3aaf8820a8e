/**
 * `npm run bench:cpu -- <whoknows|assets|search|directory> [--seconds S] [--each] [--ab <module>] [--ab-data <dir>] [--rounds N] [--instructions]` — what one call of a
 * query function costs, on one connection to the reference dataset: PostgreSQL CPU (the backend's
 * own ticks from /proc), this process's CPU and wall time. For comparing two versions of a query
 * back to back: unlike the HTTP bench it does not saturate the machine, so its numbers move less
 * when the machine's speed drifts. `--each` prints every query of the bench's list separately;
 * `--ab` compares the working tree's query function with another module's, `--ab-data` with its
 * run on another copy of the reference data (see `compare` below). `--instructions` counts the
 * database's instructions per call instead of timing it (see `countInstructions` below).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { directoryQuery } from '../src/shared/contracts/people.ts';
import { connect } from '../src/server/db/client.ts';
import { startEmbeddedPostgres } from '../src/server/db/embedded.ts';
import { findExpertRows, listDirectory } from '../src/server/modules/people/people.queries.ts';
import { searchAssets, searchPosts } from '../src/server/modules/search/search.queries.ts';
import { type Callgrind, startUnderCallgrind } from './lib/callgrind.ts';
import { BENCH_USER, openBenchDatabase } from './lib/dataset.ts';
import { ASSET_SEARCHES, DIRECTORY, SEARCHES, SUBJECTS } from './lib/queries.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '8' },
    each: { type: 'boolean', default: false },
    ab: { type: 'string' },
    'ab-data': { type: 'string' },
    rounds: { type: 'string' },
    instructions: { type: 'boolean', default: false },
  },
});
const what = positionals[0] ?? 'whoknows';
const positive = (v: string) => Number.isInteger(Number(v)) && Number(v) > 0;
const rounds = Number(args.rounds ?? (args.instructions ? (args.each ? 20 : 4) : 15));
if (!['whoknows', 'assets', 'search', 'directory'].includes(what) || !positive(args.seconds) || !positive(String(rounds)) || (args.instructions && args['ab-data'])) {
  console.error('Usage: npm run bench:cpu -- <whoknows|assets|search|directory> [--seconds S] [--each] [--ab <module>] [--ab-data <dir>] [--rounds N] [--instructions]');
  console.error('(--instructions compares --ab modules on one copy of the data; not with --ab-data)');
  process.exit(2);
}

process.env.DB_POOL_SIZE = '1';
// --instructions: the reference data is served by a PostgreSQL under callgrind (port 54342).
const callgrind = args.instructions ? await startUnderCallgrind(process.env.DATA_DIR ?? './data-bench', 54342) : null;
if (callgrind) process.env.DATABASE_URL = callgrind.url;
const { env, open } = openBenchDatabase();
const database = await open();
const [bench] = (await database.pool.query('select id, username, display_name, email from users where username = $1', [BENCH_USER.username])).rows;
if (!bench) {
  console.error(`No reference dataset in ${env.dataDir}. Run \`npm run seed:large\` first.`);
  await database.close();
  process.exit(1);
}
const viewer = { id: Number(bench.id), username: bench.username, displayName: bench.display_name, email: bench.email, siteRole: 'member' as const };
const items = what === 'whoknows' ? SUBJECTS : what === 'assets' ? ASSET_SEARCHES : what === 'directory' ? DIRECTORY : SEARCHES;
type Queries = { findExpertRows: typeof findExpertRows; searchAssets: typeof searchAssets; searchPosts: typeof searchPosts; listDirectory: typeof listDirectory };
// A directory look-up as the bench sends it (a query string), read by the API's own schema: the first page.
const directoryFilter = (query: string) => {
  const p = directoryQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  return { q: p.q || undefined, tag: p.tag, role: p.role, after: null, limit: p.limit };
};
const caller = (m: Queries, db: typeof database.db) => (q: string) =>
  what === 'whoknows'
    ? m.findExpertRows(db, viewer, { text: q, tags: [] }, { limit: 10, excludeUserIds: [viewer.id] })
    : what === 'assets'
      ? m.searchAssets(db, viewer, { q, limit: 21, offset: 0 })
      : what === 'directory'
        ? m.listDirectory(db, viewer, directoryFilter(q))
        : m.searchPosts(db, viewer, { q, limit: 21, offset: 0 });
const call = caller({ findExpertRows, searchAssets, searchPosts, listDirectory }, database.db);

if (callgrind) {
  await countInstructions(callgrind, args.ab && path.resolve(args.ab), rounds);
  await database.close();
  await callgrind.stop();
  process.exit(0);
}

if (args.ab || args['ab-data']) {
  await compare(args.ab && path.resolve(args.ab), args['ab-data'] && path.resolve(args['ab-data']), rounds);
  await database.close();
  process.exit(0);
}

// Every call runs on the pool's one connection: its backend's CPU ticks are read from /proc.
const [{ pid }] = (await database.pool.query('select pg_backend_pid() as pid')).rows;
const hz = 100;
const pgMs = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / hz;
};
const measure = async (qs: string[], until: (n: number, ms: number) => boolean) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const p0 = pgMs();
  let n = 0;
  while (!until(n, performance.now() - t0)) await call(qs[n++ % qs.length]);
  const c = process.cpuUsage(c0);
  return { n, wall: (performance.now() - t0) / n, pg: (pgMs() - p0) / n, app: (c.user + c.system) / 1000 / n };
};
const fmt = (r: { wall: number; pg: number; app: number }) => `wall ${r.wall.toFixed(2)} ms, PostgreSQL CPU ${r.pg.toFixed(2)} ms, app CPU ${r.app.toFixed(2)} ms`;

for (const q of items) await call(q); // warm the connection's caches and prepared statements
if (args.each) {
  for (const q of items) console.log(`${q.padEnd(28)} ${fmt(await measure([q], (n) => n >= 40))}`);
} else {
  const seconds = Number(args.seconds);
  const r = await measure(items, (_, ms) => ms >= seconds * 1000);
  console.log(`${what}: ${r.n} calls over the bench's ${items.length} queries, per call: ${fmt(r)}`);
}
await database.close();

/**
 * `--ab <module>`: the working tree's query function (A) against the same function exported by
 * another module (B: a copy with a change, or the file in a worktree of another commit), each on a
 * connection of its own. Calls alternate A/B query by query, round after round, so the machine's
 * slow spells fall on both; the median per query is compared, and any query whose answers differ
 * is named.
 * `--ab-data <dir>`: B runs on another copy of the reference data (a DATA_DIR; its own embedded
 * PostgreSQL on the next port, not migrated), with `--ab`'s module or the working tree's function.
 * For a change of layout (a column, an index, a storage setting): on one database both versions
 * read the new layout, which is not what the old code had. Make the copy with `cp -a` and let the
 * other commit's worktree migrate it.
 */
async function compare(module: string | undefined, dataDir: string | undefined, rounds: number) {
  const sameData = () => {
    const c = connect((database.pool as unknown as { options: { connectionString: string } }).options.connectionString, 1);
    return { db: c.db, close: () => c.pool.end() };
  };
  const otherData = async (dir: string) => {
    const server = await startEmbeddedPostgres({ dir, port: env.EMBEDDED_PG_PORT + 1 });
    const c = connect(server.url('constellation'), 1);
    return { db: c.db, close: async () => { await c.pool.end(); await server.stop(); } };
  };
  const other = dataDir ? await otherData(dataDir) : sameData();
  const imported = (module ? await import(module) : {}) as Partial<Queries>;
  const needed = what === 'whoknows' ? 'findExpertRows' : what === 'assets' ? 'searchAssets' : what === 'directory' ? 'listDirectory' : 'searchPosts';
  if (module && typeof imported[needed] !== 'function') {
    console.error(`${module} does not export ${needed}.`);
    await other.close();
    await database.close();
    process.exit(2);
  }
  const b = caller({ findExpertRows, searchAssets, searchPosts, listDirectory, ...imported }, other.db);
  const ids = (rows: Array<{ id?: number; userId?: number }>) => JSON.stringify(rows.map((r) => r.id ?? r.userId));
  const differ: string[] = [];
  for (const q of items) if (ids(await call(q)) !== ids(await b(q))) differ.push(q);
  const times = new Map(items.map((q) => [q, { a: [] as number[], b: [] as number[] }]));
  for (let round = 0; round < rounds; round++) {
    for (const q of items) {
      const t = times.get(q)!;
      const pair: Array<[(q: string) => Promise<unknown>, number[]]> = [[call, t.a], [b, t.b]];
      if (round % 2) pair.reverse();
      for (const [f, into] of pair) {
        const t0 = performance.now();
        await f(q);
        into.push(performance.now() - t0);
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  let sumA = 0;
  let sumB = 0;
  for (const q of items) {
    const { a, b: bs } = times.get(q)!;
    sumA += median(a);
    sumB += median(bs);
    console.log(`${q.padEnd(28)} A ${median(a).toFixed(2)} ms  B ${median(bs).toFixed(2)} ms  B/A ${(median(bs) / median(a)).toFixed(2)}`);
  }
  console.log(`sum of medians over ${rounds} rounds: A ${sumA.toFixed(1)} ms, B ${sumB.toFixed(1)} ms (B/A ${(sumB / sumA).toFixed(2)}); answers differ for: ${differ.join(', ') || 'none'}`);
  await other.close();
}

/**
 * `--instructions`: PostgreSQL instructions per call, counted by callgrind (bench/lib/callgrind.ts),
 * for the working tree's query function and, with `--ab`, another module's. Each count runs on a
 * new connection: the bench's queries twice (caches, prepared statements), then `rounds` times the
 * list (or, with `--each`, one query); a connection that only warms up is subtracted. Same code,
 * same data: the same count to 0.1%, run after run. Counts do not
 * drift with the machine, but they are not time: copying a TOAST value is many instructions that
 * run fast, a cache miss is one that runs slow (decision 014: −38% instructions, −8 to −15% time).
 */
async function countInstructions(cg: Callgrind, module: string | undefined, rounds: number) {
  const imported = (module ? await import(module) : {}) as Partial<Queries>;
  const sides: Array<[string, Queries]> = [['A (working tree)', { findExpertRows, searchAssets, searchPosts, listDirectory }]];
  if (module) sides.push([`B (${path.basename(module)})`, { findExpertRows, searchAssets, searchPosts, listDirectory, ...imported }]);
  const run = async (m: Queries, qs: string[], n: number) => {
    const c = connect(cg.url, 1);
    const call = caller(m, c.db);
    for (let i = 0; i < 2; i++) for (const q of items) await call(q);
    const [{ pid }] = (await c.pool.query('select pg_backend_pid() as pid')).rows;
    for (let i = 0; i < n; i++) for (const q of qs) await call(q);
    await c.pool.end();
    return cg.instructions(Number(pid));
  };
  // The server's first connection also loads the catalogs: it is neither baseline nor measure.
  await run(sides[0][1], [], 0);
  const lists = args.each ? items.map((q) => [q]) : [items];
  const million = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  for (const [name, m] of sides) {
    const base = await run(m, [], 0);
    for (const qs of lists) {
      const per = ((await run(m, qs, rounds)) - base) / (rounds * qs.length);
      console.log(`${name.padEnd(20)} ${(qs.length === 1 ? qs[0] : `the bench's ${qs.length} queries`).padEnd(28)} ${million(per)} instructions per call`);
    }
  }
}
