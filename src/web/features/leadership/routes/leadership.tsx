import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { type LeadershipFunctionView, type ReflectionView, reflectionInput } from '../../../../shared/contracts/leadership.ts';
import { roleReflectionParts, roles } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, Loading } from '../../../components/ui/feedback.tsx';
import { TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { formatDate } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { leadershipKeys, saveReflection, setCoverage, useCoverage, useReflections } from '../api/leadership.ts';

function viaText(via: LeadershipFunctionView['people'][number]['via']) {
  return via.map((v) => (v.kind === 'role' ? `as ${lookup(roles, v.role).name.toLowerCase()}` : 'assigned by a coordinator')).join(', ');
}

function AssignForm({ slug, fn }: { slug: string; fn: LeadershipFunctionView }) {
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) return setError('Enter the username of a member.');
    setBusy(true);
    setError(undefined);
    try {
      await setCoverage(slug, fn.key, username.trim().replace(/^@/, ''), true);
      setUsername('');
      await qc.invalidateQueries({ queryKey: leadershipKeys.coverage(slug) });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <TextField label={<span>Someone who covers {fn.name.toLowerCase()}</span>} value={username} onChange={(e) => setUsername(e.target.value)} placeholder="username" autoComplete="off" error={error} />
      </div>
      <Button type="submit" variant="secondary" busy={busy}>
        Add
      </Button>
    </form>
  );
}

