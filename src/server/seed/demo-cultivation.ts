/**
 * Demo cultivation (issue 4): every community gets a believable stage history, launch record and
 * cultivation plan progress for its stage, and one proposal waits in the launch process.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../shared/contracts/auth.ts';
import type { AdvisorAnswers } from '../../shared/model/advisor.ts';
import { type Stage, stageKeys } from '../../shared/model/catalogue.ts';
import type { Db } from '../db/client.ts';
import { communities, cultivationTasks, launchRecords, memberships, stageChanges } from '../db/schema/index.ts';
import { createCommunity, invite, joinCommunity } from '../modules/communities/communities.service.ts';
import { createTask, saveLaunchStep } from '../modules/cultivation/cultivation.service.ts';

const DAY = 86_400_000;

/** Why each community moved into each stage, in its coordinator's words. */
const REASONS: Record<string, Partial<Record<Stage, string>>> = {
  'network-operations': {
    coalescing: 'Launch workshop in Leeds: 23 controllers and technicians came, and the burst-response thread took off.',
    maturing: 'We now run the monthly pressure clinic and agreed a shared valve-exercising standard.',
    stewardship: 'New starters are routed to us by HR; the operations board asked for our view on the telemetry upgrade.',
  },
  'asset-management': {
    coalescing: 'The criticality workshop brought water and power planners together for the first time.',
    maturing: 'A learning agenda is agreed and two practice groups meet monthly.',
  },
  'water-quality': {
    coalescing: 'Lab and network people met at the first sampling day and kept talking.',
    maturing: 'The sampling protocol library is in use at all four labs.',
    stewardship: 'Regulator audits now cite our protocols; we welcome a cohort of graduates each autumn.',
  },
  'young-engineers': { coalescing: 'First meet-up had 30 graduates; a core group of five volunteered to organize the next ones.' },
  'storm-overflows': {
    coalescing: 'The task force formed after the spill-reporting audit; weekly calls started.',
    maturing: 'Monitoring data from 120 overflows is shared and the investigation checklist is agreed.',
  },
  'data-analytics': {
    coalescing: 'The first office hours filled up within a week.',
    maturing: 'Request intake and model review are running as a service for four directorates.',
  },
  'meter-reading': {
    coalescing: 'Readers from all depots met to compare routes.',
    maturing: 'Route-planning practice was standardised across the depots.',
    stewardship: 'The community carried the handheld rollout and trained every new reader.',
    transformation: 'Smart meters replace manual reads next year: we agreed to archive the route guides and join Data & Analytics for the new work.',
  },
  'ot-security': { coalescing: 'The incident exercise convinced the site leads to meet every fortnight.' },
};

/** Roughly how far each stage gets through the plan: needs → share of their tasks done (then one in progress). */
const PROGRESS: Record<Stage, Partial<Record<string, number>>> = {
  potential: { prepare: 1 },
  coalescing: { prepare: 3, launch: 2, build: 1, infrastructure: 1 },
  maturing: { prepare: 3, launch: 3, build: 3, infrastructure: 2, strategize: 1, grow: 1 },
  stewardship: { prepare: 3, launch: 3, build: 3, infrastructure: 3, strategize: 2, grow: 2, assess: 1, renew: 1 },
  transformation: { prepare: 3, launch: 3, build: 3, infrastructure: 3, strategize: 3, grow: 2, assess: 2, renew: 1 },
};

const NOTES: Record<string, string> = {
  'Interview members': 'Talked to people in every region before we started; notes are in the repository.',
  'Find an initial sponsor': 'The director of operations agreed to back it for a year.',
  'Develop a learning agenda': 'First draft agreed at the spring meeting; reviewed each quarter.',
  'Keep the pulse of the community': 'Quarterly check-in survey, short and anonymous.',
  'Prepare new leadership': 'Two core group members shadow the coordinator this year.',
};

const ADVICE: AdvisorAnswers = { need: 'steward', duration: 'ongoing', members: 'self_selected', bond: 'practice', learning: 'develop' };

