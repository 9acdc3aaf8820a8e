/**
 * The structure advisor (MODEL §2): a few plain questions about the need, scored against the five
 * kinds of group. Pure, so the web UI shows the recommendation as the proposer answers and the
 * server recomputes it from the same answers before storing it.
 */
import { type StructureKind, structureKindKeys, structureKinds } from './catalogue.ts';

type Scores = Partial<Record<StructureKind, number>>;

export interface AdvisorOption {
  key: string;
  name: string;
  description: string;
  /** Points this answer gives each kind of group. */
  scores: Scores;
  /** Why this answer points where it does, completing "you said …". */
  reason: string;
}

export interface AdvisorQuestion {
  key: string;
  name: string;
  description: string;
  options: readonly AdvisorOption[];
}

/** The questions, in the order they are asked; the first weighs most, it names the need itself. */
export const advisorQuestions = [
  {
    key: 'need',
    name: 'What do you need the group for?',
    description: 'Pick the closest; this matters most.',
    options: [
      { key: 'task', name: 'To get a piece of work done', description: 'A defined deliverable that people are accountable for.', scores: { team: 4, task_force: 1 }, reason: 'there is a task to accomplish' },
      { key: 'problem', name: 'To solve one problem', description: 'Once it is solved, the group has done its job.', scores: { task_force: 4, team: 1 }, reason: 'there is a single problem to solve' },
      { key: 'connect', name: 'To connect people', description: 'People who should know each other and can call on each other.', scores: { network: 4, community_of_practice: 1 }, reason: 'people need to be connected' },
      { key: 'steward', name: 'To get better at a practice, together', description: 'Keep what people know in an area alive and growing.', scores: { community_of_practice: 4, network: 1, center_of_excellence: 1 }, reason: 'there is a knowledge domain to steward' },
      { key: 'serve', name: 'To offer expertise to others', description: 'People elsewhere in the organization come for advice or a service.', scores: { center_of_excellence: 4, community_of_practice: 1 }, reason: 'there is a knowledge service to provide' },
    ],
  },
  {
    key: 'duration',
    name: 'How long should it last?',
    description: 'Think of when the group would have done its job.',
    options: [
      { key: 'until_solved', name: 'Until one problem is solved', description: 'Weeks or a few months.', scores: { task_force: 2 }, reason: 'it should end once the problem is solved' },
      { key: 'until_delivered', name: 'As long as the work takes', description: 'Until the deliverable is done, then perhaps the next one.', scores: { team: 2 }, reason: 'it should last as long as the work' },
      { key: 'ongoing', name: 'As long as it is useful', description: 'No end date; it lives as long as people find it worth their time.', scores: { community_of_practice: 1, network: 1, center_of_excellence: 1 }, reason: 'it should last as long as it is useful' },
    ],
  },
  {
    key: 'members',
    name: 'Who takes part?',
    description: 'How people come to be in the group.',
    options: [
      { key: 'assigned', name: 'People assigned to it', description: 'A manager decides who is in.', scores: { team: 2, task_force: 2 }, reason: 'members are assigned' },
      { key: 'experts', name: 'Recognized experts', description: 'People chosen for what they know.', scores: { center_of_excellence: 2, task_force: 1 }, reason: 'members are recognized experts' },
      { key: 'self_selected', name: 'Anyone who cares about it', description: 'People choose to join because the subject matters to them.', scores: { community_of_practice: 2, network: 2 }, reason: 'people choose to take part' },
    ],
  },
  {
    key: 'bond',
    name: 'What will hold them together?',
    description: 'What keeps people coming back.',
    options: [
      { key: 'goals', name: 'Shared goals and deadlines', description: 'Commitments to a result.', scores: { team: 2, task_force: 1 }, reason: 'shared goals hold it together' },
      { key: 'practice', name: 'A shared practice they identify with', description: 'Passion for the domain and a sense of belonging.', scores: { community_of_practice: 3 }, reason: 'a shared practice holds it together' },
      { key: 'contacts', name: 'Useful contacts and news', description: 'Each person gains from knowing the others.', scores: { network: 2 }, reason: 'useful contacts hold it together' },
      { key: 'mandate', name: 'A mandate from the organization', description: 'It exists to serve others.', scores: { center_of_excellence: 2, team: 1 }, reason: 'a mandate holds it together' },
    ],
  },
  {
    key: 'learning',
    name: 'How much should members learn from each other?',
    description: 'Learning together is what sets a community of practice apart.',
    options: [
      { key: 'apply', name: 'Little: they apply what they know', description: 'The point is the result, not the learning.', scores: { team: 1, task_force: 1, center_of_excellence: 1 }, reason: 'members mostly apply what they already know' },
      { key: 'share', name: 'Some: they pass on what they hear', description: 'Sharing news and pointers.', scores: { network: 1 }, reason: 'members pass on information' },
      { key: 'develop', name: 'A lot: they develop their practice together', description: 'Learning from and with each other is the point.', scores: { community_of_practice: 2 }, reason: 'members develop their practice together' },
    ],
  },
] as const satisfies readonly AdvisorQuestion[];

