import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { collectionKeys, setCollectionItems, useAssets, useCollection } from '../api/assets.ts';
import { FreshnessBadges } from './repository.tsx';

/** A curated, ordered collection; curators add, remove and reorder its assets. */
export function CollectionPage({ id }: { id: number }) {
  const qc = useQueryClient();
  const query = useCollection(id);
  const c = query.data;
  const repo = useAssets(c?.community.slug ?? '', {});
  const [pick, setPick] = useState('');
  const [error, setError] = useState('');
  usePageTitle(c ? c.title : query.isError ? 'Not found' : null);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound what="collection" />;
    return <Alert tone="error">{messageOf(query.error)}</Alert>;
  }
  if (!c) return null;
  const ids = c.items.map((i) => i.id);
  async function save(next: number[]) {
    setError('');
    try {
      await setCollectionItems(id, next);
      await qc.invalidateQueries({ queryKey: collectionKeys.one(id) });
    } catch (err) {
      setError(messageOf(err));
    }
  }
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x);
    void save(next);
  };
  const candidates = (repo.data?.pages.flatMap((p) => p.items) ?? []).filter((a) => !ids.includes(a.id));
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <AppLink href={paths.repository(c.community.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            {c.community.name} · Repository
          </AppLink>
        }
        title={c.title}
        lead={c.description || undefined}
      />
      {error && <Alert tone="error">{error}</Alert>}
      {c.items.length === 0 ? (
        <EmptyState title="This collection is empty">{c.viewer.canCurate ? 'Add assets from the repository below.' : 'Its curators have not added anything yet.'}</EmptyState>
      ) : (
        <ol className="space-y-2">
          {c.items.map((a, i) => (
            <Card as="li" key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-sm text-slate-600">{i + 1}.</span>
                <AppLink href={paths.asset(a.id)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  {a.title}
                </AppLink>
                <FreshnessBadges a={a} />
              </span>
              {c.viewer.canCurate && (
                <span className="flex gap-1">
                  <Button size="sm" variant="secondary" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move ${a.title} up`}>
                    Up
                  </Button>
                  <Button size="sm" variant="secondary" disabled={i === c.items.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move ${a.title} down`}>
                    Down
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => void save(ids.filter((x) => x !== a.id))} aria-label={`Remove ${a.title}`}>
                    Remove
                  </Button>
                </span>
              )}
            </Card>
          ))}
        </ol>
      )}
      {c.viewer.canCurate && candidates.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <SelectField label="Add an asset" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose…</option>
            {candidates.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </SelectField>
          <Button
            disabled={!pick}
            onClick={() => {
              void save([...ids, Number(pick)]);
              setPick('');
            }}
          >
            Add
          </Button>
        </div>
      )}
    </div>
  );
}
