// Recognises heading markers (一、 （一） 1. （1） ① ——) on a cleaned line and splits title from body.
import type { HeadingKind } from './model';
import { parseChineseNumber } from './numerals';

export interface HeadingMatch {
  kind: HeadingKind;
  ordinal: number | null;
  /** Marker as written, e.g. "（一）", "1、". */
  marker: string;
  /** Marker punctuation style, compared across a level by the heading-style rule. */
  style: string;
  /** `text` indexes of the marker and of the title. */
  markerStart: number;
  markerEnd: number;
  titleStart: number;
  titleEnd: number;
  title: string;
}

/** GB/T 9704 rank of each marker kind; a smaller rank sits higher in the tree. */
export const KIND_RANK: Record<HeadingKind, number> = {
  chapter: 0, cn: 1, 'cn-paren': 2, num: 3, 'num-paren': 4, circled: 5, bullet: 6,
};

const CN = '[一二三四五六七八九十百〇零]';
/** First characters a heading line can start with; every other line skips the patterns. */
const MAY_START_HEADING = new Uint8Array(0x10000);
for (const c of '第一二三四五六七八九十百〇零（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳—-•·●◆◇▪■□*#>、') MAY_START_HEADING[c.charCodeAt(0)] = 1;
const MARKDOWN_PREFIX = /^(?:#{1,6}|>)+(?:\*\*)?|^\*\*/;
const CHAPTER = { kind: 'chapter' as const, re: new RegExp(`^第(${CN}{1,4}|\\d{1,3})章`) };
const CN_MARK = { kind: 'cn' as const, re: new RegExp(`^(${CN}{1,3})([、．.，,])`) };
const CN_PAREN = { kind: 'cn-paren' as const, re: new RegExp(`^([（(])(${CN}{1,3})([）)])`) };
const NUM_PAREN = { kind: 'num-paren' as const, re: /^([（(])(\d{1,2})([）)])/ };
const NUM = { kind: 'num' as const, re: /^(\d{1,2})([.、])(?![\d.])/ };
const CIRCLED = { kind: 'circled' as const, re: /^([①-⑳])/ };
const BULLET = { kind: 'bullet' as const, re: /^(——|--|—|•|·|●|◆|◇|▪|■|□|-|\*(?!\*))/ };
type Pattern = { kind: HeadingKind; re: RegExp };
const ONLY_CHAPTER = [CHAPTER];
const PARENS = [CN_PAREN, NUM_PAREN];
const ONLY_NUM = [NUM];
const ONLY_CIRCLED = [CIRCLED];
const ONLY_CN = [CN_MARK];
const ONLY_BULLET = [BULLET];
const CN_DIGIT = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十百〇零') CN_DIGIT[c.charCodeAt(0)] = 1;
/** The patterns worth trying for a line's first character (a char code; NaN for none), in order. */
function patternsFor(first: number): Pattern[] {
  if (first === 0x7b2c) return ONLY_CHAPTER; // 第
  if (first === 0xff08 || first === 0x28) return PARENS;
  if (first >= 0x30 && first <= 0x39) return ONLY_NUM;
  if (first >= 0x2460 && first <= 0x2473) return ONLY_CIRCLED; // ① … ⑳
  if (CN_DIGIT[first] === 1) return ONLY_CN;
  return ONLY_BULLET;
}
// 、总体要求: a first-level heading whose numeral was lost.
const DAMAGED_CN = /^、(?=[^、\d])/;
// Known section words, for a title that runs on into its body with no separator.
const SECTION_WORDS = /(指导思想|基本原则|总体要求|总体思路|主要目标|发展目标|总体目标|工作目标|重点任务|主要任务|工作任务|保障措施|组织领导|工作要求|实施步骤|发展基础|机遇挑战)/y;
// Tables of contents: dot leaders followed by a page number.
const TOC_LINE = /(?:…{1,}|\.{3,}|·{3,}|-{4,}|_{4,})\d{1,3}$/;

/**
 * Matches a heading marker at the start of a cleaned line. `norm` is matched, `text`
 * supplies what is shown. Returns null for body text and look-alikes (一是, TOC rows).
 */
export function matchHeading(text: string, norm: string): HeadingMatch | null {
  if (MAY_START_HEADING[norm.charCodeAt(0)] !== 1) return null;
  let start = 0;
  const c0 = norm.charCodeAt(0);
  const md = c0 === 0x23 || c0 === 0x3e || c0 === 0x2a ? MARKDOWN_PREFIX.exec(norm) : null; // # > *
  if (md) start = md[0].length;
  const rest = start ? norm.slice(start) : norm;
  const last = rest.charCodeAt(rest.length - 1);
  if (last >= 48 && last <= 57 && TOC_LINE.test(rest.slice(-16))) return null;
  for (const { kind, re } of patternsFor(rest.charCodeAt(0))) {
    const m = re.exec(rest);
    if (!m) continue;
    const markerEnd = start + m[0].length;
    const marker = text.slice(start, markerEnd);
    let ordinal: number | null = null;
    let style = '';
    if (kind === 'chapter') ordinal = parseChineseNumber(m[1]);
    else if (kind === 'cn') { ordinal = parseChineseNumber(m[1]); style = m[2]; }
    else if (kind === 'num') { ordinal = Number(m[1]); style = marker.slice(-1); }
    else if (kind === 'cn-paren' || kind === 'num-paren') {
      ordinal = kind === 'num-paren' ? Number(m[2]) : parseChineseNumber(m[2]);
      style = bracketStyle(text.charCodeAt(start), text.charCodeAt(markerEnd - 1));
    } else if (kind === 'circled') ordinal = m[1].charCodeAt(0) - 0x245f;
    if (kind !== 'bullet' && ordinal === null) continue;
    const [titleStart, titleEnd] = splitTitle(norm, markerEnd);
    return {
      kind, ordinal, marker, style, markerStart: start, markerEnd, titleStart, titleEnd,
      title: tidyTitle(text.slice(titleStart, titleEnd)),
    };
  }
  if (rest.charCodeAt(0) === 0x3001 && DAMAGED_CN.test(rest)) { // 、
    const [titleStart, titleEnd] = splitTitle(norm, start + 1);
    return {
      kind: 'cn', ordinal: null, marker: '、', style: '、', markerStart: start, markerEnd: start + 1,
      titleStart, titleEnd, title: tidyTitle(text.slice(titleStart, titleEnd)),
    };
  }
  return null;
}

/** 'half' or 'full' for the opening bracket, then for the closing one: halffull for (一）. */
function bracketStyle(open: number, close: number): string {
  const half = (c: number) => c === 0x28 || c === 0x29;
  return half(open) ? (half(close) ? 'halfhalf' : 'halffull') : half(close) ? 'fullhalf' : 'fullfull';
}

/**
 * Where the title ends when title and body share a line: the first 。 ： ！ ？ within 50
 * characters; else a known section word; else the first comma within 30; else 30 characters.
 */
export function splitTitle(norm: string, from: number): [number, number] {
  let s = from;
  while (norm.startsWith('**', s)) s += 2;
  // Char-code scans of the first 51 and 31 characters: no slice of the rest of the line.
  const length = norm.length - s;
  const stop = firstOf(norm, s, Math.min(norm.length, s + 51), STOP);
  if (stop >= 0) return [s, stop];
  if (length <= 50) return [s, s + Math.max(length, 0)];
  SECTION_WORDS.lastIndex = s;
  const word = SECTION_WORDS.exec(norm);
  if (word) return [s, s + word[0].length];
  const comma = firstOf(norm, s, s + 31, COMMA);
  if (comma >= 0) return [s, comma];
  return [s, s + 30];
}

// 。：:！？!? end a title (and **, checked in firstOf); ，,；; may.
const STOP = new Uint8Array(0x10000);
for (const c of '。：:！？!?') STOP[c.charCodeAt(0)] = 1;
const COMMA = new Uint8Array(0x10000);
for (const c of '，,；;') COMMA[c.charCodeAt(0)] = 1;

/** Index of the first character in [from, to) marked in `table` (or of a ** when table is STOP), else -1. */
function firstOf(s: string, from: number, to: number, table: Uint8Array): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (table[c] === 1 || (table === STOP && c === 0x2a && s.charCodeAt(i + 1) === 0x2a)) return i;
  }
  return -1;
}

// The marks a title's end sheds: 。：:；;，,、
const TITLE_END = new Uint8Array(0x10000);
for (const c of '。：:；;，,、') TITLE_END[c.charCodeAt(0)] = 1;

/** A title without Markdown bold and without the 。：；， that closes it. */
export function tidyTitle(title: string): string {
  const t = title.includes('**') ? title.replace(/\*\*/g, '') : title;
  let end = t.length;
  while (end > 0 && TITLE_END[t.charCodeAt(end - 1)] === 1) end--;
  return end === t.length ? t : t.slice(0, end);
}
