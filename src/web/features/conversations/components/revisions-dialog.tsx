import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useRevisions } from '../api/conversations.ts';

/** Earlier versions of a post, newest first, in a modal dialog. */
export function RevisionsDialog({ postId, open, onClose }: { postId: number; open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const revisions = useRevisions(postId, open);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-2xl rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-4">
        <h2 id={titleId} className="text-lg font-semibold">
          Edit history
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      <div className="max-h-[70vh] overflow-y-auto px-5 py-4">
        <p className="text-sm text-slate-600">Earlier versions are kept so a conversation can always be followed. Newest first.</p>
        {open &&
          (revisions.isPending ? (
            <Loading label="Loading earlier versions…" />
          ) : revisions.isError ? (
            <Alert tone="error" className="mt-4">
              {messageOf(revisions.error)}
            </Alert>
          ) : revisions.data.items.length === 0 ? (
            <p className="mt-4 text-sm text-slate-700">There are no earlier versions.</p>
          ) : (
            <ol className="mt-4 space-y-4">
              {revisions.data.items.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 p-4">
                  <p className="text-sm text-slate-600">
                    <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                    {r.editor && <> · {r.editor.displayName}</>}
                  </p>
                  {r.title && <p className="mt-2 font-semibold">{r.title}</p>}
                  <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm leading-6 text-slate-800">{r.bodySource}</pre>
                </li>
              ))}
            </ol>
          ))}
      </div>
    </dialog>
  );
}
