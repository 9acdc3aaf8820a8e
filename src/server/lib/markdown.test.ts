import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToText, mentionCandidates, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders common Markdown', () => {
    const html = renderMarkdown('# Title\n\n- one\n- `two`\n\n```\ncode <b>\n```');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<li><code>two</code></li>');
    expect(html).toContain('code &lt;b&gt;');
  });

  it('shows task list items as boxes, empty or ticked, and leaves other brackets alone', () => {
    const html = renderMarkdown('- [ ] Find the valve\n- [x] Count the turns\n- [link](https://x.org) [ ] not a task\n\n[ ] not in a list');
    expect(html).toContain('<li class="task">☐ Find the valve</li>');
    expect(html).toContain('<li class="task">☑ Count the turns</li>');
    expect(html).toContain('<li><a href="https://x.org" rel="nofollow noopener noreferrer">link</a> [ ] not a task</li>');
    expect(html).toContain('<p>[ ] not in a list</p>');
    // Raw HTML stays text, so only a task item gets the class.
    expect(renderMarkdown('<li class="task">x</li>')).not.toContain('<li class="task">');
  });

  it('links mentions of known people only, and not inside code or links', () => {
    const html = renderMarkdown('hi @ana and @bob, `@ana` [@ana](https://x.org) mail a@ana.org', new Set(['ana']));
    expect(html.match(/class="mention"/g)).toHaveLength(1);
    expect(html).toContain('@bob');
    expect(mentionCandidates('hi @Ana and @bob and a@x.org')).toEqual(['ana', 'bob']);
  });

  it('marks external links nofollow', () => {
    expect(renderMarkdown('https://example.org')).toContain('rel="nofollow noopener noreferrer"');
  });

  it('never lets script, event handlers or javascript: URLs through, whatever the input', () => {
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '![x](javascript:alert(1))',
      '<iframe src="https://evil"></iframe>',
      '<svg onload=alert(1)>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), hostile), { maxLength: 8 }), (parts) => {
        const html = renderMarkdown(parts.join('\n'));
        // Only real tags count: escaped text such as &lt;script&gt; is harmless.
        expect(html).not.toMatch(/<(script|iframe|svg)/i);
        expect(html).not.toMatch(/<[a-z][^>]*(\son\w+=|javascript:)/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownToText', () => {
  it('keeps the words and drops the marks: headings, emphasis, link targets, bullets, code fences, quotes', () => {
    const source = '## What to watch\n\n- **Cavitation** noise at the [impeller](https://example.org/x)\n- `PLC` alarms\n\n```\nreset 3\n```\n> quoted *text*';
    expect(markdownToText(source)).toBe('What to watch Cavitation noise at the impeller PLC alarms reset 3 quoted text');
  });

  it('finds heading hashes and task boxes in text that has lost its lines', () => {
    expect(markdownToText('intro ## What to watch - [ ] Find it - [x] Count the turns')).toBe('intro What to watch Find it Count the turns');
  });

  it('drops the half of a bold mark that a snippet cut off', () => {
    expect(markdownToText('the day before. Close the furthest step first; wait **15 minutes')).toBe('the day before. Close the furthest step first; wait 15 minutes');
    expect(markdownToText('then reopen** the valve')).toBe('then reopen the valve');
  });

  it('reads a table as its cells, set apart, without the rule under its header', () => {
    const table = '| Asset class | Steward |\n| --- | :---: |\n| Pumps | @samir |\n| Treatment works | @claire |\n\nScore consequence first.';
    expect(markdownToText(table)).toBe('Asset class · Steward · Pumps · @samir · Treatment works · @claire · Score consequence first.');
    // Cut into passages, a table has lost its lines.
    expect(markdownToText('scoring | | --- | --- | | Pumps | @samir | | Substations | @ravi | Score first')).toBe('scoring · Pumps · @samir · Substations · @ravi · Score first');
  });

  it('leaves text that is not Markdown alone, on one line', () => {
    expect(markdownToText('3 * 4 and snake_case_name\nnext  line')).toBe('3 * 4 and snake_case_name next line');
    expect(markdownToText('')).toBe('');
  });

  it('never changes plain words and never leaves a line break', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9 ,\n]{0,200}$/), (text) => {
        const out = markdownToText(text);
        expect(out).toBe(text.replace(/\s+/g, ' ').trim());
        expect(out).not.toContain('\n');
      }),
    );
  });
});