export type AdvisorQuestionKey = (typeof advisorQuestions)[number]['key'];
export type AdvisorAnswers = Partial<Record<AdvisorQuestionKey, string>>;

export interface AdvisorResult {
  recommended: StructureKind;
  runnerUp: StructureKind;
  scores: Record<StructureKind, number>;
  /** Plain reasons, from the answers that point most strongly to the recommendation. */
  why: string[];
  /** One paragraph a proposer can read. */
  explanation: string;
}

const nameOf = (k: StructureKind) => structureKinds.find((s) => s.key === k)!;
const article = (name: string) => (/^[aeiou]/i.test(name) ? 'an' : 'a');

/** Recommends a kind of group from the answers given so far, or null before the first answer. */
export function adviseStructure(answers: AdvisorAnswers): AdvisorResult | null {
  const scores = Object.fromEntries(structureKindKeys.map((k) => [k, 0])) as Record<StructureKind, number>;
  const chosen: AdvisorOption[] = [];
  for (const q of advisorQuestions as readonly AdvisorQuestion[]) {
    const option = q.options.find((o) => o.key === answers[q.key as AdvisorQuestionKey]);
    if (!option) continue;
    chosen.push(option);
    for (const [kind, points] of Object.entries(option.scores)) scores[kind as StructureKind] += points ?? 0;
  }
  if (!chosen.length) return null;
  // Ties go to the kind the first question (the need itself) pointed to, then catalogue order.
  const needFirst: Scores = (advisorQuestions[0].options as readonly AdvisorOption[]).find((o) => o.key === answers.need)?.scores ?? {};
  const ranked = [...structureKindKeys].sort(
    (a, b) => scores[b] - scores[a] || (needFirst[b] ?? 0) - (needFirst[a] ?? 0) || structureKindKeys.indexOf(a) - structureKindKeys.indexOf(b),
  );
  const [recommended, runnerUp] = ranked;
  // An answer explains the choice when it points most strongly (perhaps jointly) at it.
  const why = chosen
    .filter((o) => {
      const points = o.scores[recommended] ?? 0;
      return points > 0 && points === Math.max(...Object.values(o.scores).map((p) => p ?? 0));
    })
    .map((o) => o.reason);
  const kind = nameOf(recommended);
  const second = nameOf(runnerUp);
  const lower = kind.name.toLowerCase();
  const explanation =
    `${article(lower) === 'an' ? 'An' : 'A'} ${lower} fits ${kind.need}: ${why.length ? `you said ${joinPlain(why)}` : 'it scored highest on your answers'}. ` +
    `${kind.description} If that is not quite it, ${article(second.name)} ${second.name.toLowerCase()} came next (${second.need}).`;
  return { recommended, runnerUp, scores, why, explanation };
}

function joinPlain(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
