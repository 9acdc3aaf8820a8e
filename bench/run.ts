/**
 * `npm run bench` — load-tests the app on the reference dataset (`npm run seed:large` first).
 *
 * Starts the embedded PostgreSQL of ./data-bench (or uses DATABASE_URL), runs the app in a child
 * process (bench/server.ts) so its peak RSS is its own, signs in as the bench user, and drives
 * each endpoint with autocannon over loopback. Prints a table and writes bench/results/<time>.json.
 * Replies created by the run are removed afterwards (unless --keep), so runs stay comparable.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { filesRoot, localStorage } from '../src/server/lib/storage.ts';
import { makeDemoPdf } from '../src/server/seed/demo-repository.ts';
import { BENCH_USER, openBenchDatabase, rng } from './lib/dataset.ts';
import { ASSET_SEARCHES, DIRECTORY, SEARCHES, SUBJECTS } from './lib/queries.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ENDPOINTS = ['feed', 'topic', 'reply', 'search', 'assets', 'upload', 'whoknows', 'directory'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    rate: { type: 'string', default: '50' },
    connections: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '8' },
    only: { type: 'string', default: ENDPOINTS.join(',') },
    pool: { type: 'string' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`Usage: npm run bench -- [--duration S] [--connections N] [--warmup S] [--only feed,topic,search,reply,assets,upload,whoknows,directory] [--pool N] [--keep]

Runs against the dataset of \`npm run seed:large\` (DATA_DIR, default ./data-bench; or DATABASE_URL).
--rate sets the fixed arrival rate (requests/s) of the second, unsaturated pass of the read endpoints (0: skip it);
--pool sets the app's DB_POOL_SIZE; --keep leaves the replies and uploads the run created in the database;
--profile writes a V8 CPU profile of the app to .tmp/*.cpuprofile (open it in Chrome DevTools).`);
  process.exit(0);
}
// The digest bench drives the job in-process, not HTTP (bench/digest.ts).
if (args.only.split(',').some((s) => s.trim() === 'digest')) {
  const { benchDigest } = await import('./digest.ts');
  await benchDigest();
  args.only = args.only.split(',').filter((s) => s.trim() !== 'digest').join(',');
  if (!args.only) process.exit(0);
}
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WARMUP = Number(args.warmup);
const RATE = Number(args.rate);
const only = args.only.split(',').map((s) => s.trim()) as Endpoint[];
for (const e of only) {
  if (!ENDPOINTS.includes(e)) {
    console.error(`Unknown endpoint “${e}”; choose from ${ENDPOINTS.join(', ')}.`);
    process.exit(2);
  }
}

const TARGETS: Record<Endpoint, { text: string; ok: (r: Result) => boolean }> = {
  feed: { text: 'p99 < 50 ms', ok: (r) => r.p99 < 50 },
  topic: { text: 'p99 < 50 ms', ok: (r) => r.p99 < 50 },
  search: { text: 'p95 < 30 ms', ok: (r) => r.p95 < 30 },
  reply: { text: '≥ 1,000 req/s', ok: (r) => r.rps >= 1000 },
  assets: { text: 'p95 < 50 ms', ok: (r) => r.p95 < 50 },
  // No target in the issue: the figure is reported (uploads per second and megabytes per second).
  upload: { text: 'reported', ok: () => true },
  whoknows: { text: 'p95 < 100 ms', ok: (r) => r.p95 < 100 },
  directory: { text: 'p95 < 100 ms', ok: (r) => r.p95 < 100 },
};

interface Result {
  endpoint: Endpoint;
  /** App CPU milliseconds per request, and how busy the whole machine was (0–1). */
  appCpuMsPerRequest?: number;
  /** PostgreSQL and load-generator (this process) CPU milliseconds per request; NaN for an external database. */
  pgCpuMsPerRequest?: number;
  loadCpuMsPerRequest?: number;
  machineBusy?: number;
  /** The same endpoint at a fixed arrival rate below saturation (--rate): latency a person would see. */
  atRate?: { rate: number; rps: number; p50: number; p95: number; p99: number };
  request: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Each second of the saturated pass: responses, and their p50 and p95. The machine's speed drifts within a run; this shows it. */
  timeline: { rps: number; p50: number; p95: number }[];
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN;
const statusKb = (pid: number, field: 'VmHWM' | 'VmRSS') => {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

/** CPU seconds used so far by a process (user + system). */
const cpuSeconds = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};
/** CPU seconds used so far by the PostgreSQL cluster under DATA_DIR (postmaster and its children). */
const pgCpuSeconds = (dataDir: string) => {
  try {
    const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [postmaster, ...children].reduce((sum, p) => sum + (cpuSeconds(p) || 0), 0);
  } catch {
    return Number.NaN;
  }
};
/** Busy and total CPU seconds of the whole machine (every process, including other people's). */
const machineCpu = () => {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / 100, total: total / 100 };
};

