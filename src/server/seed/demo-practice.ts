import { eq, inArray } from 'drizzle-orm';
import type { Viewer } from '../../shared/contracts/auth.ts';
import type { Role } from '../../shared/model/catalogue.ts';
import type { Db } from '../db/client.ts';
import { topics } from '../db/schema/index.ts';
import { createItem, linkTopic } from '../modules/agenda/agenda.service.ts';
import { assignRole } from '../modules/communities/communities.service.ts';
import { assignFunction, saveReflection } from '../modules/leadership/leadership.service.ts';
import { saveRatings, setFeature } from '../modules/orientation/orientation.service.ts';
import { createSubgroup, joinSubgroup } from '../modules/subgroups/subgroups.service.ts';
import { findSubgroup, isSubgroupMember } from '../modules/subgroups/subgroups.queries.ts';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString().slice(0, 10);

type Ratings = Record<string, number>;
interface Practice {
  coordinator: string;
  roles?: Record<string, Role[]>;
  /** Explicit leadership assignments: function → usernames. */
  covers?: Record<string, string[]>;
  reflections?: { role: Role; by: string; text: Record<string, string> }[];
  ratings?: { by: string; values: Ratings };
  off?: ('qa' | 'learning_agenda' | 'practice_groups' | 'projects')[];
  agenda?: { question: string; notes?: string; owner?: string; status?: 'open' | 'exploring' | 'answered' | 'parked'; topics?: string[] }[];
  subgroups?: { kind: 'practice_group' | 'project'; name: string; description: string; goal?: string; endInDays?: number; leader: string; members: string[]; topics?: string[] }[];
}

