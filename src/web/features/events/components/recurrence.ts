/** Plain-language repeat choices for a start date, each with the RRULE it stands for. */
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

export interface RepeatChoice {
  key: string;
  label: string;
  rule: string | null;
}

/** `local` is "YYYY-MM-DDTHH:mm" (the start in the event's zone). */
export function repeatChoices(local: string): RepeatChoice[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  const none: RepeatChoice = { key: 'none', label: 'Does not repeat (a one-off)', rule: null };
  if (!m) return [none];
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const dow = date.getUTCDay();
  const day = DAYS[dow];
  const name = DAY_NAMES[dow];
  const nth = Math.ceil(date.getUTCDate() / 7);
  const daysInMonth = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
  const isLast = date.getUTCDate() + 7 > daysInMonth;
  const choices: RepeatChoice[] = [
    none,
    { key: 'weekly', label: `Every week on ${name}`, rule: `FREQ=WEEKLY;BYDAY=${day}` },
    { key: 'biweekly', label: `Every second week on ${name}`, rule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}` },
  ];
  if (nth <= 4) choices.push({ key: 'monthly-nth', label: `Every month on the ${ORDINALS[nth - 1]} ${name}`, rule: `FREQ=MONTHLY;BYDAY=${nth}${day}` });
  if (isLast) choices.push({ key: 'monthly-last', label: `Every month on the last ${name}`, rule: `FREQ=MONTHLY;BYDAY=-1${day}` });
  choices.push({ key: 'monthly-day', label: `Every month on day ${date.getUTCDate()}`, rule: `FREQ=MONTHLY;BYMONTHDAY=${date.getUTCDate()}` });
  choices.push({ key: 'daily', label: 'Every day', rule: 'FREQ=DAILY' });
  return choices;
}

export type RepeatEnd = { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; date: string };

/** Splits a stored rule into its pattern and how it ends. */
export function splitRule(rule: string | null): { pattern: string | null; end: RepeatEnd } {
  if (!rule) return { pattern: null, end: { kind: 'never' } };
  const parts = rule.split(';');
  let end: RepeatEnd = { kind: 'never' };
  const rest: string[] = [];
  for (const p of parts) {
    const [k, v] = p.split('=');
    if (k === 'COUNT') end = { kind: 'count', count: Number(v) };
    else if (k === 'UNTIL') end = { kind: 'until', date: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` };
    else rest.push(p);
  }
  return { pattern: rest.join(';'), end };
}

export function joinRule(pattern: string | null, end: RepeatEnd): string | null {
  if (!pattern) return null;
  if (end.kind === 'count') return `${pattern};COUNT=${end.count}`;
  if (end.kind === 'until' && end.date) return `${pattern};UNTIL=${end.date.replace(/-/g, '')}T235959Z`;
  return pattern;
}
