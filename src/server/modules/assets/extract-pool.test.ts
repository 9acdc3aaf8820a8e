import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.ts';
import { makeDemoPdf } from '../../seed/demo-repository.ts';
import { extractText, MAX_EXTRACTED, type Sniffed } from './assets.files.ts';
import { makeDocx, makePdf } from './assets.fixtures.ts';
import { closeExtraction, configureExtraction, createExtractPool, ExtractionCrashed, ExtractionFailed, type ExtractPool, ExtractionTimedOut, extractionPool } from './extract-pool.ts';

const pdf: Sniffed = { kind: 'pdf', mime: 'application/pdf' };
const docx: Sniffed = { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ status: e.status, path: e.errors[0]?.path, message: e.errors[0]?.message }),
  );

/** A PDF of `pages` pages of 40 lines each (a few hundred kilobytes of text). */
const bigPdf = (pages: number) =>
  makeDemoPdf(Array.from({ length: pages }, (_, i) => [`Chapter ${i + 1}`, ...Array.from({ length: 40 }, (_, k) => `Line ${k + 1} of chapter ${i + 1}: counting bandicoots and quolls at dusk`)]));

const pools: ExtractPool[] = [];
const pool = (options: Parameters<typeof createExtractPool>[0]) => {
  const p = createExtractPool({ testHooks: true, ...options });
  pools.push(p);
  return p;
};

