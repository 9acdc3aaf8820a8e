import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createCollectionInput } from '../../../../shared/contracts/assets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { messageOf } from '../../../lib/api.ts';
import { plural } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { collectionKeys, createCollection, useCollections } from '../api/assets.ts';

/** The community's curated collections, and a form for curators to start one. */
export function Collections({ slug, canCurate }: { slug: string; canCurate: boolean }) {
  const qc = useQueryClient();
  const list = useCollections(slug);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(createCollectionInput, { title, description: '' });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      await createCollection(slug, checked.data);
      setTitle('');
      await qc.invalidateQueries({ queryKey: collectionKeys.list(slug) });
    } catch (err) {
      errors.fromError(err, ['title']);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-3">
      {list.isPending ? (
        <Loading label="Loading collections…" />
      ) : list.isError ? (
        <Alert tone="error">{messageOf(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">No collections yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {list.data.items.map((c) => (
            <li key={c.id}>
              <AppLink href={paths.collection(c.id)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                {c.title}
              </AppLink>{' '}
              <span className="text-slate-600">· {plural(c.itemCount, 'asset')}</span>
            </li>
          ))}
        </ul>
      )}
      {canCurate && (
        <form onSubmit={submit} noValidate className="space-y-2">
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField label="New collection" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} hint="For example “Onboarding kit”." />
          <Button type="submit" size="sm" busy={busy}>
            Start the collection
          </Button>
        </form>
      )}
    </div>
  );
}
