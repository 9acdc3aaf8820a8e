/**
 * Stage signals (MODEL §4): simple metrics computed from the platform's data suggest that a
 * community may have moved to another stage. They only suggest; a coordinator confirms.
 * Events and assets are inputs from the start so later features plug in without a change here.
 */
import { type Stage, stageKeys } from './catalogue.ts';

export interface StageMetrics {
  stage: Stage;
  /** Active members now. */
  members: number;
  /** Members who posted in the last 30 days. */
  activeMembers: number;
  /** Posts (topics and replies) in the last 30 days, and in the 30 days before. */
  postsLast30: number;
  postsPrev30: number;
  /** Days since the community was created. */
  ageDays: number;
  /** Events held in the last 90 days (0 until events exist). */
  events: number;
  /** Assets in the repository (0 until the repository exists). */
  assets: number;
}

export interface StageSuggestion {
  from: Stage;
  to: Stage;
  direction: 'forward' | 'back';
  /** "may be maturing", for a sentence that starts "Signals suggest this community …". */
  headline: string;
  /** The evidence, each a short phrase with its number. */
  reasons: string[];
}

/** Thresholds, stated once so the UI and the tests read the same numbers. */
export const stageSignalThresholds = {
  coalescing: { members: 5, activeMembers: 3 },
  maturing: { members: 15, activeMembers: 6, ageDays: 60 },
  stewardship: { members: 30, activeMembers: 10, ageDays: 180 },
  /** Activity below this share of the previous 30 days is a sharp decline. */
  declineRatio: 0.4,
  /** A community quiet this long with few active members may be transforming. */
  quietActiveShare: 0.1,
  minAgeForDecline: 120,
} as const;

const T = stageSignalThresholds;
const next = (s: Stage) => stageKeys[Math.min(stageKeys.indexOf(s) + 1, stageKeys.length - 1)];
/** How a move forward into each stage reads after "this community …". */
const forwardHeadline: Record<Stage, string> = {
  potential: 'may be forming',
  coalescing: 'may be coalescing',
  maturing: 'may be maturing',
  stewardship: 'may be ready for stewardship',
  transformation: 'may be transforming',
};

/** The change in activity, in words: "activity up 40% on the 30 days before". */
export function trendPhrase(last: number, prev: number): string {
  if (prev === 0) return last === 0 ? 'no posts in the last 60 days' : `${last} posts in the last 30 days, none in the 30 before`;
  const pct = Math.round(((last - prev) / prev) * 100);
  if (pct === 0) return 'activity steady on the 30 days before';
  return `activity ${pct > 0 ? 'up' : 'down'} ${Math.abs(pct)}% on the 30 days before`;
}

function evidence(m: StageMetrics): string[] {
  const r = [`${m.members} ${m.members === 1 ? 'member' : 'members'}`, `${m.activeMembers} active in the last 30 days`, trendPhrase(m.postsLast30, m.postsPrev30)];
  if (m.events > 0) r.push(`${m.events} ${m.events === 1 ? 'event' : 'events'} in the last 90 days`);
  if (m.assets > 0) r.push(`${m.assets} ${m.assets === 1 ? 'asset' : 'assets'} in the repository`);
  return r;
}

/** Suggests a possible next (or earlier) stage from the metrics, or null when nothing points away from the current one. */
export function suggestStage(m: StageMetrics): StageSuggestion | null {
  const growing = m.postsLast30 >= m.postsPrev30 && m.postsLast30 > 0;
  const declining = m.postsPrev30 > 0 ? m.postsLast30 < m.postsPrev30 * T.declineRatio : m.postsLast30 === 0;
  const activeShare = m.members ? m.activeMembers / m.members : 0;
  const joint = m.events + m.assets;

  const forward = (): StageSuggestion => {
    const to = next(m.stage);
    return { from: m.stage, to, direction: 'forward', headline: forwardHeadline[to], reasons: evidence(m) };
  };
  const back = (to: Stage, headline: string): StageSuggestion => ({ from: m.stage, to, direction: 'back', headline, reasons: evidence(m) });

  switch (m.stage) {
    case 'potential':
      if (m.members >= T.coalescing.members && m.activeMembers >= T.coalescing.activeMembers) return forward();
      return null;
    case 'coalescing':
      if (m.members >= T.maturing.members && m.activeMembers >= T.maturing.activeMembers && m.ageDays >= T.maturing.ageDays && (growing || joint > 0))
        return forward();
      if (m.ageDays >= T.minAgeForDecline && m.activeMembers === 0 && declining) return back('potential', 'may not have come together yet');
      return null;
    case 'maturing':
      if (m.members >= T.stewardship.members && m.activeMembers >= T.stewardship.activeMembers && m.ageDays >= T.stewardship.ageDays && !declining)
        return forward();
      if (m.ageDays >= T.minAgeForDecline && declining && activeShare < T.quietActiveShare) return back('coalescing', 'may be losing momentum');
      return null;
    case 'stewardship':
      if (m.ageDays >= T.minAgeForDecline && declining && activeShare < T.quietActiveShare) return forward();
      return null;
    case 'transformation':
      // A community that was winding down but has come back to life.
      if (m.activeMembers >= T.maturing.activeMembers && growing) return back('stewardship', 'may have found new energy');
      return null;
  }
}

/** The banner sentence: "Signals suggest this community may be maturing: 18 members, 7 active…". */
export function suggestionSentence(s: StageSuggestion): string {
  return `Signals suggest this community ${s.headline}: ${s.reasons.join(', ')}.`;
}
