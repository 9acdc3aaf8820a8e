import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { createSubgroupInput, type SubgroupSummary } from '../../../../shared/contracts/subgroups.ts';
import { subgroupKinds } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { formatDate, plural } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { createSubgroup, subgroupKeys, useSubgroups } from '../api/subgroups.ts';

type Kind = 'practice_group' | 'project';

function StartForm({ slug, kind }: { slug: string; kind: Kind }) {
  const qc = useQueryClient();
  const [v, setV] = useState({ name: '', description: '', goal: '', endDate: '', leader: '' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const errors = useFormErrors();
  const project = kind === 'project';
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    const input = { kind, name: v.name, description: v.description, goal: v.goal, endDate: project ? v.endDate || null : undefined, leader: v.leader.trim().replace(/^@/, '') };
    const checked = validate(createSubgroupInput, input);
    if (checked.errors) return errors.setFields(checked.errors);
    if (project && !v.goal.trim()) return errors.setFields({ goal: 'Say what the project should achieve.' });
    if (project && !v.endDate) return errors.setFields({ endDate: 'A project needs an end date.' });
    errors.clear();
    setBusy(true);
    try {
      await createSubgroup(slug, checked.data);
      setV({ name: '', description: '', goal: '', endDate: '', leader: '' });
      setDone(`${project ? 'Project' : 'Practice group'} started.`);
      await qc.invalidateQueries({ queryKey: subgroupKeys.all(slug) });
    } catch (err) {
      errors.fromError(err, ['name', 'description', 'goal', 'endDate', 'leader']);
    } finally {
      setBusy(false);
    }
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Name" value={v.name} onChange={set('name')} error={errors.fields.name} />
      <TextArea label="Description" optional rows={3} value={v.description} onChange={set('description')} error={errors.fields.description} />
      {project && <TextArea label="Goal" rows={2} value={v.goal} onChange={set('goal')} error={errors.fields.goal} hint="What should the project achieve?" />}
      {project && <TextField label="End date" type="date" value={v.endDate} onChange={set('endDate')} error={errors.fields.endDate} />}
      <TextField label="Leader" value={v.leader} onChange={set('leader')} error={errors.fields.leader} hint="Username of a member; they become its subgroup leader." autoComplete="off" />
      <Button type="submit" busy={busy}>
        Start the {project ? 'project' : 'practice group'}
      </Button>
      <p aria-live="polite" className="text-sm text-emerald-800">
        {done}
      </p>
    </form>
  );
}

function Row({ slug, sg }: { slug: string; sg: SubgroupSummary }) {
  return (
    <Card as="li" className="p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 font-semibold">
          <AppLink href={paths.subgroup(slug, sg.kind, sg.id)} className="text-slate-900 underline-offset-2 hover:text-brand-800 hover:underline">
            {sg.name}
          </AppLink>
        </h3>
        <div className="flex gap-1.5">
          {sg.closed && <Badge>Closed</Badge>}
          {sg.isMember && <Badge tone="brand">You are in it</Badge>}
        </div>
      </div>
      {sg.description && <p className="mt-1 text-sm text-slate-700">{sg.description}</p>}
      {sg.kind === 'project' && (
        <p className="mt-1 text-sm text-slate-700">
          <span className="font-medium">Goal:</span> {sg.goal}
          {sg.endDate && <> · ends {formatDate(sg.endDate)}</>}
        </p>
      )}
      <p className="mt-2 text-sm text-slate-600">
        {sg.leader ? `Led by ${sg.leader.displayName}` : 'No leader'} · {plural(sg.memberCount, 'member', 'members')} · {plural(sg.topicCount, 'topic', 'topics')}
      </p>
    </Card>
  );
}

/** A community's practice groups or projects, with a form for coordinators to start one. */
export function SubgroupsPage({ community: c, kind }: { community: CommunityDetail; kind: Kind }) {
  const q = useSubgroups(c.slug, kind);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const k = lookup(subgroupKinds, kind);
  const plural_ = kind === 'project' ? 'projects' : 'practice groups';
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <Section title={kind === 'project' ? 'Projects' : 'Practice groups'} id="subgroups">
        <p className="text-sm text-slate-600">{k.description}</p>
        {q.isPending ? (
          <Loading label={`Loading ${plural_}…`} />
        ) : q.isError ? (
          <Alert tone="error">{messageOf(q.error)}</Alert>
        ) : items.length === 0 ? (
          <EmptyState title={`No ${plural_} yet`}>
            {c.viewer.canModerate ? `Start one with the form: choose a leader from the members.` : `Coordinators start ${plural_}. Suggest one in the conversations.`}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {items.map((sg) => (
              <Row key={sg.id} slug={c.slug} sg={sg} />
            ))}
          </ul>
        )}
        <LoadMore hasMore={Boolean(q.hasNextPage)} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} label={`Load more ${plural_}`} />
      </Section>
      {c.viewer.canModerate && (
        <aside aria-label={`Start a ${k.name.toLowerCase()}`}>
          <Card className="p-5">
            <Section title={`Start a ${k.name.toLowerCase()}`} id="start">
              <StartForm slug={c.slug} kind={kind} />
            </Section>
          </Card>
        </aside>
      )}
    </div>
  );
}
