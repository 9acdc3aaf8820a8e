/**
 * Contracts for cultivating a community: the structure advisor's answers, the launch process
 * (MODEL §6), the stage history and signals (MODEL §4) and the cultivation plan (MODEL §5).
 */
import { z } from 'zod';
import { type AdvisorAnswers, advisorQuestions } from '../model/advisor.ts';
import { cultivationNeedKeys, launchKindKeys, stageKeys, taskStatusKeys } from '../model/catalogue.ts';
import type { StageMetrics, StageSuggestion } from '../model/stage-signals.ts';
import { username } from './common.ts';

/** The proposer's answers to the structure advisor; every question is optional. */
export const advisorAnswersInput = z
  .object(Object.fromEntries(advisorQuestions.map((q) => [q.key, z.enum(q.options.map((o) => o.key) as [string, ...string[]]).optional()])))
  .strict() as unknown as z.ZodType<AdvisorAnswers>;

const text = (max = 2000) => z.string().trim().max(max, `Use at most ${max} characters.`);

/** MODEL §6, step 1. */
export const discoveryInput = z
  .object({ need: text(), network: text(), identity: text(), leadership: text() })
  .partial()
  .strict();
/** MODEL §6, step 2: the community level, then the organizational level. */
export const preparationInput = z
  .object({ leadership: text(), commitment: text(), ownership: text(), support: text(), infrastructure: text(), sponsorship: text() })
  .partial()
  .strict();
/** MODEL §6, step 3. The design team is named by username. */
export const planningInput = z
  .object({
    designTeam: z.array(username).max(20, 'Name at most 20 people.'),
    launchKind: z.enum(launchKindKeys),
    agenda: text(),
  })
  .partial()
  .strict();
/** MODEL §6, step 4. */
export const followUpInput = z.object({ afterwards: text(), resources: text() }).partial().strict();

export const launchStepInputs = {
  discovery: discoveryInput,
  preparation: preparationInput,
  planning: planningInput,
  follow_up: followUpInput,
} as const;

/** The fields each step asks for, with the question shown to the proposer; a step is complete when all are answered. */
export const launchStepFields = {
  discovery: [
    { key: 'need', name: 'What is the need?', description: 'The problem or opportunity that makes this community worth having.' },
    { key: 'network', name: 'What network is there to build on?', description: 'People who already know each other and talk about this.' },
    { key: 'identity', name: 'What shared identity is there?', description: 'Do people already see themselves as practitioners of this domain?' },
    { key: 'leadership', name: 'Who could lead it?', description: 'Respected practitioners who could coordinate or form a core group.' },
  ],
  preparation: [
    { key: 'leadership', name: 'Community leadership', description: 'Who will coordinate, and is their time recognized?' },
    { key: 'commitment', name: 'Commitment', description: 'Who has said they will take part, and how much?' },
    { key: 'ownership', name: 'Ownership', description: 'Do members feel the community is theirs, not imposed?' },
    { key: 'support', name: 'Organizational support', description: 'What the organization provides: time, money, recognition.' },
    { key: 'infrastructure', name: 'Infrastructure', description: 'Tools, spaces and logistics the community will need.' },
    { key: 'sponsorship', name: 'Sponsorship', description: 'Who backs it in the organization, and what have they committed to?' },
  ],
  planning: [
    { key: 'designTeam', name: 'Design team', description: 'The people who design the launch with you.' },
    { key: 'launchKind', name: 'Kind of launch', description: 'An activity, a core group, or the whole community.' },
    { key: 'agenda', name: 'Agenda', description: 'What happens at the launch, and what members take away.' },
  ],
  follow_up: [
    { key: 'afterwards', name: 'What is the organization ready to do afterwards?', description: 'The support promised once the launch is over.' },
    { key: 'resources', name: 'Time and resources committed', description: 'Coordinator time, budget, events: what is promised, by whom.' },
  ],
} as const;

export const launchStepParams = z.object({ slug: z.string().min(1).max(50), step: z.enum(['discovery', 'preparation', 'planning', 'follow_up']) });

export const launchInput = z
  .object({
    /** The stage the community starts its life in; launching usually means it is coalescing. */
    stage: z.enum(stageKeys).default('coalescing'),
    reason: text(500).default(''),
  })
  .strict();

const isoDate = z.iso.date('Use a date like 2026-03-31.');

export const createTaskInput = z
  .object({
    need: z.enum(cultivationNeedKeys),
    title: z.string().trim().min(3, 'Use at least 3 characters.').max(200, 'Use at most 200 characters.'),
    owner: username.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    status: z.enum(taskStatusKeys).default('todo'),
    notes: text().default(''),
  })
  .strict();
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const updateTaskInput = z
  .object({
    title: z.string().trim().min(3, 'Use at least 3 characters.').max(200, 'Use at most 200 characters.'),
    owner: username.nullable(),
    dueDate: isoDate.nullable(),
    status: z.enum(taskStatusKeys),
    notes: text(),
  })
  .partial()
  .strict();
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

export const taskParams = z.object({ slug: z.string().min(1).max(50), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** Most tasks a community can add to its plan; the default checklist comes on top. */
export const MAX_OWN_TASKS = 100;

export interface PersonRef {
  username: string;
  displayName: string;
}

export interface StageChange {
  id: number;
  from: string | null;
  to: string;
  by: PersonRef | null;
  reason: string;
  at: string;
}

export interface StageSignals {
  metrics: StageMetrics;
  suggestion: (StageSuggestion & { sentence: string }) | null;
}

export interface CultivationTask {
  id: number;
  need: string;
  title: string;
  owner: PersonRef | null;
  dueDate: string | null;
  status: string;
  notes: string;
  isDefault: boolean;
  updatedAt: string;
}

export interface NeedProgress {
  done: number;
  /** Tasks that count: everything but those marked not needed. */
  total: number;
}

export interface CultivationPlan {
  stage: string;
  /** The needs to highlight now: early ones for young communities, later ones after. */
  highlight: 'early' | 'later';
  canEdit: boolean;
  needs: { key: string; phase: 'early' | 'later'; highlighted: boolean; progress: NeedProgress; tasks: CultivationTask[] }[];
  progress: NeedProgress;
}

export interface LaunchStepState {
  key: string;
  values: Record<string, unknown>;
  /** How many of the step's questions are answered. */
  answered: number;
  total: number;
  complete: boolean;
}

export interface LaunchRecord {
  status: string;
  stage: string;
  advisor: {
    answers: AdvisorAnswers;
    recommended: string | null;
    runnerUp: string | null;
    chosen: string | null;
    explanation: string | null;
  } | null;
  steps: LaunchStepState[];
  designTeam: PersonRef[];
  progress: { complete: number; total: number };
  launchedAt: string | null;
  launchedBy: PersonRef | null;
  updatedAt: string | null;
  canEdit: boolean;
  canLaunch: boolean;
}

export interface ProposalSummary {
  slug: string;
  name: string;
  domainStatement: string;
  structureKind: string;
  visibility: string;
  createdAt: string;
  proposedBy: PersonRef | null;
  progress: { complete: number; total: number };
  steps: { key: string; complete: boolean }[];
  updatedAt: string | null;
}
