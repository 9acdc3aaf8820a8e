import { buildApp } from './app.ts';
import { openDatabase } from './boot.ts';
import { loadEnv } from './env.ts';
import { filesRoot, localStorage } from './lib/storage.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';

const env = loadEnv();
const database = await openDatabase(env, (m) => console.log(m));

async function start() {
  if (env.SEED_DEMO) {
    const seeded = await seedDemoIfEmpty(database.db, { storage: localStorage(filesRoot(env.dataDir)) });
    if (seeded) console.log(`demo data created: ${seeded.communities} communities, ${seeded.people} people, ${seeded.topics} topics`);
  }
  const app = await buildApp({ env, db: database.db, pool: database.pool });
  await app.listen({ port: env.PORT, host: env.HOST });
  return app;
}

// A failed start must not leave the embedded PostgreSQL running behind us.
const app = await start().catch(async (e: unknown) => {
  console.error(`Constellation could not start: ${e instanceof Error ? e.message : String(e)}`);
  await database.close().catch(() => {});
  process.exit(1);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : env.PORT;
console.log(`Constellation is running at http://localhost:${port}`);