/** Roles, leadership, reflections, orientation profiles, learning agendas and subgroups, per community slug. */
const PRACTICE: Record<string, Practice> = {
  'network-operations': {
    coordinator: 'maria',
    roles: { tariq: ['convener'], julia: ['weaver'], kenji: ['technology_steward'] },
    covers: { generations: ['samir'], boundary_connections: ['priya'] },
    reflections: [
      {
        role: 'coordinator',
        by: 'maria',
        text: {
          purpose: 'Keeps the network people talking between incidents, not only during them.',
          actions: 'Runs the monthly call, nudges unanswered questions, welcomes new operators, keeps the plan moving.',
          challenges: 'Finding time around shift work; not becoming the only person who answers.',
          gratification: 'Seeing a burst handled faster because someone remembered a thread from last year.',
          qualification: 'Someone the operators trust, with enough network experience to judge what matters.',
          support: 'Half a day a week agreed with their manager, and a core group to share the load.',
        },
      },
      {
        role: 'cybrarian',
        by: 'emma',
        text: {
          purpose: 'Makes sure the procedures and templates we write can be found again.',
          actions: 'Tags new documents, retires old versions, links answers back to the procedures.',
          challenges: 'People keep private copies; nobody tells me when a procedure changes.',
          gratification: 'Being asked “where is…” less often because people find it themselves.',
          qualification: 'Tidy, curious, and close enough to the work to know which version is real.',
          support: 'Access to the document system and a heads-up when procedures change.',
        },
      },
      {
        role: 'questioner',
        by: 'liam',
        text: {
          purpose: 'Asks the questions newer people are afraid to ask.',
          actions: 'Posts open questions, asks “why do we do it this way?” on calls.',
          challenges: 'Not sounding like criticism of people who wrote the procedures.',
          gratification: 'Questions that turn into agenda items and then into better procedures.',
          qualification: 'Anyone with curiosity and a thick skin.',
          support: 'Coordinators who thank questions in public.',
        },
      },
    ],
    ratings: { by: 'kenji', values: { meetings: 3, conversations: 5, projects: 3, content: 4, expertise: 5, relationships: 3, individual: 2, cultivation: 3, context: 4 } },
    agenda: [
      {
        question: 'How do we find the cause of rising night flow in a DMA quickly?',
        notes: 'Collect the steps that worked in DMA 14 and turn them into a checklist.',
        owner: 'james',
        status: 'exploring',
        topics: ['Night flow creeping up in DMA 14 (Ashgrove) — where would you start?', 'Step test procedure and valve sheet template (2024 version)'],
      },
      {
        question: 'What is our agreed method for calculating DMA leakage?',
        owner: 'tomasz',
        status: 'exploring',
        topics: ['Let us document how we calculate DMA leakage, once and for all'],
      },
      { question: 'Is satellite leak detection worth it on rural mains?', owner: 'liam', status: 'open', topics: ['Has anyone used satellite leak detection on rural mains?'] },
      { question: 'What do pressure transients tell us about burst risk?', status: 'parked', notes: 'Waiting for a full year of logger data from Kestrel Lane.' },
    ],
    subgroups: [
      {
        kind: 'practice_group',
        name: 'Leak detection practice',
        description: 'Operators who do step tests, acoustic surveys and night-flow analysis, comparing notes monthly.',
        leader: 'james',
        members: ['aisha', 'liam', 'tomasz', 'maria'],
        topics: ['Night flow creeping up in DMA 14 (Ashgrove) — where would you start?'],
      },
      {
        kind: 'project',
        name: 'DMA leakage method write-up',
        description: 'One written method for DMA leakage, agreed across regions.',
        goal: 'Publish a reviewed, one-page method every region uses for its next leakage report.',
        endInDays: 75,
        leader: 'tomasz',
        members: ['priya', 'emma'],
        topics: ['Let us document how we calculate DMA leakage, once and for all'],
      },
    ],
  },
  'asset-management': {
    coordinator: 'helen',
    roles: { claire: ['convener'] },
    reflections: [
      {
        role: 'broker',
        by: 'anna',
        text: {
          purpose: 'Carries what the power side learns about criticality to the water side, and back.',
          actions: 'Sits in both communities, reposts useful threads, introduces people across the divide.',
          challenges: 'Vocabulary differs; people assume the other side has nothing to teach.',
          gratification: 'A method borrowed from the other side that saves a year of work.',
          qualification: 'Someone credible in both domains.',
          support: 'Time to attend both communities’ calls.',
        },
      },
    ],
    ratings: { by: 'helen', values: { meetings: 4, conversations: 3, projects: 2, content: 5, expertise: 4, relationships: 3, individual: 3, cultivation: 2, context: 5 } },
    agenda: [
      { question: 'How do we justify proactive valve exercising to the investment board?', owner: 'samir', status: 'answered', topics: ['How do other utilities justify proactive valve exercising?'] },
      { question: 'Can water and power use one criticality scoring scheme?', owner: 'anna', status: 'exploring', topics: ['Who knows what: criticality scoring across water and power assets'] },
    ],
  },
  'data-analytics': {
    coordinator: 'hana',
    ratings: { by: 'hana', values: { meetings: 2, conversations: 3, projects: 5, content: 4, expertise: 3, relationships: 2, individual: 4, cultivation: 2, context: 3 } },
    off: ['practice_groups'],
    agenda: [
      { question: 'Can we predict bursts a day ahead from pressure and temperature?', owner: 'priya', status: 'exploring', topics: ['Notebook: predicting bursts from pressure and temperature'] },
      { question: 'What makes a data catalogue actually used?', status: 'open', topics: ['Is the new data catalogue actually helping anyone?'] },
    ],
    subgroups: [
      {
        kind: 'project',
        name: 'Burst prediction pilot',
        description: 'A three-month pilot of the burst model on two districts.',
        goal: 'Show whether the model would have warned us of at least half of last winter’s bursts.',
        endInDays: 90,
        leader: 'priya',
        members: ['hana'],
        topics: ['Notebook: predicting bursts from pressure and temperature'],
      },
    ],
  },
  'storm-overflows': {
    coordinator: 'rosa',
    ratings: { by: 'rosa', values: { meetings: 3, conversations: 4, projects: 4, content: 3, expertise: 4, relationships: 3, individual: 2, cultivation: 3, context: 5 } },
    agenda: [{ question: 'Why do event duration monitors report spills on dry days?', owner: 'kwame', status: 'exploring', topics: ['Event duration monitor at Mill Lane CSO reports spills on dry days'] }],
    subgroups: [
      {
        kind: 'practice_group',
        name: 'Spill investigators',
        description: 'People who investigate spill reports, sharing the playbook as it grows.',
        leader: 'kwame',
        members: ['daniel', 'rosa'],
        topics: ['Spill investigation playbook — draft v0.3 for comment'],
      },
    ],
  },
  'net-zero': { coordinator: 'lars', ratings: { by: 'lars', values: { meetings: 4, conversations: 3, projects: 3, content: 2, expertise: 2, relationships: 4, individual: 2, cultivation: 3, context: 4 } }, off: ['learning_agenda'] },
};

