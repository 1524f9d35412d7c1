// Reads one raw line into the forms the parser matches on, keeping a way back to raw offsets.
import tsPairs from 'opencc-js/dict/TSCharacters';

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

const SPACE = /[\s\u3000\u00a0\u200b\u200c\u200d\ufeff]/;
// A pinyin gloss after a character: 達(dá) — lowercase letters with a tone mark or tone digit.
const GLOSS = /[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[1-5]?[）)]|[（(][a-zü]{1,6}[1-5][）)]/g;
const NEEDS_MAP = /[\s\u3000\u00a0\u200b\u200c\u200d\ufeff]|[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ1-5]/;

/** Cleans one raw line (without its line end). Linear in the line's length. */
export function cleanLine(raw: string): CleanLine {
  let a = 0;
  let b = raw.length;
  while (a < b && SPACE.test(raw[a])) a++;
  while (b > a && SPACE.test(raw[b - 1])) b--;
  const inner = a === 0 && b === raw.length ? raw : raw.slice(a, b);
  let text = inner;
  let map: Int32Array | null = null;
  if (NEEDS_MAP.test(inner)) {
    const drop = new Uint8Array(inner.length);
    for (const m of inner.matchAll(GLOSS)) {
      if (m.index! > 0) drop.fill(1, m.index!, m.index! + m[0].length);
    }
    const parts: string[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < inner.length; i++) {
      const ch = inner[i];
      if (drop[i] || SPACE.test(ch)) continue;
      parts.push(ch);
      offsets.push(a + i);
    }
    text = parts.join('');
    map = Int32Array.from(offsets);
  }
  return { text, norm: foldForMatching(text), map, shift: a };
}

/** Folds full-width letters and digits, ○ and traditional characters; keeps the length. */
export function foldForMatching(text: string): string {
  let i = 0;
  while (i < text.length && FOLD[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)];
    out += f === 0 ? text[i] : String.fromCharCode(f);
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
