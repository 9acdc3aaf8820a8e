import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { assetFields, createAssetInput, type AssetSummary } from '../../../../shared/contracts/assets.ts';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import type { EventDetail } from '../../../../shared/contracts/events.ts';
import { type EventKind, type LearningActivity, learningActivities } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { ChoiceCards, SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { api, messageOf } from '../../../lib/api.ts';
import { formatDate, plural } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { assetKeys, createAsset, type LinkRef, uploadAsset, useAssets } from '../api/assets.ts';
import { Collections } from '../components/collections.tsx';
import { FileDrop, UploadProgress } from '../components/file-drop.tsx';
import { LinkPicker } from '../components/link-picker.tsx';
import { RepositorySettingsForm } from '../components/repository-settings.tsx';

type Kind = 'file' | 'article' | 'link';
const kindNames: Record<Kind, string> = { file: 'File', article: 'Article', link: 'Link' };

/** Labels an asset that is retired or past its review date. */
export function FreshnessBadges({ a }: { a: Pick<AssetSummary, 'status' | 'needsReview'> }) {
  return (
    <>
      {a.status === 'retired' && <Badge tone="neutral">Retired</Badge>}
      {a.needsReview && <Badge tone="warning">Needs review</Badge>}
    </>
  );
}

/** A topic or event being saved to the repository: its title and learning activity prefill the form, and it is linked. */
interface From {
  what: 'topic' | 'event';
  id: number;
  title: string;
  activityType: string | null;
}

const activityKeys: readonly string[] = learningActivities.map((a) => a.key);

/** The learning activity an event's kind stands for (events carry no activity of their own; only a visit maps). */
const activityOfEventKind: Partial<Record<EventKind, LearningActivity>> = { visit: 'visit' };

function useFrom(topicId: number | undefined, eventId: number | undefined) {
  const topic = useQuery({
    queryKey: ['assets', 'from-topic', topicId],
    queryFn: async (): Promise<From> => {
      const { topic: t } = await api<{ topic: { id: number; title: string; activityType: string } }>('GET', `/api/topics/${topicId}?limit=1`);
      return { what: 'topic', id: t.id, title: t.title, activityType: t.activityType };
    },
    enabled: topicId !== undefined,
  });
  const event = useQuery({
    queryKey: ['assets', 'from-event', eventId],
    queryFn: async (): Promise<From> => {
      const ev = await api<EventDetail>('GET', `/api/events/${eventId}`);
      return { what: 'event', id: ev.id, title: ev.title, activityType: activityOfEventKind[ev.kind as EventKind] ?? null };
    },
    enabled: eventId !== undefined && topicId === undefined,
  });
  return topicId !== undefined ? topic : event;
}

function AddForm({ slug, from }: { slug: string; from?: From }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>(from ? 'article' : 'file');
  const [v, setV] = useState({
    title: from?.title ?? '',
    summary: '',
    tags: '',
    activityType: from?.activityType && activityKeys.includes(from.activityType) ? from.activityType : '',
    body: '',
    url: '',
  });
  const linked = from ? [{ id: from.id, title: from.title }] : [];
  const [topics, setTopics] = useState<LinkRef[]>(from?.what === 'topic' ? linked : []);
  const [events, setEvents] = useState<LinkRef[]>(from?.what === 'event' ? linked : []);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!from) return;
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector<HTMLInputElement>('input[type="text"], input:not([type])')?.focus({ preventScroll: true });
  }, [from]);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key clears the native file input after an upload.
  const [pickerKey, setPickerKey] = useState(0);
  const [done, setDone] = useState<{ id: number; title: string } | null>(null);
  const errors = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const tags = v.tags
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const links = { topicIds: topics.map((t) => t.id), eventIds: events.map((x) => x.id) };
    const common = { title: v.title, summary: v.summary, tags, activityType: v.activityType || null, ...links };
    const checked = kind === 'file' ? validate(assetFields, common) : validate(createAssetInput, { ...common, kind, body: v.body, url: v.url });
    if (checked.errors) return errors.setFields(checked.errors);
    if (kind === 'file' && !file) return errors.setFields({ file: 'Choose a file to upload.' });
    errors.clear();
    setBusy(true);
    setProgress(null);
    try {
      let created: { id: number; title: string };
      if (kind === 'file' && file) {
        setProgress(0);
        created = await uploadAsset(
          slug,
          file,
          { title: v.title, summary: v.summary, tags: tags.join(','), activityType: v.activityType, topicIds: links.topicIds.join(','), eventIds: links.eventIds.join(',') },
          setProgress,
        );
      } else {
        created = await createAsset(slug, { ...common, kind, body: v.body, url: v.url } as Parameters<typeof createAsset>[1]);
      }
      setV({ title: '', summary: '', tags: '', activityType: '', body: '', url: '' });
      setTopics([]);
      setEvents([]);
      setFile(null);
      setPickerKey((k) => k + 1);
      setDone(created);
      await Promise.all([qc.invalidateQueries({ queryKey: assetKeys.list(slug) }), qc.invalidateQueries({ queryKey: assetKeys.linked })]);
    } catch (err) {
      errors.fromError(err, ['title', 'summary', 'tags', 'activityType', 'body', 'url', 'file', 'topicIds', 'eventIds']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="scroll-mt-24 space-y-3">
      {from && (
        <Alert tone="info">
          Saving what came out of “{from.title}”. Write it up as an article, upload a file or add a link; the {from.what} stays linked.
        </Alert>
      )}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <ChoiceCards
        legend="What are you adding?"
        name="asset-kind"
        columns={1}
        value={kind}
        onChange={(k) => setKind(k as Kind)}
        choices={[
          { key: 'file', name: 'A file', description: 'PDF, Word, image or text' },
          { key: 'article', name: 'An article', description: 'Written here in Markdown' },
          { key: 'link', name: 'A link', description: 'A page elsewhere' },
        ]}
      />
      <TextField label="Title" value={v.title} onChange={set('title')} error={errors.fields.title} />
      <TextArea label="Summary" optional rows={2} value={v.summary} onChange={set('summary')} error={errors.fields.summary} />
      {kind === 'file' && <FileDrop key={pickerKey} file={file} onFile={setFile} error={errors.fields.file} />}
      {kind === 'article' && <TextArea label="Article" rows={8} value={v.body} onChange={set('body')} error={errors.fields.body} hint="Markdown is welcome." />}
      {kind === 'link' && <TextField label="Web address" type="url" value={v.url} onChange={set('url')} error={errors.fields.url} />}
      <TextField label="Tags" optional value={v.tags} onChange={set('tags')} error={errors.fields.tags} hint="Separate tags with commas." />
      <SelectField label="Learning activity it came from" value={v.activityType} onChange={set('activityType')} error={errors.fields.activityType}>
        <option value="">None</option>
        {learningActivities.map((a) => (
          <option key={a.key} value={a.key}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <LinkPicker slug={slug} topics={topics} events={events} onTopics={setTopics} onEvents={setEvents} errors={{ topicIds: errors.fields.topicIds, eventIds: errors.fields.eventIds }} />
      {progress !== null && <UploadProgress fraction={progress} />}
      <Button type="submit" busy={busy}>
        Add to the repository
      </Button>
      <p aria-live="polite" className="text-sm text-emerald-800">
        {done && (
          <>
            Added. <AppLink href={paths.asset(done.id)} className="underline">Open “{done.title}”</AppLink>
          </>
        )}
      </p>
    </form>
  );
}

function Row({ a }: { a: AssetSummary }) {
  return (
    <Card as="li" className="p-4">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge>{kindNames[a.kind]}</Badge>
        <FreshnessBadges a={a} />
      </div>
      <h3 className="mt-2 font-semibold">
        <AppLink href={paths.asset(a.id)} className="text-slate-900 underline-offset-2 hover:text-brand-800 hover:underline">
          {a.title}
        </AppLink>
      </h3>
      {a.summary && <p className="mt-1 text-sm text-slate-700">{a.summary}</p>}
      <p className="mt-2 text-sm text-slate-600">
        {a.steward ? <>Steward {a.steward.displayName} · </> : null}review by {formatDate(`${a.reviewBy}T00:00:00Z`)} · {plural(a.reuseCount, 'reuse')}
      </p>
    </Card>
  );
}

/** Looks for words in this community's assets (titles, articles and the text inside files): the one search, narrowed to them. */
function RepositorySearch({ slug }: { slug: string }) {
  const router = useRouter();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string>();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!q.trim()) return setError('Type a word or two to look for.');
    void router.navigate({ href: paths.search(q.trim(), { kind: 'asset', community: slug }) });
  }
  return (
    <search>
      <form onSubmit={submit} className="mb-4 flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField
            label="Search this repository"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setError(undefined);
            }}
            placeholder="Words in titles, articles and files"
            error={error}
          />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
    </search>
  );
}

