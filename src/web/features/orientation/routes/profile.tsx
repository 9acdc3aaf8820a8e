import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { type OrientationView, recommendFeatures } from '../../../../shared/contracts/orientation.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, Loading } from '../../../components/ui/feedback.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { communityFeatures } from '../../../../shared/model/catalogue.ts';
import { formatDate } from '../../../lib/format.ts';
import { orientationKeys, saveRatings, setFeature, useOrientation } from '../api/orientation.ts';
import { RadarChart } from '../components/radar-chart.tsx';

const LEVELS = [0, 1, 2, 3, 4, 5];

function RatingForm({ slug, view, onDone }: { slug: string; view: OrientationView; onDone: () => void }) {
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, number>>(() => Object.fromEntries(view.ratings.map((r) => [r.key, r.rating ?? 0])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useMemo(() => recommendFeatures(values).filter((r) => r.recommended), [values]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveRatings(slug, values);
      await qc.invalidateQueries({ queryKey: orientationKeys.profile(slug) });
      onDone();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      {view.ratings.map((o) => (
        <fieldset key={o.key} className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-900">{o.name}</legend>
          <p className="text-sm text-slate-600">{o.description}</p>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {LEVELS.map((n) => (
              <label key={n} className="cursor-pointer">
                <input type="radio" className="peer sr-only" name={`rating-${o.key}`} value={n} checked={values[o.key] === n} onChange={() => setValues({ ...values, [o.key]: n })} />
                <span className="inline-flex size-10 items-center justify-center rounded-lg border border-slate-300 bg-white text-sm font-medium text-slate-800 peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
                  {n}
                  <span className="sr-only"> of 5 for {o.name}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="text-sm text-slate-700" aria-live="polite">
        {preview.length ? `With these ratings we would recommend: ${preview.map((p) => lookup(communityFeatures, p.feature).name.toLowerCase()).join(', ')}.` : 'Rate an orientation 4 or 5 to see which tools it calls for.'}
      </p>
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          Save ratings
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function FeatureToggle({ slug, f, canSteward }: { slug: string; f: OrientationView['features'][number]; canSteward: boolean }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      await setFeature(slug, f.key, !f.on);
      await qc.invalidateQueries({ queryKey: orientationKeys.profile(slug) });
      await qc.invalidateQueries({ queryKey: ['communities', 'detail', slug] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card as="li" className="p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-slate-900">
            {f.name} {f.on ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
          </h3>
          <p className="text-sm text-slate-600">{f.description}</p>
          {f.recommended ? (
            <p className="mt-2 text-sm text-emerald-800">
              <span className="font-medium">Recommended.</span> {f.reasons.join(' ')}
            </p>
          ) : (
            <p className="mt-2 text-sm text-slate-600">Not called for by the profile so far.</p>
          )}
        </div>
        {canSteward && (
          <Button variant={f.on ? 'secondary' : 'primary'} size="sm" busy={busy} onClick={() => void toggle()}>
            {f.on ? `Switch off ${f.name.toLowerCase()}` : `Switch on ${f.name.toLowerCase()}`}
          </Button>
        )}
      </div>
      {error && <Alert tone="error" className="mt-2">{error}</Alert>}
    </Card>
  );
}

/** The orientation profile (MODEL §10) as a radar and a table, and the tools it recommends. */
export function ProfilePage({ community: c }: { community: CommunityDetail }) {
  const q = useOrientation(c.slug);
  const [editing, setEditing] = useState(false);
  const view = q.data;
  const axes = useMemo(() => view?.ratings.map((r) => ({ name: r.name, value: r.rating })) ?? [], [view]);
  if (q.isPending) return <Loading label="Loading the profile…" />;
  if (q.isError) return <Alert tone="error">{messageOf(q.error)}</Alert>;
  if (!view) return null;
  const rated = view.ratings.some((r) => r.rating !== null);
  return (
    <div className="space-y-10">
      <Section
        title="Orientations"
        id="orientations"
        actions={
          view.canSteward && !editing ? (
            <Button size="sm" onClick={() => setEditing(true)}>
              {rated ? 'Change ratings' : 'Rate the orientations'}
            </Button>
          ) : undefined
        }
      >
        <p className="text-sm text-slate-600">
          How much this community is about each kind of togetherness, from 0 (not at all) to 5 (at its heart). The technology steward rates them; the profile tells which tools to switch on.
        </p>
        {editing ? (
          <Card className="p-4 sm:p-5">
            <RatingForm slug={c.slug} view={view} onDone={() => setEditing(false)} />
          </Card>
        ) : !rated ? (
          <Alert tone="info" title="Not rated yet">
            {view.canSteward ? 'Rate the nine orientations to see the profile and which tools fit.' : 'The technology steward has not rated the orientations yet.'}
          </Alert>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card className="self-start p-2">
              <RadarChart axes={axes} label="Orientation profile" />
            </Card>
            <table className="w-full text-left text-sm">
              <caption className="pb-2 text-left text-sm text-slate-600">
                The profile in numbers{view.ratedBy && view.ratedAt ? `, last rated by ${view.ratedBy.displayName} on ${formatDate(view.ratedAt)}` : ''}.
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1.5 pr-3 font-medium text-slate-900">
                    Orientation
                  </th>
                  <th scope="col" className="py-1.5 font-medium text-slate-900">
                    Rating
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.ratings.map((r) => (
                  <tr key={r.key} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1.5 pr-3 font-normal">
                      <span className="font-medium text-slate-900">{r.name}</span>
                      <span className="block text-slate-600">{r.description}</span>
                    </th>
                    <td className="whitespace-nowrap py-1.5 text-slate-900">{r.rating === null ? 'Not rated' : `${r.rating} of 5`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Tools" id="tools">
        <p className="text-sm text-slate-600">
          {view.canSteward ? 'Switch tools on or off for this community. Switched-off tools disappear from its pages for everyone.' : 'The tools this community uses. Its technology steward and coordinators choose them.'}
        </p>
        <ul className="grid gap-3 md:grid-cols-2">
          {view.features.map((f) => (
            <FeatureToggle key={f.key} slug={c.slug} f={f} canSteward={view.canSteward} />
          ))}
        </ul>
      </Section>
    </div>
  );
}
