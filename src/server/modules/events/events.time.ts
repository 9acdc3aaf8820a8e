import * as rruleModule from 'rrule';
import type { Options, RRule as RRuleType } from 'rrule';

// rrule ships a CommonJS bundle whose named exports Node cannot see; take them from the default.
const lib = ((rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;
const { RRule } = lib;

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsCache.set(tz, f);
  }
  return f;
}

/** The wall-clock time in `tz` at `instant`, as a "floating" Date whose UTC fields hold it. */
export function toWallClock(instant: Date, tz: string): Date {
  const p = Object.fromEntries(formatter(tz).formatToParts(instant).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second));
}

/**
 * The instant when the clocks in `tz` show `wall` (a floating Date). In the hour skipped at a
 * spring-forward change the later offset wins (02:30 becomes 03:30); in the repeated autumn
 * hour the first one wins.
 */
export function fromWallClock(wall: Date, tz: string): Date {
  const guess = wall.getTime();
  const offsetAt = (t: number) => toWallClock(new Date(t), tz).getTime() - t;
  // The offsets a day either side bracket any change; try both and keep those that show `wall`.
  const before = guess - offsetAt(guess - 86400_000);
  const after = guess - offsetAt(guess + 86400_000);
  const valid = [before, after].filter((t) => toWallClock(new Date(t), tz).getTime() === guess);
  return new Date(valid.length ? Math.min(...valid) : before);
}

/** Parses "2026-03-20T18:00" (local time in `tz`) into an instant; null when malformed. */
export function parseLocal(local: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  if (wall.getUTCMonth() !== +m[2] - 1 || wall.getUTCDate() !== +m[3] || +m[4] > 23 || +m[5] > 59) return null;
  return fromWallClock(wall, tz);
}

/** "2026-03-20T18:00" for `instant` in `tz`. */
export function formatLocal(instant: Date, tz: string): string {
  return toWallClock(instant, tz).toISOString().slice(0, 16);
}

const allowedFreq = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
const MAX_SERIES_OCCURRENCES = 1000;

/** Why a rule is refused, or null when it can be used. The rule is an RRULE body without DTSTART. */
export function ruleProblem(rule: string): string | null {
  if (rule.length > 300) return 'The rule is too long.';
  if (/DTSTART|TZID|\n/i.test(rule)) return 'Give only the repeat rule (for example FREQ=WEEKLY;BYDAY=TU), without a start.';
  let opts: Partial<Options>;
  try {
    opts = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  } catch {
    return 'This repeat rule cannot be read.';
  }
  if (opts.freq === undefined || !allowedFreq.has(opts.freq)) return 'Events repeat daily, weekly, monthly or yearly.';
  if (opts.interval !== undefined && (opts.interval < 1 || opts.interval > 52)) return 'The interval must be between 1 and 52.';
  if (opts.count !== undefined && opts.count !== null && (opts.count < 1 || opts.count > MAX_SERIES_OCCURRENCES)) return `A series has at most ${MAX_SERIES_OCCURRENCES} occurrences.`;
  if (opts.byhour || opts.byminute || opts.bysecond) return 'The time of day comes from the start; leave hours and minutes out of the rule.';
  return null;
}

export interface Series {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  rule: string | null;
}

function ruleFor(s: Series): RRuleType {
  const opts = RRule.parseString(s.rule!.replace(/^RRULE:/i, ''));
  // Floating times: the rule runs on the local wall clock, so 18:00 stays 18:00 across DST.
  const untilWall = opts.until ? toWallClock(opts.until, s.timeZone) : undefined;
  return new RRule({ ...opts, until: untilWall ?? null, dtstart: toWallClock(s.startsAt, s.timeZone), tzid: null });
}

/** Original starts of the occurrences of a series that begin in [from, to), in order. */
export function occurrenceStarts(s: Series, from: Date, to: Date, limit = 500): Date[] {
  if (!s.rule) return s.startsAt >= from && s.startsAt < to ? [s.startsAt] : [];
  const r = ruleFor(s);
  // Widen the floating window by a day either side; filter precisely on real instants.
  const wFrom = new Date(from.getTime() - 86400_000 * 2);
  const wTo = new Date(to.getTime() + 86400_000 * 2);
  const out: Date[] = [];
  r.between(wFrom, wTo, true, (d) => {
    const real = fromWallClock(d, s.timeZone);
    if (real >= from && real < to) out.push(real);
    return out.length < limit;
  });
  return out;
}

/** Whether `at` is the original start of an occurrence of the series. */
export function isOccurrence(s: Series, at: Date): boolean {
  return occurrenceStarts(s, new Date(at.getTime() - 1000), new Date(at.getTime() + 1000), 2).some((d) => d.getTime() === at.getTime());
}

/** The end of the last occurrence, or null for a series without an end. */
export function seriesEnd(s: Series): Date | null {
  if (!s.rule) return s.endsAt;
  const r = ruleFor(s);
  if (!r.options.count && !r.options.until) return null;
  const all = r.all((_, i) => i < MAX_SERIES_OCCURRENCES);
  const last = all[all.length - 1];
  if (!last) return s.endsAt;
  return new Date(fromWallClock(last, s.timeZone).getTime() + (s.endsAt.getTime() - s.startsAt.getTime()));
}

/** Whether the rule yields at least one occurrence (its first is the start itself when it matches). */
export function ruleHasOccurrences(s: Series): boolean {
  return ruleFor(s).after(new Date(toWallClock(s.startsAt, s.timeZone).getTime() - 1), true) !== null;
}

/** The rule in plain language ("every month on the last Friday"). */
export function ruleText(rule: string | null): string | null {
  if (!rule) return null;
  try {
    return RRule.fromString(rule.replace(/^RRULE:/i, '')).toText();
  } catch {
    return null;
  }
}

/** "20260320T170000Z" — the id of an occurrence in URLs (its original start, UTC). */
export function occurrenceKey(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function parseOccurrenceKey(key: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(key);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(d.getTime()) ? null : d;
}
