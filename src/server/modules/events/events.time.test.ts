import { describe, expect, it } from 'vitest';
import { formatLocal, fromWallClock, isOccurrence, isTimeZone, occurrenceKey, occurrenceStarts, parseLocal, parseOccurrenceKey, ruleProblem, ruleText, seriesEnd } from './events.time.ts';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('time zones', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('converts local times to instants on both sides of a daylight-saving change', () => {
    expect(parseLocal('2027-03-26T18:00', 'Europe/Berlin')?.toISOString()).toBe('2027-03-26T17:00:00.000Z');
    expect(parseLocal('2027-04-02T18:00', 'Europe/Berlin')?.toISOString()).toBe('2027-04-02T16:00:00.000Z');
    expect(formatLocal(new Date('2027-04-02T16:00:00Z'), 'Europe/Berlin')).toBe('2027-04-02T18:00');
  });

  it('moves a time in the skipped spring hour forward and takes the first of a repeated autumn hour', () => {
    expect(parseLocal('2027-03-28T02:30', 'Europe/Berlin')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(fromWallClock(new Date(Date.UTC(2027, 9, 31, 2, 30)), 'Europe/Berlin').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(parseLocal('2027-02-30T10:00', 'UTC')).toBeNull();
    expect(parseLocal('2027-02-10T25:00', 'UTC')).toBeNull();
    expect(parseLocal('10/02/2027 10:00', 'UTC')).toBeNull();
  });
});

describe('recurrence', () => {
  it('a weekly series keeps 18:00 local time across the spring change in Berlin', () => {
    const s = { startsAt: parseLocal('2027-03-19T18:00', 'Europe/Berlin')!, endsAt: parseLocal('2027-03-19T19:30', 'Europe/Berlin')!, timeZone: 'Europe/Berlin', rule: 'FREQ=WEEKLY' };
    expect(iso(occurrenceStarts(s, new Date('2027-03-01Z'), new Date('2027-04-05Z')))).toEqual([
      '2027-03-19T17:00:00.000Z',
      '2027-03-26T17:00:00.000Z',
      '2027-04-02T16:00:00.000Z',
    ]);
  });

  it('a monthly "last Friday" series keeps 09:00 in New York across the autumn change', () => {
    const s = { startsAt: parseLocal('2027-09-24T09:00', 'America/New_York')!, endsAt: parseLocal('2027-09-24T10:00', 'America/New_York')!, timeZone: 'America/New_York', rule: 'FREQ=MONTHLY;BYDAY=-1FR' };
    expect(iso(occurrenceStarts(s, new Date('2027-09-01Z'), new Date('2027-12-01Z')))).toEqual([
      '2027-09-24T13:00:00.000Z',
      '2027-10-29T13:00:00.000Z',
      '2027-11-26T14:00:00.000Z',
    ]);
    expect(ruleText(s.rule)).toBe('every month on the last Friday');
  });

  it('every second Tuesday, with a count, has a known end', () => {
    const s = { startsAt: parseLocal('2027-01-05T12:00', 'UTC')!, endsAt: parseLocal('2027-01-05T13:00', 'UTC')!, timeZone: 'UTC', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3' };
    expect(iso(occurrenceStarts(s, new Date('2027-01-01Z'), new Date('2028-01-01Z')))).toEqual([
      '2027-01-05T12:00:00.000Z',
      '2027-01-19T12:00:00.000Z',
      '2027-02-02T12:00:00.000Z',
    ]);
    expect(seriesEnd(s)?.toISOString()).toBe('2027-02-02T13:00:00.000Z');
    expect(seriesEnd({ ...s, rule: 'FREQ=WEEKLY' })).toBeNull();
    expect(isOccurrence(s, new Date('2027-01-19T12:00:00Z'))).toBe(true);
    expect(isOccurrence(s, new Date('2027-01-12T12:00:00Z'))).toBe(false);
  });

  it('refuses rules it cannot or should not run', () => {
    expect(ruleProblem('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(ruleProblem('FREQ=SOMETIMES')).not.toBeNull();
    expect(ruleProblem('FREQ=MINUTELY')).not.toBeNull();
    expect(ruleProblem('FREQ=DAILY;COUNT=5000')).not.toBeNull();
    expect(ruleProblem('FREQ=DAILY;BYHOUR=9')).not.toBeNull();
    expect(ruleProblem('DTSTART:20270101T000000Z\nRRULE:FREQ=DAILY')).not.toBeNull();
  });

  it('names occurrences by their UTC start and reads the names back', () => {
    const d = new Date('2027-03-19T17:00:00Z');
    expect(occurrenceKey(d)).toBe('20270319T170000Z');
    expect(parseOccurrenceKey('20270319T170000Z')?.toISOString()).toBe(d.toISOString());
    expect(parseOccurrenceKey('2027-03-19')).toBeNull();
  });
});
