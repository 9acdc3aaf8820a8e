import { useQuery } from '@tanstack/react-query';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';

/** Text files up to this size are shown in the page; larger ones only offer the download. */
export const TEXT_PREVIEW_MAX_BYTES = 1024 * 1024;
/** How much of the text is shown. */
const SHOWN_CHARS = 20_000;

/** A plain-text file (notes, CSV, Markdown source) shown as it is, in a scrollable box. */
export function TextPreview({ url, name }: { url: string; name: string }) {
  const text = useQuery({
    queryKey: ['asset-text', url],
    queryFn: async () => {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error('The file could not be read for a preview; download it instead.');
      return res.text();
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (text.isPending) return <Loading label={`Loading ${name}…`} />;
  if (text.isError) return <Alert tone="error">{text.error.message}</Alert>;
  const cut = text.data.length > SHOWN_CHARS;
  return (
    <div className="space-y-2">
      {/* A named region, focusable so the box can be scrolled from the keyboard. */}
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable from the keyboard (axe: scrollable-region-focusable)
        tabIndex={0}
        aria-label={`Text of ${name}`}
        className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4"
      >
        <pre className="whitespace-pre-wrap break-words font-mono text-sm text-slate-900">{cut ? text.data.slice(0, SHOWN_CHARS) : text.data}</pre>
      </section>
      {cut && <p className="text-sm text-slate-600">Showing the beginning of the file; download it to read the rest.</p>}
    </div>
  );
}
