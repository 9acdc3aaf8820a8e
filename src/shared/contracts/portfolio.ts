import { z } from 'zod';
import { domainStanceKeys } from '../model/catalogue.ts';

export const domainInput = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters.').max(100, 'Use at most 100 characters.'),
  description: z.string().trim().max(2000, 'Use at most 2,000 characters.').default(''),
  priority: z.coerce.number().int('Choose a priority from 1 to 5.').min(1, 'Choose a priority from 1 (highest) to 5.').max(5, 'Choose a priority from 1 (highest) to 5.'),
  stance: z.enum(domainStanceKeys),
});
export type DomainInput = z.infer<typeof domainInput>;
export const updateDomainInput = z
  .object({
    name: domainInput.shape.name.optional(),
    description: z.string().trim().max(2000, 'Use at most 2,000 characters.').optional(),
    priority: domainInput.shape.priority.optional(),
    stance: domainInput.shape.stance.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field.', path: ['name'] });

export interface DomainView {
  id: number;
  name: string;
  description: string;
  priority: number;
  stance: (typeof domainStanceKeys)[number];
  communities: { slug: string; name: string; stage: string }[];
  sponsors: { username: string; displayName: string }[];
}

export interface SponsoredCommunity {
  slug: string;
  name: string;
  stage: string;
  status: string;
  memberCount: number;
  /** Through which domains, when not sponsored directly. */
  via: string[];
  direct: boolean;
  progress: { need: string; done: number; total: number }[];
}