/** Curators: the cybrarian and coordinators (the server decides; this only hides the form). */
const canCurate = (c: CommunityDetail) => c.viewer.canModerate || (c.viewer.membership === 'active' && c.viewer.roles.includes('cybrarian'));

/** The community's repository: what it has written down, uploaded and linked, and a form to add more. */
export function RepositoryPage({ community, fromTopic, fromEvent }: { community: CommunityDetail; fromTopic?: number; fromEvent?: number }) {
  const [filter, setFilter] = useState<'' | 'needsReview' | 'retired'>('');
  const from = useFrom(community.viewer.canPost ? fromTopic : undefined, community.viewer.canPost ? fromEvent : undefined);
  const list = useAssets(community.slug, filter === 'needsReview' ? { needsReview: true } : filter === 'retired' ? { status: 'retired' } : {});
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <Section
        title="Assets"
        actions={
          <SelectField label="Show" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            <option value="">Everything</option>
            <option value="needsReview">Needs review</option>
            <option value="retired">Retired</option>
          </SelectField>
        }
      >
        <RepositorySearch slug={community.slug} />
        {list.isPending ? (
          <Loading label="Loading the repository…" />
        ) : list.isError ? (
          <Alert tone="error">{messageOf(list.error)}</Alert>
        ) : items.length === 0 ? (
          <EmptyState title="Nothing here yet">Add the guides, slides and links people keep asking for.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {items.map((a) => (
              <Row key={a.id} a={a} />
            ))}
          </ul>
        )}
        <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} />
      </Section>
      <div className="space-y-6">
        {community.viewer.canPost && (
          <Section title="Add to the repository">
            <Card className="p-4">
              {(fromTopic ?? fromEvent) !== undefined && from.isPending ? (
                <Loading label={fromTopic !== undefined ? 'Loading the topic…' : 'Loading the event…'} />
              ) : (
                <AddForm key={from.data ? `${from.data.what}-${from.data.id}` : 'new'} slug={community.slug} from={from.data} />
              )}
            </Card>
          </Section>
        )}
        {canCurate(community) && <RepositorySettingsForm slug={community.slug} />}
        <Section title="Collections">
          <Card className="p-4">
            <Collections slug={community.slug} canCurate={canCurate(community)} />
          </Card>
        </Section>
      </div>
    </div>
  );
}
