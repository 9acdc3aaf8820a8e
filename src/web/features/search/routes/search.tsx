import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf, qs } from '../../../lib/api.ts';
import { learningActivities, lookup } from '../../../lib/catalogue.ts';
import { cx } from '../../../lib/cx.ts';
import { formatDate } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { type SearchParams, useCommunityOptions, useSearch } from '../api/search.ts';

const kinds = [
  { key: '', name: 'Everything' },
  { key: 'community', name: 'Communities' },
  { key: 'topic', name: 'Topics' },
  { key: 'reply', name: 'Replies' },
  { key: 'asset', name: 'Repository' },
] as const;

const kindLabel = { community: 'Community', topic: 'Topic', reply: 'Reply', asset: 'Repository' } as const;

export function SearchPage({ search }: { search: SearchParams }) {
  const { user } = useSession();
  const router = useRouter();
  const q = search.q?.trim() ?? '';
  usePageTitle(q ? `Search: ${q}` : 'Search');
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const results = useSearch(search);
  const options = useCommunityOptions(Boolean(user));
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const communityOptions = options.data?.items ?? [];

  const go = (patch: Partial<SearchParams>) => {
    const next = { ...search, ...patch };
    void router.navigate({ href: `/search${qs({ q: next.q, community: next.community, activity: next.activity, kind: next.kind })}`, replace: patch.q === undefined });
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    go({ q: text.trim() });
  }

  let announcement = '';
  if (q && results.isSuccess) announcement = items.length === 0 ? `No results for ${q}` : `${items.length}${results.hasNextPage ? '+' : ''} ${items.length === 1 && !results.hasNextPage ? 'result' : 'results'} for ${q}`;

  return (
    <div className="space-y-6">
      <PageHeader title={q ? <>Results for {q.includes('"') ? q : `“${q}”`}</> : 'Search'} lead={q ? undefined : 'Search communities, topics, replies and repositories in every community you can see.'} />
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside aria-label="Search filters" className="space-y-5 lg:order-none">
          <form onSubmit={submit} aria-label="Search and filter" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <TextField label="Search for" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className={buttonClass('primary', 'md', 'w-full')}>
              Search
            </button>
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">Show</legend>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {kinds.map((k) => {
                  const active = (search.kind ?? '') === k.key;
                  return (
                    <label
                      key={k.key}
                      className={cx(
                        'cursor-pointer rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
                        active ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
                      )}
                    >
                      <input
                        type="radio"
                        name="kind"
                        value={k.key}
                        checked={active}
                        onChange={() => go({ kind: (k.key || undefined) as SearchParams['kind'] })}
                        className="sr-only"
                      />
                      {k.name}
                    </label>
                  );
                })}
              </div>
            </fieldset>
            <SelectField label="Community" value={search.community ?? ''} onChange={(e) => go({ community: e.target.value || undefined })}>
              <option value="">{user ? 'All communities' : 'All open communities'}</option>
              {search.community && !communityOptions.some((c) => c.slug === search.community) && <option value={search.community}>{search.community}</option>}
              {communityOptions.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Learning activity" value={search.activity ?? ''} onChange={(e) => go({ activity: e.target.value || undefined })}>
              <option value="">Any activity</option>
              {learningActivities.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          </form>
        </aside>

        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <h2 id="results-heading" className="sr-only">
            Results
          </h2>
          <p aria-live="polite" aria-atomic="true" className="text-sm text-slate-600">
            {announcement}
          </p>
          {!q ? (
            <EmptyState title="What are you looking for?">
              Try a problem you are working on, a tool, or a person’s name. Results come only from communities you can see.
            </EmptyState>
          ) : results.isPending ? (
            <Loading label="Searching…" />
          ) : results.isError ? (
            <Alert tone="error" title="The search did not work.">
              {messageOf(results.error)}
            </Alert>
          ) : items.length === 0 ? (
            <EmptyState
              title="Nothing found"
              action={
                (search.kind || search.community || search.activity) && (
                  <button type="button" className={buttonClass('secondary')} onClick={() => void router.navigate({ href: paths.search(q), replace: true })}>
                    Search everything
                  </button>
                )
              }
            >
              Try other or fewer words{search.kind || search.community || search.activity ? ', or remove the filters' : ''}. If nobody has asked yet, start a topic in
              your community — someone will know.
            </EmptyState>
          ) : (
            <ol className="space-y-3">
              {items.map((hit) => (
                <li key={`${hit.kind}-${hit.url}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                  <div className="flex flex-wrap items-center gap-1.5 text-xs">
                    <Badge tone={hit.kind === 'community' ? 'brand' : 'neutral'}>{kindLabel[hit.kind]}</Badge>
                    {hit.activityType && <Badge>{lookup(learningActivities, hit.activityType).name}</Badge>}
                    {hit.label && <Badge tone="warning">{hit.label}</Badge>}
                  </div>
                  <h3 className="mt-2 text-base font-semibold text-slate-900">
                    <AppLink href={hit.url} className="underline-offset-2 hover:text-brand-800 hover:underline">
                      {hit.kind === 'reply' ? <>Reply in “{hit.title}”</> : hit.title}
                    </AppLink>
                  </h3>
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server escapes the snippet and only adds <mark> */}
                  <p className="mt-1 text-sm leading-6 text-slate-700" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                  <p className="mt-2 text-sm text-slate-600">
                    {hit.community && hit.kind !== 'community' && (
                      <>
                        in{' '}
                        <AppLink href={paths.community(hit.community.slug)} className="underline-offset-2 hover:text-slate-900 hover:underline">
                          {hit.community.name}
                        </AppLink>
                      </>
                    )}
                    {hit.createdAt && hit.kind !== 'community' && <> · {formatDate(hit.createdAt)}</>}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <LoadMore hasMore={Boolean(results.hasNextPage)} loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()} label="More results" />
        </section>
      </div>
    </div>
  );
}
