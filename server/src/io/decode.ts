// Turns the bytes of a plan file into text, detecting UTF-8, UTF-16 and GB18030 and refusing binaries.
import iconv from 'iconv-lite';
import { PlanReadError } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text without any byte order mark; line ends are kept as written. */
  text: string;
  encoding: TextEncodingName;
  /** True when the bytes began with a byte order mark. */
  bom: boolean;
  /** True when a few malformed bytes were replaced by U+FFFD (e.g. a UTF-8 file cut mid-character). */
  lossy?: boolean;
}

const BINARY = '不是文本文件（疑似二进制）';
const UNKNOWN = '无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030 文本）';

/** How much of the text the plausibility checks look at; enough to judge, cheap on 64 MB files. */
const SAMPLE_CHARS = 1 << 20;

/**
 * Decodes a plan file's bytes, detecting the encoding: a BOM (UTF-8, UTF-16LE/BE, GB18030) is
 * honoured and stripped; UTF-16 without BOM is recognised by NUL bytes at alternating positions;
 * then valid UTF-8; then GB18030 (which covers GBK and GB2312). Bytes that are no text in any of
 * these (NULs that are not UTF-16, many control bytes, undecodable sequences) raise a
 * PlanReadError with a one-line Chinese reason; nothing else is ever thrown.
 */
export function decodePlanBytes(bytes: Uint8Array): DecodedText {
  try {
    return detectAndDecode(bytes);
  } catch (e) {
    if (e instanceof PlanReadError) throw e;
    throw new PlanReadError(`无法解码文件内容（${e instanceof Error ? e.message : String(e)}）`);
  }
}

function detectAndDecode(bytes: Uint8Array): DecodedText {
  const n = bytes.length;
  if (n === 0) return { text: '', encoding: 'utf-8', bom: false };

  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8Lenient(bytes.subarray(3));
    return { ...text, encoding: 'utf-8', bom: true };
  }
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  }
  if (n >= 4 && bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(4)), 'gb18030'), encoding: 'gb18030', bom: true };
  }

  const stats = scanBytes(bytes);

  const nuls = stats.nulEven + stats.nulOdd;
  // A stray NUL or two in otherwise good text (a bad paste, a padded end) is not a binary, and
  // well-formed UTF-8 with one is not UTF-16 (ASCII pairs would decode as plausible ideographs).
  const strayNuls = nuls * 1000 <= n;
  if (nuls > 0 && !(strayNuls && stats.utf8Invalid === 0)) {
    // UTF-16 puts a NUL beside every ASCII character (newlines, digits): on the odd byte for
    // little-endian, the even byte for big-endian. Characters such as 一 (U+4E00) put one on the
    // other side, so the majority only decides which order to try first; the decoded text decides.
    const order = stats.nulOdd >= stats.nulEven ? [true, false] : [false, true];
    for (const little of order) {
      const text = decodeUtf16(bytes, little);
      if (plausibility(text) >= 0.9) {
        return { text, encoding: little ? 'utf-16le' : 'utf-16be', bom: false };
      }
    }
    if (!strayNuls) throw new PlanReadError(BINARY);
  }

  // A stray form feed or DOS end-of-file mark is fine; a stream of control bytes is not text.
  if (stats.control > 8 && stats.control * 100 > n) throw new PlanReadError(BINARY);

  if (stats.utf8Invalid === 0) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
    } catch {
      // Not well-formed after all (the scan is only a first look): judged below.
    }
  }

  // Mostly well-formed UTF-8 with a handful of broken sequences (a file cut mid-character, one
  // bad paste) is still UTF-8: reading it as GB18030 would garble every line.
  if (stats.utf8Valid >= 8 && stats.utf8Invalid * 50 <= stats.utf8Valid) {
    return { ...decodeUtf8Lenient(bytes), encoding: 'utf-8', bom: false };
  }

  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (plausibility(gb) >= 0.85) return { text: gb, encoding: 'gb18030', bom: false };

  // UTF-16 made only of Chinese characters has no NUL at all; try it last.
  if (n % 2 === 0) {
    for (const little of [true, false]) {
      const text = decodeUtf16(bytes, little);
      if (plausibility(text) >= 0.95) return { text, encoding: little ? 'utf-16le' : 'utf-16be', bom: false };
    }
  }
  throw new PlanReadError(stats.control * 200 > n ? BINARY : UNKNOWN);
}

interface ByteStats {
  nulEven: number;
  nulOdd: number;
  /** C0 controls other than tab, line ends, form feed, ESC and the DOS EOF mark; and DEL. */
  control: number;
  /** Bytes >= 0x80. */
  high: number;
  /** Well-formed UTF-8 multi-byte sequences. */
  utf8Valid: number;
  /** Bytes >= 0x80 that belong to no well-formed UTF-8 sequence. */
  utf8Invalid: number;
}

function scanBytes(b: Uint8Array): ByteStats {
  const s: ByteStats = { nulEven: 0, nulOdd: 0, control: 0, high: 0, utf8Valid: 0, utf8Invalid: 0 };
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      if (c === 0) {
        if (i & 1) s.nulOdd++;
        else s.nulEven++;
      } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a && c !== 0x1b) || c === 0x7f) {
        s.control++;
      }
      i++;
      continue;
    }
    s.high++;
    const len = utf8SequenceLength(b, i);
    if (len > 0) {
      s.utf8Valid++;
      s.high += len - 1;
      i += len;
    } else {
      s.utf8Invalid++;
      i++;
    }
  }
  return s;
}

/** Length of the well-formed UTF-8 sequence starting at i (RFC 3629 ranges), or 0. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function decodeUtf8Lenient(bytes: Uint8Array): { text: string; lossy?: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), lossy: true };
  }
}

/** UTF-16 in either byte order; an odd trailing byte becomes U+FFFD. */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const even = bytes.length & ~1;
  const buf = Buffer.from(bytes.subarray(0, even));
  if (!littleEndian) buf.swap16();
  const text = buf.toString('utf16le');
  return even < bytes.length ? text + '\ufffd' : text;
}

/**
 * The share of characters that plausibly occur in a Chinese plan: ASCII, CJK ideographs and
 * punctuation, full-width forms, common symbols. Mis-decoded bytes land in Hangul, private use,
 * lone surrogates, controls or U+FFFD instead.
 */
export function plausibility(text: string): number {
  const n = Math.min(text.length, SAMPLE_CHARS);
  if (n === 0) return 1;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c <= 0x7e) ||
      c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d ||
      (c >= 0xa0 && c <= 0x24f) || // Latin-1 and Latin Extended (pinyin tones)
      (c >= 0x370 && c <= 0x4ff) || // Greek, Cyrillic (GB2312 has both)
      (c >= 0x2000 && c <= 0x27bf) || // punctuation, letterlike, number forms, arrows, math, shapes, ①
      (c >= 0x2e80 && c <= 0x33ff) || // CJK radicals, punctuation, kana, bopomofo, enclosed CJK
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef)
    ) {
      good++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // Supplementary ideographs (GB18030 four-byte forms) are real text.
        good += 2;
        i++;
      }
    }
  }
  return good / n;
}
