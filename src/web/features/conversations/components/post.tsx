import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type HTMLAttributes, type ReactNode, useState } from 'react';
import { editPostInput } from '../../../../shared/contracts/conversations.ts';
import type { PostView } from '../../../../shared/contracts/conversations.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { messageOf } from '../../../lib/api.ts';
import { cx } from '../../../lib/cx.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink, useInternalNavigation } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { paths } from '../../../paths.ts';
import { type TopicDetail, acceptAnswer, deletePost, editPost, restorePost, setHelpful, topicKeys } from '../api/conversations.ts';
import { MarkdownField } from './markdown-field.tsx';
import { RevisionsDialog } from './revisions-dialog.tsx';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
}

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        'flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-900',
        size === 'md' ? 'size-9 text-sm' : 'size-7 text-xs',
      )}
    >
      {initials(name)}
    </span>
  );
}

/** Server-sanitized HTML; internal links (mentions) navigate without a reload. */
export function PostBody({ html }: { html: string }) {
  const navigate = useInternalNavigation();
  // Clicks are delegated to the links inside, which stay ordinary keyboard-usable links.
  const props: HTMLAttributes<HTMLDivElement> = { className: 'post-body', onClick: navigate };
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders Markdown and sanitizes it with an allow-list
  return <div {...props} dangerouslySetInnerHTML={{ __html: html }} />;
}

interface PostProps {
  post: PostView;
  topic: TopicDetail['topic'];
  viewer: TopicDetail['viewer'];
  isOpening?: boolean;
  highlighted?: boolean;
  /** Shown under the post (the reply form, nested replies). */
  children?: ReactNode;
  onReply?: () => void;
}

