import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { createTopicInput } from '../../../../shared/contracts/conversations.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/field.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { api, messageOf } from '../../../lib/api.ts';
import { learningActivities, lookup } from '../../../lib/catalogue.ts';
import { focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { parseTags } from '../../../lib/tags.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { createTopic, useMyCommunities } from '../api/conversations.ts';
import { MarkdownField } from '../components/markdown-field.tsx';

const FIELDS = ['communities', 'title', 'body', 'activityType', 'isQuestion', 'tags', 'subgroupId', 'agendaItemId'];

/** What the new topic is linked to when started from a learning agenda item or inside a practice group or project. */
function useLinks(community: string | undefined, agendaItem?: number, subgroup?: number) {
  const base = community ? `/api/communities/${encodeURIComponent(community)}` : '';
  const item = useQuery({
    queryKey: ['agenda', community, 'item', agendaItem],
    queryFn: () => api<{ id: number; question: string }>('GET', `${base}/agenda/${agendaItem}`),
    enabled: Boolean(community && agendaItem),
  });
  const group = useQuery({
    queryKey: ['subgroups', community, 'one', subgroup],
    queryFn: () => api<{ id: number; name: string; kind: string }>('GET', `${base}/subgroups/${subgroup}`),
    enabled: Boolean(community && subgroup),
  });
  return { item: item.data, group: group.data };
}

/** Whether questions and answers are switched off in any of the chosen communities. */
function useQaOff(slugs: string[]) {
  const details = useQueries({
    queries: slugs.map((slug) => ({
      queryKey: ['communities', 'detail', slug],
      queryFn: () => api<CommunityDetail>('GET', `/api/communities/${encodeURIComponent(slug)}`),
    })),
  });
  return details.some((d) => d.data?.featuresOff.includes('qa'));
}

export function NewTopicPage({ community, agendaItem, subgroup }: { community?: string; agendaItem?: number; subgroup?: number }) {
  usePageTitle('Start a topic');
  const router = useRouter();
  const qc = useQueryClient();
  const mine = useMyCommunities(true);
  const [chosen, setChosen] = useState<string[]>(community ? [community] : []);
  const [title, setTitle] = useState('');
  const [activityType, setActivity] = useState('');
  const [isQuestion, setIsQuestion] = useState(false);
  const [tags, setTags] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const groupId = useId();
  const links = useLinks(community, agendaItem, subgroup);
  const qaOff = useQaOff(chosen);

  const options = mine.data?.items ?? [];
  const from = options.find((c) => c.slug === community);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(createTopicInput, { communities: chosen, title, body, activityType: activityType || undefined, isQuestion: isQuestion && !qaOff, tags: parseTags(tags), agendaItemId: links.item?.id, subgroupId: links.group?.id });
    if (checked.errors) {
      if (checked.errors.activityType) checked.errors.activityType = 'Choose the learning activity that fits best.';
      errors.setFields(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      const created = await createTopic(checked.data);
      await qc.invalidateQueries({ queryKey: ['topics'] });
      await qc.invalidateQueries({ queryKey: ['communities'] });
      await router.navigate({ href: paths.topic(created.id) });
    } catch (err) {
      errors.fromError(err, FIELDS);
      focusFirstInvalid(formRef.current);
      setBusy(false);
    }
  }

  if (mine.isPending) return <Loading label="Loading your communities…" />;
  if (mine.isError) return <Alert tone="error">{messageOf(mine.error)}</Alert>;
  if (options.length === 0)
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title="Start a topic" />
        <EmptyState
          title="Join a community first"
          action={
            <AppLink href={paths.home()} className={buttonClass('primary')}>
              Find a community
            </AppLink>
          }
        >
          Topics live inside communities, where the people who can help will see them.
        </EmptyState>
      </div>
    );

  const activity = activityType ? lookup(learningActivities, activityType) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeader
        eyebrow={
          from && (
            <AppLink href={paths.community(from.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
              <span aria-hidden="true">← </span>
              {from.name}
            </AppLink>
          )
        }
        title="Start a topic"
        lead="Ask a question, share an experience, or offer something others can reuse. A clear title helps the right people find it."
      />
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {(errors.fields.subgroupId || errors.fields.agendaItemId) && <Alert tone="error">{errors.fields.subgroupId ?? errors.fields.agendaItemId}</Alert>}
        {links.item && (
          <Alert tone="info" title="Works on a learning agenda item">
            The topic will be linked to “{links.item.question}”.
          </Alert>
        )}
        {links.group && (
          <Alert tone="info" title={links.group.kind === 'project' ? 'In a project' : 'In a practice group'}>
            The topic will be posted in “{links.group.name}”.
          </Alert>
        )}
        <Card className="space-y-6 p-5 sm:p-6">
          <fieldset aria-describedby={`${groupId}-hint${errors.fields.communities ? ` ${groupId}-error` : ''}`} data-invalid={errors.fields.communities ? true : undefined}>
            <legend className="text-sm font-medium text-slate-900">Post in</legend>
            <p id={`${groupId}-hint`} className="mt-1 text-sm text-slate-600">
              Choose one community, or up to five to cross-post: the topic shows in each of them.
            </p>
            <div className="mt-3 grid gap-2 sm:grid-cols-2">
              {options.map((c) => (
                <label
                  key={c.slug}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 shrink-0 accent-brand-700"
                    checked={chosen.includes(c.slug)}
                    onChange={(e) => setChosen((old) => (e.target.checked ? [...old, c.slug] : old.filter((s) => s !== c.slug)))}
                  />
                  <span className="text-sm font-medium text-slate-900">{c.name}</span>
                </label>
              ))}
            </div>
            {errors.fields.communities && (
              <p id={`${groupId}-error`} className="mt-2 text-sm font-medium text-red-700">
                <span aria-hidden="true">⚠ </span>
                {errors.fields.communities}
              </p>
            )}
          </fieldset>
          <TextField label="Title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} hint="For a question, write the question itself." />
          <SelectField
            label="Learning activity"
            name="activityType"
            value={activityType}
            onChange={(e) => setActivity(e.target.value)}
            error={errors.fields.activityType}
            hint={activity ? <span className="italic">{activity.description}</span> : 'What are you doing together? It helps others find and answer it.'}
          >
            <option value="">Choose one…</option>
            {learningActivities.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name}
              </option>
            ))}
          </SelectField>
          {!qaOff && <Checkbox
            label="This is a question"
            hint="Members can then accept the reply that answers it, so the next person finds the answer at once."
            checked={isQuestion}
            onChange={(e) => setIsQuestion(e.target.checked)}
          />}
          <MarkdownField label="Details" name="body" rows={10} value={body} onChange={(e) => setBody(e.target.value)} error={errors.fields.body} hint="Give the context people need to help." />
          <TextField
            label="Tags"
            name="tags"
            optional
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            error={errors.fields.tags}
            hint="Up to 8, separated by commas or spaces, e.g. pumps, maintenance."
          />
        </Card>
        <div className="flex justify-end gap-3">
          <Button type="submit" busy={busy}>
            Post topic
          </Button>
        </div>
      </form>
    </div>
  );
}
