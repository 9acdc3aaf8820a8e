import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import {
  type CreateTaskInput,
  MAX_OWN_TASKS,
  type UpdateTaskInput,
  type launchStepInputs,
} from '../../../shared/contracts/cultivation.ts';
import { type AdvisorAnswers, adviseStructure } from '../../../shared/model/advisor.ts';
import { cultivationNeeds, type LaunchStep, type Stage, type StructureKind } from '../../../shared/model/catalogue.ts';
import { suggestStage } from '../../../shared/model/stage-signals.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { communities, cultivationTasks, events, launchRecords, stageChanges } from '../../db/schema/index.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { audit } from '../auth/auth.service.ts';
import { occurrencesInWindow } from '../events/events.service.ts';
import { countOwnTasks, findActiveMember, findTask, findUsersByUsernames, stageMetrics } from './cultivation.queries.ts';

/** Writes one entry of a community's stage history (MODEL §4). */
export async function recordStageChange(
  tx: Queryable,
  e: { communityId: number; from: Stage | null; to: Stage; by: number | null; reason?: string },
) {
  await tx.insert(stageChanges).values({ communityId: e.communityId, fromStage: e.from, toStage: e.to, changedBy: e.by, reason: e.reason ?? '' });
}

/** Gives a community the default checklist (MODEL §5), unless it already has it. */
export async function seedDefaultPlan(tx: Queryable, communityId: number) {
  const rows = cultivationNeeds.flatMap((n) => n.tasks.map((title, position) => ({ need: n.key, title, position })));
  await tx.execute(sql`
    insert into cultivation_tasks (community_id, need, title, position, is_default)
    select ${communityId}, d.need, d.title, d.position, true
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(need text, title text, position int)
    where not exists (select 1 from cultivation_tasks t where t.community_id = ${communityId} and t.is_default)`);
}

/**
 * Everything a new community starts with, inside its creation transaction: the default plan, the
 * first stage-history entry and its launch record (with the advisor's answers, recomputed here so
 * the stored recommendation is the advisor's, not the client's).
 */
export async function startCultivation(
  tx: Queryable,
  viewer: Viewer,
  c: { id: number; stage: Stage; structureKind: StructureKind; launch: 'now' | 'propose'; advisor?: AdvisorAnswers },
) {
  await seedDefaultPlan(tx, c.id);
  await recordStageChange(tx, { communityId: c.id, from: null, to: c.stage, by: viewer.id, reason: c.launch === 'propose' ? 'Proposed' : 'Created' });
  const advice = c.advisor ? adviseStructure(c.advisor) : null;
  await tx.insert(launchRecords).values({
    communityId: c.id,
    advisor: c.advisor
      ? { answers: c.advisor, recommended: advice?.recommended ?? null, runnerUp: advice?.runnerUp ?? null, explanation: advice?.explanation ?? null, chosen: c.structureKind }
      : {},
    launchedAt: c.launch === 'now' ? new Date() : null,
    launchedBy: c.launch === 'now' ? viewer.id : null,
  });
}

/** Moves a community to another stage and records who, when and why (no-op when unchanged). */
export async function changeStage(tx: Queryable, viewer: Viewer, communityId: number, to: Stage, reason?: string) {
  const [row] = await tx.select({ stage: communities.stage }).from(communities).where(eq(communities.id, communityId)).for('update');
  if (!row || row.stage === to) return;
  await tx.update(communities).set({ stage: to }).where(eq(communities.id, communityId));
  await recordStageChange(tx, { communityId, from: row.stage, to, by: viewer.id, reason });
}

type StepValues = { [K in LaunchStep]: import('zod').infer<(typeof launchStepInputs)[K]> }[LaunchStep];

const stepColumn = { discovery: 'discovery', preparation: 'preparation', planning: 'planning', follow_up: 'follow_up' } as const;

/** Saves (part of) one launch step, merging into what was saved before. */
export async function saveLaunchStep(db: Db, communityId: number, step: LaunchStep, values: StepValues) {
  const stored: Record<string, unknown> = { ...values };
  if (step === 'planning' && 'designTeam' in values && values.designTeam) {
    const wanted = [...new Set(values.designTeam.map((u) => u.toLowerCase()))];
    const found = await findUsersByUsernames(db, wanted);
    const byName = new Map(found.map((u) => [u.username.toLowerCase(), u.id]));
    const missing = values.designTeam.findIndex((u) => !byName.has(u.toLowerCase()));
    if (missing >= 0) throw invalidField(`designTeam.${missing}`, `Nobody has the username “${values.designTeam[missing]}”.`);
    stored.designTeam = wanted.map((u) => byName.get(u));
  }
  if (Object.keys(stored).length === 0) throw invalidField('body', 'Fill in at least one field.');
  const column = sql.raw(stepColumn[step]);
  await db.execute(sql`
    insert into launch_records (community_id, ${column}) values (${communityId}, ${JSON.stringify(stored)}::jsonb)
    on conflict (community_id) do update set ${column} = launch_records.${column} || excluded.${column}, updated_at = now()`);
}

