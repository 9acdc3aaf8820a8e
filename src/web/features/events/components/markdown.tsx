/** Server-rendered, sanitized Markdown (notes, decisions, descriptions). */
export function Markdown({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders Markdown and sanitizes it with an allow-list
  return <div className="post-body text-sm" dangerouslySetInnerHTML={{ __html: html }} />;
}
