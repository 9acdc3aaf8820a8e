import type { ReactNode } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { PageHeader } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { isNotFound, useCommunityDetail } from '../api/cultivation.ts';

/**
 * A cultivation page of one community: loads it, answers 404 for communities the viewer may not
 * know, and shows the page to members, sponsors, the support team and site admins.
 */
export function CommunityFrame({
  slug,
  title,
  lead,
  children,
}: {
  slug: string;
  title: string;
  lead?: ReactNode;
  children: (community: CommunityDetail) => ReactNode;
}) {
  const query = useCommunityDetail(slug);
  const c = query.data;
  usePageTitle(c ? `${title} · ${c.name}` : query.isError ? 'Not found' : null);
  if (query.isPending) return <Loading label="Loading community…" />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound what="community" />;
    return <Alert tone="error" title="We could not load this community.">{messageOf(query.error)}</Alert>;
  }
  if (!c) return null;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <div className="flex flex-wrap items-center gap-2">
            <AppLink href={paths.community(c.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
              {c.name}
            </AppLink>
            {c.status === 'proposed' && <Badge tone="warning">Proposal</Badge>}
          </div>
        }
        title={title}
        lead={lead}
      />
      {c.viewer.canReadCultivation ? (
        children(c)
      ) : (
        <EmptyState title="This is for the community’s members">
          Its cultivation plan and launch record are for members, sponsors and the support team. Join the community to follow how it is cultivated.
        </EmptyState>
      )}
    </div>
  );
}

/** A labelled progress bar: "2 of 3 done". */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} done`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${pct}%` }} />
      </div>
      <span className="shrink-0 text-sm text-slate-700">
        {done} of {total} done
      </span>
    </div>
  );
}
