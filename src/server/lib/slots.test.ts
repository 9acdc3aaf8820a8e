import { describe, expect, it } from 'vitest';
import { slots } from './slots.ts';

describe('slots', () => {
  it('runs at most `size` at a time, the rest in order, and frees a slot when work fails', async () => {
    const run = slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const job = (n: number, fail = false) =>
      run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        order.push(n);
        if (fail) throw new Error(`job ${n} failed`);
        return n;
      });
    const jobs = [job(1, true), job(2), job(3), job(4)];
    await new Promise((r) => setImmediate(r));
    expect(releases).toHaveLength(2);
    while (order.length < 4) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.allSettled(jobs);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