// ───────────────────────────── dataset ─────────────────────────────

const { env, open } = openBenchDatabase();
const database = await open();
const pool = database.pool;
let closing = false;
pool.on('error', (e) => {
  if (!closing) console.error(`database connection lost: ${e.message}`);
});
const dbUrl = (pool as unknown as { options: { connectionString: string } }).options.connectionString;
const q = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await pool.query<T>(text, values)).rows;

const [bench] = await q<{ id: number }>('select id from users where username = $1', [BENCH_USER.username]);
const [{ posts: postCount }] = await q<{ posts: number }>('select count(*)::int as posts from posts');
if (!bench || postCount === 0) {
  console.error(`No reference dataset in ${env.DATABASE_URL ? 'DATABASE_URL' : env.dataDir}. Run \`npm run seed:large\` first.`);
  await database.close();
  process.exit(1);
}
const dataset = (
  await q<{ people: number; communities: number; topics: number; posts: number }>(
    `select (select count(*) from users)::int as people, (select count(*) from communities)::int as communities,
            (select count(*) from topics)::int as topics, $1::int as posts`,
    [postCount],
  )
)[0];
const [{ version: pgVersion }] = await q<{ version: string }>('select version()');
// The busiest communities the bench user belongs to; topics to read anywhere it may read; topics to reply to.
const feeds = (
  await q<{ slug: string }>(
    `select c.slug from communities c join memberships m on m.community_id = c.id and m.user_id = $1 and m.status = 'active'
     order by c.topic_count desc limit 5`,
    [bench.id],
  )
).map((r) => r.slug);
const readable = `select id from communities where visibility = 'open' union select community_id from memberships where user_id = $1 and status = 'active'`;
const readTopics = (
  await q<{ id: number }>(
    `select t.id from topics t where t.deleted_at is null
       and exists (select 1 from topic_communities tc where tc.topic_id = t.id and tc.community_id in (${readable}))
     order by random() limit 3000`,
    [bench.id],
  )
).map((r) => r.id);
const replyTopics = (
  await q<{ id: number }>(
    `select id from (select distinct tc.topic_id as id from topic_communities tc
       join memberships m on m.community_id = tc.community_id and m.user_id = $1 and m.status = 'active'
       where not tc.deleted) s order by random() limit 3000`,
    [bench.id],
  )
).map((r) => r.id);
const [{ max: maxPostBefore }] = await q<{ max: number }>('select coalesce(max(id), 0)::bigint as max from posts');
const [{ max: maxAssetBefore }] = await q<{ max: number }>('select coalesce(max(id), 0)::bigint as max from assets');
const [{ max: maxOutboxBefore }] = await q<{ max: number }>('select coalesce(max(id), 0)::bigint as max from email_outbox');
console.log(
  `dataset: ${dataset.people.toLocaleString('en')} people, ${dataset.communities} communities, ${dataset.topics.toLocaleString('en')} topics, ${dataset.posts.toLocaleString('en')} posts\n` +
    `feeds: ${feeds.join(', ')}; ${readTopics.length} topics to read, ${replyTopics.length} to reply to, ${SEARCHES.length} searches`,
);

// ───────────────────────────── server ─────────────────────────────

const child: ChildProcess = fork(path.join(here, 'server.ts'), [], {
  execArgv: ['--import', 'tsx', ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(here, '..', '.tmp')}`] : [])],
  env: { ...process.env, BENCH_DATABASE_URL: dbUrl, BENCH_DATA_DIR: env.dataDir, ...(args.pool ? { BENCH_DB_POOL_SIZE: args.pool } : {}) },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve, reject) => {
  child.once('message', (m) => resolve((m as { port: number }).port));
  child.once('exit', (code) => reject(new Error(`the app exited with code ${code} before listening`)));
});
const base = `http://127.0.0.1:${port}`;
const pid = child.pid ?? 0;
console.log(`app listening on ${base} (pid ${pid}, RSS after start ${(statusKb(pid, 'VmRSS') / 1024).toFixed(0)} MB)`);

// Sign in the way a browser does: CSRF cookie and token from /api/auth/session, then the session cookie.
const cookies = new Map<string, string>();
const keep = (res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
};
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
let res = await fetch(`${base}/api/auth/session`);
keep(res);
let csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
res = await fetch(`${base}/api/auth/signin`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: cookieHeader(), 'x-csrf-token': csrf },
  body: JSON.stringify({ login: BENCH_USER.username, password: BENCH_USER.password }),
});
if (res.status !== 200) throw new Error(`sign-in as ${BENCH_USER.username} failed: ${res.status} ${await res.text()}`);
keep(res);
res = await fetch(`${base}/api/auth/session`, { headers: { cookie: cookieHeader() } });
keep(res);
csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
const headers = { cookie: cookieHeader() };