function FunctionCard({ slug, fn, canAssign }: { slug: string; fn: LeadershipFunctionView; canAssign: boolean }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  async function remove(username: string) {
    setError(null);
    try {
      await setCoverage(slug, fn.key, username, false);
      await qc.invalidateQueries({ queryKey: leadershipKeys.coverage(slug) });
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <Card as="li" className={fn.covered ? 'p-4' : 'border-amber-300 bg-amber-50/60 p-4'}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">{fn.name}</h3>
          <p className="text-sm text-slate-600">{fn.description}</p>
        </div>
        {fn.covered ? <Badge tone="success">Covered</Badge> : <Badge tone="warning">Uncovered</Badge>}
      </div>
      {fn.covered ? (
        <ul className="mt-3 space-y-1.5">
          {fn.people.map((p) => (
            <li key={p.username} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <AppLink href={paths.person(p.username)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                {p.displayName}
              </AppLink>
              <span className="text-slate-600">{viaText(p.via)}</span>
              {canAssign && p.via.some((v) => v.kind === 'assigned') && (
                <Button size="sm" variant="ghost" onClick={() => void remove(p.username)} aria-label={`Remove ${p.displayName} from ${fn.name}`}>
                  Remove
                </Button>
              )}
            </li>
          ))}
          {fn.peopleCount > fn.people.length && <li className="text-sm text-slate-600">and {fn.peopleCount - fn.people.length} more</li>}
        </ul>
      ) : (
        <p className="mt-3 text-sm font-medium text-amber-900">No one covers {fn.name.toLowerCase()} yet.</p>
      )}
      {error && <Alert tone="error" className="mt-2">{error}</Alert>}
      {canAssign && <AssignForm slug={slug} fn={fn} />}
    </Card>
  );
}

function ReflectionForm({ slug, r, onDone }: { slug: string; r: ReflectionView; onDone: () => void }) {
  const qc = useQueryClient();
  const [values, setValues] = useState(() => Object.fromEntries(roleReflectionParts.map((p) => [p.key, r[p.key]])) as Record<string, string>);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(reflectionInput, values);
    if (checked.errors) return errors.setFields(checked.errors);
    setBusy(true);
    try {
      await saveReflection(slug, r.role, checked.data);
      await qc.invalidateQueries({ queryKey: leadershipKeys.reflections(slug) });
      onDone();
    } catch (err) {
      errors.fromError(err, roleReflectionParts.map((p) => p.key));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {roleReflectionParts.map((p) => (
        <TextArea key={p.key} label={p.name} hint={p.description} rows={2} value={values[p.key]} error={errors.fields[p.key]} onChange={(e) => setValues({ ...values, [p.key]: e.target.value })} />
      ))}
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          Save reflection
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Reflection({ slug, r }: { slug: string; r: ReflectionView }) {
  const [editing, setEditing] = useState(false);
  const role = lookup(roles, r.role);
  return (
    <Card as="li" className="p-4">
      <details open={editing || undefined}>
        <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
          <span className="flex flex-wrap items-baseline justify-between gap-2">
            <span>
              <span className="font-semibold text-slate-900">{role.name}</span>
              <span className="ml-2 text-sm text-slate-600">{role.description}</span>
            </span>
            <span className="text-sm text-brand-700">{r.written ? 'Read the reflection' : r.canEdit ? 'Not written yet: write it' : 'Not written yet'}</span>
          </span>
        </summary>
        <div className="mt-4">
          {editing ? (
            <ReflectionForm slug={slug} r={r} onDone={() => setEditing(false)} />
          ) : (
            <>
              {r.written ? (
                <dl className="grid gap-3 sm:grid-cols-2">
                  {roleReflectionParts.map((p) => (
                    <div key={p.key}>
                      <dt className="text-sm font-medium text-slate-900">
                        {p.name} <span className="font-normal text-slate-600">— {p.description}</span>
                      </dt>
                      <dd className="mt-0.5 whitespace-pre-line text-sm text-slate-700">{r[p.key] || <span className="text-slate-500">Not written yet.</span>}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-sm text-slate-600">No one has written about this role here yet.</p>
              )}
              {r.updatedBy && r.updatedAt && (
                <p className="mt-3 text-xs text-slate-600">
                  Last written by {r.updatedBy.displayName} on {formatDate(r.updatedAt)}
                </p>
              )}
              {r.canEdit && (
                <Button className="mt-3" size="sm" variant="secondary" onClick={() => setEditing(true)}>
                  {r.written ? 'Edit' : 'Write'} the reflection on {role.name.toLowerCase()}
                </Button>
              )}
            </>
          )}
        </div>
      </details>
    </Card>
  );
}

/** The twelve leadership functions with who covers them, and the community's reflections on each role. */
export function LeadershipPage({ community: c }: { community: CommunityDetail }) {
  const coverage = useCoverage(c.slug);
  const reflections = useReflections(c.slug);
  const view = coverage.data;
  return (
    <div className="space-y-10">
      <Section title="Leadership functions" id="functions">
        {coverage.isPending ? (
          <Loading label="Loading leadership…" />
        ) : coverage.isError ? (
          <Alert tone="error">{messageOf(coverage.error)}</Alert>
        ) : view ? (
          <>
            <p className="text-sm text-slate-700">
              <span className="text-base font-semibold text-slate-900">
                {view.coveredCount} of {view.total}
              </span>{' '}
              functions are covered. People cover a function through a role that implies it
              {c.viewer.canModerate ? (
                <>
                  {' '}
                  (change roles on the{' '}
                  <AppLink href={paths.members(c.slug)} className="text-brand-700 underline">
                    members page
                  </AppLink>
                  ) or because a coordinator added them here.
                </>
              ) : (
                ' or because a coordinator added them.'
              )}
            </p>
            {view.coveredCount < view.total && (
              <Alert tone="warning" title="Uncovered functions">
                {view.functions
                  .filter((f) => !f.covered)
                  .map((f) => f.name)
                  .join(', ')}
              </Alert>
            )}
            <ul className="grid gap-3 md:grid-cols-2">
              {view.functions.map((f) => (
                <FunctionCard key={f.key} slug={c.slug} fn={f} canAssign={view.canAssign} />
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <Section title="Role reflections" id="reflections">
        <p className="text-sm text-slate-600">
          For each role the community records why it matters, what the role-holder does, what is hard, what it brings, who should do it and what support they need. Coordinators and the people who hold a role can write its reflection.
        </p>
        {reflections.isPending ? (
          <Loading label="Loading reflections…" />
        ) : reflections.isError ? (
          <Alert tone="error">{messageOf(reflections.error)}</Alert>
        ) : (
          <ul className="space-y-2">
            {reflections.data.items.map((r) => (
              <Reflection key={r.role} slug={c.slug} r={r} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
