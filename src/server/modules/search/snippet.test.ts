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
});
