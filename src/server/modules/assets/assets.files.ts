import { invalidField } from '../../errors.ts';
import { ExtractionTimedOut, extractionPool } from './extract-pool.ts';

/** What an upload turned out to be, judged by its bytes (never by its name or declared type). */
export interface Sniffed {
  kind: 'pdf' | 'docx' | 'image' | 'text';
  mime: string;
}

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, from: number, to: number) => buf.toString('latin1', from, to);

const TEXT_TYPES: Record<string, string> = { md: 'text/markdown', markdown: 'text/markdown', csv: 'text/csv' };

/** Markup a browser would run as a page or image with scripts: refused even though it is text. */
const MARKUP = /<\s*(!doctype\s+html|html[\s>]|script[\s>/]|svg[\s>/]|iframe[\s>/]|object[\s>/]|embed[\s>/]|\?xml[\s])|<[a-z][\w:-]*\s[^>]*\bon[a-z]+\s*=/i;

/**
 * Checks an upload by its content. Accepts PDF, Word (DOCX), PNG/JPEG/WebP/GIF images and UTF-8
 * plain text (Markdown, CSV); refuses executables, HTML, SVG and anything else, naming the `file` field.
 */
export function sniffUpload(buf: Buffer, fileName: string): Sniffed {
  if (buf.length === 0) throw invalidField('file', 'The file is empty. Choose another file.');
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) || ascii(buf, 0, 2) === 'MZ' || [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(buf.length >= 4 ? buf.readUInt32BE(0) : 0) || ascii(buf, 0, 2) === '#!') {
    throw invalidField('file', 'Programs and scripts cannot be shared here, whatever their name.');
  }
  if (ascii(buf, 0, 5) === '%PDF-') return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // A Word document is a zip whose entries include word/document.xml (names are stored as plain bytes).
    if (buf.includes('word/document.xml', 0, 'latin1') && buf.includes('[Content_Types].xml', 0, 'latin1')) {
      return { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    }
    throw invalidField('file', 'Zip archives cannot be shared here; upload the documents themselves.');
  }
  const image = imageType(buf);
  if (image) return image;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw invalidField('file', 'Use a PDF, Word document, image (PNG, JPEG, WebP, GIF) or plain text file.');
  }
  // Control characters other than tab, newlines and form feed mean it is not text.
  if (hasControlCharacters(text)) {
    throw invalidField('file', 'Use a PDF, Word document, image (PNG, JPEG, WebP, GIF) or plain text file.');
  }
  if (MARKUP.test(text)) throw invalidField('file', 'Web pages and SVG images cannot be shared here; they can carry scripts.');
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return { kind: 'text', mime: TEXT_TYPES[ext] ?? 'text/plain' };
}

/**
 * A PNG, JPEG, WebP or GIF image, judged by its first bytes (which is all an image needs: nothing
 * is extracted from it); null for anything else.
 */
export function imageType(buf: Buffer): Sniffed | null {
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif' };
  return null;
}

/** Control characters other than tab, newlines, vertical tab, form feed and carriage return. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) return true;
  }
  return false;
}

/** A file name safe to store and show: no control characters or path separators, at most 200 characters. */
export function safeFileName(name: string): string {
  let out = '';
  for (const ch of name) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f || ch === '/' || ch === '\\' ? '_' : ch;
  }
  return out.trim().slice(0, 200) || 'file';
}

/** Extracted text is capped so one huge file cannot overflow its search entry. */
export const MAX_EXTRACTED = 200_000;

/**
 * The text inside a file, for search. PDFs and Word documents are read in a worker thread (one
 * per core, see extract-pool.ts) so the event loop stays free; with `transfer` the caller gives up
 * `buf` (its bytes move to the worker instead of being copied). A PDF or Word document that cannot
 * be read, kills its worker or takes too long is refused (naming the `file` field).
 */
export async function extractText(buf: Buffer, sniffed: Sniffed, opts: { transfer?: boolean } = {}): Promise<string> {
  if (sniffed.kind === 'text') return normalizeText(buf.toString('utf8'));
  if (sniffed.kind !== 'pdf' && sniffed.kind !== 'docx') return '';
  try {
    return await extractionPool().run(sniffed.kind, buf, { max: MAX_EXTRACTED, transfer: opts.transfer });
  } catch (err) {
    const what = sniffed.kind === 'pdf' ? 'This PDF' : 'This Word document';
    if (err instanceof ExtractionTimedOut) throw invalidField('file', `${what} took too long to read; it may be damaged or too complex. Try a smaller file.`);
    throw invalidField('file', `${what} could not be read; it may be damaged.`);
  }
}

const normalizeText = (text: string) => text.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim().slice(0, MAX_EXTRACTED);

/** Images and PDFs open in the browser; everything else downloads. */
export const previewable = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');
