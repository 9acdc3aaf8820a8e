import { launchSteps, structureKinds, visibilities } from '../../../../shared/model/catalogue.ts';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { isForbidden, useProposals } from '../api/cultivation.ts';
import { ProgressBar } from '../components/progress-bar.tsx';

const nameIn = (items: readonly { key: string; name: string }[], key: string) => items.find((i) => i.key === key)?.name ?? key;

/** Every proposal in the launch process, for the support team and site admins. */
export function ProposalsPage() {
  usePageTitle('Proposals');
  const q = useProposals();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Proposals"
        lead="Communities in the launch process. They stay hidden from everyone else until a coordinator launches them; the support team can coach them on the way."
      />
      {q.isPending ? (
        <Loading label="Loading proposals…" />
      ) : q.isError ? (
        isForbidden(q.error) ? (
          <EmptyState title="Proposals are for the support team">Site admins and the support team see every proposal here. Ask a site admin if you need access.</EmptyState>
        ) : (
          <Alert tone="error" title="We could not load the proposals.">
            {messageOf(q.error)}
          </Alert>
        )
      ) : items.length === 0 ? (
        <EmptyState title="No proposals right now">
          When someone proposes a community through “Create a community”, it appears here while it goes through the launch process.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.map((p) => (
            <Card as="li" key={p.slug} className="p-5">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold text-slate-900">
                    <AppLink href={paths.launch(p.slug)} className="underline-offset-2 hover:underline">
                      {p.name}
                    </AppLink>
                  </h2>
                  <p className="mt-1 text-sm text-slate-700">{p.domainStatement}</p>
                  <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <Badge tone="brand">{nameIn(structureKinds, p.structureKind)}</Badge>
                    <Badge>{nameIn(visibilities, p.visibility)}</Badge>
                    <span>
                      Proposed {formatDate(p.createdAt)}
                      {p.proposedBy && (
                        <>
                          {' by '}
                          <AppLink href={paths.person(p.proposedBy.username)} className="underline-offset-2 hover:underline">
                            {p.proposedBy.displayName}
                          </AppLink>
                        </>
                      )}
                    </span>
                  </p>
                </div>
                <div className="w-full shrink-0 sm:w-64">
                  <ProgressBar done={p.progress.complete} total={p.progress.total} label={`${p.name}: launch steps complete`} />
                  <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
                    {p.steps.map((s) => (
                      <li key={s.key}>
                        <span aria-hidden="true" className={s.complete ? 'text-emerald-700' : 'text-slate-400'}>
                          {s.complete ? '✓ ' : '○ '}
                        </span>
                        {nameIn(launchSteps, s.key)}
                        <span className="sr-only">{s.complete ? ' (complete)' : ' (not complete)'}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </Card>
          ))}
        </ul>
      )}
      <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()} label="More proposals" />
    </div>
  );
}
