import type { CoveringPerson, LeadershipView, ReflectionView } from '../../../shared/contracts/leadership.ts';
import { leadershipFunctions, roleReflectionParts } from '../../../shared/model/catalogue.ts';
import type { CoverageRow, ReflectionRow } from './leadership.queries.ts';

/** The twelve functions in catalogue order, each with the people who cover it. */
export function presentCoverage(rows: CoverageRow[], canAssign: boolean): LeadershipView {
  const functions = leadershipFunctions.map((f) => {
    const mine = rows.filter((r) => r.fn === f.key);
    const people: CoveringPerson[] = mine.map((r) => ({ username: r.username, displayName: r.displayName, via: r.via }));
    return { key: f.key, name: f.name, description: f.description, covered: people.length > 0, people, peopleCount: mine[0]?.total ?? 0 };
  });
  return { functions, coveredCount: functions.filter((f) => f.covered).length, total: functions.length, canAssign };
}

const parts = roleReflectionParts.map((p) => p.key);

export function presentReflection(role: string, row: ReflectionRow | null, canEdit: boolean): ReflectionView {
  const text = (k: (typeof parts)[number]) => row?.[k] ?? '';
  return {
    role,
    purpose: text('purpose'),
    actions: text('actions'),
    challenges: text('challenges'),
    gratification: text('gratification'),
    qualification: text('qualification'),
    support: text('support'),
    written: parts.some((k) => text(k) !== ''),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedByUsername ? { username: row.updatedByUsername, displayName: row.updatedByDisplayName ?? row.updatedByUsername } : null,
    canEdit,
  };
}
