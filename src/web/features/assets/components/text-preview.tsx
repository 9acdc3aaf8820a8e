import { useQuery } from '@tanstack/react-query';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';

/** How much of the text is shown. */
const SHOWN_CHARS = 20_000;

/** The first `chars` characters of a text file and whether there is more, read as it arrives: the rest is not downloaded. */
async function readBeginning(url: string, chars: number): Promise<{ text: string; more: boolean }> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok || !res.body) throw new Error('The file could not be read for a preview; download it instead.');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (text.length <= chars) {
    const { done, value } = await reader.read();
    if (done) return { text, more: false };
    text += value;
  }
  await reader.cancel();
  return { text: text.slice(0, chars), more: true };
}

/** A plain-text file (notes, CSV, Markdown source) shown as it is, in a scrollable box: its beginning, if it is long. */
export function TextPreview({ url, name }: { url: string; name: string }) {
  const file = useQuery({ queryKey: ['asset-text', url], queryFn: () => readBeginning(url, SHOWN_CHARS), staleTime: Number.POSITIVE_INFINITY });
  if (file.isPending) return <Loading label={`Loading ${name}…`} />;
  if (file.isError) return <Alert tone="error">{file.error.message}</Alert>;
  return (
    <div className="space-y-2">
      {/* A named region, focusable so the box can be scrolled from the keyboard. */}
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable from the keyboard (axe: scrollable-region-focusable)
        tabIndex={0}
        aria-label={`Text of ${name}`}
        className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4"
      >
        <pre className="whitespace-pre-wrap break-words font-mono text-sm text-slate-900">{file.data.text}</pre>
      </section>
      {file.data.more && <p className="text-sm text-slate-600">Showing the beginning of the file; download it to read the rest.</p>}
    </div>
  );
}
