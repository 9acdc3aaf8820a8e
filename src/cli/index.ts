import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { signupInput } from '../shared/contracts/auth.ts';
import { openDatabase } from '../server/boot.ts';
import { loadEnv } from '../server/env.ts';
import { createAccount } from '../server/modules/auth/auth.service.ts';
import { filesRoot, localStorage } from '../server/lib/storage.ts';
import { seedDemoIfEmpty } from '../server/seed/demo.ts';

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadEnv({ ...process.env, SEED_DEMO: 'false' }));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`${question.trim()} is required (pass it as an option).`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const program = new Command('constellation').description('Administer a Constellation site.');

const admin = program.command('admin').description('Site administrators');
admin
  .command('create')
  .description('Create a site admin account')
  .option('--email <email>')
  .option('--username <username>')
  .option('--name <display name>')
  .option('--password <password>', 'or set CONSTELLATION_PASSWORD; asked for when omitted')
  .action(async (o: { email?: string; username?: string; name?: string; password?: string }) => {
    const input = {
      email: o.email ?? (await ask('Email: ')),
      username: o.username ?? (await ask('Username: ')),
      displayName: o.name ?? o.username ?? (await ask('Name: ')),
      password: o.password ?? process.env.CONSTELLATION_PASSWORD ?? (await ask('Password (10+ characters): ')),
    };
    const parsed = signupInput.safeParse(input);
    if (!parsed.success) {
      throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    }
    await withDatabase(async ({ db }) => {
      const user = await createAccount(db, parsed.data, 'admin');
      console.log(`Created site admin ${user.username} <${user.email}>.`);
    });
  });

program
  .command('db')
  .description('Database')
  .command('migrate')
  .description('Apply pending migrations')
  .action(() => withDatabase(async () => console.log('Migrations applied.')));

program
  .command('seed')
  .description('Fill an empty database with the demo organization')
  .action(() =>
    withDatabase(async ({ db }) => {
      const seeded = await seedDemoIfEmpty(db, { storage: localStorage(filesRoot(loadEnv().dataDir)) });
      console.log(seeded ? `Demo data created: ${JSON.stringify(seeded)}` : 'The database is not empty; nothing to do.');
    }),
  );

program.parseAsync().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
