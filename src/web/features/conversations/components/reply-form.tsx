import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { replyInput } from '../../../../shared/contracts/conversations.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { replyTo, topicKeys } from '../api/conversations.ts';
import { MarkdownField } from './markdown-field.tsx';

/** Writes a reply to the topic, or to one post when `parentId` is set. */
export function ReplyForm({
  topicId,
  parentId,
  parentName,
  onDone,
  onCancel,
}: {
  topicId: number;
  parentId?: number;
  parentName?: string;
  onDone?: (id: number) => void;
  onCancel?: () => void;
}) {
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    const checked = validate(replyInput, { body, parentId });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      const { id } = await replyTo(topicId, checked.data.body, parentId);
      setBody('');
      setStatus('Your reply is posted.');
      await qc.invalidateQueries({ queryKey: topicKeys.topic(topicId) });
      await qc.invalidateQueries({ queryKey: ['topics', 'feed'] });
      onDone?.(id);
    } catch (err) {
      errors.fromError(err, ['body']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={parentName ? `Reply to ${parentName}` : 'Write a reply'}>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <MarkdownField
        label={parentName ? `Your reply to ${parentName}` : 'Your reply'}
        name="body"
        rows={parentId ? 4 : 6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.fields.body}
        autoFocus={Boolean(parentId)}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" busy={busy}>
          Post reply
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <p aria-live="polite" className="text-sm text-emerald-800">
          {status}
        </p>
      </div>
    </form>
  );
}
