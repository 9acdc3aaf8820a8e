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
  // A word (a run of letters and digits) that starts with one of the stems, found by one regex
  // rather than a test per word: this runs for every result of every repository search.
  const escaped = stems.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = stems.length ? String.raw`(?<![\p{L}\p{N}])(?:${escaped.join('|')})[\p{L}\p{N}]*` : null;
  const fragment = (text: string, around: boolean) => {
    const words = [...text.matchAll(/\S+/g)];
    if (words.length === 0) return { text: '', matched: false };
    const at = pattern ? text.search(new RegExp(pattern, 'iu')) : -1;
    // The word holding the first match: the last one starting at or before it.
    let first = -1;
    if (at >= 0) for (first = 0; first + 1 < words.length && words[first + 1].index <= at; first++);
    const start = around && first > 8 ? first - 8 : 0;
    const end = Math.min(words.length, start + 30);
    const slice = text.slice(words[start].index, words[end - 1].index + words[end - 1][0].length);
    const marked = pattern ? slice.replace(new RegExp(pattern, 'giu'), (w) => `${MARK_START}${w}${MARK_END}`) : slice;
    return { text: `${start > 0 ? '… ' : ''}${marked}${end < words.length ? ' …' : ''}`, matched: first >= 0 };
  };
  const head = fragment(summary, false);
  const body = fragment(excerpt, true);
  if (body.matched && head.matched) return `${head.text} ${body.text}`;
  if (body.matched) return body.text;
  return head.text || body.text;
}
