import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../db/client.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';

export const TEMPLATE_DB = 'constellation_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** One throw-away PostgreSQL for the run, with a migrated template that each test file clones. */
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'constellation-test-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({ dir, port, fast: true });
  const admin = connect(server.url('postgres'), 1);
  await admin.pool.query(`create database ${TEMPLATE_DB}`);
  await admin.pool.end();
  const template = connect(server.url(TEMPLATE_DB), 1);
  await runMigrations(template.db);
  await template.pool.end();
  project.provide('pgAdminUrl', server.url('postgres'));
  return async () => {
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}
