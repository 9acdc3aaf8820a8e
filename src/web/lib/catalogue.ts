import {
  domainTypes,
  learningActivities,
  roles,
  stages,
  structureKinds,
  visibilities,
} from '../../shared/model/catalogue.ts';

export { domainTypes, learningActivities, roles, stages, structureKinds, visibilities };

type Item = { key: string; name: string; description: string };

/** A catalogue entry by key; unknown keys show as themselves so nothing disappears. */
export function lookup<T extends Item>(items: readonly T[], key: string | null | undefined): T | { key: string; name: string; description: string } {
  return items.find((i) => i.key === key) ?? { key: key ?? '', name: key ?? '', description: '' };
}

export const stageOf = (key: string) => stages.find((s) => s.key === key);

/** Roles in catalogue order, so badges always read the same way. */
export function sortRoles(keys: string[]): string[] {
  const order = roles.map((r) => r.key as string);
  return [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