// ───────────────────────────── load ─────────────────────────────

const R = rng(7);
const UPLOAD_PDF = makeDemoPdf(
  Array.from({ length: 10 }, (_, page) => [
    `Section ${page + 1}: pump station ${page + 1}`,
    ...Array.from({ length: 40 }, (_, line) => `Line ${line + 1}: the duty pump ran within its curve; bearing temperature and vibration were recorded at ${page * 40 + line} hours.`),
  ]),
);
const REPLY_TEXTS = [
  'We had the same problem at our site. Swapping the pressure transducer fixed it; check the calibration date first.',
  'Thanks, this is useful. I will bring it to the next **core group** meeting.',
  'Have a look at the commissioning checklist in the repository; section 4 covers exactly this.',
  'We tried a similar approach last winter:\n\n- log the night flow\n- compare with the district meter\n- walk the mains with the logger',
  'Agree. The vendor told us the firmware update solves it, but we have not seen that in the field yet.',
];
const requestFor: Record<Endpoint, () => autocannon.Request> = {
  feed: () => {
    let i = 0;
    return { method: 'GET', path: `/api/communities/${feeds[0]}/topics`, headers, setupRequest: (r) => ({ ...r, path: `/api/communities/${feeds[i++ % feeds.length]}/topics` }) };
  },
  topic: () => ({ method: 'GET', path: `/api/topics/${readTopics[0]}`, headers, setupRequest: (r) => ({ ...r, path: `/api/topics/${R.pick(readTopics)}` }) }),
  search: () => {
    let i = 0;
    return {
      method: 'GET',
      path: `/api/search?q=${encodeURIComponent(SEARCHES[0])}`,
      headers,
      setupRequest: (r) => ({ ...r, path: `/api/search?q=${encodeURIComponent(SEARCHES[i++ % SEARCHES.length])}` }),
    };
  },
  assets: () => {
    let i = 0;
    const path = () => `/api/search?kind=asset&q=${encodeURIComponent(ASSET_SEARCHES[i++ % ASSET_SEARCHES.length])}`;
    return { method: 'GET', path: path(), headers, setupRequest: (r) => ({ ...r, path: path() }) };
  },
  upload: () => {
    // A ten-page report as a browser form sends it: fields first, then the file.
    const boundary = '----constellationbench';
    const field = (k: string, v: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    const body = Buffer.concat([
      Buffer.from(field('title', 'Pump station inspection report') + field('summary', 'Findings from the quarterly inspection round.') + field('tags', 'pumps')),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="inspection-report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      UPLOAD_PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return {
      method: 'POST',
      path: `/api/communities/${feeds[0]}/assets/files`,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': csrf },
      body,
    };
  },
  whoknows: () => {
    let i = 0;
    const path = () => `/api/who-knows?q=${encodeURIComponent(SUBJECTS[i++ % SUBJECTS.length])}`;
    return { method: 'GET', path: path(), headers, setupRequest: (r) => ({ ...r, path: path() }) };
  },
  directory: () => {
    let i = 0;
    // Every fourth look-up is within one of the bench user's communities.
    const path = () => {
      const n = i++;
      const base = DIRECTORY[n % DIRECTORY.length];
      const scoped = n % 4 === 3 ? `${base ? '&' : ''}community=${feeds[n % feeds.length]}` : '';
      return `/api/people?${base}${scoped}`;
    };
    return { method: 'GET', path: path(), headers, setupRequest: (r) => ({ ...r, path: path() }) };
  },
  reply: () => {
    let n = 0;
    const h = { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrf };
    return {
      method: 'POST',
      path: `/api/topics/${replyTopics[0]}/replies`,
      headers: h,
      body: JSON.stringify({ body: REPLY_TEXTS[0] }),
      setupRequest: (r) => ({
        ...r,
        path: `/api/topics/${R.pick(replyTopics)}/replies`,
        body: JSON.stringify({ body: `${REPLY_TEXTS[n++ % REPLY_TEXTS.length]} (${n})` }),
      }),
    };
  },
};

async function fire(endpoint: Endpoint, seconds: number, connections: number, record: boolean): Promise<Result> {
  const times: number[] = [];
  // Per second of the run: the latencies of the responses that arrived in it.
  const bySecond: number[][] = [];
  const started = performance.now();
  const request = requestFor[endpoint]();
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, requests: [request] }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
    if (record)
      instance.on('response', (_client, _status, _bytes, ms) => {
        times.push(ms);
        const second = Math.floor((performance.now() - started) / 1000);
        if (!bySecond[second]) bySecond[second] = [];
        bySecond[second].push(ms);
      });
  });
  const sorted = Float64Array.from(times).sort();
  // The last, partial second (the run's tail) is left out.
  const timeline = Array.from({ length: Math.floor(seconds) }, (_, i) => {
    const ms = bySecond[i] ?? [];
    const s = Float64Array.from(ms).sort();
    return { rps: ms.length, p50: percentile(s, 50), p95: percentile(s, 95) };
  });
  return {
    endpoint,
    request: `${request.method} ${String(request.path).replace(/\/\d+\//, '/:id/').replace(/\/\d+$/, '/:id')}`,
    requests: r.requests.total,
    rps: r.requests.total / (r.duration || seconds),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    timeline,
  };
}

