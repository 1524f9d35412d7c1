// Reads one plan from a file or a stream: text files are decoded, Word files extracted, anything else refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import WordExtractor from 'word-extractor';
import { decodePlanBytes, type DecodedText } from './decode';
import { PlanReadError } from './errors';
import { htmlToText } from './html';
import { mhtHtmlPart } from './mht';
import { pdfToText } from './pdf';
import { docCellsOnLines, prepareWordText } from './wordPrepare';

export type PlanFormat = 'text' | 'markdown' | 'html' | 'docx' | 'doc' | 'pdf';

export interface PlanFile {
  text: string;
  /** utf-8, utf-16le, utf-16be, gb18030 (a web page's too); "word" for text taken out of a .doc/.docx, "pdf" out of a PDF. */
  encoding: string;
  format: PlanFormat;
  /** True when malformed bytes were replaced by U+FFFD while decoding. */
  lossy?: boolean;
}

/** Files above this size are refused before they are read. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * Reads a plan file: .txt/.md (or any text) decoded with encoding detection; a web page (.html,
 * a single-file .mht) as its visible text; .docx/.doc through word-extractor with one line per
 * paragraph and per table cell (a .docx's automatic numbering written in); a PDF's text layer a
 * paragraph a line. The content decides, not the name: a .txt that is really a .docx is read as
 * one, a .doc that is really a page as a page. Every failure is a PlanReadError naming `file`.
 */
export async function readPlanFile(file: string): Promise<PlanFile> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new PlanReadError('是文件夹，不是文件', file);
    if (stat.size > MAX_PLAN_BYTES) throw new PlanReadError(tooLarge(stat.size), file);
    bytes = await fs.readFile(file);
  } catch (e) {
    throw toReadError(e, file);
  }
  try {
    return await readPlanBytes(bytes, file);
  } catch (e) {
    throw toReadError(e, file);
  }
}

/** Reads a whole stream (standard input) as a plan, refusing more than MAX_PLAN_BYTES. */
export async function readPlanStream(stream: NodeJS.ReadableStream, name = '-'): Promise<PlanFile> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      size += buf.length;
      if (size > MAX_PLAN_BYTES) throw new PlanReadError(tooLarge(size, true), name);
      chunks.push(buf);
    }
  } catch (e) {
    throw toReadError(e, name);
  }
  try {
    return await readPlanBytes(Buffer.concat(chunks), name);
  } catch (e) {
    throw toReadError(e, name);
  }
}

/**
 * Turns a plan's bytes into text. `name` (a path or "-") only serves the extension hint for
 * plain text (.md → markdown) and the error message.
 */
export async function readPlanBytes(bytes: Uint8Array, name: string): Promise<PlanFile> {
  const ext = path.extname(name).toLowerCase();
  const kind = sniff(bytes);
  switch (kind) {
    case 'ole':
      return { text: docCellsOnLines(await extractWord(bytes, name)), encoding: 'word', format: 'doc' };
    case 'zip':
      return { text: await extractDocx(bytes, name), encoding: 'word', format: 'docx' };
    case 'pdf':
      return { text: await extractPdf(bytes, name), encoding: 'pdf', format: 'pdf' };
    case 'rtf':
      throw new PlanReadError('是 RTF 文件，暂不支持（请在 Word 中另存为 .docx）', name);
    case 'html':
      // A page saved from a government site, whatever its name says (.doc included): its visible text.
      return readPage(bytes, name);
    case 'mht': {
      const page = mhtHtmlPart(bytes);
      if (page) return readPage(page, name);
      // A MIME message without a page (a mail saved as text) is read as the text it is, unless it claims to be Word.
      if (ext === '.doc' || ext === '.docx') throw new PlanReadError('是单个文件网页（.mht），但其中没有网页正文', name);
      break;
    }
    case 'text':
      if (ext === '.docx') throw new PlanReadError('不是有效的 Word 文件（不是 .docx 压缩包）', name);
      break;
  }
  // A .doc that is plain text (some systems export so) is read as the text it is.
  return decodedFile(decodeOrName(bytes, name), ext === '.md' || ext === '.markdown' ? 'markdown' : 'text');
}

