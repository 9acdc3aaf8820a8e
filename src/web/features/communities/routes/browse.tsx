import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/field.tsx';
import { FilterPanel } from '../../../components/ui/filter-panel.tsx';
import { PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { qs, messageOf } from '../../../lib/api.ts';
import { domainTypes, stages, structureKinds } from '../../../lib/catalogue.ts';
import { plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { paths } from '../../../paths.ts';
import { type BrowseFilters, useCommunityList } from '../api/communities.ts';
import { CommunityCard } from '../components/community-card.tsx';
import { InvitationsPanel } from '../components/invitations-panel.tsx';

export function BrowsePage({ search }: { search: BrowseFilters }) {
  const { user } = useSession();
  usePageTitle(search.mine ? 'My communities' : 'Communities');
  const router = useRouter();
  const filters: BrowseFilters = { ...search, mine: user ? search.mine : undefined };
  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebounced(text.trim(), 300);

  const update = (patch: Partial<BrowseFilters>) => {
    const next = { ...search, ...patch };
    void router.navigate({
      href: `/${qs({ q: next.q, domainType: next.domainType, structureKind: next.structureKind, stage: next.stage, mine: next.mine ? 'true' : undefined })}`,
      replace: true,
    });
  };

  // Only the debounced text reaches the URL, so typing does not flood history or the API.
  // biome-ignore lint/correctness/useExhaustiveDependencies: update is rebuilt every render; the text is the trigger
  useEffect(() => {
    if ((search.q ?? '') !== debounced) update({ q: debounced || undefined });
  }, [debounced]);

  const list = useCommunityList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.q || filters.domainType || filters.structureKind || filters.stage || filters.mine);
  const more = list.hasNextPage ? 'or more ' : '';

  return (
    <div className="space-y-8">
      <PageHeader
        title={filters.mine ? 'My communities' : 'Communities'}
        lead={
          filters.mine
            ? 'The communities you belong to. Open one to catch up on its conversations.'
            : 'Find the people who share your challenges. Every community here is a group of practitioners who learn from and with each other.'
        }
        actions={
          user && (
            <AppLink href={paths.newCommunity()} className={buttonClass('primary')}>
              Create a community
            </AppLink>
          )
        }
      />

      {!user && (
        <section aria-labelledby="newcomer-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-5 sm:p-6">
          <h2 id="newcomer-heading" className="text-base font-semibold text-brand-900">
            New here? Start in three steps
          </h2>
          <ol className="mt-3 grid gap-3 text-sm text-slate-700 sm:grid-cols-3">
            <li>
              <span className="font-semibold text-slate-900">1. Find your people.</span> Browse or filter the communities below by what
              they are about.
            </li>
            <li>
              <span className="font-semibold text-slate-900">2. Join one.</span> Open communities welcome you straight away; others
              let you ask to join.
            </li>
            <li>
              <span className="font-semibold text-slate-900">3. Ask or share.</span> Start a topic: a question, an experience, a
              document to reuse.
            </li>
          </ol>
          <div className="mt-4 flex flex-wrap gap-3">
            <AppLink href={paths.signUp()} className={buttonClass('primary')}>
              Create an account
            </AppLink>
            <AppLink href={paths.signIn()} className={buttonClass('secondary')}>
              Sign in
            </AppLink>
          </div>
        </section>
      )}

      {user && !filters.mine && <InvitationsPanel />}

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="sr-only">
          Filter communities
        </h2>
        <FilterPanel label="Filter communities" active={[filters.q, filters.domainType, filters.structureKind, filters.stage, filters.mine].filter(Boolean).length}>
        <form aria-label="Filter communities" onSubmit={(e) => e.preventDefault()} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 md:grid-cols-4">
          <TextField
            label="Name or domain"
            type="search"
            placeholder="e.g. water, safety, data"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <SelectField label="Domain type" value={filters.domainType ?? ''} onChange={(e) => update({ domainType: e.target.value || undefined })}>
            <option value="">Any domain type</option>
            {domainTypes.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Structure" value={filters.structureKind ?? ''} onChange={(e) => update({ structureKind: e.target.value || undefined })}>
            <option value="">Any structure</option>
            {structureKinds.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stage" value={filters.stage ?? ''} onChange={(e) => update({ stage: e.target.value || undefined })}>
            <option value="">Any stage</option>
            {stages.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </SelectField>
          {user && (
            <div className="md:col-span-4">
              <Checkbox
                label="Only my communities"
                checked={Boolean(filters.mine)}
                onChange={(e) => update({ mine: e.target.checked || undefined })}
              />
            </div>
          )}
        </form>
        </FilterPanel>
      </section>

      <section aria-labelledby="results-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="results-heading" className="text-lg font-semibold text-slate-900">
            {filtered ? 'Matching communities' : 'All communities'}
          </h2>
          <p aria-live="polite" className="text-sm text-slate-600">
            {list.isSuccess && (items.length > 0 ? `${plural(items.length, 'community', 'communities')} ${more}shown` : '')}
          </p>
        </div>
        {list.isPending ? (
          <Loading label="Loading communities…" />
        ) : list.isError ? (
          <Alert tone="error" title="We could not load the communities.">
            {messageOf(list.error)}
          </Alert>
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyState
              title={filters.mine ? 'You have not joined a community that matches' : 'No communities match these filters'}
              action={
                <button type="button" className={buttonClass('secondary')} onClick={() => { setText(''); void router.navigate({ href: '/', replace: true }); }}>
                  Clear filters
                </button>
              }
            >
              Try fewer filters or other words{user ? ', or create the community you are looking for.' : '.'}
            </EmptyState>
          ) : (
            <EmptyState
              title="No communities yet"
              action={
                user ? (
                  <AppLink href={paths.newCommunity()} className={buttonClass('primary')}>
                    Create the first community
                  </AppLink>
                ) : (
                  <AppLink href={paths.signUp()} className={buttonClass('primary')}>
                    Create an account to start one
                  </AppLink>
                )
              }
            >
              A community starts with a few people who share a challenge. Start one and invite them in.
            </EmptyState>
          )
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((c) => (
              <li key={c.slug}>
                <CommunityCard community={c} />
              </li>
            ))}
          </ul>
        )}
        <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} label="Load more communities" />
      </section>
    </div>
  );
}
