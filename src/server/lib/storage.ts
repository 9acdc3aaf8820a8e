import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live. The local implementation keeps them under DATA_DIR/files; an
 * S3-compatible store can implement the same three calls.
 */
export interface FileStorage {
  /** Stores the stream under `key` and returns the number of bytes written. */
  put(key: string, data: Readable): Promise<number>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the file; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are made by `newStorageKey` only: a year-month folder and 32 hex characters, never a path from outside. */
const KEY = /^[0-9]{6}\/[0-9a-f]{32}$/;

/** A fresh, unguessable key for a new file. */
export function newStorageKey(now = new Date()): string {
  return `${now.toISOString().slice(0, 7).replace('-', '')}/${randomBytes(16).toString('hex')}`;
}

function checkKey(key: string) {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}

/** Files on the local disk under `root` (DATA_DIR/files). */
export function localStorage(root: string): FileStorage {
  const where = (key: string) => {
    checkKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = where(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed, so a reader never sees half a file.
      const tmp = `${file}.part`;
      try {
        await pipeline(data, createWriteStream(tmp, { flags: 'wx' }));
        await fs.rename(tmp, file);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
      return (await fs.stat(file)).size;
    },
    async get(key) {
      const file = where(key);
      try {
        const st = await fs.stat(file);
        return { stream: createReadStream(file), size: st.size };
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await fs.rm(where(key), { force: true });
    },
  };
}

/** The storage the app uses: local files under DATA_DIR/files. */
export const filesRoot = (dataDir: string) => path.join(dataDir, 'files');
