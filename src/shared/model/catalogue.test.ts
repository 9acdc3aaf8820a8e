import { describe, expect, it } from 'vitest';
import * as model from './catalogue.ts';

describe('the model catalogue mirrors MODEL.md', () => {
  it('has every list with its items', () => {
    expect(model.structureKinds.map((s) => s.key)).toEqual(['team', 'task_force', 'network', 'community_of_practice', 'center_of_excellence']);
    expect(model.domainTypes).toHaveLength(3);
    expect(model.stages.map((s) => s.key)).toEqual(['potential', 'coalescing', 'maturing', 'stewardship', 'transformation']);
    expect(model.cultivationNeeds).toHaveLength(8);
    expect(model.cultivationNeeds.every((n) => n.tasks.length === 3)).toBe(true);
    expect(model.launchSteps).toHaveLength(4);
    expect(model.roles.filter((r) => r.group === 'community')).toHaveLength(7);
    expect(model.roles.filter((r) => r.group === 'member')).toHaveLength(7);
    expect(model.leadershipFunctions).toHaveLength(12);
    expect(model.roleReflectionParts).toHaveLength(6);
    expect(model.participationForms).toHaveLength(6);
    expect(model.learningActivities).toHaveLength(11);
    expect(model.orientations).toHaveLength(9);
    expect(model.valueCycles).toHaveLength(5);
  });

  it('gives every item a name and a one-line description', () => {
    const all = [model.structureKinds, model.domainTypes, model.stages, model.roles, model.learningActivities, model.orientations, model.cultivationNeeds];
    for (const list of all) for (const item of list) expect(item.name && item.description).toBeTruthy();
  });

  it('accepts the earlier stage names as aliases', () => {
    expect(model.resolveStage('active')).toBe('stewardship');
    expect(model.resolveStage('dispersed')).toBe('transformation');
    expect(model.resolveStage('memorable')).toBe('transformation');
    expect(model.resolveStage('maturing')).toBe('maturing');
    expect(model.resolveStage('nonsense')).toBeUndefined();
  });
});
