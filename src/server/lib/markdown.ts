import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const MENTION = /(^|[^\w@/])@([a-zA-Z0-9_]+(?:-[a-zA-Z0-9_]+)*)/g;

const md = new MarkdownIt({ html: false, linkify: true, breaks: false });

// Turns @username in text (not code) into a link when that person exists.
md.core.ruler.push('mentions', (state) => {
  const known: Set<string> = (state.env as { mentions?: Set<string> })?.mentions ?? new Set<string>();
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: typeof block.children = [];
    let insideLink = 0;
    for (const tok of block.children) {
      if (tok.type === 'link_open') insideLink++;
      if (tok.type === 'link_close') insideLink--;
      if (tok.type !== 'text' || insideLink > 0 || !tok.content.includes('@')) {
        out.push(tok);
        continue;
      }
      let last = 0;
      for (const m of tok.content.matchAll(MENTION)) {
        const name = m[2];
        if (!known.has(name.toLowerCase())) continue;
        const at = m.index + m[1].length;
        if (at > last) out.push(Object.assign(new state.Token('text', '', 0), { content: tok.content.slice(last, at) }));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', `/people/${name}`], ['class', 'mention']];
        out.push(open, Object.assign(new state.Token('text', '', 0), { content: `@${name}` }), new state.Token('link_close', 'a', -1));
        last = at + name.length + 1;
      }
      if (last < tok.content.length) out.push(Object.assign(new state.Token('text', '', 0), { content: tok.content.slice(last) }));
    }
    block.children = out;
  }
});

// A task list item ("- [ ] Check the seal", "- [x] Done") shows a box, empty or ticked, in place of its bullet.
const TASK = /^\[([ xX])\]\s+/;
md.core.ruler.after('inline', 'task_lists', (state) => {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const first = tokens[i].type === 'inline' && tokens[i - 2].type === 'list_item_open' ? tokens[i].children?.[0] : undefined;
    const box = first?.type === 'text' ? TASK.exec(first.content) : null;
    if (!first || !box) continue;
    first.content = `${box[1] === ' ' ? '☐' : '☑'} ${first.content.slice(box[0].length)}`;
    tokens[i - 2].attrSet('class', 'task');
  }
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's',
    'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
  ],
  allowedAttributes: { a: ['href', 'class', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['style'], td: ['style'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'nofollow noopener noreferrer' } : attribs };
    },
  },
  allowedClasses: { a: ['mention'], li: ['task'] },
};

/** Usernames written as @name in Markdown source (lowercased, unique). */
export function mentionCandidates(source: string): string[] {
  return [...new Set([...source.matchAll(MENTION)].map((m) => m[2].toLowerCase()))].slice(0, 50);
}

/** Renders Markdown to sanitized HTML; @mentions of `known` usernames become profile links. */
export function renderMarkdown(source: string, known: Set<string> = new Set()): string {
  return sanitizeHtml(md.render(source, { mentions: known }), SANITIZE);
}

/**
 * The words of Markdown without its marks (heading hashes, emphasis, link targets, list bullets,
 * quote marks, code fences, table rules), on one line: what a snippet or an email quote shows. Patterns, not a
 * parse: it runs on every search result, and parsing cost ~70 µs an excerpt against ~5.
 */
export function markdownToText(source: string): string {
  return source
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+|```.*$|~~~.*$)/gm, '')
    // Text cut into passages has lost its lines: heading hashes and task boxes are found mid-line too.
    .replace(/(^|\s)(?:#{1,6}|[-*+] \[[ xX]\]|\[[ xX]\])(?=\s)/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([^\n]*?\S)\1/g, '$2')
    // A snippet may cut bold text in two: the half mark left over goes too.
    .replace(/\*\*/g, '')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    // Tables: the row under the header goes, and the cells are set apart by a middle dot.
    .replace(/\|(?:\s*:?-{3,}:?\s*\|)+/g, '|')
    .replace(/\s*(?:\|\s*)+/g, ' · ')
    .replace(/\s+/g, ' ')
    .replace(/^ ?· | ·$/g, '')
    .trim();
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
