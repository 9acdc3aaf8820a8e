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
    const at = pattern ? text.search(new RegExp(pattern, 'iu')) : -1;
    // Only the words near the match are split out (a passage holds ~150): from 8 words before the
    // one holding it, 30 words in all.
    const start = around && at > 0 ? eightWordsBefore(text, at) : -1;
    const words = wordsFrom(text, Math.max(start, 0), 31);
    if (words.length === 0) return { text: '', matched: false };
    const end = Math.min(words.length, 30);
    const slice = text.slice(words[0][0], words[end - 1][1]);
    const marked = pattern ? slice.replace(new RegExp(pattern, 'giu'), (w) => `${MARK_START}${w}${MARK_END}`) : slice;
    return { text: `${start >= 0 ? '… ' : ''}${marked}${words.length > 30 ? ' …' : ''}`, matched: at >= 0 };
  };
  const head = fragment(summary, false);
  const body = fragment(excerpt, true);
  if (body.matched && head.matched) return `${head.text} ${body.text}`;
  if (body.matched) return body.text;
  return head.text || body.text;
}

/** Up to `n` words (runs of non-space) of `text` from character `from`, as [start, end]. */
function wordsFrom(text: string, from: number, n: number, before = Number.POSITIVE_INFINITY): Array<[number, number]> {
  const re = /\S+/g;
  re.lastIndex = from;
  const out: Array<[number, number]> = [];
  for (let m = re.exec(text); m && out.length < n && m.index <= before; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Where the word 8 words before the one holding character `at` starts, or -1 when there are no
 * more than 8 words before it (the fragment then starts with the text). Reads back a few hundred
 * characters first, and the whole beginning only if they hold too few words.
 */
function eightWordsBefore(text: string, at: number): number {
  for (const from of [Math.max(0, at - 400), 0]) {
    const words = wordsFrom(text, from, Number.POSITIVE_INFINITY, at);
    // The last word is the one holding the match; 8 before it, and at least one more before those
    // (which may be the tail of a word cut by the window's edge: it is never the one returned).
    if (words.length > 9) return words[words.length - 9][0];
    if (from === 0) return -1;
  }
  return -1;
}
