import { cultivationNeeds, stages } from '../../../../shared/model/catalogue.ts';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useSponsoring } from '../api/portfolio.ts';

/** Read-only: where each sponsored community stands and how its cultivation plan is going. */
export function SponsoringPage() {
  usePageTitle('Communities you sponsor');
  const query = useSponsoring();
  const items = query.data?.items ?? [];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Communities you sponsor"
        lead="Their stage of development and how their cultivation plans are going. Sponsors give backing and see health and value; the communities run themselves."
      />
      {query.isPending ? (
        <Loading label="Loading your communities…" />
      ) : query.isError ? (
        <Alert tone="error" title="We could not load your sponsorships.">
          {messageOf(query.error)}
        </Alert>
      ) : items.length === 0 ? (
        <EmptyState
          title="You do not sponsor a community yet"
          action={
            <AppLink href="/portfolio" className={buttonClass('secondary')}>
              See the domain portfolio
            </AppLink>
          }
        >
          Site admins and the support team name sponsors for communities and strategic domains. When they name you, those communities appear here.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((c) => {
            const stage = lookup(stages, c.stage);
            const done = c.progress.reduce((s, p) => s + p.done, 0);
            const total = c.progress.reduce((s, p) => s + p.total, 0);
            return (
              <Card as="li" key={c.slug} className="space-y-3 p-5">
                <div>
                  <h2 className="text-lg font-semibold text-slate-900">
                    <AppLink href={paths.community(c.slug)} className="underline-offset-2 hover:underline">
                      {c.name}
                    </AppLink>
                  </h2>
                  <p className="text-xs text-slate-600">
                    {c.direct ? 'You sponsor it directly' : `Through ${c.via.join(', ')}`} · {plural(c.memberCount, 'member')}
                    {c.status === 'proposed' && ' · still a proposal'}
                  </p>
                </div>
                <div>
                  <Badge tone="brand" title={stage.description}>
                    Stage: {stage.name}
                  </Badge>
                  <p className="mt-1 text-sm text-slate-700">{stage.description}</p>
                </div>
                <div>
                  <h3 className="text-sm font-semibold text-slate-900">
                    Cultivation plan {total > 0 && <span className="font-normal text-slate-600">— {done} of {total} tasks done</span>}
                  </h3>
                  {total === 0 ? (
                    <p className="text-sm text-slate-600">No plan yet.</p>
                  ) : (
                    <ul className="mt-2 space-y-1.5">
                      {cultivationNeeds.map((n) => {
                        const p = c.progress.find((x) => x.need === n.key);
                        if (!p) return null;
                        const pct = Math.round((p.done / p.total) * 100);
                        return (
                          <li key={n.key} className="grid grid-cols-[6.5rem_1fr_3rem] items-center gap-2 text-xs text-slate-700">
                            <span title={n.description}>{n.name}</span>
                            <span className="h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                              <span className="block h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
                            </span>
                            <span className="text-right">
                              {p.done}/{p.total}
                              <span className="sr-only"> tasks done for {n.name}</span>
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              </Card>
            );
          })}
        </ul>
      )}
    </div>
  );
}
