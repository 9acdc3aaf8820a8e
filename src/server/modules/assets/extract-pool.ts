import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** What a worker can read; `test:*` kinds make it misbehave and only work in a pool made with `testHooks`. */
export type ExtractKind = 'pdf' | 'docx' | 'test:exit' | 'test:throw' | 'test:hang' | 'test:oom';

/** The document could not be read (pdf.js or mammoth gave up on it). */
export class ExtractionFailed extends Error {}
/** The worker reading the document died (out of memory, crashed) and was replaced. */
export class ExtractionCrashed extends Error {}
/** Reading took longer than the pool's timeout; the worker was stopped and replaced. */
export class ExtractionTimedOut extends Error {}
/** The pool was closed before the job finished. */
export class ExtractionClosed extends Error {}

export interface ExtractPoolOptions {
  /** Workers at most (each reads one document at a time); default one per core. */
  size?: number;
  /** A job that has not finished after this long fails and its worker is replaced; default 60 s. */
  timeoutMs?: number;
  /** Heap limit of each worker; past it the worker dies and only its job fails. Default 512 MB. */
  maxOldGenerationSizeMb?: number;
  /** Lets `test:*` jobs through to the worker. */
  testHooks?: boolean;
}

interface Job {
  id: number;
  kind: ExtractKind;
  data: Uint8Array;
  max: number;
  resolve: (text: string) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Why it died, if it reported an error before exiting. */
  error: Error | null;
}

const workerUrl = new URL('./extract.worker.mjs', import.meta.url);

/**
 * Worker threads that read the text out of PDFs and Word documents, so a big document neither
 * blocks the event loop nor leaves the other cores idle. Workers start on first use (one per job
 * waiting, up to `size`) and stay; jobs beyond `size` wait in order. An idle worker is unref'd, so
 * the pool never keeps the process alive; a worker with a job is ref'd until the job settles.
 */
export function createExtractPool(options: ExtractPoolOptions = {}) {
  const size = Math.max(1, options.size ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512 };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let started = 0;

  function spawn(): Slot {
    // No execArgv: the worker is plain JavaScript and needs no loader (tsx's would cost memory and start-up time).
    const worker = new Worker(workerUrl, { execArgv: [], resourceLimits, workerData: { testHooks: options.testHooks === true } });
    worker.unref();
    started++;
    const slot: Slot = { worker, job: null, timer: null, error: null };
    worker.on('message', (msg: { id: number; ok: boolean; text?: string; message?: string }) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      if (msg.ok) settle(slot, () => job.resolve(msg.text ?? ''));
      else settle(slot, () => job.reject(new ExtractionFailed(msg.message ?? 'unreadable')));
      pump();
    });
    worker.on('error', (err) => {
      slot.error = err;
    });
    worker.on('exit', (code) => {
      // A worker stopped for a timeout or by close() has already been removed and its job settled.
      const at = slots.indexOf(slot);
      if (at < 0) return;
      slots.splice(at, 1);
      const job = slot.job;
      if (job) {
        const why = slot.error ? `: ${slot.error.message}` : '';
        settle(slot, () => job.reject(new ExtractionCrashed(`The extraction worker exited with code ${code}${why}`)));
      }
      pump();
    });
    slots.push(slot);
    return slot;
  }

  /** Clears the job from its slot (unref'ing the idle worker) before telling the caller. */
  function settle(slot: Slot, tell: () => void) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    tell();
  }

  function dispatch(slot: Slot, job: Job) {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      slots.splice(slots.indexOf(slot), 1);
      settle(slot, () => job.reject(new ExtractionTimedOut(`Reading took longer than ${timeoutMs} ms`)));
      void slot.worker.terminate();
      pump();
    }, timeoutMs);
    slot.timer.unref();
    // The bytes move to the worker instead of being copied (`run` made sure we own them).
    slot.worker.postMessage({ id: job.id, kind: job.kind, data: job.data, max: job.max }, [job.data.buffer as ArrayBuffer]);
  }

  function pump() {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      dispatch(slot, queue.shift()!);
    }
  }

  return {
    size,
    /**
     * Reads the text of a document in a worker, normalised (whitespace collapsed) and cut at `max`
     * characters. With `transfer`, `bytes` is handed over when it owns its whole memory (it is
     * unusable afterwards); otherwise it is copied once.
     */
    run(kind: ExtractKind, bytes: Uint8Array, opts: { max: number; transfer?: boolean }): Promise<string> {
      if (closed) return Promise.reject(new ExtractionClosed('The extraction pool is closed'));
      if (kind.startsWith('test:') && !options.testHooks) return Promise.reject(new Error(`Unknown extraction kind ${kind}`));
      const owned = opts.transfer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      // new Uint8Array(…) copies (Buffer#slice would not).
      const data = owned ? bytes : new Uint8Array(bytes);
      return new Promise<string>((resolve, reject) => {
        queue.push({ id: nextId++, kind, data, max: opts.max, resolve, reject });
        pump();
      });
    },
    /** Workers running, jobs running and jobs waiting, and how many workers were ever started. */
    stats() {
      return { workers: slots.length, busy: slots.filter((s) => s.job).length, queued: queue.length, started };
    },
    /** Stops every worker; running and waiting jobs fail with `ExtractionClosed`. */
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ExtractionClosed('The extraction pool was closed'));
      const stopping = slots.splice(0).map((slot) => {
        const job = slot.job;
        if (job) settle(slot, () => job.reject(new ExtractionClosed('The extraction pool was closed')));
        return slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}

export type ExtractPool = ReturnType<typeof createExtractPool>;

let shared: ExtractPool | null = null;
let sharedOptions: ExtractPoolOptions = {};

/**
 * Sets the options of the process's pool (from env when the app is built). A running pool with
 * other options is closed (its running jobs fail), so that the next extraction uses the new ones.
 */
export function configureExtraction(options: ExtractPoolOptions) {
  const same = (Object.keys({ ...options, ...sharedOptions }) as (keyof ExtractPoolOptions)[]).every((k) => options[k] === sharedOptions[k]);
  sharedOptions = { ...options };
  if (!same && shared) {
    const old = shared;
    shared = null;
    void old.close();
  }
}

/** The process's pool, started on first use. */
export function extractionPool(): ExtractPool {
  shared ??= createExtractPool(sharedOptions);
  return shared;
}

/** Closes the process's pool (on app close); the next extraction starts a new one. */
export async function closeExtraction() {
  const old = shared;
  shared = null;
  await old?.close();
}
