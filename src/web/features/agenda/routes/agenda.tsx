import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type AgendaItemView, createAgendaItemInput } from '../../../../shared/contracts/agenda.ts';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { agendaStatuses } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { plural } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { agendaKeys, createItem, unlinkTopic, updateItem, useAgenda } from '../api/agenda.ts';

const statusTone = { open: 'brand', exploring: 'warning', answered: 'success', parked: 'neutral' } as const;

function ProposeForm({ slug }: { slug: string }) {
  const qc = useQueryClient();
  const [question, setQuestion] = useState('');
  const [notes, setNotes] = useState('');
  const [owner, setOwner] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const errors = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    const checked = validate(createAgendaItemInput, { question, notes, owner: owner.trim().replace(/^@/, '') || undefined });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      await createItem(slug, checked.data);
      setQuestion('');
      setNotes('');
      setOwner('');
      setDone('Added to the learning agenda.');
      await qc.invalidateQueries({ queryKey: agendaKeys.all(slug) });
    } catch (err) {
      errors.fromError(err, ['question', 'notes', 'owner']);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Question" name="question" value={question} onChange={(e) => setQuestion(e.target.value)} error={errors.fields.question} hint="What does the community want to learn? Write it as a question." />
      <TextArea label="Notes" optional rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.fields.notes} />
      <TextField label="Owner" optional value={owner} onChange={(e) => setOwner(e.target.value)} error={errors.fields.owner} hint="Username of the member who looks after it." autoComplete="off" />
      <Button type="submit" busy={busy}>
        Add to the agenda
      </Button>
      <p aria-live="polite" className="text-sm text-emerald-800">
        {done}
      </p>
    </form>
  );
}

function Item({ c, item }: { c: CommunityDetail; item: AgendaItemView }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const status = lookup(agendaStatuses, item.status);
  async function run(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: agendaKeys.all(c.slug) });
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <Card as="li" className="p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 font-semibold text-slate-900">{item.question}</h3>
        <Badge tone={statusTone[item.status as keyof typeof statusTone] ?? 'neutral'} title={status.description}>
          {status.name}
        </Badge>
      </div>
      {item.notes && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{item.notes}</p>}
      <p className="mt-2 text-sm text-slate-600">
        {item.owner ? (
          <>
            Owner:{' '}
            <AppLink href={paths.person(item.owner.username)} className="text-brand-700 underline">
              {item.owner.displayName}
            </AppLink>
          </>
        ) : (
          'No owner yet'
        )}
        {item.createdBy && <> · proposed by {item.createdBy.displayName}</>} · {plural(item.topicCount, 'topic', 'topics')}
      </p>
      {item.topics.length > 0 && (
        <ul className="mt-2 space-y-1">
          {item.topics.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2 text-sm">
              <AppLink href={paths.topic(t.id)} className="text-brand-700 underline-offset-2 hover:underline">
                {t.title}
              </AppLink>
              {t.answered && <Badge tone="success">Answered</Badge>}
              {item.canEdit && (
                <Button size="sm" variant="ghost" onClick={() => void run(() => unlinkTopic(c.slug, item.id, t.id))} aria-label={`Unlink “${t.title}”`}>
                  Unlink
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-3">
        {c.viewer.canPost && (
          <AppLink href={paths.newTopicFrom(c.slug, { agendaItem: item.id })} className={buttonClass('secondary', 'sm')}>
            Start a topic from this item
          </AppLink>
        )}
        {item.canEdit && (
          <div className="w-44">
            <SelectField label={<span className="text-xs">Status</span>} value={item.status} onChange={(e) => void run(() => updateItem(c.slug, item.id, { status: e.target.value as 'open' }))}>
              {agendaStatuses.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                </option>
              ))}
            </SelectField>
          </div>
        )}
      </div>
      {error && <Alert tone="error" className="mt-2">{error}</Alert>}
    </Card>
  );
}

/** The learning agenda: questions the community wants to learn about, with status, owner and topics. */
export function AgendaPage({ community: c, status, onStatus }: { community: CommunityDetail; status?: string; onStatus: (s?: string) => void }) {
  const q = useAgenda(c.slug, status);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <Section title="Questions" id="agenda">
        <div className="max-w-xs">
          <SelectField label="Status" value={status ?? ''} onChange={(e) => onStatus(e.target.value || undefined)} hint={status ? lookup(agendaStatuses, status).description : 'Every item, newest first.'}>
            <option value="">All</option>
            {agendaStatuses.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </div>
        {q.isPending ? (
          <Loading label="Loading the agenda…" />
        ) : q.isError ? (
          <Alert tone="error">{messageOf(q.error)}</Alert>
        ) : items.length === 0 ? (
          <EmptyState title={status ? `Nothing is ${lookup(agendaStatuses, status).name.toLowerCase()} right now` : 'The learning agenda is empty'}>
            {status ? 'Try another status.' : 'A learning agenda lists the questions the community wants to learn about. Propose the first one.'}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {items.map((i) => (
              <Item key={i.id} c={c} item={i} />
            ))}
          </ul>
        )}
        <LoadMore hasMore={Boolean(q.hasNextPage)} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} label="Load more questions" />
      </Section>
      {c.viewer.canPost && (
        <aside aria-label="Propose a question">
          <Card className="p-5">
            <Section title="Propose a question" id="propose">
              <ProposeForm slug={c.slug} />
            </Section>
          </Card>
        </aside>
      )}
    </div>
  );
}
