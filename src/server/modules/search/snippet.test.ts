import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assetSnippet, MARK_END as E, MARK_START as S } from './snippet.ts';

describe('assetSnippet', () => {
  it('marks words that start with a query stem, in the summary and around the first match in the text', () => {
    const excerpt = `${'Routine words here. '.repeat(10)}Pumping stations need their pumps checked. ${'More words after. '.repeat(20)}`;
    const out = assetSnippet('How we service a pump.', excerpt, ['pump']);
    expect(out.startsWith(`How we service a ${S}pump${E}.`)).toBe(true);
    expect(out).toContain(`${S}Pumping${E} stations need their ${S}pumps${E} checked.`);
    expect(out).toContain('… ');
    expect(out.split(/\s+/).length).toBeLessThan(70);
  });

  it('falls back to the summary, then to the start of the text, when nothing matches', () => {
    expect(assetSnippet('A summary.', 'Some text.', ['valve'])).toBe('A summary.');
    expect(assetSnippet('', 'Some text.', ['valve'])).toBe('Some text.');
    expect(assetSnippet('', '', ['valve'])).toBe('');
  });

  it('leaves the marking to whole words and keeps punctuation outside the marks', () => {
    expect(assetSnippet('', '(Valves), valve-keys and intervals.', ['valv'])).toBe(`(${S}Valves${E}), ${S}valve${E}-keys and intervals.`);
  });

  it('reads the stems literally: a dot in a stem is a dot', () => {
    expect(assetSnippet('', 'Version 1.2 replaced 132 and 1x2.', ['1.2'])).toBe(`Version ${S}1.2${E} replaced 132 and 1x2.`);
  });

  it('reads only the words near the match, with the same snippet as splitting the whole text', () => {
    // The straightforward version: split every word, then cut 30 from 8 before the match.
    const reference = (summary: string, excerpt: string, stems: string[]) => {
      const escaped = stems.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const pattern = stems.length ? String.raw`(?<![\p{L}\p{N}])(?:${escaped.join('|')})[\p{L}\p{N}]*` : null;
      const fragment = (text: string, around: boolean) => {
        const words = [...text.matchAll(/\S+/g)];
        if (words.length === 0) return { text: '', matched: false };
        const at = pattern ? text.search(new RegExp(pattern, 'iu')) : -1;
        let first = -1;
        if (at >= 0) for (first = 0; first + 1 < words.length && words[first + 1].index <= at; first++);
        const start = around && first > 8 ? first - 8 : 0;
        const end = Math.min(words.length, start + 30);
        const slice = text.slice(words[start].index, words[end - 1].index + words[end - 1][0].length);
        const marked = pattern ? slice.replace(new RegExp(pattern, 'giu'), (w) => `${S}${w}${E}`) : slice;
        return { text: `${start > 0 ? '… ' : ''}${marked}${end < words.length ? ' …' : ''}`, matched: first >= 0 };
      };
      const head = fragment(summary, false);
      const body = fragment(excerpt, true);
      if (body.matched && head.matched) return `${head.text} ${body.text}`;
      if (body.matched) return body.text;
      return head.text || body.text;
    };
    const word = fc.oneof(fc.constantFrom('pump', 'Pumping', 'valve', 'a', '1.2', '(pumps),', 'x'.repeat(300)), fc.string({ minLength: 1, maxLength: 12 }));
    const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0');
    const text = fc.array(fc.tuple(word, space), { maxLength: 250 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
    // A long word cut by the window read back from the match.
    const cut = `${'x'.repeat(500)} ${'w '.repeat(8)}pump`;
    expect(assetSnippet('', cut, ['pump'])).toBe(reference('', cut, ['pump']));
    fc.assert(
      fc.property(text, text, fc.subarray(['pump', 'valv', '1.2']), (summary, excerpt, stems) => {
        expect(assetSnippet(summary, excerpt, stems)).toBe(reference(summary, excerpt, stems));
      }),
      { numRuns: 400 },
    );
  });
});
