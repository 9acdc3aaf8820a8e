import type { JobDefinition } from './jobs.ts';

/** Every background job the app runs. Each module contributes its own definitions. */
export const jobDefinitions: JobDefinition[] = [];
