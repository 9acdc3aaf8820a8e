/** The viewer's own time zone, as the browser knows it. */
export const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const shortFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

export const formatDay = (iso: string) => dayFmt.format(new Date(iso));
export const formatShortDay = (iso: string) => shortFmt.format(new Date(iso));
export const formatTime = (iso: string) => timeFmt.format(new Date(iso));
export const formatMonth = (iso: string) => monthFmt.format(new Date(iso));

/** "Friday 6 March 2026, 18:00–20:00" in the viewer's zone. */
export function formatSpan(startIso: string, endIso: string) {
  const sameDay = new Date(startIso).toDateString() === new Date(endIso).toDateString();
  return sameDay ? `${formatDay(startIso)}, ${formatTime(startIso)}–${formatTime(endIso)}` : `${formatDay(startIso)}, ${formatTime(startIso)} – ${formatDay(endIso)}, ${formatTime(endIso)}`;
}

/** The same moment on the organizer's clock, when it differs from the viewer's ("18:00 in Europe/Berlin"). */
export function inEventZone(iso: string, zone: string) {
  if (zone === viewerZone()) return null;
  const t = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return `${t} in ${zone.replace(/_/g, ' ')}`;
}

/** Every IANA zone the browser knows (with UTC), for the time-zone picker. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const list = intl.supportedValuesOf?.('timeZone') ?? [];
  return list.includes('UTC') ? list : ['UTC', ...list];
}
