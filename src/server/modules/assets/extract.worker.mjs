// Reads the text out of one PDF or Word document at a time, off the main thread (see extract-pool.ts).
// Plain JavaScript importing only pdfjs-dist and mammoth, so it loads the same under tsx, vitest and node.
import { parentPort, workerData } from 'node:worker_threads';

/** Same clean-up as plain-text uploads get, done here so the main thread only receives the result. */
const normalize = (text, max) => text.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim().slice(0, max);

let pdfjs;
async function pdfText(data, max) {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const parts = [];
    let length = 0;
    for (let i = 1; i <= doc.numPages && length < max; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const text = content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join('\n');
  } finally {
    await doc.destroy();
  }
}

let mammoth;
async function docxText(data) {
  mammoth ??= (await import('mammoth')).default;
  const res = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  return res.value;
}

/** Only when the pool was started with `testHooks`: ways to make this worker misbehave on purpose. */
function misbehave(kind) {
  if (kind === 'test:exit') process.exit(1);
  if (kind === 'test:throw') setImmediate(() => { throw new Error('worker failed on purpose'); });
  if (kind === 'test:hang') for (;;);
  if (kind === 'test:oom') {
    const hoard = [];
    for (;;) hoard.push(new Array(1e5).fill(hoard.length));
  }
}

parentPort.on('message', async ({ id, kind, data, max }) => {
  try {
    if (workerData?.testHooks && kind.startsWith('test:')) {
      misbehave(kind);
      return;
    }
    const bytes = new Uint8Array(data);
    const text = kind === 'pdf' ? await pdfText(bytes, max) : kind === 'docx' ? await docxText(bytes) : '';
    parentPort.postMessage({ id, ok: true, text: normalize(text, max) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
