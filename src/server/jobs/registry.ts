import { assetJobs } from '../modules/assets/assets.jobs.ts';
import { emailJobs } from '../modules/email/email.jobs.ts';
import { routingJobs } from '../modules/notifications/routing.job.ts';
import { eventJobs } from '../modules/events/events.jobs.ts';
import { peopleJobs } from '../modules/people/people.jobs.ts';
import type { JobDefinition } from './jobs.ts';

/** Every background job the app runs. Each module contributes its own definitions. */
export const jobDefinitions: JobDefinition[] = [...emailJobs, ...routingJobs, ...peopleJobs, ...eventJobs, ...assetJobs];
