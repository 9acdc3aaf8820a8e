import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea } from '../../../components/ui/field.tsx';
import { messageOf } from '../../../lib/api.ts';
import { stages } from '../../../lib/catalogue.ts';
import { communityKeys, updateCommunity } from '../api/communities.ts';

/** Coordinators move the community to another stage of development, saying why (kept in the stage history). */
export function StageEditor({ slug, stage }: { slug: string; stage: string }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(stage);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await updateCommunity(slug, { stage: value, stageReason: reason.trim() });
      // The stage history and signals live under ['cultivation', …].
      await Promise.all([qc.invalidateQueries({ queryKey: communityKeys.all }), qc.invalidateQueries({ queryKey: ['cultivation'] })]);
      setReason('');
      setOpen(false);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} className="mt-3 text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
        Change stage
      </button>
    );
  const chosen = stages.find((s) => s.key === value);
  return (
    <form onSubmit={submit} className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <SelectField label="New stage" value={value} onChange={(e) => setValue(e.target.value)} hint={chosen?.description}>
        {stages.map((s) => (
          <option key={s.key} value={s.key}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextArea
        label="Why"
        optional
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        hint="What you saw that tells you the community has moved on. Kept in the stage history."
      />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={busy}>
          Save stage
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
