import { describe, expect, it } from 'vitest';
import { adviseStructure, advisorQuestions } from './advisor.ts';
import { structureKindKeys } from './catalogue.ts';

describe('structure advisor', () => {
  it('recommends nothing before the first answer', () => {
    expect(adviseStructure({})).toBeNull();
    expect(adviseStructure({ need: 'not-an-option' })).toBeNull();
  });

  it('recommends a community of practice for people stewarding a practice they care about', () => {
    const r = adviseStructure({ need: 'steward', duration: 'ongoing', members: 'self_selected', bond: 'practice', learning: 'develop' })!;
    expect(r.recommended).toBe('community_of_practice');
    expect(r.runnerUp).toBe('network');
    expect(r.why).toEqual([
      'there is a knowledge domain to steward',
      'it should last as long as it is useful',
      'people choose to take part',
      'a shared practice holds it together',
      'members develop their practice together',
    ]);
    expect(r.explanation).toMatch(/^A community of practice fits a knowledge domain to steward: you said there is a knowledge domain to steward/);
    expect(r.explanation).toContain('a network came next (connection between people)');
  });

  it('recommends a team for assigned people delivering a piece of work', () => {
    const r = adviseStructure({ need: 'task', duration: 'until_delivered', members: 'assigned', bond: 'goals', learning: 'apply' })!;
    expect(r.recommended).toBe('team');
    expect(r.runnerUp).toBe('task_force');
    expect(r.scores.team).toBe(11);
  });

  it('recommends a task force for one problem that ends when solved', () => {
    const r = adviseStructure({ need: 'problem', duration: 'until_solved', members: 'assigned' })!;
    expect(r.recommended).toBe('task_force');
    expect(r.why).toEqual(['there is a single problem to solve', 'it should end once the problem is solved', 'members are assigned']);
  });

  it('recommends a network for connecting people who share news', () => {
    const r = adviseStructure({ need: 'connect', bond: 'contacts', learning: 'share' })!;
    expect(r.recommended).toBe('network');
    expect(r.explanation).toMatch(/^A network fits connection between people/);
  });

  it('recommends a center of excellence for experts serving the organization, with "an" before it', () => {
    const r = adviseStructure({ need: 'serve', members: 'experts', bond: 'mandate', learning: 'apply' })!;
    expect(r.recommended).toBe('center_of_excellence');
    expect(r.explanation).toMatch(/^A center of excellence fits a knowledge service to provide/);
  });

  it('breaks a tie in favour of what the need itself points to', () => {
    // need=connect: network 4, cop 1; members=self_selected: both +2; bond=practice: cop +3 → 6 vs 6.
    const r = adviseStructure({ need: 'connect', members: 'self_selected', bond: 'practice' })!;
    expect(r.scores.network).toBe(r.scores.community_of_practice);
    expect(r.recommended).toBe('network');
    expect(r.runnerUp).toBe('community_of_practice');
  });

  it('lets later answers outweigh a weak first one', () => {
    const r = adviseStructure({ need: 'connect', duration: 'ongoing', members: 'self_selected', bond: 'practice', learning: 'develop' })!;
    expect(r.recommended).toBe('community_of_practice');
    expect(r.why).not.toContain('people need to be connected');
    expect(r.why).toContain('members develop their practice together');
  });

  it('asks plain questions, each option with a one-line explanation, pointing only at real kinds', () => {
    expect(advisorQuestions.length).toBeGreaterThanOrEqual(3);
    for (const q of advisorQuestions) {
      expect(q.name).toMatch(/\?$/);
      for (const o of q.options) {
        expect(o.name && o.description && o.reason).toBeTruthy();
        for (const k of Object.keys(o.scores)) expect(structureKindKeys).toContain(k);
      }
    }
    // Every kind can be recommended by some first answer.
    const reachable = new Set(advisorQuestions[0].options.map((o) => adviseStructure({ need: o.key })!.recommended));
    expect(reachable).toEqual(new Set(structureKindKeys));
  });
});
