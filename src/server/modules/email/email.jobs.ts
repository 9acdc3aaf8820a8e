import type { JobDefinition } from '../../jobs/jobs.ts';
import { runDigests } from './email.digest.ts';
import { emailDueNotifications } from './email.notifications.ts';
import { sendDueEmails } from './email.outbox.ts';

/** Email's background jobs; each claims its rows with SKIP LOCKED, so any instance may run them. */
export const emailJobs: JobDefinition[] = [
  // Every minute as well as when nudged: picks up retries whose backoff has passed.
  { name: 'email.send', cron: '* * * * *', run: async (app) => void (await sendDueEmails(app)) },
  { name: 'notifications.email', cron: '* * * * *', run: async (app) => void (await emailDueNotifications(app)) },
  // Hourly: each person's digest goes out on the first run after it falls due.
  { name: 'digest.run', cron: '5 * * * *', run: async (app) => void (await runDigests(app)) },
];
