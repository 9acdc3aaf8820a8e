import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { type CollectionDetail, updateCollectionInput } from '../../../../shared/contracts/assets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { collectionKeys, deleteCollection, setCollectionItems, updateCollection, useAssets, useCollection } from '../api/assets.ts';
import { FreshnessBadges } from './repository.tsx';

/** Renaming and redescribing a collection (curators). */
function EditCollection({ c, onDone }: { c: CollectionDetail; onDone: () => void }) {
  const qc = useQueryClient();
  const [v, setV] = useState({ title: c.title, description: c.description });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { ...(v.title !== c.title ? { title: v.title } : {}), ...(v.description !== c.description ? { description: v.description } : {}) };
    if (Object.keys(input).length === 0) return onDone();
    const checked = validate(updateCollectionInput, input);
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      const fresh = await updateCollection(c.id, checked.data);
      qc.setQueryData(collectionKeys.one(c.id), fresh);
      await qc.invalidateQueries({ queryKey: collectionKeys.list(c.community.slug) });
      onDone();
    } catch (err) {
      errors.fromError(err, ['title', 'description']);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card className="p-4">
      <form onSubmit={submit} noValidate className="space-y-3">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField label="Collection name" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={errors.fields.title} />
        <TextArea
          label="Description"
          optional
          rows={3}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
          error={errors.fields.description}
          hint="Who it is for and how to use it."
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={busy}>
            Save
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Deleting a collection after a confirm step; its assets stay in the repository. */
function DeleteCollection({ c }: { c: CollectionDetail }) {
  const qc = useQueryClient();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  async function remove() {
    setBusy(true);
    setError('');
    try {
      await deleteCollection(c.id);
      qc.removeQueries({ queryKey: collectionKeys.one(c.id) });
      await qc.invalidateQueries({ queryKey: collectionKeys.list(c.community.slug) });
      await router.navigate({ href: paths.repository(c.community.slug) });
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }
  if (!asking)
    return (
      <Button variant="secondary" size="sm" onClick={() => setAsking(true)}>
        Delete collection
      </Button>
    );
  return (
    <div role="alertdialog" aria-labelledby="delete-collection-q" className="w-full space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
      <p id="delete-collection-q" className="font-medium text-red-900">
        Delete “{c.title}”? The collection goes; its {c.items.length === 1 ? 'asset stays' : 'assets stay'} in the repository.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" size="sm" busy={busy} onClick={() => void remove()} autoFocus>
          Yes, delete it
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}

/** A curated, ordered collection; curators rename, add, remove and reorder its assets, or delete it. */
export function CollectionPage({ id }: { id: number }) {
  const qc = useQueryClient();
  const query = useCollection(id);
  const c = query.data;
  const repo = useAssets(c?.community.slug ?? '', {});
  const [pick, setPick] = useState('');
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
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
      {c.viewer.canCurate &&
        (editing ? (
          <EditCollection c={c} onDone={() => setEditing(false)} />
        ) : (
          <div className="flex flex-wrap items-start gap-2">
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              Rename or describe
            </Button>
            <DeleteCollection c={c} />
          </div>
        ))}
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
