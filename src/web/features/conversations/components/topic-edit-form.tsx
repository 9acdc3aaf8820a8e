import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { updateTopicInput } from '../../../../shared/contracts/conversations.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { learningActivities, lookup } from '../../../lib/catalogue.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { parseTags } from '../../../lib/tags.ts';
import { type TopicDetail, topicKeys, updateTopic } from '../api/conversations.ts';

/** Title, learning activity and tags of a topic (author or coordinator). */
export function TopicEditForm({ topic, onDone }: { topic: TopicDetail['topic']; onDone: () => void }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState(topic.title);
  const [activityType, setActivity] = useState(topic.activityType);
  const [tags, setTags] = useState(topic.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(updateTopicInput, { title, activityType, tags: parseTags(tags) });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      await updateTopic(topic.id, checked.data);
      await qc.invalidateQueries({ queryKey: topicKeys.topic(topic.id) });
      await qc.invalidateQueries({ queryKey: ['topics', 'feed'] });
      onDone();
    } catch (err) {
      errors.fromError(err, ['title', 'activityType', 'tags']);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Edit topic" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} autoFocus />
      <SelectField
        label="Learning activity"
        value={activityType}
        onChange={(e) => setActivity(e.target.value)}
        error={errors.fields.activityType}
        hint={lookup(learningActivities, activityType).description}
      >
        {learningActivities.map((a) => (
          <option key={a.key} value={a.key}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} error={errors.fields.tags} hint="Separate tags with commas or spaces." />
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          Save topic
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