/** One post with everything the viewer may do to it. */
export function Post({ post, topic, viewer, isOpening = false, highlighted = false, children, onReply }: PostProps) {
  const { user } = useSession();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.bodySource ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const errors = useFormErrors();
  const mine = user?.username === post.author.username;
  const label = isOpening ? `Opening post by ${post.author.displayName}` : `Reply by ${post.author.displayName}`;

  async function act(name: string, fn: () => Promise<unknown>, message: string) {
    setBusy(name);
    setError(null);
    try {
      await fn();
      setStatus(message);
      await qc.invalidateQueries({ queryKey: topicKeys.topic(topic.id) });
      await qc.invalidateQueries({ queryKey: ['topics', 'feed'] });
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const checked = validate(editPostInput, { body: draft });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    const ok = await act('edit', () => editPost(post.id, checked.data.body), 'Your changes are saved. The earlier version is kept in the history.');
    if (ok) setEditing(false);
  }

  return (
    <article
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-label={label}
      className={cx(
        'scroll-mt-24 rounded-xl border bg-white shadow-sm transition-shadow',
        post.isAccepted ? 'border-emerald-300 ring-1 ring-emerald-300' : 'border-slate-200',
        highlighted && 'ring-2 ring-brand-600',
      )}
    >
      {post.isAccepted && (
        <p className="flex items-center gap-2 rounded-t-xl border-b border-emerald-200 bg-emerald-50 px-4 py-2 text-sm font-semibold text-emerald-900 sm:px-5">
          <span aria-hidden="true">✓</span> Accepted answer
        </p>
      )}
      <div className="p-4 sm:p-5">
        <header className="flex items-center gap-3">
          <Avatar name={post.author.displayName} />
          <div className="min-w-0 text-sm">
            <AppLink href={paths.person(post.author.username)} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
              {post.author.displayName}
            </AppLink>
            <span className="text-slate-600">
              {' '}
              ·{' '}
              <a href={`#post-${post.id}`} className="underline-offset-2 hover:underline" title={formatDateTime(post.createdAt)}>
                <time dateTime={post.createdAt}>{formatRelative(post.createdAt)}</time>
              </a>
              {post.editedAt && (
                <>
                  {' '}
                  ·{' '}
                  <button
                    type="button"
                    className="underline underline-offset-2 hover:text-slate-900"
                    onClick={() => setHistoryOpen(true)}
                    title={`Edited ${formatDateTime(post.editedAt)}`}
                  >
                    edited<span className="sr-only"> — show earlier versions</span>
                  </button>
                </>
              )}
            </span>
          </div>
        </header>

        <div className="mt-3">
          {post.deleted && (
            <p className="mb-2 rounded-lg bg-slate-100 px-3 py-2 text-sm italic text-slate-700">
              This post was deleted.{post.bodyHtml && viewer.canModerate ? ' Only coordinators can see its text.' : ''}
            </p>
          )}
          {editing ? (
            <form onSubmit={save} noValidate className="space-y-3">
              <MarkdownField
                label={isOpening ? 'Edit your post' : 'Edit your reply'}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                error={errors.fields.body}
                autoFocus
              />
              <div className="flex gap-2">
                <Button type="submit" size="sm" busy={busy === 'edit'}>
                  Save changes
                </Button>
                <Button size="sm" variant="ghost" onClick={() => { setEditing(false); setDraft(post.bodySource ?? ''); errors.clear(); }}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : (
            post.bodyHtml && <div className={cx(post.deleted && 'opacity-70')}><PostBody html={post.bodyHtml} /></div>
          )}
        </div>

        {!editing && (
          <div className="mt-4 flex flex-wrap items-center gap-2">
            {!post.deleted &&
              (user && !mine ? (
                <Button
                  size="sm"
                  variant={post.helpedByMe ? 'success' : 'secondary'}
                  aria-pressed={post.helpedByMe}
                  busy={busy === 'helpful'}
                  onClick={() =>
                    void act('helpful', () => setHelpful(post.id, !post.helpedByMe), post.helpedByMe ? 'You took back “this helped me”.' : 'Thanks! The author will know it helped.')
                  }
                >
                  <span aria-hidden="true">♥</span> This helped me
                  {post.helpfulCount > 0 && <span className="tabular-nums">· {post.helpfulCount}</span>}
                </Button>
              ) : (
                post.helpfulCount > 0 && (
                  <span className="inline-flex items-center gap-1 px-1 text-sm text-slate-600">
                    <span aria-hidden="true">♥</span> Helped {post.helpfulCount} {post.helpfulCount === 1 ? 'person' : 'people'}
                  </span>
                )
              ))}
            {!isOpening && viewer.canAccept && topic.isQuestion && !post.deleted &&
              (post.isAccepted ? (
                <Button size="sm" variant="ghost" busy={busy === 'accept'} onClick={() => void act('accept', () => acceptAnswer(topic.id, null), 'The answer is no longer marked as accepted.')}>
                  Unmark answer
                </Button>
              ) : (
                <Button size="sm" variant="secondary" busy={busy === 'accept'} onClick={() => void act('accept', () => acceptAnswer(topic.id, post.id), 'Marked as the accepted answer.')}>
                  <span aria-hidden="true">✓</span> Accept as answer
                </Button>
              ))}
            {onReply && viewer.canReply && !post.deleted && (
              <Button size="sm" variant="ghost" onClick={onReply}>
                Reply<span className="sr-only"> to {post.author.displayName}</span>
              </Button>
            )}
            {post.canEdit && (
              <Button size="sm" variant="ghost" onClick={() => { setDraft(post.bodySource ?? ''); setEditing(true); }}>
                Edit
              </Button>
            )}
            {post.canDelete &&
              (confirmDelete ? (
                <span className="flex flex-wrap items-center gap-2">
                  <span className="text-sm text-slate-700">Delete this {isOpening ? 'post' : 'reply'}?</span>
                  <Button size="sm" variant="danger" busy={busy === 'delete'} onClick={() => void act('delete', () => deletePost(post.id), 'The post was deleted.').then(() => setConfirmDelete(false))}>
                    Yes, delete
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(false)}>
                    Keep it
                  </Button>
                </span>
              ) : (
                <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(true)}>
                  Delete
                </Button>
              ))}
            {post.deleted && viewer.canModerate && (
              <Button size="sm" variant="secondary" busy={busy === 'restore'} onClick={() => void act('restore', () => restorePost(post.id), 'The post was restored.')}>
                Restore
              </Button>
            )}
          </div>
        )}
        <p aria-live="polite" className="sr-only">
          {status}
        </p>
        {error && (
          <Alert tone="error" className="mt-3">
            {error}
          </Alert>
        )}
      </div>
      {historyOpen && <RevisionsDialog postId={post.id} open={historyOpen} onClose={() => setHistoryOpen(false)} />}
      {children}
    </article>
  );
}

/** At the top of an answered question: who answered, and a link straight to it. */
export function AcceptedNotice({ postId, post, onJump }: { postId: number; post: PostView | undefined; onJump: () => void }) {
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 sm:flex-row sm:items-center sm:justify-between">
      <p>
        <span aria-hidden="true">✓ </span>
        <span className="font-semibold">Answered.</span>
        {post ? ` ${post.author.displayName}’s reply was accepted as the answer.` : ' A reply was accepted as the answer.'}
      </p>
      <a
        href={`#post-${postId}`}
        onClick={(e) => {
          e.preventDefault();
          onJump();
        }}
        className="shrink-0 font-semibold underline underline-offset-2 hover:text-emerald-950"
      >
        Go to the accepted answer
      </a>
    </div>
  );
}
