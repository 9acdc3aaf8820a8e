import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type AssetDetail, type UpdateAssetInput, updateAssetInput } from '../../../../shared/contracts/assets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { TextArea, TextField } from '../../../components/ui/field.tsx';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { assetKeys, type LinkRef, updateAsset, uploadNewFile } from '../api/assets.ts';
import { FileDrop, UploadProgress } from './file-drop.tsx';
import { LinkPicker } from './link-picker.tsx';

const sameIds = (a: LinkRef[], b: LinkRef[]) => a.map((x) => x.id).sort().join(',') === b.map((x) => x.id).sort().join(',');

/** Editing an asset: content changes (and a new file) make a new version; stewardship changes do not. */
export function EditAsset({ a, onDone }: { a: AssetDetail; onDone: () => void }) {
  const qc = useQueryClient();
  const [v, setV] = useState({
    title: a.title,
    summary: a.summary,
    body: a.version.bodySource ?? '',
    url: a.version.url ?? '',
    tags: a.tags.join(', '),
    reviewBy: a.reviewBy,
    steward: a.steward?.username ?? '',
  });
  const [topics, setTopics] = useState<LinkRef[]>(a.topics);
  const [events, setEvents] = useState<LinkRef[]>(a.events);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input: UpdateAssetInput = {};
    if (v.title !== a.title) input.title = v.title;
    if (v.summary !== a.summary) input.summary = v.summary;
    if (a.kind === 'article' && v.body !== (a.version.bodySource ?? '')) input.body = v.body;
    if (a.kind === 'link' && v.url !== (a.version.url ?? '')) input.url = v.url;
    const tags = v.tags
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
    if (tags.join(',') !== a.tags.join(',')) input.tags = tags;
    if (v.reviewBy !== a.reviewBy) input.reviewBy = v.reviewBy;
    const steward = v.steward.trim().replace(/^@/, '');
    if (steward && steward !== a.steward?.username) input.steward = steward;
    if (!sameIds(topics, a.topics)) input.topicIds = topics.map((t) => t.id);
    if (!sameIds(events, a.events)) input.eventIds = events.map((x) => x.id);
    const checked = validate(updateAssetInput, input);
    if (checked.errors) return errors.setFields(checked.errors);
    if (Object.keys(input).length === 0 && !file) return errors.setFields({ title: 'Change something first.' });
    errors.clear();
    setBusy(true);
    try {
      if (Object.keys(input).length) await updateAsset(a.id, checked.data);
      if (file) {
        setProgress(0);
        await uploadNewFile(a.id, file, setProgress);
      }
      await Promise.all([qc.invalidateQueries({ queryKey: assetKeys.one(a.id) }), qc.invalidateQueries({ queryKey: assetKeys.linked })]);
      onDone();
    } catch (err) {
      errors.fromError(err, ['title', 'summary', 'body', 'url', 'tags', 'reviewBy', 'steward', 'file', 'topicIds', 'eventIds']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Title" value={v.title} onChange={set('title')} error={errors.fields.title} />
      <TextArea label="Summary" optional rows={2} value={v.summary} onChange={set('summary')} error={errors.fields.summary} />
      {a.kind === 'article' && <TextArea label="Article" rows={10} value={v.body} onChange={set('body')} error={errors.fields.body} hint="Markdown is welcome." />}
      {a.kind === 'link' && <TextField label="Web address" type="url" value={v.url} onChange={set('url')} error={errors.fields.url} />}
      {a.kind === 'file' && <FileDrop file={file} onFile={setFile} error={errors.fields.file} />}
      <TextField label="Tags" optional value={v.tags} onChange={set('tags')} error={errors.fields.tags} hint="Separate tags with commas." />
      <TextField label="Review by" type="date" value={v.reviewBy} onChange={set('reviewBy')} error={errors.fields.reviewBy} />
      <TextField label="Steward" value={v.steward} onChange={set('steward')} error={errors.fields.steward} hint="Username of a member who keeps it fresh." autoComplete="off" />
      <LinkPicker slug={a.community.slug} topics={topics} events={events} onTopics={setTopics} onEvents={setEvents} errors={{ topicIds: errors.fields.topicIds, eventIds: errors.fields.eventIds }} />
      {progress !== null && <UploadProgress fraction={progress} />}
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          Save
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
