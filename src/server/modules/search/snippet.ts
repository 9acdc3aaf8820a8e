// Matches are marked with sentinels that cannot occur in escaped text (ts_headline is told to use
// them too); the route escapes the rest and turns the sentinels into <mark>.
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * An asset's snippet: its summary and the passage where the query's words occur, those words
 * marked (MARK_START/MARK_END), about 30 words of each. Built here rather than with ts_headline,
 * which parses and stems every word it is given and was most of a repository search's time.
 * A word is marked when it starts with one of the query's stems ("pump" marks "Pumping").
 */
export function assetSnippet(summary: string, excerpt: string, stems: string[]): string {
  const isMatch = (w: string) => stems.some((s) => w.toLowerCase().startsWith(s));
  const fragment = (text: string, around: boolean) => {
    const words = [...text.matchAll(/\S+/g)];
    if (words.length === 0) return { text: '', matched: false };
    const first = words.findIndex((m) => isMatch(m[0].replace(/^[^\p{L}\p{N}]+/u, '')));
    const start = around && first > 8 ? first - 8 : 0;
    const end = Math.min(words.length, start + 30);
    const slice = text.slice(words[start].index, words[end - 1].index + words[end - 1][0].length);
    const marked = slice.replace(/[\p{L}\p{N}]+/gu, (w) => (isMatch(w) ? `${MARK_START}${w}${MARK_END}` : w));
    return { text: `${start > 0 ? '… ' : ''}${marked}${end < words.length ? ' …' : ''}`, matched: first >= 0 };
  };
  const head = fragment(summary, false);
  const body = fragment(excerpt, true);
  if (body.matched && head.matched) return `${head.text} ${body.text}`;
  if (body.matched) return body.text;
  return head.text || body.text;
}
