import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/field.tsx';
import { FilterPanel } from '../../../components/ui/filter-panel.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf, qs } from '../../../lib/api.ts';
import { learningActivities } from '../../../lib/catalogue.ts';
import { plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { paths } from '../../../paths.ts';
import { type FeedFilters, useTopicFeed } from '../api/conversations.ts';
import { TopicList } from './topic-list.tsx';

interface Props {
  community: { slug: string; name: string; featuresOff: string[]; viewer: { canPost: boolean } };
  filters: FeedFilters;
}

/** A community's conversations with filters by learning activity, tag and unanswered questions. */
export function CommunityTopics({ community, filters }: Props) {
  const router = useRouter();
  const [tagText, setTagText] = useState(filters.tag ?? '');
  const tag = useDebounced(tagText.trim().toLowerCase().replace(/^#/, ''), 400);
  const feed = useTopicFeed(community.slug, filters);
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.activity || filters.tag || filters.unanswered);

  const update = (patch: Partial<FeedFilters>) => {
    const f = { ...filters, ...patch };
    void router.navigate({
      href: `${paths.community(community.slug)}${qs({ activity: f.activity, tag: f.tag, unanswered: f.unanswered ? 'true' : undefined })}`,
      replace: true,
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced tag is the only trigger
  useEffect(() => {
    if ((filters.tag ?? '') !== tag && (tag === '' || /^[a-z0-9][a-z0-9-]{0,29}$/.test(tag))) update({ tag: tag || undefined });
  }, [tag]);

  const startHref = paths.newTopic(community.slug);
  return (
    <section aria-labelledby="conversations-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="conversations-heading" className="text-lg font-semibold text-slate-900">
          Conversations
        </h2>
        {community.viewer.canPost && (
          <AppLink href={startHref} className={buttonClass('primary')}>
            Start a topic
          </AppLink>
        )}
      </div>
      <FilterPanel label="Filter conversations" active={[filters.activity, filters.tag, filters.unanswered].filter(Boolean).length}>
      <form
        aria-label="Filter conversations"
        onSubmit={(e) => e.preventDefault()}
        className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2"
      >
        <SelectField label="Learning activity" value={filters.activity ?? ''} onChange={(e) => update({ activity: e.target.value || undefined })}>
          <option value="">All activities</option>
          {learningActivities.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Tag" placeholder="e.g. maintenance" value={tagText} onChange={(e) => setTagText(e.target.value)} />
        {!community.featuresOff.includes('qa') && <div className="sm:col-span-2">
          <Checkbox
            label="Only unanswered questions"
            hint="Questions nobody has accepted an answer for yet — a good place to help."
            checked={Boolean(filters.unanswered)}
            onChange={(e) => update({ unanswered: e.target.checked || undefined })}
          />
        </div>}
      </form>
      </FilterPanel>
      <p aria-live="polite" className="sr-only">
        {feed.isSuccess ? `${plural(items.length, 'topic')} shown` : ''}
      </p>
      {feed.isPending ? (
        <Loading label="Loading conversations…" />
      ) : feed.isError ? (
        <Alert tone="error" title="We could not load the conversations.">
          {messageOf(feed.error)}
        </Alert>
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title={filters.unanswered ? 'No unanswered questions here' : 'No topics match these filters'}
            action={
              <button
                type="button"
                className={buttonClass('secondary')}
                onClick={() => {
                  setTagText('');
                  void router.navigate({ href: paths.community(community.slug), replace: true });
                }}
              >
                Show all topics
              </button>
            }
          >
            {filters.unanswered ? 'Every question has an accepted answer. Nice work!' : 'Try another learning activity or tag.'}
          </EmptyState>
        ) : (
          <EmptyState
            title="No conversations yet"
            action={
              community.viewer.canPost && (
                <AppLink href={startHref} className={buttonClass('primary')}>
                  Start the first topic
                </AppLink>
              )
            }
          >
            {community.viewer.canPost
              ? 'Ask a question, share an experience or a document others could reuse. The first topic sets the tone.'
              : 'When members start topics, they will appear here.'}
          </EmptyState>
        )
      ) : (
        <TopicList topics={items} onTag={(t) => { setTagText(t); update({ tag: t }); }} />
      )}
      <LoadMore hasMore={Boolean(feed.hasNextPage)} loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()} label="Load more topics" />
    </section>
  );
}
