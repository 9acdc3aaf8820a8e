import { useEffect, useState } from 'react';
import type { ExpertiseArea } from '../../../../shared/contracts/people.ts';
import { tagLabel } from '../../../../shared/contracts/people.ts';
import { expertiseLevels } from '../../../../shared/model/catalogue.ts';
import { Badge } from '../../../components/ui/feedback.tsx';
import { cx } from '../../../lib/cx.ts';

const sizes = { sm: 'size-10 text-sm', md: 'size-12 text-base', lg: 'size-20 text-2xl' } as const;

export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

/** A person's photo, or their initials on a tinted circle; decorative (the name is always next to it). */
export function Avatar({ name, photoUrl, size = 'md' }: { name: string; photoUrl: string | null; size?: keyof typeof sizes }) {
  if (photoUrl) return <img src={photoUrl} alt="" className={cx('shrink-0 rounded-full bg-slate-100 object-cover', sizes[size])} />;
  return (
    <span aria-hidden="true" className={cx('flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-900', sizes[size])}>
      {initialsOf(name)}
    </span>
  );
}

const levelName = (key: string) => expertiseLevels.find((l) => l.key === key)?.name ?? key;
const levelDescription = (key: string) => expertiseLevels.find((l) => l.key === key)?.description;

/** Expertise areas as badges: "pump maintenance · Expert". */
export function ExpertiseList({ areas, max }: { areas: ExpertiseArea[]; max?: number }) {
  const shown = max ? areas.slice(0, max) : areas;
  if (shown.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Expertise">
      {shown.map((a) => (
        <li key={a.tag}>
          <Badge tone={a.level === 'expert' || a.level === 'experienced' ? 'brand' : 'neutral'} title={levelDescription(a.level)}>
            {tagLabel(a.tag)}
            <span className="text-slate-600">· {levelName(a.level)}</span>
          </Badge>
        </li>
      ))}
      {max && areas.length > max && <li className="text-xs text-slate-600">+{areas.length - max} more</li>}
    </ul>
  );
}

/** The current time in someone's time zone, kept up to date each minute. */
export function LocalTime({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  let text: string;
  try {
    text = new Intl.DateTimeFormat(undefined, { timeZone, hour: 'numeric', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return null;
  }
  return (
    <span>
      {text} their time <span className="text-slate-600">({timeZone.replaceAll('_', ' ')})</span>
    </span>
  );
}
