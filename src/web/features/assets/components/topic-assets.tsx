import { buttonClass } from '../../../components/ui/button.tsx';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { useTopicAssets } from '../api/assets.ts';
import { FreshnessBadges } from '../routes/repository.tsx';

/**
 * On a topic page: what the repository holds that came from this conversation, and for members a
 * "Save to repository" action that opens the add form prefilled from the topic.
 */
export function TopicAssets({ topicId }: { topicId: number }) {
  const q = useTopicAssets(topicId);
  if (!q.data) return null;
  const { items, viewer } = q.data;
  if (items.length === 0 && viewer.canAddTo.length === 0) return null;
  return (
    <aside aria-labelledby="topic-assets-heading" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      <h2 id="topic-assets-heading" className="font-semibold text-slate-900">
        In the repository
      </h2>
      {items.length > 0 ? (
        <ul className="mt-1 space-y-1">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-1.5">
              <AppLink href={paths.asset(a.id)} className="font-medium text-brand-700 underline underline-offset-2">
                {a.title}
              </AppLink>
              {viewer.canAddTo.length !== 1 && <span className="text-slate-600">({a.community.name})</span>}
              <FreshnessBadges a={a} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-700">Nothing from this conversation is in the repository yet. If it settled something worth keeping, save it.</p>
      )}
      {viewer.canAddTo.length > 0 && (
        <div className="mt-3 flex flex-wrap gap-2">
          {viewer.canAddTo.map((c) => (
            <AppLink key={c.slug} href={paths.saveTopicToRepository(c.slug, topicId)} className={buttonClass('secondary', 'sm')}>
              {viewer.canAddTo.length === 1 ? 'Save to repository' : `Save to ${c.name}’s repository`}
            </AppLink>
          ))}
        </div>
      )}
    </aside>
  );
}