/** Adds roles, leadership, reflections, profiles, agendas and subgroups to the demo communities. */
export async function seedDemoPractice(db: Db, ids: Map<string, number>, person: (username: string) => Viewer) {
  const titles = [...new Set(Object.values(PRACTICE).flatMap((p) => [...(p.agenda ?? []).flatMap((a) => a.topics ?? []), ...(p.subgroups ?? []).flatMap((s) => s.topics ?? [])]))];
  const found = await db.select({ id: topics.id, title: topics.title, authorId: topics.authorId }).from(topics).where(inArray(topics.title, titles));
  const topicOf = (title: string) => {
    const t = found.find((x) => x.title === title);
    if (!t) throw new Error(`demo practice names an unknown topic: ${title}`);
    return t;
  };
  for (const [slug, p] of Object.entries(PRACTICE)) {
    const communityId = ids.get(slug);
    if (!communityId) throw new Error(`demo practice names an unknown community: ${slug}`);
    const coordinator = person(p.coordinator);
    for (const [username, roles] of Object.entries(p.roles ?? {})) for (const role of roles) await assignRole(db, coordinator, communityId, username, role);
    for (const [fn, usernames] of Object.entries(p.covers ?? {})) for (const u of usernames) await assignFunction(db, coordinator, communityId, fn, u);
    for (const r of p.reflections ?? []) {
      await saveReflection(db, person(r.by), communityId, r.role, { purpose: '', actions: '', challenges: '', gratification: '', qualification: '', support: '', ...r.text });
    }
    if (p.ratings) await saveRatings(db, person(p.ratings.by), communityId, p.ratings.values);
    for (const a of p.agenda ?? []) {
      const id = await createItem(db, coordinator, communityId, { question: a.question, notes: a.notes ?? '', owner: a.owner, status: a.status ?? 'open' });
      for (const title of a.topics ?? []) await linkTopic(db, communityId, id, topicOf(title).id);
    }
    for (const s of p.subgroups ?? []) {
      const id = await createSubgroup(db, coordinator, communityId, {
        kind: s.kind,
        name: s.name,
        description: s.description,
        goal: s.goal ?? '',
        endDate: s.endInDays ? inDays(s.endInDays) : null,
        leader: s.leader,
      });
      const sg = (await findSubgroup(db, communityId, id, 0))!;
      for (const m of s.members) if (m !== s.leader) await joinSubgroup(db, person(m).id, sg);
      for (const title of s.topics ?? []) {
        const t = topicOf(title);
        // Topics go into a group only from its members: the author joins if they are not in it yet.
        if (!(await isSubgroupMember(db, id, t.authorId))) await joinSubgroup(db, t.authorId, sg);
        await db.update(topics).set({ subgroupId: id }).where(eq(topics.id, t.id));
      }
    }
    for (const f of p.off ?? []) await setFeature(db, coordinator, communityId, f, false);
  }
}
