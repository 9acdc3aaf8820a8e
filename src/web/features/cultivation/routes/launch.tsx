import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { ZodType } from 'zod';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { type LaunchRecord, type LaunchStepState, launchStepFields, launchStepInputs } from '../../../../shared/contracts/cultivation.ts';
import { launchKinds, launchSteps, stages, structureKinds } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, Loading } from '../../../components/ui/feedback.tsx';
import { ChoiceCards, SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { cultivationKeys, launchCommunity, saveLaunchStep, useLaunchRecord } from '../api/cultivation.ts';
import { ProgressBar } from '../components/progress-bar.tsx';

type StepKey = keyof typeof launchStepFields;
const kindName = (key: string | null) => structureKinds.find((s) => s.key === key)?.name ?? key ?? '';

function Advisor({ advisor }: { advisor: NonNullable<LaunchRecord['advisor']> }) {
  const followed = advisor.chosen === advisor.recommended;
  return (
    <Card as="section" className="p-5">
      <h2 className="text-base font-semibold text-slate-900">What the structure advisor said</h2>
      {advisor.explanation && <p className="mt-2 text-sm text-slate-700">{advisor.explanation}</p>}
      <p className="mt-2 text-sm text-slate-900">
        {followed ? `The proposer followed the advice: ${kindName(advisor.chosen)}.` : `The proposer chose ${kindName(advisor.chosen)} instead of ${kindName(advisor.recommended)}.`}
      </p>
    </Card>
  );
}

/** The value a step's field is edited as: text, except the design team (usernames, comma-separated). */
const asText = (key: string, v: unknown) => (key === 'designTeam' ? (Array.isArray(v) ? v.join(', ') : '') : typeof v === 'string' ? v : '');

function StepCard({ slug, n, step, canEdit }: { slug: string; n: number; step: LaunchStepState; canEdit: boolean }) {
  const qc = useQueryClient();
  const key = step.key as StepKey;
  const info = launchSteps.find((s) => s.key === key)!;
  const fields = launchStepFields[key];
  const [v, setV] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, asText(f.key, step.values[f.key])])));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const headingId = `step-${key}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body: Record<string, unknown> = { ...v };
    if ('designTeam' in body) {
      body.designTeam = String(body.designTeam)
        .split(/[\s,]+/)
        .map((u) => u.replace(/^@/, ''))
        .filter(Boolean);
    }
    if (body.launchKind === '') delete body.launchKind;
    const checked = validate(launchStepInputs[key] as ZodType<Record<string, unknown>>, body);
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      await saveLaunchStep(slug, key, checked.data as Record<string, unknown>);
      await qc.invalidateQueries({ queryKey: cultivationKeys.launch(slug) });
      setSaved(true);
    } catch (err) {
      errors.fromError(err, fields.map((f) => f.key));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card as="section" className="p-5 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {n}. {info.name}
        </h2>
        <Badge tone={step.complete ? 'success' : step.answered ? 'warning' : 'neutral'}>
          {step.complete ? 'Complete' : `${step.answered} of ${step.total} answered`}
        </Badge>
      </div>
      <p className="mt-1 text-sm text-slate-600">{info.description}</p>
      {canEdit ? (
        <form onSubmit={submit} noValidate className="mt-4 space-y-4" aria-labelledby={headingId}>
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          {fields.map((f) =>
            f.key === 'launchKind' ? (
              <ChoiceCards
                key={f.key}
                legend={f.name}
                hint={f.description}
                name={`${key}-${f.key}`}
                choices={launchKinds}
                value={v[f.key]}
                onChange={(x) => setV((o) => ({ ...o, [f.key]: x }))}
                error={errors.fields[f.key]}
                columns={3}
              />
            ) : f.key === 'designTeam' ? (
              <TextField
                key={f.key}
                label={f.name}
                hint={`${f.description} Usernames, separated by commas.`}
                value={v[f.key]}
                error={errors.fields[f.key]}
                autoCapitalize="none"
                spellCheck={false}
                onChange={(e) => setV((o) => ({ ...o, [f.key]: e.target.value }))}
              />
            ) : (
              <TextArea
                key={f.key}
                label={f.name}
                hint={f.description}
                rows={2}
                value={v[f.key]}
                error={errors.fields[f.key]}
                onChange={(e) => setV((o) => ({ ...o, [f.key]: e.target.value }))}
              />
            ),
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" busy={busy}>
              Save {info.name.toLowerCase()}
            </Button>
            {saved && (
              <p role="status" className="text-sm font-medium text-emerald-800">
                Saved.
              </p>
            )}
          </div>
        </form>
      ) : (
        <dl className="mt-4 space-y-3">
          {fields.map((f) => (
            <div key={f.key}>
              <dt className="text-sm font-medium text-slate-900">{f.name}</dt>
              <dd className="mt-0.5 whitespace-pre-line text-sm text-slate-700">
                {f.key === 'launchKind'
                  ? (launchKinds.find((k) => k.key === step.values[f.key])?.name ?? 'Not decided yet')
                  : asText(f.key, step.values[f.key]) || 'Not answered yet'}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function LaunchForm({ community: c }: { community: CommunityDetail }) {
  const qc = useQueryClient();
  const router = useRouter();
  const [stage, setStage] = useState('coalescing');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await launchCommunity(c.slug, stage, reason);
      await Promise.all([qc.invalidateQueries({ queryKey: cultivationKeys.communities }), qc.invalidateQueries({ queryKey: cultivationKeys.all })]);
      await router.navigate({ href: paths.community(c.slug) });
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <Card as="section" className="p-5 sm:p-6">
      <h2 className="text-base font-semibold text-slate-900">Launch the community</h2>
      <p className="mt-1 text-sm text-slate-600">
        Launching makes {c.name} an active community: people can find it and join it as its visibility allows. A launch is an invitation, not a
        roll-out.
      </p>
      <form onSubmit={submit} className="mt-4 space-y-4">
        <SelectField
          label="Stage after the launch"
          value={stage}
          hint={stages.find((s) => s.key === stage)?.description}
          onChange={(e) => setStage(e.target.value)}
        >
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextArea label="What happened at the launch" optional rows={2} value={reason} onChange={(e) => setReason(e.target.value)} hint="Kept in the stage history." />
        {error && <Alert tone="error">{error}</Alert>}
        <Button type="submit" variant="success" busy={busy}>
          Launch {c.name}
        </Button>
      </form>
    </Card>
  );
}

function Launch({ community: c }: { community: CommunityDetail }) {
  const record = useLaunchRecord(c.slug);
  if (record.isPending) return <Loading label="Loading the launch record…" />;
  if (record.isError) return <Alert tone="error" title="We could not load the launch record.">{messageOf(record.error)}</Alert>;
  const r = record.data;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        {r.advisor && <Advisor advisor={r.advisor} />}
        {r.steps.map((s, i) => (
          <StepCard key={s.key} slug={c.slug} n={i + 1} step={s} canEdit={r.canEdit} />
        ))}
        {r.canLaunch && <LaunchForm community={c} />}
      </div>
      <aside aria-label="Launch progress" className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">Progress</h2>
          <div className="mt-3">
            <ProgressBar done={r.progress.complete} total={r.progress.total} label="Launch steps complete" />
          </div>
          <ol className="mt-4 space-y-2 text-sm">
            {r.steps.map((s, i) => (
              <li key={s.key} className="flex items-center gap-2">
                <span aria-hidden="true" className={s.complete ? 'text-emerald-700' : 'text-slate-400'}>
                  {s.complete ? '✓' : '○'}
                </span>
                <a href={`#step-${s.key}`} className="text-slate-800 underline-offset-2 hover:underline">
                  {i + 1}. {launchSteps[i].name}
                </a>
                <span className="sr-only">{s.complete ? '(complete)' : `(${s.answered} of ${s.total} answered)`}</span>
              </li>
            ))}
          </ol>
          <p className="mt-4 text-sm text-slate-700">
            {r.launchedAt ? (
              <>
                Launched on {formatDate(r.launchedAt)}
                {r.launchedBy && <> by {r.launchedBy.displayName}</>}.
              </>
            ) : (
              'Not launched yet. Coordinators launch it when the steps are ready; the support team can help.'
            )}
          </p>
          {r.launchedAt && (
            <AppLink href={paths.plan(c.slug)} className="mt-2 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
              Go to the cultivation plan
            </AppLink>
          )}
        </Card>
      </aside>
    </div>
  );
}

/** The launch process (MODEL §6): four steps saved as the launch record, a progress view and the Launch action. */
export function LaunchPage({ community }: { community: CommunityDetail }) {
  return <Launch community={community} />;
}