/** The launch record the oldest communities keep (only some were launched through the process). */
const LAUNCHES: Record<string, Parameters<typeof saveLaunchStep>[3][]> = {
  'young-engineers': [
    { need: 'Graduates leave within two years because they feel alone with hard problems.', network: 'The graduate intake WhatsApp group', identity: 'Early-career engineers across water and power', leadership: 'Noah and two second-year graduates' },
    { leadership: 'Noah coordinates with half a day a month agreed with his manager.', commitment: 'Twelve graduates signed up for the first three meet-ups.', ownership: 'The graduates chose the topics themselves.', support: 'HR pays for a room and food once a quarter.', infrastructure: 'A space on Constellation; the training room in Leeds.', sponsorship: 'The engineering director sponsors it and will attend twice a year.' },
    { launchKind: 'activity', agenda: 'A “bring your hardest problem” evening: five-minute pitches, then small groups with a senior engineer each.' },
    { afterwards: 'Keep funding quarterly meet-ups and count coordination time as development.', resources: 'Budget for four events a year; a mentor pool of ten senior engineers.' },
  ],
  'net-zero': [
    { need: 'Decarbonisation work happens in silos across estates, fleet and treatment.', network: 'People who met at the 2030 strategy workshops', identity: 'Still forming: “net zero people” is not a job title yet', leadership: 'Sofia from the strategy team' },
  ],
};

/** The open proposal of the demo: in the middle of the launch process. */
export const DEMO_PROPOSAL = {
  input: {
    name: 'Drone Inspection Pilots',
    slug: 'drone-inspections',
    domainStatement: 'Flying drones to inspect reservoirs, towers and pipelines safely: flight planning, permissions, imagery and what it tells us.',
    domainType: 'technical' as const,
    structureKind: 'community_of_practice' as const,
    purpose: 'Share flight plans and lessons, agree how we capture and store imagery, and grow the pool of trained pilots.',
    visibility: 'open' as const,
    launch: 'propose' as const,
    advisor: ADVICE,
  },
  proposer: 'kenji',
  designTeam: ['kenji', 'tomasz', 'hugo'],
  steps: [
    { need: 'Five teams bought drones separately and each is learning the same lessons about permissions and imagery.', network: 'The pilots already message each other before difficult flights.', identity: 'They call themselves “the pilots” and share a licence course.', leadership: 'Kenji (OT) and Tomasz (network) have offered to coordinate.' },
    { leadership: 'Kenji and Tomasz would share the coordination.', commitment: 'Nine pilots say they would come monthly.', ownership: 'The pilots asked for it; nobody was told to join.', support: 'The asset director offered to fund the licence course.', infrastructure: 'A shared imagery store is needed; IT is assessing options.', sponsorship: 'Waiting for the asset director to confirm sponsorship in writing.' },
    { launchKind: 'core_group' },
  ] as Parameters<typeof saveLaunchStep>[3][],
};

const STEP_KEYS = ['discovery', 'preparation', 'planning', 'follow_up'] as const;

