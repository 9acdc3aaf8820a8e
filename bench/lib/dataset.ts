import { openDatabase } from '../../src/server/boot.ts';
import { loadEnv } from '../../src/server/env.ts';

/** The account the benchmark signs in as; a member of the busiest communities. */
export const BENCH_USER = { username: 'bench', password: 'constellation-bench' } as const;

/** Opens the reference database: embedded PostgreSQL under ./data-bench on port 54339 unless told otherwise. */
export function openBenchDatabase() {
  const env = loadEnv({
    ...process.env,
    DATA_DIR: process.env.DATA_DIR ?? './data-bench',
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54339',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  });
  return { env, open: () => openDatabase(env) };
}

/** A small, fast, seedable PRNG (mulberry32), so a dataset is reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** Standard normal (Box–Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    /** Exponential with the given mean. */
    expo: (mean: number) => -Math.log(1 - next()) * mean,
  };
}
export type Rng = ReturnType<typeof rng>;

/**
 * Samples ranks 0..n-1 with probability ∝ 1/(rank+1+q)^s (Zipf–Mandelbrot; q flattens the head),
 * by binary search over the cumulative sum.
 */
export function zipf(n: number, s: number, q = 0) {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1 + q) ** s;
    cum[i] = total;
  }
  return (u: number) => {
    const x = u * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
