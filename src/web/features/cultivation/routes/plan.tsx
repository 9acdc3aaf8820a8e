import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { CommunityDetail, MemberSummary } from '../../../../shared/contracts/communities.ts';
import type { Page } from '../../../../shared/contracts/common.ts';
import { createTaskInput, type CultivationPlan, type CultivationTask, updateTaskInput } from '../../../../shared/contracts/cultivation.ts';
import { cultivationNeeds, stages, taskStatuses } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card } from '../../../components/ui/layout.tsx';
import { api, messageOf } from '../../../lib/api.ts';
import { cx } from '../../../lib/cx.ts';
import { formatDate } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { addTask, cultivationKeys, deleteTask, updateTask, usePlan } from '../api/cultivation.ts';
import { ProgressBar } from '../components/progress-bar.tsx';

const statusTone = { todo: 'neutral', doing: 'brand', done: 'success', skipped: 'neutral' } as const;
const statusName = (key: string) => taskStatuses.find((s) => s.key === key)?.name ?? key;
const FIELDS = ['title', 'owner', 'dueDate', 'status', 'notes'];

/** The first page of members, to pick task owners from (owners must be members). */
function useOwnerChoices(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cultivation', 'owners', slug],
    queryFn: () => api<Page<MemberSummary>>('GET', `/api/communities/${encodeURIComponent(slug)}/members?limit=50`),
    enabled,
    staleTime: 60_000,
  });
}

