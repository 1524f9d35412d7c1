// Reads one raw line into the forms the parser matches on, keeping a way back to raw offsets.
import tsPairs from 'opencc-js/dict/TSCharacters';
import { pushMark, type MarkList } from './positions';

/**
 * A line as the parser sees it. `text` is the raw line with whitespace and pinyin glosses
 * removed (what a reader sees, as written); `norm` has the same length as `text` with
 * full-width letters and digits folded, ○ read as 〇 and traditional characters simplified,
 * so one set of patterns matches every copy.
 */
export interface CleanLine {
  text: string;
  norm: string;
  /** Raw offset (within the line) of each `text` index; null when text is a plain slice. */
  map: Int32Array | null;
  /** Raw offset of text[0] when map is null. */
  shift: number;
}

// Traditional → simplified, one character for one, so lengths never change. A flat table
// indexed by UTF-16 code unit: a regex with a 3 000-character class costs more than the
// whole rest of the analysis.
// Characters that are also ordinary simplified characters (著名, 乾坤 …) are kept.
const KEEP = new Set(['著', '乾', '藉', '瞭', '夥', '甦', '於', '徵', '鍾', '係', '蘋']);
const FOLD = new Uint16Array(0x10000);
for (const pair of tsPairs.split('|')) {
  const t = pair.charCodeAt(0);
  const s = pair.charCodeAt(2);
  if (pair.length === 3 && pair[1] === ' ' && t !== s && t < 0xd800 && s < 0xd800 && !KEEP.has(pair[0])) FOLD[t] = s;
}
// Full-width letters, digits, ％ and ． fold to ASCII; ○ is read as 〇.
for (let c = 0xff10; c <= 0xff5a; c++) if (c <= 0xff19 || (c >= 0xff21 && c <= 0xff3a) || c >= 0xff41) FOLD[c] = c - 0xfee0;
FOLD[0xff05] = 0x25;
FOLD[0xff0e] = 0x2e;
FOLD[0x25cb] = 0x3007;

// Per code unit: 1 whitespace (ASCII, ideographic, no-break, zero-width, BOM), 2 an opening
// bracket that may start a pinyin gloss, 4 a character `norm` folds. One table lookup a
// character decides what a line needs; callers may add bits of their own above these
// (see `charTable`), collected per line in `CleanScan.flags`.
export const SPACE = 1;
export const PAREN = 2;
export const FOLDS = 4;
/** A caller's bit whose characters `cleanNextLine` lists, by offset and code. */
export const RECORD = 8;
const KIND = new Uint8Array(0x10000);
for (const c of [9, 10, 11, 12, 13, 32, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) KIND[c] = SPACE;
for (let c = 0x2000; c <= 0x200d; c++) KIND[c] = SPACE;
KIND[0x28] = PAREN;
KIND[0xff08] = PAREN;
for (let c = 0; c < 0x10000; c++) if (FOLD[c] !== 0) KIND[c] |= FOLDS;
// A pinyin gloss after a character: 達(dá) — lowercase letters with a tone mark or tone digit.
const GLOSS = /[（(](?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[1-5]?|[a-zü]{1,6}[1-5])[）)]/y;

/**
 * A copy of the cleaning table with a caller's bits (8 to 2^15) added for the given characters
 * and for every code unit `norm` folds into one of them (full-width, traditional forms).
 */
export function charTable(groups: readonly (readonly [chars: string, bit: number])[]): Uint16Array {
  const own = new Uint16Array(0x10000);
  for (const [chars, bit] of groups) for (const ch of chars) own[ch.charCodeAt(0)] |= bit & ~7;
  const t = Uint16Array.from(KIND);
  for (let c = 0; c < 0x10000; c++) t[c] |= own[FOLD[c] || c];
  return t;
}

// The cleaning table alone, as a Uint16Array like every caller's: `cleanInto` then reads one kind of array.
const PLAIN = charTable([]);

/** What `cleanInto` leaves behind: a `CleanLine` plus the OR of the table bits of its characters. */
export interface CleanScan extends CleanLine {
  flags: number;
}

/**
 * Cleans the raw line raw[from, to) (without its line end), slicing the source once.
 * Offsets in the result are relative to `from`. Linear in the line's length.
 */
export function cleanLine(raw: string, from = 0, to = raw.length): CleanLine {
  const out: CleanScan = { text: '', norm: '', map: null, shift: 0, flags: 0 };
  cleanInto(raw, from, to, PLAIN, out);
  return { text: out.text, norm: out.norm, map: out.map, shift: out.shift };
}

/** `cleanLine` writing into `out` (no object per line), with `table` from `charTable`. */
export function cleanInto(raw: string, from: number, to: number, table: Uint16Array, out: CleanScan): void {
  let a = from;
  let b = to;
  while (a < b && KIND[raw.charCodeAt(a)] === SPACE) a++;
  while (b > a && KIND[raw.charCodeAt(b - 1)] === SPACE) b--;
  // Characters to drop are marked in one shared buffer, cleared only for lines that drop any.
  let drop = false;
  let flags = 0;
  for (let i = a; i < b; i++) {
    const k = table[raw.charCodeAt(i)];
    if (k === 0) continue;
    flags |= k;
    if (k & SPACE) {
      if (!drop) drop = clearDrop(b - a);
      DROP[i - a] = 1;
    } else if (k & PAREN && i > a && mayStartGloss(raw.charCodeAt(i + 1))) {
      GLOSS.lastIndex = i;
      const g = GLOSS.exec(raw);
      // The gloss is read within 12 characters of its bracket, and within the line.
      if (g && g[0].length <= Math.min(12, b - i)) {
        if (!drop) drop = clearDrop(b - a);
        DROP.fill(1, i - a, i - a + g[0].length);
      }
    }
  }
  out.flags = flags;
  out.shift = a - from;
  if (!drop) {
    const inner = a === 0 && b === raw.length ? raw : raw.slice(a, b);
    out.text = inner;
    out.norm = flags & FOLDS ? foldForMatching(inner) : inner;
    out.map = null;
    return;
  }
  let kept = 0;
  for (let i = 0; i < b - a; i++) if (DROP[i] === 0) kept++;
  const offsets = offsetsOf(kept);
  const codes = codeBuffer(kept);
  let n = 0;
  for (let i = a; i < b; i++) {
    if (DROP[i - a] === 1) continue;
    offsets[n] = i - from;
    codes[n++] = raw.charCodeAt(i);
  }
  const text = stringOf(codes, n);
  out.text = text;
  out.norm = flags & FOLDS ? foldForMatching(text) : text;
  out.map = offsets;
}

/**
 * `cleanInto` for the raw line starting at `from` and running to the next CR or LF (or the end
 * of `raw`); returns where it ends. Appends to `recorded` the offset and code of each character
 * whose table bits include RECORD. Reads each character once: a line with whitespace inside it, or a
 * bracket that may open a pinyin gloss, is handed to `cleanInto` after the read.
 */
export function cleanNextLine(raw: string, from: number, table: Uint16Array, out: CleanScan, recorded: MarkList): number {
  let a = from; // first character that is not leading whitespace
  let inner = -1; // first whitespace after a, which is inner or trailing
  let flags = 0;
  let slow = false;
  let i = from;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const k = table[c];
    if (k === 0) continue;
    if (k & SPACE) {
      if (c === 10 || c === 13) break;
      if (i === a) a++;
      else if (inner < 0) inner = i;
      continue;
    }
    flags |= k;
    if (k & RECORD) pushMark(recorded, i, c);
    if (k & PAREN && i > a && mayStartGloss(raw.charCodeAt(i + 1))) slow = true;
  }
  let b = i;
  if (inner >= 0) {
    while (b > a && KIND[raw.charCodeAt(b - 1)] === SPACE) b--;
    if (inner < b) slow = true;
  }
  if (slow) {
    // The marks are recorded above: marks are never whitespace, so trimming moves none.
    cleanInto(raw, from, i, table, out);
    return i;
  }
  const text = a === 0 && b === raw.length ? raw : raw.slice(a, b);
  out.flags = flags;
  out.shift = a - from;
  out.text = text;
  out.norm = flags & FOLDS ? foldForMatching(text) : text;
  out.map = null;
  return i;
}