/** Adds the cultivation side of the demo; `ids` maps slugs to community ids. */
export async function seedDemoCultivation(db: Db, ids: Map<string, number>, person: (username: string) => Viewer) {
  const now = Date.now();
  const rows = await db
    .select({ id: communities.id, slug: communities.slug, stage: communities.stage, createdAt: communities.createdAt, createdBy: communities.createdBy })
    .from(communities);
  for (const c of rows.filter((r) => ids.has(r.slug))) {
    const created = c.createdAt.getTime();
    const age = now - created;
    const path = stageKeys.slice(0, stageKeys.indexOf(c.stage) + 1);
    // The history: created as potential, then each later stage at an even share of its life so far.
    await db.delete(stageChanges).where(eq(stageChanges.communityId, c.id));
    await db.insert(stageChanges).values(
      path.map((to, i) => ({
        communityId: c.id,
        fromStage: i === 0 ? null : path[i - 1],
        toStage: to,
        changedBy: c.createdBy,
        reason: i === 0 ? 'Created' : (REASONS[c.slug]?.[to] ?? ''),
        createdAt: new Date(created + (i === 0 ? 0 : (age * i) / (path.length + 0.5))),
      })),
    );
    await db
      .update(launchRecords)
      .set({ launchedAt: new Date(created + (path.length > 1 ? (age * 1) / (path.length + 0.5) : 14 * DAY)), updatedAt: c.createdAt })
      .where(eq(launchRecords.communityId, c.id));
    for (const [i, step] of (LAUNCHES[c.slug] ?? []).entries()) await saveLaunchStep(db, c.id, STEP_KEYS[i], step);

    // The plan: done tasks for the needs this stage has worked through, owned by members, dated along the way.
    const members = await db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.communityId, c.id), eq(memberships.status, 'active')))
      .orderBy(memberships.createdAt)
      .limit(6);
    const tasks = await db
      .select({ id: cultivationTasks.id, need: cultivationTasks.need, title: cultivationTasks.title, position: cultivationTasks.position })
      .from(cultivationTasks)
      .where(and(eq(cultivationTasks.communityId, c.id), eq(cultivationTasks.isDefault, true)));
    const progress = PROGRESS[c.stage];
    for (const [k, t] of tasks.entries()) {
      const doneCount = progress[t.need] ?? 0;
      const status = t.position < doneCount ? 'done' : t.position === doneCount && doneCount > 0 ? 'doing' : 'todo';
      const owner = members[k % members.length]?.id ?? null;
      await db
        .update(cultivationTasks)
        .set({
          status: t.title === 'Organize a launch process' && c.slug === 'ot-security' ? 'skipped' : status,
          ownerId: status === 'todo' && k % 3 ? null : owner,
          dueDate: status === 'done' ? null : new Date(now + ((k % 5) + 1) * 21 * DAY).toISOString().slice(0, 10),
          notes: status === 'todo' ? '' : (NOTES[t.title] ?? ''),
          updatedAt: new Date(created + (age * (k + 1)) / (tasks.length + 2)),
        })
        .where(eq(cultivationTasks.id, t.id));
    }
  }
  // A coordinator's own tasks, next to the checklist.
  const ops = ids.get('network-operations');
  if (ops) {
    await createTask(db, ops, { need: 'grow', title: 'Pair every new controller with a buddy for their first month', owner: 'aisha', status: 'doing', notes: 'Three pairs so far.', dueDate: null });
    await createTask(db, ops, { need: 'assess', title: 'Write up the Harrogate burst response as a value story', owner: 'emma', status: 'todo', notes: '', dueDate: null });
  }
  const zero = ids.get('net-zero');
  if (zero) await createTask(db, zero, { need: 'prepare', title: 'Map who already works on decarbonisation in each directorate', owner: 'sofia', status: 'doing', notes: '', dueDate: null });

  // The open proposal, mid-way through the launch process.
  const p = DEMO_PROPOSAL;
  const proposer = person(p.proposer);
  const { id } = await createCommunity(db, proposer, p.input);
  await db.update(communities).set({ createdAt: new Date(now - 12 * DAY) }).where(eq(communities.id, id));
  for (const u of p.designTeam.slice(1)) {
    await invite(db, proposer, id, u);
    await joinCommunity(db, person(u).id, id, 'active');
  }
  for (const [i, step] of p.steps.entries()) await saveLaunchStep(db, id, STEP_KEYS[i], step);
  await saveLaunchStep(db, id, 'planning', { designTeam: p.designTeam });
  await db.execute(sql`update launch_records set updated_at = now() - interval '2 days' where community_id = ${id}`);
  await db.update(stageChanges).set({ createdAt: new Date(now - 12 * DAY) }).where(eq(stageChanges.communityId, id));
  return { proposals: 1 };
}
