import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useReviewQueue } from '../api/assets.ts';

/** The assets the viewer stewards whose review date has passed, oldest first. */
export function ReviewQueuePage() {
  usePageTitle('Your review queue');
  const q = useReviewQueue();
  return (
    <div className="space-y-6">
      <PageHeader title="Your review queue" lead="Assets you look after whose review date has passed. Confirm them, update them or retire them." />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <Alert tone="error">{messageOf(q.error)}</Alert>
      ) : q.data.items.length === 0 ? (
        <EmptyState title="Nothing to review">Everything you steward is within its review date.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {q.data.items.map((a) => (
            <Card as="li" key={a.id} className="p-4">
              <AppLink href={paths.asset(a.id)} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
                {a.title}
              </AppLink>
              <p className="mt-1 text-sm text-slate-700">
                {a.community.name} · review was due {formatDate(`${a.reviewBy}T00:00:00Z`)}
              </p>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