// Line maps are views of shared blocks: an Int32Array of its own costs a line three objects.
const MAP_BLOCK = 1 << 16;
let maps = new Int32Array(MAP_BLOCK);
let mapsUsed = 0;

/** A fresh Int32Array of `length` zeros, for a line's map. */
function offsetsOf(length: number): Int32Array {
  if (length > MAP_BLOCK >> 4) return new Int32Array(length);
  if (mapsUsed + length > maps.length) {
    maps = new Int32Array(MAP_BLOCK);
    mapsUsed = 0;
  }
  mapsUsed += length;
  return maps.subarray(mapsUsed - length, mapsUsed);
}

let DROP = new Uint8Array(1024);

/** Makes DROP[0, length) zero, growing it when a line is longer; returns true. */
function clearDrop(length: number): boolean {
  if (DROP.length < length) DROP = new Uint8Array(Math.max(length, DROP.length * 2));
  else DROP.fill(0, 0, length);
  return true;
}

/** A gloss's first letter: a-z, ü or a toned vowel (all below U+0200). */
function mayStartGloss(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xe0 && c < 0x200);
}

/** Folds full-width letters and digits, ○ and traditional characters; keeps the length. */
export function foldForMatching(text: string): string {
  let i = 0;
  while (i < text.length && FOLD[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  const codes = codeBuffer(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    codes[k] = FOLD[c] || c;
  }
  return stringOf(codes, text.length);
}

// Lines built from char codes: adding one character or piece at a time to a string makes an
// object per addition.
let CODES = new Uint16Array(1024);
// A one-line copy of a whole document is not kept in memory after its analysis.
const SHARED_CODES = 1 << 16;
// Characters per String.fromCharCode call: its arguments go on the stack.
const CODE_CHUNK = 4096;

/** A buffer for at least `length` char codes, shared unless the line is very long (its contents are not kept). */
function codeBuffer(length: number): Uint16Array {
  if (length > SHARED_CODES) return new Uint16Array(length);
  if (CODES.length < length) CODES = new Uint16Array(Math.max(length, CODES.length * 2));
  return CODES;
}

/** The string of codes[0, length). */
function stringOf(codes: Uint16Array, length: number): string {
  let out = '';
  for (let k = 0; k < length; k += CODE_CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + CODE_CHUNK)) as unknown as number[]);
  }
  return out;
}

/** Offset within the raw line of `text` index i (i may equal text.length for an end). */
export function rawIndex(line: CleanLine, i: number): number {
  if (!line.map) return line.shift + i;
  if (line.map.length === 0) return line.shift;
  if (i >= line.map.length) return line.map[line.map.length - 1] + 1;
  return line.map[Math.max(0, i)];
}

/** Raw end offset (exclusive) for a `text` range ending at index end. */
export function rawEnd(line: CleanLine, end: number): number {
  if (end <= 0) return rawIndex(line, 0);
  return rawIndex(line, end - 1) + 1;
}
