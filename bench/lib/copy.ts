import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Escapes a value for COPY's text format (our generated text only ever needs \n). */
export const copyText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');

/** A buffered COPY … FROM STDIN writer: `row()` returns true when the caller should `await drain()`. */
export function copyWriter(client: pg.PoolClient, table: string, columns: string[]) {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  done.catch(() => {});
  let buf: string[] = [];
  let size = 0;
  let rows = 0;
  let blocked = false;
  const flush = () => {
    if (!buf.length) return;
    if (!stream.write(buf.join(''))) blocked = true;
    buf = [];
    size = 0;
  };
  return {
    get rows() {
      return rows;
    },
    /** Queues one line (without the newline); true means: await drain() before writing more. */
    row(line: string): boolean {
      buf.push(line, '\n');
      size += line.length + 1;
      rows++;
      if (size >= 1 << 17) flush();
      return blocked;
    },
    async drain() {
      if (blocked) {
        await Promise.race([once(stream, 'drain'), done]);
        blocked = false;
      }
    },
    async end() {
      flush();
      stream.end();
      await done;
      client.release();
    },
  };
}
export type CopyWriter = ReturnType<typeof copyWriter>;
