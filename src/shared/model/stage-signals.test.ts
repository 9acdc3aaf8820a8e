import { describe, expect, it } from 'vitest';
import { type StageMetrics, suggestStage, suggestionSentence, trendPhrase } from './stage-signals.ts';

const base: StageMetrics = { stage: 'potential', members: 3, activeMembers: 1, postsLast30: 2, postsPrev30: 1, ageDays: 20, events: 0, assets: 0 };
const m = (over: Partial<StageMetrics>): StageMetrics => ({ ...base, ...over });

describe('stage signals', () => {
  it('suggests nothing for a small potential community', () => {
    expect(suggestStage(base)).toBeNull();
  });

  it('suggests coalescing once people have found each other and several are active', () => {
    const s = suggestStage(m({ members: 6, activeMembers: 3 }))!;
    expect(s).toMatchObject({ from: 'potential', to: 'coalescing', direction: 'forward', headline: 'may be coalescing' });
  });

  it('suggests maturing for a grown, growing coalescing community, with the numbers in the sentence', () => {
    const s = suggestStage(m({ stage: 'coalescing', members: 18, activeMembers: 7, postsLast30: 14, postsPrev30: 10, ageDays: 90 }))!;
    expect(s.to).toBe('maturing');
    expect(suggestionSentence(s)).toBe(
      'Signals suggest this community may be maturing: 18 members, 7 active in the last 30 days, activity up 40% on the 30 days before.',
    );
  });

  it('does not call a young coalescing community maturing however busy it is', () => {
    expect(suggestStage(m({ stage: 'coalescing', members: 40, activeMembers: 20, postsLast30: 80, postsPrev30: 10, ageDays: 30 }))).toBeNull();
  });

  it('counts events and assets as evidence of joint activity when activity dips', () => {
    const quietish = m({ stage: 'coalescing', members: 16, activeMembers: 6, postsLast30: 8, postsPrev30: 12, ageDays: 100 });
    expect(suggestStage(quietish)).toBeNull();
    const s = suggestStage({ ...quietish, events: 2, assets: 5 })!;
    expect(s.to).toBe('maturing');
    expect(s.reasons).toContain('2 events in the last 90 days');
    expect(s.reasons).toContain('5 assets in the repository');
  });

  it('suggests stewardship for a large, steady, older maturing community', () => {
    const s = suggestStage(m({ stage: 'maturing', members: 35, activeMembers: 11, postsLast30: 30, postsPrev30: 32, ageDays: 400 }))!;
    expect(s).toMatchObject({ to: 'stewardship', headline: 'may be ready for stewardship' });
  });

  it('suggests an earlier stage when a maturing community loses momentum', () => {
    const s = suggestStage(m({ stage: 'maturing', members: 40, activeMembers: 2, postsLast30: 3, postsPrev30: 20, ageDays: 300 }))!;
    expect(s).toMatchObject({ to: 'coalescing', direction: 'back', headline: 'may be losing momentum' });
  });

  it('suggests transformation when a stewardship community goes quiet', () => {
    const s = suggestStage(m({ stage: 'stewardship', members: 50, activeMembers: 3, postsLast30: 2, postsPrev30: 25, ageDays: 900 }))!;
    expect(s).toMatchObject({ to: 'transformation', direction: 'forward', headline: 'may be transforming' });
    expect(s.reasons).toContain('activity down 92% on the 30 days before');
  });

  it('leaves a healthy stewardship community alone', () => {
    expect(suggestStage(m({ stage: 'stewardship', members: 50, activeMembers: 12, postsLast30: 30, postsPrev30: 28, ageDays: 900 }))).toBeNull();
  });

  it('notices a transforming community coming back to life', () => {
    const s = suggestStage(m({ stage: 'transformation', members: 20, activeMembers: 7, postsLast30: 20, postsPrev30: 4, ageDays: 700 }))!;
    expect(s).toMatchObject({ to: 'stewardship', direction: 'back', headline: 'may have found new energy' });
  });

  it('suggests a coalescing community that never took off may still be potential', () => {
    const s = suggestStage(m({ stage: 'coalescing', members: 4, activeMembers: 0, postsLast30: 0, postsPrev30: 0, ageDays: 200 }))!;
    expect(s).toMatchObject({ to: 'potential', direction: 'back' });
    expect(s.reasons).toContain('no posts in the last 60 days');
  });

  it('describes the activity trend in words', () => {
    expect(trendPhrase(0, 0)).toBe('no posts in the last 60 days');
    expect(trendPhrase(5, 0)).toBe('5 posts in the last 30 days, none in the 30 before');
    expect(trendPhrase(10, 10)).toBe('activity steady on the 30 days before');
    expect(trendPhrase(5, 10)).toBe('activity down 50% on the 30 days before');
  });
});
