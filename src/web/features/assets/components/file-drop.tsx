import { type DragEvent, useId, useRef, useState } from 'react';
import { cx } from '../../../lib/cx.ts';

/** A file picker that also takes a dropped file; keyboard users use the button. */
export function FileDrop({ file, onFile, error }: { file: File | null; onFile: (f: File | null) => void; error?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        File
      </label>
      <fieldset
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="file-drop"
        className={cx(
          'mt-1 flex min-w-0 flex-col items-center gap-2 rounded-lg border-2 border-dashed p-4 text-center text-sm',
          over ? 'border-brand-600 bg-brand-50' : error ? 'border-red-600' : 'border-slate-300',
        )}
      >
        <legend className="sr-only">Drop a file here or choose one</legend>
        <p className="text-slate-700">{file ? <>Chosen: <strong>{file.name}</strong></> : 'Drop a file here, or'}</p>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".pdf,.docx,.png,.jpg,.jpeg,.webp,.gif,.txt,.md,.csv"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          className="block max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          PDF, Word (.docx), images (PNG, JPEG, WebP, GIF) or plain text (.txt, .md, .csv).
        </p>
      </fieldset>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** How far an upload has got, announced to screen readers. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const pct = Math.round(fraction * 100);
  return (
    <div>
      <progress className="h-2 w-full" max={100} value={pct} aria-label="Upload progress">
        {pct}%
      </progress>
      <p className="text-xs text-slate-600" aria-live="polite">
        Uploaded {pct}%
      </p>
    </div>
  );
}