/** A .docx prepared (numbering written in, cells on lines) and extracted. */
async function extractDocx(bytes: Uint8Array, name: string): Promise<string> {
  if (!containsAscii(bytes, 'word/')) throw new PlanReadError('不是有效的 Word 文件（压缩包里没有 word/document.xml）', name);
  const prepared = await prepareWordText(bytes);
  // A package whose entries do not inflate to what it says can hang the extractor: named here.
  if (!prepared) throw new PlanReadError('不是有效的 Word 文件（压缩包已损坏）', name);
  return extractWord(prepared, name);
}

/** A PDF's text, a paragraph a line; a scan (pages of images) has none to give. */
async function extractPdf(bytes: Uint8Array, name: string): Promise<string> {
  let text: string;
  try {
    text = await pdfToText(bytes);
  } catch (e) {
    throw unparsable('PDF', e, name);
  }
  if (!text.trim()) throw new PlanReadError('是扫描版 PDF（页面是图片，没有文字），无法读取', name);
  return text;
}

/** A web page's visible text, its encoding detected as a text file's is. */
function readPage(bytes: Uint8Array, name: string): PlanFile {
  const decoded = decodeOrName(bytes, name);
  return decodedFile({ ...decoded, text: htmlToText(decoded.text) }, 'html');
}

/** A decoded text as a plan file, `lossy` only when bytes were replaced. */
function decodedFile(decoded: DecodedText, format: PlanFormat): PlanFile {
  return { text: decoded.text, encoding: decoded.encoding, format, ...(decoded.lossy ? { lossy: true } : {}) };
}

/** The reason for a Word or PDF file its parser gave up on, with the parser's first line. */
function unparsable(kind: 'Word' | 'PDF', e: unknown, name: string): PlanReadError {
  const detail = e instanceof Error && e.message ? `：${e.message.split('\n')[0]}` : '';
  return new PlanReadError(`不是有效的 ${kind} 文件（无法解析${detail}）`, name);
}

function decodeOrName(bytes: Uint8Array, name: string) {
  try {
    return decodePlanBytes(bytes);
  } catch (e) {
    throw toReadError(e, name);
  }
}

type Sniffed = 'ole' | 'zip' | 'pdf' | 'rtf' | 'html' | 'mht' | 'text';

/** Recognises the container formats by their magic numbers. */
function sniff(b: Uint8Array): Sniffed {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  const head = Buffer.from(b.subarray(0, 512)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^mime-version:/i.test(head)) return 'mht';
  // Comments may come before the page (<!-- saved from url=… --> when a browser saves it).
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head.replace(/^(?:<!--[\s\S]*?-->\s*)+/, ''))) return 'html';
  return 'text';
}

function containsAscii(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(s, 0, 'latin1');
}

/** Longer than any real file takes: word-extractor never settles on some damaged packages. */
const WORD_EXTRACT_TIMEOUT_MS = 60_000;

async function extractWord(bytes: Uint8Array, name: string): Promise<string> {
  let body: string;
  try {
    const doc = await settlesWithin(new WordExtractor().extract(Buffer.from(bytes)), WORD_EXTRACT_TIMEOUT_MS, '超时');
    // filterUnicode would turn “” into " and —— into --, corrupting Chinese punctuation.
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw unparsable('Word', e, name);
  }
  // Word ends the body with a paragraph mark; keep one final newline like a text file.
  return body.replace(/\n+$/, '\n');
}

function tooLarge(size: number, stream = false): string {
  // A stream is cut off at the limit, so its full size is unknown.
  if (stream) return `文件过大（超过上限 ${MAX_PLAN_BYTES / MB} MB）`;
  return `文件过大（${(size / MB).toFixed(1)} MB，上限 ${MAX_PLAN_BYTES / MB} MB）`;
}

/** Maps any failure to a PlanReadError with a Chinese reason that names the file. */
export function toReadError(e: unknown, file: string): PlanReadError {
  if (e instanceof PlanReadError) return e.file === undefined ? e.withFile(file) : e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new PlanReadError('文件不存在', file);
    case 'EACCES':
    case 'EPERM':
      return new PlanReadError('无法读取（没有权限）', file);
    case 'EISDIR':
      return new PlanReadError('是文件夹，不是文件', file);
    case 'EMFILE':
    case 'ENFILE':
      return new PlanReadError('无法读取（打开的文件过多）', file);
    default: {
      const detail = code ?? (e instanceof Error ? e.message : String(e));
      return new PlanReadError(`无法读取（${detail}）`, file);
    }
  }
}

/** `work`, or a rejection with `reason` once `ms` have passed; the timer never keeps the process alive. */
function settlesWithin<T>(work: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