afterEach(async () => {
  configureExtraction({});
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(closeExtraction);

describe('reading uploaded documents in worker threads', () => {
  it('reads the text of a PDF and a Word document through the pool', async () => {
    expect(await extractText(makePdf('Quokka handling procedures'), pdf)).toBe('Quokka handling procedures');
    expect(await extractText(makeDocx('Wallaby feeding schedule'), docx)).toBe('Wallaby feeding schedule');
    expect(extractionPool().stats()).toMatchObject({ busy: 0, queued: 0 });
  });

  it('hands the bytes over when told to, and copies them otherwise', async () => {
    // Large enough not to sit in Node's shared buffer pool, so it could be moved.
    const kept = bigPdf(5);
    const copy = Buffer.from(kept);
    expect(await extractText(kept, pdf)).toContain('Chapter 5');
    expect(kept.equals(copy)).toBe(true);
    const given = new Uint8Array(makePdf('Given bytes'));
    expect(await extractionPool().run('pdf', given, { max: MAX_EXTRACTED, transfer: true })).toBe('Given bytes');
    expect(given.byteLength).toBe(0);
  });

  it('refuses a damaged PDF naming the file field, and the pool carries on', async () => {
    expect(await refusal(extractText(Buffer.from('%PDF-1.4\nnot really a pdf'), pdf))).toEqual({ status: 422, path: 'file', message: 'This PDF could not be read; it may be damaged.' });
    expect(await extractText(makePdf('After the damaged one'), pdf)).toBe('After the damaged one');
  });

  it('runs many extractions at once, at most one per worker, and all succeed', async () => {
    const p = pool({ size: 2 });
    const names = ['Echidna', 'Platypus', 'Dingo', 'Bilby', 'Numbat', 'Quoll', 'Potoroo'];
    const jobs = names.map((n, i) => p.run(i % 2 ? 'docx' : 'pdf', i % 2 ? makeDocx(`${n} notes`) : makePdf(`${n} notes`), { max: 1000 }));
    expect(p.stats()).toMatchObject({ workers: 2, busy: 2, queued: names.length - 2 });
    expect(await Promise.all(jobs)).toEqual(names.map((n) => `${n} notes`));
    expect(p.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0, started: 2 });
  });

  it('fails only the job whose worker dies, replaces the worker and goes on with the others', async () => {
    const p = pool({ size: 2 });
    const [died, thrown, fine] = await Promise.allSettled([
      p.run('test:exit', new Uint8Array(1), { max: 10 }),
      p.run('test:throw', new Uint8Array(1), { max: 10 }),
      p.run('pdf', makePdf('Still read'), { max: 1000 }),
    ]);
    expect(died).toMatchObject({ status: 'rejected', reason: expect.any(ExtractionCrashed) });
    expect(thrown).toMatchObject({ status: 'rejected', reason: expect.any(ExtractionCrashed) });
    expect(fine).toEqual({ status: 'fulfilled', value: 'Still read' });
    expect(await p.run('pdf', makePdf('Next one'), { max: 1000 })).toBe('Next one');
    expect(p.stats().started).toBeGreaterThanOrEqual(3);
  });

  it('a worker that runs out of memory fails its job only; the next job gets a new worker', async () => {
    const p = pool({ size: 1, maxOldGenerationSizeMb: 128 });
    await expect(p.run('test:oom', new Uint8Array(1), { max: 10 })).rejects.toThrow(/memory/);
    expect(await p.run('pdf', makePdf('After the flood'), { max: 1000 })).toBe('After the flood');
    expect(p.stats()).toMatchObject({ workers: 1, started: 2 });
  });

  it('an upload whose worker dies is refused like an unreadable file, and the next one is read', async () => {
    // Too small a heap for pdf.js: the worker dies reading any PDF, as it would on a hostile one.
    configureExtraction({ maxOldGenerationSizeMb: 4 });
    expect(await refusal(extractText(makePdf('Too big to read'), pdf))).toEqual({ status: 422, path: 'file', message: 'This PDF could not be read; it may be damaged.' });
    configureExtraction({});
    expect(await extractText(makePdf('Readable again'), pdf)).toBe('Readable again');
  });

  it('stops and replaces a worker that takes too long', async () => {
    // Long enough for the replacement worker to start and load pdf.js on a busy 2-core machine
    // (over a second while another test run shared it).
    const p = pool({ size: 1, timeoutMs: 4000 });
    await expect(p.run('test:hang', new Uint8Array(1), { max: 10 })).rejects.toBeInstanceOf(ExtractionTimedOut);
    expect(await p.run('pdf', makePdf('On time'), { max: 1000 })).toBe('On time');
    expect(p.stats()).toMatchObject({ workers: 1, started: 2 });
  });

  it('refuses an upload that takes too long to read, saying so', async () => {
    // Starting a worker and loading pdf.js alone takes longer than this.
    configureExtraction({ timeoutMs: 1 });
    expect(await refusal(extractText(makePdf('Slow'), pdf))).toEqual({ status: 422, path: 'file', message: expect.stringContaining('took too long to read') });
  });

  it('keeps the event loop free while a large PDF is read', async () => {
    const big = bigPdf(150);
    await extractText(makePdf('warm up'), pdf);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const text = await extractText(big, pdf);
      expect(text).toContain('counting bandicoots and quolls');
      expect(text.length).toBe(MAX_EXTRACTED);
    } finally {
      clearInterval(timer);
    }
    // Read on the main thread (as before), this PDF let the timer fire about 4 times; in a worker, dozens.
    expect(ticks).toBeGreaterThanOrEqual(15);
  });

  it('closing fails waiting jobs and the next use starts a new pool', async () => {
    const p = pool({ size: 1 });
    const running = p.run('test:hang', new Uint8Array(1), { max: 10 }).catch((e: Error) => e.message);
    const waiting = p.run('pdf', makePdf('Never read'), { max: 1000 }).catch((e: Error) => e.message);
    await p.close();
    expect(await running).toMatch(/closed/);
    expect(await waiting).toMatch(/closed/);
    await expect(p.run('pdf', makePdf('x'), { max: 10 })).rejects.toThrow(/closed/);
    expect(p.stats()).toMatchObject({ workers: 0 });
    await closeExtraction();
    expect(await extractText(makePdf('Fresh pool'), pdf)).toBe('Fresh pool');
  });

  it('reports a document the reader rejects as unreadable, not as a crash', async () => {
    const p = pool({ size: 1 });
    await expect(p.run('docx', new Uint8Array(Buffer.from('PK\u0003\u0004 not a zip')), { max: 10 })).rejects.toBeInstanceOf(ExtractionFailed);
    expect(p.stats()).toMatchObject({ workers: 1, started: 1 });
  });
});
