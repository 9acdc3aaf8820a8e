import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { PersonCard } from '../../../../shared/contracts/people.ts';
import { toTag } from '../../../../shared/contracts/people.ts';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { FilterPanel } from '../../../components/ui/filter-panel.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf, qs } from '../../../lib/api.ts';
import { roles } from '../../../lib/catalogue.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { paths } from '../../../paths.ts';
import { type DirectoryFilters, useDirectory, useMyCommunities } from '../api/people.ts';
import { Avatar, ExpertiseList } from '../components/person-bits.tsx';

export function PersonListItem({ p, children }: { p: Pick<PersonCard, 'username' | 'displayName' | 'title' | 'photoUrl'> & { location?: string }; children?: React.ReactNode }) {
  return (
    <Card as="li" className="flex gap-3 p-4">
      <Avatar name={p.displayName} photoUrl={p.photoUrl} />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="font-semibold">
          <AppLink href={paths.person(p.username)} className="text-brand-700 underline-offset-2 hover:underline">
            {p.displayName}
          </AppLink>
        </p>
        {(p.title || p.location) && <p className="text-sm text-slate-600">{[p.title, p.location].filter(Boolean).join(' · ')}</p>}
        {children}
      </div>
    </Card>
  );
}

export function DirectoryPage({ search }: { search: DirectoryFilters }) {
  usePageTitle('People');
  const { user } = useSession();
  const router = useRouter();
  const [text, setText] = useState(search.q ?? '');
  const [tagText, setTagText] = useState(search.tag ?? '');
  const debounced = useDebounced(text.trim(), 300);
  const debouncedTag = useDebounced(toTag(tagText), 300);
  const mine = useMyCommunities();
  const myCommunities = user ? (mine.data?.pages.flatMap((p) => p.items) ?? []) : [];

  const update = (patch: Partial<DirectoryFilters>) => {
    const next = { ...search, ...patch };
    void router.navigate({ href: `${paths.people()}${qs({ q: next.q, community: next.community, tag: next.tag, role: next.role })}`, replace: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced text is the trigger
  useEffect(() => {
    if ((search.q ?? '') !== debounced || (search.tag ?? '') !== debouncedTag) update({ q: debounced || undefined, tag: debouncedTag || undefined });
  }, [debounced, debouncedTag]);

  const list = useDirectory(search);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const active = [search.q, search.community, search.tag, search.role].filter(Boolean).length;

  return (
    <div className="space-y-8">
      <PageHeader
        title="People"
        lead="Find colleagues by name, job title or what they know. Looking for help with a problem? Ask who knows about it."
        actions={
          <AppLink href={paths.whoKnows()} className={buttonClass('primary')}>
            Who knows about…?
          </AppLink>
        }
      />
      <section aria-labelledby="people-filters">
        <h2 id="people-filters" className="sr-only">
          Search and filter people
        </h2>
        <FilterPanel label="Search and filter people" active={active}>
          <form aria-label="Search and filter people" onSubmit={(e) => e.preventDefault()} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 md:grid-cols-4">
            <TextField label="Name or job title" type="search" placeholder="e.g. Maria, hydrologist" value={text} onChange={(e) => setText(e.target.value)} />
            <TextField label="Expertise" placeholder="e.g. scada" value={tagText} onChange={(e) => setTagText(e.target.value)} />
            <SelectField label="Role" value={search.role ?? ''} onChange={(e) => update({ role: e.target.value || undefined })}>
              <option value="">Any role</option>
              {roles.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Community" hint={user ? undefined : 'Sign in to filter by your communities.'} value={search.community ?? ''} onChange={(e) => update({ community: e.target.value || undefined })} disabled={!user}>
              <option value="">Everyone</option>
              {myCommunities.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
              {search.community && !myCommunities.some((c) => c.slug === search.community) && <option value={search.community}>{search.community}</option>}
            </SelectField>
          </form>
        </FilterPanel>
      </section>
      {list.isPending ? (
        <Loading label="Loading people…" />
      ) : list.isError ? (
        <Alert tone="error">{messageOf(list.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState
          title={active ? 'Nobody matches these filters' : 'Nobody here yet'}
          action={
            active ? (
              <AppLink href={paths.people()} className={buttonClass('secondary')}>
                Clear the filters
              </AppLink>
            ) : undefined
          }
        >
          {active ? 'Try fewer words, another spelling, or ask who knows about the subject instead.' : 'People appear here as they sign up.'}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((p) => (
            <PersonListItem key={p.username} p={p}>
              <ExpertiseList areas={p.expertise} max={3} />
            </PersonListItem>
          ))}
        </ul>
      )}
      <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} label="More people" />
    </div>
  );
}
