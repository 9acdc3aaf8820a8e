import { useId } from 'react';
import type { LinkedAssets as LinkedAssetsData } from '../../../../shared/contracts/assets.ts';
import { buttonClass } from '../../../components/ui/button.tsx';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { useEventAssets, useTopicAssets } from '../api/assets.ts';
import { FreshnessBadges } from '../routes/repository.tsx';

/**
 * What the repository holds that came from a topic or an event, and for members a "Save to
 * repository" action per community that opens the add form prefilled from it.
 */
export function LinkedAssets({ data, saveHref, empty }: { data: LinkedAssetsData | undefined; saveHref: (slug: string) => string; empty: string }) {
  const headingId = useId();
  if (!data) return null;
  const { items, viewer } = data;
  if (items.length === 0 && viewer.canAddTo.length === 0) return null;
  return (
    <aside aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      <h2 id={headingId} className="font-semibold text-slate-900">
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
        <p className="mt-1 text-slate-700">{empty}</p>
      )}
      {viewer.canAddTo.length > 0 && (
        <div className="mt-3 flex flex-wrap gap-2">
          {viewer.canAddTo.map((c) => (
            <AppLink key={c.slug} href={saveHref(c.slug)} className={buttonClass('secondary', 'sm')}>
              {viewer.canAddTo.length === 1 ? 'Save to repository' : `Save to ${c.name}’s repository`}
            </AppLink>
          ))}
        </div>
      )}
    </aside>
  );
}

/** On a topic page: the assets that came from the conversation. */
export function TopicAssets({ topicId }: { topicId: number }) {
  const q = useTopicAssets(topicId);
  return (
    <LinkedAssets
      data={q.data}
      saveHref={(slug) => paths.saveTopicToRepository(slug, topicId)}
      empty="Nothing from this conversation is in the repository yet. If it settled something worth keeping, save it."
    />
  );
}

/** On an event page: the assets that came from the event (slides, notes, guides). */
export function EventAssets({ eventId }: { eventId: number }) {
  const q = useEventAssets(eventId);
  return (
    <LinkedAssets
      data={q.data}
      saveHref={(slug) => paths.saveEventToRepository(slug, eventId)}
      empty="Nothing from this event is in the repository yet. If it produced slides, notes or a guide worth keeping, save it."
    />
  );
}
