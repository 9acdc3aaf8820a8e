import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { repositorySettingsInput } from '../../../../shared/contracts/assets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Card } from '../../../components/ui/layout.tsx';
import { plural } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { repositorySettingsKey, saveRepositorySettings, useRepositorySettings } from '../api/assets.ts';

/** Curators (cybrarian, coordinators) set how long new and confirmed assets stay fresh; behind a disclosure. */
export function RepositorySettingsForm({ slug }: { slug: string }) {
  const qc = useQueryClient();
  const settings = useRepositorySettings(slug);
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const errors = useFormErrors();
  useEffect(() => {
    if (settings.data) setDays(String(settings.data.reviewAfterDays));
  }, [settings.data]);
  if (!settings.data?.viewer.canChange) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const n = days.trim() === '' ? Number.NaN : Number(days);
    const checked = validate(repositorySettingsInput, { reviewAfterDays: Number.isNaN(n) ? days : n });
    if (checked.errors) return errors.setFields(checked.errors.reviewAfterDays ? checked.errors : { reviewAfterDays: 'Enter a number of days.' });
    errors.clear();
    setBusy(true);
    try {
      const res = await saveRepositorySettings(slug, checked.data.reviewAfterDays);
      qc.setQueryData(repositorySettingsKey(slug), res);
      setSaved(`Saved. New and confirmed assets now stay fresh for ${plural(res.reviewAfterDays, 'day')}.`);
    } catch (err) {
      errors.fromError(err, ['reviewAfterDays']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="p-4">
      <details>
        <summary className="cursor-pointer font-semibold text-slate-900">Repository settings</summary>
        <form onSubmit={submit} noValidate className="mt-3 space-y-3">
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField
            label="Review period (days)"
            type="number"
            inputMode="numeric"
            min={7}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={errors.fields.reviewAfterDays}
            hint="How long a new or confirmed asset stays fresh before its steward is asked to review it. Between 7 and 3650 days."
          />
          <Button type="submit" size="sm" busy={busy}>
            Save the review period
          </Button>
          <p aria-live="polite" className="text-sm text-emerald-800">
            {saved}
          </p>
        </form>
      </details>
    </Card>
  );
}