/** Launches a proposal: it becomes active in the chosen stage; the launch and the stage change are recorded. */
export async function launchCommunity(db: Db, viewer: Viewer, communityId: number, input: { stage: Stage; reason: string }) {
  await db.transaction(async (tx) => {
    const [c] = await tx.select({ status: communities.status, stage: communities.stage }).from(communities).where(eq(communities.id, communityId)).for('update');
    if (c.status !== 'proposed') throw conflict('not_proposed', 'This community has already been launched.');
    await tx.update(communities).set({ status: 'active', stage: input.stage }).where(eq(communities.id, communityId));
    await tx
      .insert(launchRecords)
      .values({ communityId, launchedAt: sql`now()`, launchedBy: viewer.id })
      .onConflictDoUpdate({ target: launchRecords.communityId, set: { launchedAt: sql`now()`, launchedBy: viewer.id, updatedAt: sql`now()` } });
    await recordStageChange(tx, { communityId, from: c.stage, to: input.stage, by: viewer.id, reason: input.reason ? `Launched: ${input.reason}` : 'Launched' });
    await audit(tx, viewer.id, 'community.launched', `community:${communityId}`, { stage: input.stage });
  });
}

/** The metrics of a community and the stage they suggest, if any (assets count 0 until the repository exists). */
export async function computeStageSignals(db: Queryable, communityId: number, stage: Stage) {
  const m = await stageMetrics(db, communityId);
  const now = new Date();
  // Dates held in the last 90 days, recurring series expanded the same way the calendar does.
  const held = (await occurrencesInWindow(db, eq(events.communityId, communityId), new Date(now.getTime() - 90 * 86_400_000), now)).filter((o) => !o.cancelled);
  const metrics = { stage, ...m, events: held.length, assets: 0 };
  return { metrics, suggestion: suggestStage(metrics) };
}

async function ownerId(db: Queryable, communityId: number, owner: string | null | undefined) {
  if (owner === undefined) return undefined;
  if (owner === null) return null;
  const m = await findActiveMember(db, communityId, owner);
  if (!m) throw invalidField('owner', `“${owner}” is not a member of this community. Owners must be members.`);
  return m.id;
}

/** Adds a coordinator's own task to the plan, at the end of its need. */
export async function createTask(db: Db, communityId: number, input: CreateTaskInput) {
  const owner = await ownerId(db, communityId, input.owner);
  return db.transaction(async (tx) => {
    // One writer at a time per community, so the cap and positions hold under concurrent adds.
    await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, communityId)).for('update');
    if ((await countOwnTasks(tx, communityId)) >= MAX_OWN_TASKS) {
      throw conflict('too_many_tasks', `A plan holds at most ${MAX_OWN_TASKS} tasks of your own. Remove finished ones first.`);
    }
    const [row] = await tx
      .insert(cultivationTasks)
      .values({
        communityId,
        need: input.need,
        title: input.title,
        ownerId: owner ?? null,
        dueDate: input.dueDate ?? null,
        status: input.status,
        notes: input.notes,
        isDefault: false,
        position: sql`(select coalesce(max(position), -1) + 1 from cultivation_tasks where community_id = ${communityId} and need = ${input.need})`,
      })
      .returning({ id: cultivationTasks.id });
    return row;
  });
}

/** Updates a task; the default checklist's tasks keep their titles. */
export async function updateTask(db: Db, communityId: number, id: number, input: UpdateTaskInput) {
  if (Object.keys(input).length === 0) throw invalidField('body', 'Change at least one field.');
  const task = await findTask(db, communityId, id);
  if (!task) throw notFound('task');
  if (input.title !== undefined && task.isDefault && input.title !== task.title) {
    throw invalidField('title', 'Tasks from the default checklist keep their names. Add a task of your own instead.');
  }
  const owner = await ownerId(db, communityId, input.owner);
  const { owner: _o, ...rest } = input;
  await db
    .update(cultivationTasks)
    .set({ ...rest, ...(owner !== undefined ? { ownerId: owner } : {}), updatedAt: sql`now()` })
    .where(and(eq(cultivationTasks.id, id), eq(cultivationTasks.communityId, communityId)));
}

/** Deletes a coordinator's own task; default ones are marked "not needed" instead. */
export async function deleteTask(db: Db, communityId: number, id: number) {
  const task = await findTask(db, communityId, id);
  if (!task) throw notFound('task');
  if (task.isDefault) throw conflict('default_task', 'Tasks from the default checklist cannot be deleted. Mark it “Not needed” instead.');
  await db.delete(cultivationTasks).where(and(eq(cultivationTasks.id, id), eq(cultivationTasks.communityId, communityId)));
}
