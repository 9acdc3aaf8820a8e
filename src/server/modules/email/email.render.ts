/**
 * One layout for every email: an HTML part that reads well in light and dark clients (and with
 * no CSS at all: headings, paragraphs, lists and plain links), and a plain-text part with the
 * same words and every link written out.
 */

export interface EmailLink {
  title: string;
  url: string;
  /** A short line under the title: where, who, how many replies. */
  meta?: string;
}

export interface EmailContent {
  /** Shown by clients next to the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  paragraphs?: string[];
  /** A quoted excerpt (a reply's first lines). */
  quote?: string;
  action?: { label: string; url: string };
  sections?: { title: string; links: EmailLink[] }[];
  /** Why the person got this email, in a sentence. */
  reason: string;
  /** Where to change what arrives; the one-click link when the email can be unsubscribed from. */
  unsubscribe?: { url: string; label: string };
}

export interface RenderedEmail {
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** Renders the email in the app's layout; `appUrl` is where the header and footer link back to. */
export function renderEmail(appUrl: string, c: EmailContent): RenderedEmail {
  return { html: renderHtml(appUrl, c), text: renderText(appUrl, c) };
}

function renderHtml(appUrl: string, c: EmailContent): string {
  const p = (s: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${esc(s)}</p>`;
  const parts: string[] = [];
  parts.push(`<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;font-weight:700">${esc(c.heading)}</h1>`);
  for (const s of c.paragraphs ?? []) parts.push(p(s));
  if (c.quote) {
    parts.push(
      `<blockquote class="quote" style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #6366f1;background:#f4f4f5;color:#27272a;font-size:15px;line-height:1.5">${esc(c.quote)}</blockquote>`,
    );
  }
  if (c.action) {
    parts.push(
      `<p style="margin:24px 0"><a class="button" href="${esc(c.action.url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:#4338ca;color:#ffffff;font-weight:600;font-size:16px;text-decoration:none">${esc(c.action.label)}</a></p>`,
    );
  }
  for (const section of c.sections ?? []) {
    if (!section.links.length) continue;
    parts.push(`<h2 style="margin:24px 0 8px;font-size:18px;line-height:1.3">${esc(section.title)}</h2>`);
    const items = section.links.map(
      (l) =>
        `<li style="margin:0 0 12px"><a href="${esc(l.url)}" style="color:#4338ca;font-weight:600">${esc(l.title)}</a>${
          l.meta ? `<br><span class="muted" style="color:#52525b;font-size:14px">${esc(l.meta)}</span>` : ''
        }</li>`,
    );
    parts.push(`<ul style="margin:0 0 16px;padding-left:20px;font-size:16px;line-height:1.5">${items.join('')}</ul>`);
  }
  const footer = [
    esc(c.reason),
    c.unsubscribe ? `<a href="${esc(c.unsubscribe.url)}" style="color:#52525b">${esc(c.unsubscribe.label)}</a>` : '',
    `<a href="${esc(`${appUrl}/settings/notifications`)}" style="color:#52525b">Choose what you receive</a>`,
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${esc(c.heading)}</title>
<style>
:root { color-scheme: light dark; supported-color-schemes: light dark; }
body { margin: 0; padding: 0; }
a { color: #4338ca; }
@media (prefers-color-scheme: dark) {
  body, .page { background: #18181b !important; color: #f4f4f5 !important; }
  .card { background: #27272a !important; color: #f4f4f5 !important; border-color: #3f3f46 !important; }
  a { color: #a5b4fc !important; }
  .button { background: #a5b4fc !important; color: #18181b !important; }
  .muted, .footer, .footer a { color: #d4d4d8 !important; }
  .quote { background: #3f3f46 !important; color: #f4f4f5 !important; border-color: #a5b4fc !important; }
}
</style>
</head>
<body class="page" style="margin:0;padding:0;background:#f4f4f5;color:#18181b;font-family:${FONT}">
${c.preheader ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${esc(c.preheader)}</div>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="page" style="background:#f4f4f5">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px">
<tr><td style="padding:0 4px 12px;font-size:15px;font-weight:700"><a href="${esc(appUrl)}" style="color:#4338ca;text-decoration:none">Constellation</a></td></tr>
<tr><td class="card" style="background:#ffffff;color:#18181b;border:1px solid #e4e4e7;border-radius:8px;padding:24px">
${parts.join('\n')}
</td></tr>
<tr><td class="footer" style="padding:16px 4px;font-size:13px;line-height:1.5;color:#52525b">
${footer.map((f) => `<p style="margin:0 0 8px">${f}</p>`).join('\n')}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(appUrl: string, c: EmailContent): string {
  const out: string[] = [c.heading, '='.repeat(Math.min(c.heading.length, 70)), ''];
  for (const s of c.paragraphs ?? []) out.push(s, '');
  if (c.quote) out.push(...c.quote.split('\n').map((l) => `> ${l}`), '');
  if (c.action) out.push(`${c.action.label}: ${c.action.url}`, '');
  for (const section of c.sections ?? []) {
    if (!section.links.length) continue;
    out.push(section.title, '-'.repeat(Math.min(section.title.length, 70)));
    for (const l of section.links) {
      out.push(`* ${l.title}`);
      if (l.meta) out.push(`  ${l.meta}`);
      out.push(`  ${l.url}`);
    }
    out.push('');
  }
  out.push('--', c.reason);
  if (c.unsubscribe) out.push(`${c.unsubscribe.label}: ${c.unsubscribe.url}`);
  out.push(`Choose what you receive: ${appUrl}/settings/notifications`, `Constellation: ${appUrl}`, '');
  return out.join('\n');
}
