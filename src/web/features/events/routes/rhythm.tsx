import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { eventCadences } from '../../../../shared/model/catalogue.ts';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { useRhythm } from '../api/events.ts';
import { CadenceChart, monthLabel } from '../components/cadence-chart.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** The community's rhythm (MODEL §11): cadence over 12 months, regular against special, newcomers, and a reading. */
export function RhythmPage({ community: c }: { community: CommunityDetail }) {
  const q = useRhythm(c.slug);
  if (q.isPending) return <Loading label="Loading the rhythm…" />;
  if (q.isError) return <Alert tone="error">{messageOf(q.error)}</Alert>;
  const r = q.data;
  const total = r.totals.regular + r.totals.special;
  return (
    <div className="space-y-6">
      <Card className="space-y-2 p-5">
        <h2 className="text-base font-semibold text-slate-900">Reading</h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-800" data-testid="rhythm-reading">
          {r.reading.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <AppLink href={paths.events(c.slug)} className={buttonClass('secondary', 'sm')}>
          See the events
        </AppLink>
      </Card>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ['Events in 12 months', String(total)],
          [eventCadences[0].name, String(r.totals.regular)],
          [eventCadences[1].name, String(r.totals.special)],
          ['Newcomers at events', pct(r.totals.newcomerShare)],
        ].map(([k, v]) => (
          <div key={k} className="rounded-xl border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{k}</dt>
            <dd className="text-2xl font-semibold text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <Section title="Cadence over the last 12 months" id="cadence">
        <p className="text-sm text-slate-600">
          {eventCadences[0].name}: {eventCadences[0].description} {eventCadences[1].name}: {eventCadences[1].description}
        </p>
        <CadenceChart months={r.months} />
        <div>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Events, attendance and newcomers per month</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Month</th>
                <th scope="col" className="py-2 pr-3 font-medium">Regular</th>
                <th scope="col" className="py-2 pr-3 font-medium">Special</th>
                <th scope="col" className="py-2 pr-3 font-medium">Attendance</th>
                <th scope="col" className="py-2 font-medium">First-timers</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row" className="py-1.5 pr-3 font-normal text-slate-900">{monthLabel(m.month)}</th>
                  <td className="py-1.5 pr-3">{m.regular}</td>
                  <td className="py-1.5 pr-3">{m.special}</td>
                  <td className="py-1.5 pr-3">{m.attendance}</td>
                  <td className="py-1.5">{m.newcomers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