function TaskForm({
  slug,
  need,
  task,
  onDone,
}: {
  slug: string;
  need: string;
  task?: CultivationTask;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const id = useId();
  const owners = useOwnerChoices(slug, true);
  const [v, setV] = useState({
    title: task?.title ?? '',
    owner: task?.owner?.username ?? '',
    dueDate: task?.dueDate ?? '',
    status: task?.status ?? 'todo',
    notes: task?.notes ?? '',
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const set = (k: keyof typeof v, value: string) => setV((o) => ({ ...o, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { ...v, owner: v.owner || null, dueDate: v.dueDate || null };
    const checked = task
      ? validate(updateTaskInput, task.isDefault ? { ...body, title: undefined } : body)
      : validate(createTaskInput, { ...body, need });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      if (task) await updateTask(slug, task.id, checked.data as Record<string, unknown>);
      else await addTask(slug, checked.data as Record<string, unknown>);
      await qc.invalidateQueries({ queryKey: cultivationKeys.plan(slug) });
      onDone();
    } catch (err) {
      errors.fromError(err, FIELDS);
      setBusy(false);
    }
  }

  const needName = cultivationNeeds.find((n) => n.key === need)?.name;
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {task?.isDefault ? (
        <p className="text-sm font-medium text-slate-900">{task.title}</p>
      ) : (
        <TextField label={task ? 'Task' : `New task under ${needName}`} value={v.title} error={errors.fields.title} onChange={(e) => set('title', e.target.value)} />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Owner"
          optional
          list={`${id}-owners`}
          value={v.owner}
          error={errors.fields.owner}
          hint="A member's username."
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => set('owner', e.target.value)}
        />
        <datalist id={`${id}-owners`}>
          {owners.data?.items.map((m) => (
            <option key={m.username} value={m.username}>
              {m.displayName}
            </option>
          ))}
        </datalist>
        <TextField label="Due date" optional type="date" value={v.dueDate} error={errors.fields.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
        <SelectField
          label="Status"
          value={v.status}
          error={errors.fields.status}
          hint={taskStatuses.find((s) => s.key === v.status)?.description}
          onChange={(e) => set('status', e.target.value)}
        >
          {taskStatuses.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea label="Notes" optional rows={2} value={v.notes} error={errors.fields.notes} onChange={(e) => set('notes', e.target.value)} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={busy}>
          {task ? 'Save task' : 'Add task'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function TaskRow({ slug, task, canEdit }: { slug: string; task: CultivationTask; canEdit: boolean }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (editing) return <TaskForm slug={slug} need={task.need} task={task} onDone={() => setEditing(false)} />;

  async function remove() {
    if (!window.confirm(`Delete “${task.title}”?`)) return;
    try {
      await deleteTask(slug, task.id);
      await qc.invalidateQueries({ queryKey: cultivationKeys.plan(slug) });
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <p className={cx('text-sm font-medium', task.status === 'skipped' ? 'text-slate-600 line-through' : 'text-slate-900')}>{task.title}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <Badge tone={statusTone[task.status as keyof typeof statusTone] ?? 'neutral'}>{statusName(task.status)}</Badge>
          {task.owner ? (
            <span>
              Owner:{' '}
              <AppLink href={paths.person(task.owner.username)} className="underline-offset-2 hover:underline">
                {task.owner.displayName}
              </AppLink>
            </span>
          ) : (
            <span>No owner yet</span>
          )}
          {task.dueDate && <span>Due {formatDate(`${task.dueDate}T12:00:00Z`)}</span>}
          {!task.isDefault && <span>Added by the coordinators</span>}
        </p>
        {task.notes && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{task.notes}</p>}
        {error && <p className="mt-1 text-sm font-medium text-red-700">{error}</p>}
      </div>
      {canEdit && (
        <div className="flex shrink-0 gap-1">
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit “${task.title}”`}>
            Edit
          </Button>
          {!task.isDefault && (
            <Button size="sm" variant="danger" onClick={remove} aria-label={`Delete “${task.title}”`}>
              Delete
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

function Need({ slug, need, canEdit }: { slug: string; need: CultivationPlan['needs'][number]; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const info = cultivationNeeds.find((n) => n.key === need.key)!;
  const headingId = `need-${need.key}`;
  return (
    <Card as="section" className={cx('p-5', need.highlighted && 'border-brand-300 ring-1 ring-brand-300')}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
            {info.name}
            <Badge tone={need.highlighted ? 'brand' : 'neutral'}>{need.phase === 'early' ? 'Early need' : 'Later need'}</Badge>
            {need.highlighted && <span className="text-sm font-medium text-brand-800">Matters now</span>}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{info.description}</p>
        </div>
      </div>
      <div className="mt-3">
        <ProgressBar done={need.progress.done} total={need.progress.total} label={`${info.name} progress`} />
      </div>
      <div className="mt-2 divide-y divide-slate-100">
        {need.tasks.map((t) => (
          <TaskRow key={t.id} slug={slug} task={t} canEdit={canEdit} />
        ))}
      </div>
      {canEdit &&
        (adding ? (
          <div className="mt-3">
            <TaskForm slug={slug} need={need.key} onDone={() => setAdding(false)} />
          </div>
        ) : (
          <Button size="sm" variant="ghost" className="mt-2" onClick={() => setAdding(true)}>
            Add a task to {info.name}
          </Button>
        ))}
    </Card>
  );
}

function Plan({ community: c }: { community: CommunityDetail }) {
  const plan = usePlan(c.slug);
  if (plan.isPending) return <Loading label="Loading the plan…" />;
  if (plan.isError) return <Alert tone="error" title="We could not load the plan.">{messageOf(plan.error)}</Alert>;
  const p = plan.data;
  const stageName = stages.find((s) => s.key === p.stage)?.name ?? p.stage;
  return (
    <div className="space-y-6">
      <Card className="space-y-3 p-5">
        <p className="text-sm text-slate-700">
          {c.name} is <span className="font-medium text-slate-900">{stageName.toLowerCase()}</span>, so the{' '}
          {p.highlight === 'early' ? 'early needs (prepare, launch, build, infrastructure)' : 'later needs (strategize, grow, assess, renew)'} are highlighted.
          Tasks marked “Not needed” do not count.
        </p>
        <ProgressBar done={p.progress.done} total={p.progress.total} label="Whole plan progress" />
        {!p.canEdit && <p className="text-sm text-slate-600">You can read the plan; its coordinators keep it up to date.</p>}
      </Card>
      {p.needs.map((n) => (
        <Need key={n.key} slug={c.slug} need={n} canEdit={p.canEdit} />
      ))}
    </div>
  );
}

/** The cultivation plan (MODEL §5): the eight needs with their tasks, owners, dates, status and progress. */
export function PlanPage({ community }: { community: CommunityDetail }) {
  return <Plan community={community} />;
}
