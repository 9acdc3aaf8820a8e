import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { plural } from '../../../lib/format.ts';

/** How many pages show at first, and how many more each "Show more pages" adds. */
const PAGES_AT_ONCE = 3;
/** Canvases are never drawn wider than this (CSS pixels), whatever the screen. */
const MAX_WIDTH = 560;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js and its worker, fetched the first time a PDF is previewed (they stay out of the main
 * bundle). The legacy build runs on older phone browsers too.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')])
    .then(([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    })
    .catch((e) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** One page drawn to a canvas that scales to the width of its container, with its text for screen readers. */
function PdfPage({ doc, number, name }: { doc: PDFDocumentProxy; number: number; name: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    (async () => {
      const page = await doc.getPage(number);
      const el = canvas.current;
      if (cancelled || !el) return;
      const base = page.getViewport({ scale: 1 });
      const cssWidth = Math.min(el.parentElement?.clientWidth || base.width, MAX_WIDTH);
      const scale = (cssWidth / base.width) * (window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      const ctx = el.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      task = page.render({ canvasContext: ctx, viewport });
      await task.promise;
      const content = await page.getTextContent();
      if (!cancelled) setText(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' ').trim());
    })().catch((e: unknown) => {
      if (!cancelled && (e as { name?: string })?.name !== 'RenderingCancelledException') setFailed(true);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, number]);
  const label = `Page ${number} of ${doc.numPages} of ${name}`;
  return (
    <li className="space-y-1">
      {failed ? (
        <p className="text-sm text-slate-700">Page {number} could not be shown.</p>
      ) : (
        <canvas ref={canvas} role="img" aria-label={label} data-pdf-page={number} className="mx-auto block h-auto w-full max-w-[560px] rounded border border-slate-200 bg-white shadow-sm" />
      )}
      {text && <p className="sr-only">Text of page {number}: {text}</p>}
      <p aria-hidden="true" className="text-center text-xs text-slate-600">
        Page {number} of {doc.numPages}
      </p>
    </li>
  );
}

/**
 * The first pages of a PDF drawn in the page with pdf.js: the download itself is sandboxed
 * (decision 009), so the browser's own viewer may refuse to show it inline.
 */
export function PdfPreview({ url, name }: { url: string; name: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState(false);
  const [shown, setShown] = useState(PAGES_AT_ONCE);
  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    setDoc(null);
    setError(false);
    setShown(PAGES_AT_ONCE);
    (async () => {
      const [lib, res] = await Promise.all([loadPdfJs(), fetch(url, { credentials: 'same-origin' })]);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = new Uint8Array(await res.arrayBuffer());
      opened = await lib.getDocument({ data, isEvalSupported: false }).promise;
      if (cancelled) return void opened.destroy();
      setDoc(opened);
    })().catch(() => {
      if (!cancelled) setError(true);
    });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [url]);

  if (error) return <Alert tone="error">We could not show a preview of this PDF. Download it to read it.</Alert>;
  if (!doc) return <Loading label="Loading the preview…" />;
  const count = Math.min(shown, doc.numPages);
  return (
    <section aria-label={`Preview of ${name}`} className="space-y-3">
      <p className="text-sm text-slate-700">
        {count < doc.numPages ? `Showing the first ${plural(count, 'page')} of ${doc.numPages}.` : `${plural(doc.numPages, 'page')}.`}
      </p>
      <ol className="space-y-4">
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <PdfPage key={n} doc={doc} number={n} name={name} />
        ))}
      </ol>
      {count < doc.numPages && (
        <Button variant="secondary" size="sm" onClick={() => setShown((n) => n + PAGES_AT_ONCE)}>
          Show more pages
        </Button>
      )}
    </section>
  );
}
