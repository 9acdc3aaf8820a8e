import type {
  CultivationPlan,
  CultivationTask,
  LaunchRecord,
  LaunchStepState,
  PersonRef,
  ProposalSummary,
  StageChange,
} from '../../../shared/contracts/cultivation.ts';
import { launchStepFields } from '../../../shared/contracts/cultivation.ts';
import { cultivationNeeds, type LaunchStep, launchStepKeys, needPhaseFor, type Stage } from '../../../shared/model/catalogue.ts';

const person = (username: string | null, displayName: string | null): PersonRef | null =>
  username && displayName ? { username, displayName } : null;

type TaskRow = {
  id: number;
  need: string;
  title: string;
  ownerUsername: string | null;
  ownerDisplayName: string | null;
  dueDate: string | null;
  status: string;
  notes: string;
  isDefault: boolean;
  updatedAt: Date;
};

export const presentTask = (t: TaskRow): CultivationTask => ({
  id: t.id,
  need: t.need,
  title: t.title,
  owner: person(t.ownerUsername, t.ownerDisplayName),
  dueDate: t.dueDate,
  status: t.status,
  notes: t.notes,
  isDefault: t.isDefault,
  updatedAt: t.updatedAt.toISOString(),
});

const progressOf = (tasks: { status: string }[]) => ({
  done: tasks.filter((t) => t.status === 'done').length,
  total: tasks.filter((t) => t.status !== 'skipped').length,
});

/** The plan grouped by need in catalogue order, highlighting the needs of the community's stage. */
export function presentPlan(stage: Stage, rows: TaskRow[], canEdit: boolean): CultivationPlan {
  const highlight = needPhaseFor(stage);
  const tasks = rows.map(presentTask);
  const needs = cultivationNeeds.map((n) => {
    const mine = tasks.filter((t) => t.need === n.key);
    return { key: n.key, phase: n.phase, highlighted: n.phase === highlight, progress: progressOf(mine), tasks: mine };
  });
  return { stage, highlight, canEdit, needs, progress: progressOf(tasks) };
}

export const presentStageChange = (r: {
  id: number;
  fromStage: string | null;
  toStage: string;
  reason: string;
  createdAt: Date;
  username: string | null;
  displayName: string | null;
}): StageChange => ({
  id: r.id,
  from: r.fromStage,
  to: r.toStage,
  by: person(r.username, r.displayName),
  reason: r.reason,
  at: r.createdAt.toISOString(),
});

type StepColumns = { discovery: unknown; preparation: unknown; planning: unknown; followUp: unknown };
const stepValues = (r: StepColumns | null, step: LaunchStep) =>
  ((r ? (step === 'follow_up' ? r.followUp : r[step]) : null) ?? {}) as Record<string, unknown>;

const answered = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);

/** How far each step of the launch process has got. */
export function stepStates(r: StepColumns | null): LaunchStepState[] {
  return launchStepKeys.map((key) => {
    const values = stepValues(r, key);
    const fields = launchStepFields[key];
    const n = fields.filter((f) => answered(values[f.key])).length;
    return { key, values, answered: n, total: fields.length, complete: n === fields.length };
  });
}

export function presentLaunchRecord(
  c: { status: string; stage: string },
  r:
    | (StepColumns & {
        advisor: unknown;
        launchedAt: Date | null;
        launchedByUsername: string | null;
        launchedByDisplayName: string | null;
        updatedAt: Date;
      })
    | null,
  designTeam: PersonRef[],
  can: { edit: boolean },
): LaunchRecord {
  const steps = stepStates(r).map((s) => (s.key === 'planning' ? { ...s, values: { ...s.values, designTeam: designTeam.map((p) => p.username) } } : s));
  const advisor = (r?.advisor ?? {}) as Partial<NonNullable<LaunchRecord['advisor']>>;
  return {
    status: c.status,
    stage: c.stage,
    advisor: advisor.answers
      ? {
          answers: advisor.answers,
          recommended: advisor.recommended ?? null,
          runnerUp: advisor.runnerUp ?? null,
          chosen: advisor.chosen ?? null,
          explanation: advisor.explanation ?? null,
        }
      : null,
    steps,
    designTeam,
    progress: { complete: steps.filter((s) => s.complete).length, total: steps.length },
    launchedAt: r?.launchedAt?.toISOString() ?? null,
    launchedBy: person(r?.launchedByUsername ?? null, r?.launchedByDisplayName ?? null),
    updatedAt: r?.updatedAt.toISOString() ?? null,
    canEdit: can.edit,
    canLaunch: can.edit && c.status === 'proposed',
  };
}

export function presentProposal(
  r: StepColumns & {
    slug: string;
    name: string;
    domainStatement: string;
    structureKind: string;
    visibility: string;
    createdAt: Date;
    proposerUsername: string | null;
    proposerDisplayName: string | null;
    updatedAt: Date | null;
  },
): ProposalSummary {
  const steps = stepStates(r.updatedAt ? r : null);
  return {
    slug: r.slug,
    name: r.name,
    domainStatement: r.domainStatement,
    structureKind: r.structureKind,
    visibility: r.visibility,
    createdAt: r.createdAt.toISOString(),
    proposedBy: person(r.proposerUsername, r.proposerDisplayName),
    progress: { complete: steps.filter((s) => s.complete).length, total: steps.length },
    steps: steps.map((s) => ({ key: s.key, complete: s.complete })),
    updatedAt: r.updatedAt?.toISOString() ?? null,
  };
}