/**
 * The endpoint at a fixed arrival rate: one request every 1000/rate ms whether or not earlier ones
 * have answered (open loop; autocannon's rate limit sends each second's quota in a burst), each
 * timed from when it was sent to when its body arrived.
 */
async function atRate(endpoint: Endpoint, seconds: number, rate: number) {
  const request = requestFor[endpoint]();
  const times: number[] = [];
  const started = performance.now();
  const total = Math.round(seconds * rate);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const setup = request.setupRequest as ((r: autocannon.Request) => autocannon.Request) | undefined;
    const r = setup ? setup(request) : request;
    const t0 = performance.now();
    inFlight.push(
      fetch(`${base}${r.path}`, { method: r.method, headers: r.headers as Record<string, string>, body: r.body as string | undefined })
        .then((res) => res.arrayBuffer())
        .then(() => {
          times.push(performance.now() - t0);
        }),
    );
  }
  await Promise.all(inFlight);
  const sorted = Float64Array.from(times).sort();
  return { rate, rps: times.length / ((performance.now() - started) / 1000), p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** Waits until the app's queries have drained from PostgreSQL, so one endpoint's backlog does not slow the next. */
async function settle() {
  for (let i = 0; i < 600; i++) {
    const [{ n }] = await q<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()`,
    );
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const results: Result[] = [];
const rssSamples: { endpoint: Endpoint; peakRssMb: number }[] = [];
try {
  for (const endpoint of only) {
    await settle();
    // At the measured concurrency, and for long enough: after 3 s at 8 connections the app still
    // spent about a quarter more CPU per request than once warm (decision 016).
    if (WARMUP > 0) await fire(endpoint, WARMUP, CONNECTIONS, false);
    await settle();
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, statusKb(pid, 'VmRSS'));
    }, 100);
    process.stdout.write(`${endpoint.padEnd(7)} ${CONNECTIONS} connections × ${DURATION} s … `);
    const cpu0 = cpuSeconds(pid);
    const pg0 = pgCpuSeconds(env.dataDir);
    const self0 = process.cpuUsage();
    const m0 = machineCpu();
    const r = await fire(endpoint, DURATION, CONNECTIONS, true);
    const m1 = machineCpu();
    const perRequest = (seconds: number) => Math.round((seconds * 1000 * 100) / Math.max(1, r.requests)) / 100;
    const self = process.cpuUsage(self0);
    r.appCpuMsPerRequest = perRequest(cpuSeconds(pid) - cpu0);
    r.pgCpuMsPerRequest = env.DATABASE_URL ? Number.NaN : perRequest(pgCpuSeconds(env.dataDir) - pg0);
    r.loadCpuMsPerRequest = perRequest((self.user + self.system) / 1e6);
    r.machineBusy = Math.round(((m1.busy - m0.busy) / Math.max(0.01, m1.total - m0.total)) * 100) / 100;
    clearInterval(timer);
    rssSamples.push({ endpoint, peakRssMb: Math.round(peak / 1024) });
    results.push(r);
    const volume = endpoint === 'upload' ? ` (${((r.rps * UPLOAD_PDF.length) / 1024 / 1024).toFixed(1)} MB/s of ${Math.round(UPLOAD_PDF.length / 1024)} KB PDFs)` : '';
    const perSecond = r.timeline.map((t) => t.rps);
    const range = perSecond.length ? ` (${Math.min(...perSecond)}–${Math.max(...perSecond)} in its seconds)` : '';
    console.log(`${Math.round(r.rps)} req/s${volume}${range}, p99 ${r.p99.toFixed(1)} ms`);
    // Closed-loop connections measure the machine saturated (queueing included); a fixed arrival
    // rate below saturation measures the latency one person sees on a busy day.
    if (RATE > 0 && endpoint !== 'reply' && endpoint !== 'upload') {
      await settle();
      process.stdout.write(`${endpoint.padEnd(7)} at ${RATE} req/s × ${DURATION} s … `);
      r.atRate = await atRate(endpoint, DURATION, RATE);
      console.log(`p95 ${r.atRate.p95.toFixed(1)} ms`);
    }
  }
} finally {
  const peakRssMb = Math.round(statusKb(pid, 'VmHWM') / 1024);
  child.send('stop');
  await new Promise((r) => child.once('exit', r));

  if (results.length) {
    const fmt = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(1));
    const table = results.map((r) => ({
      endpoint: r.request,
      'req/s': Math.round(r.rps),
      'p50 ms': fmt(r.p50),
      'p95 ms': fmt(r.p95),
      'p99 ms': fmt(r.p99),
      'errors/non-2xx': `${r.errors + r.timeouts}/${r.non2xx}`,
      'CPU ms/req app/pg/load': `${r.appCpuMsPerRequest}/${r.pgCpuMsPerRequest}/${r.loadCpuMsPerRequest}`,
      'machine busy': `${Math.round((r.machineBusy ?? 0) * 100)}%`,
      [`p50/p95 at ${RATE}/s`]: r.atRate ? `${fmt(r.atRate.p50)}/${fmt(r.atRate.p95)}` : '–',
      target: `${TARGETS[r.endpoint].text} ${TARGETS[r.endpoint].ok(r) && r.non2xx + r.errors === 0 ? '✓' : '✗'}`,
    }));
    console.log();
    console.table(table);
    console.log(`app peak RSS: ${peakRssMb} MB (VmHWM); per endpoint: ${rssSamples.map((s) => `${s.endpoint} ${s.peakRssMb} MB`).join(', ')}`);

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(here, 'results', `${stamp}.json`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(
      file,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          config: { duration: DURATION, connections: CONNECTIONS, warmup: WARMUP, pool: args.pool ?? 'default' },
          machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pgVersion },
          dataset,
          peakRssMb,
          rssByEndpoint: rssSamples,
          results: results.map((r) => ({ ...r, target: TARGETS[r.endpoint].text, met: TARGETS[r.endpoint].ok(r) })),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
  }

  if (!args.keep && only.includes('reply')) {
    // Remove this run's replies and put the touched topics back as they were.
    const touched = (
      await q<{ topic_id: number }>('with gone as (delete from posts where id > $1 and author_id = $2 returning topic_id) select distinct topic_id from gone', [
        maxPostBefore,
        bench.id,
      ])
    ).map((r) => r.topic_id);
    if (touched.length) {
      await q(
        `update topics t set
           reply_count = (select count(*) from posts p where p.topic_id = t.id and not p.is_opening and p.deleted_at is null),
           last_activity_at = (select max(p.created_at) from posts p where p.topic_id = t.id)
         where t.id = any($1::bigint[])`,
        [touched],
      );
      await q('update topic_communities tc set last_activity_at = t.last_activity_at from topics t where t.id = tc.topic_id and t.id = any($1::bigint[])', [touched]);
      // The replies' notifications went with them (cascade); the emails they caused go too.
      await q('delete from email_outbox where id > $1', [maxOutboxBefore]);
      await q('vacuum (analyze) posts, topics, topic_communities, notifications, email_outbox');
      console.log(`removed the run's replies (and the notifications and emails they caused) from ${touched.length} topics`);
    }
  }
  if (!args.keep && only.includes('upload')) {
    // Remove this run's uploads: their stored files first, then the rows.
    const storage = localStorage(filesRoot(env.dataDir));
    const files = await q<{ file_key: string }>(
      'select v.file_key from asset_versions v join assets a on a.id = v.asset_id where a.id > $1 and a.created_by = $2 and v.file_key is not null',
      [maxAssetBefore, bench.id],
    );
    for (const f of files) await storage.delete(f.file_key);
    await q('delete from assets where id > $1 and created_by = $2', [maxAssetBefore, bench.id]);
    await q('vacuum (analyze) assets, asset_versions');
    console.log(`removed the run's ${files.length} uploads and their files`);
  }
  closing = true;
  await database.close();
}
