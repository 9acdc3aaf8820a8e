import { z } from 'zod';
import { leadershipFunctions, roleKeys } from '../model/catalogue.ts';
import type { PersonRef } from './conversations.ts';

const functionKeys = leadershipFunctions.map((f) => f.key) as [string, ...string[]];

export const leadershipParams = z.object({
  slug: z.string().min(1).max(50),
  function: z.enum(functionKeys),
  username: z.string().min(1).max(30),
});

export const reflectionParams = z.object({ slug: z.string().min(1).max(50), role: z.enum(roleKeys) });

const part = z.string().trim().max(2000, 'Use at most 2000 characters.').default('');

/** A role reflection (MODEL §7): the six parts, each free text. */
export const reflectionInput = z.object({
  purpose: part,
  actions: part,
  challenges: part,
  gratification: part,
  qualification: part,
  support: part,
});
export type ReflectionInput = z.infer<typeof reflectionInput>;

/** Why someone covers a function: a role that implies it, or a coordinator's explicit assignment. */
export type CoverageVia = { kind: 'role'; role: string } | { kind: 'assigned' };

export interface CoveringPerson extends PersonRef {
  via: CoverageVia[];
}

export interface LeadershipFunctionView {
  key: string;
  name: string;
  description: string;
  covered: boolean;
  /** At most PEOPLE_PER_FUNCTION people; `peopleCount` says how many in all. */
  people: CoveringPerson[];
  peopleCount: number;
}

export const PEOPLE_PER_FUNCTION = 12;

export interface LeadershipView {
  functions: LeadershipFunctionView[];
  coveredCount: number;
  total: number;
  canAssign: boolean;
}

export interface ReflectionView {
  role: string;
  purpose: string;
  actions: string;
  challenges: string;
  gratification: string;
  qualification: string;
  support: string;
  /** False when nobody has written anything for this role yet. */
  written: boolean;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
  canEdit: boolean;
}
