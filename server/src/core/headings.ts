// Recognises heading markers (一、 （一） 1. （1） ① ——) on a cleaned line and splits title from body.
import type { HeadingKind } from './model';
import { isDigit } from './charCodes';
import { parseChineseNumber } from './numerals';

/** Where a heading marker and its title sit on a cleaned line, as `matchHeading` finds them. */
export interface HeadingMatch {
  kind: HeadingKind;
  ordinal: number | null;
  /** Marker punctuation style, compared across a level by the heading-style rule. */
  style: string;
  /** `text` indexes of the marker (e.g. "（一）", "1、" as written) and of the title. */
  markerStart: number;
  markerEnd: number;
  titleStart: number;
  titleEnd: number;
}

/** A match to fill, one for every line of a plan. */
export function emptyHeadingMatch(): HeadingMatch {
  return { kind: 'bullet', ordinal: null, style: '', markerStart: 0, markerEnd: 0, titleStart: 0, titleEnd: 0 };
}

/** GB/T 9704 rank of each marker kind; a smaller rank sits higher in the tree. */
export const KIND_RANK: Record<HeadingKind, number> = {
  chapter: 0, cn: 1, 'cn-paren': 2, num: 3, 'num-paren': 4, circled: 5, bullet: 6,
};

const CN = '[一二三四五六七八九十百〇零]';
/** First characters a heading line can start with; every other line skips the patterns. */
const MAY_START_HEADING = new Uint8Array(0x10000);
for (const c of '第一二三四五六七八九十百〇零（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳—-•·●◆◇▪■□*#>、') MAY_START_HEADING[c.charCodeAt(0)] = 1;
/**
 * Whether a cleaned line may start with a heading marker (matchHeading finds none on any other
 * line): its first character may begin one, and a line starting with a digit has the 1. or 12、
 * of a numbered heading, as flattened table cells (98%, 2025年) do not.
 */
export function mayStartHeading(norm: string): boolean {
  // Reads only within the line: a read past its end would make V8 give up inlining charCodeAt here.
  if (norm.length === 0 || MAY_START_HEADING[norm.charCodeAt(0)] !== 1) return false;
  if (!isDigit(norm.charCodeAt(0))) return true;
  if (norm.length < 3) return norm.length === 2 && isNumberMark(norm.charCodeAt(1));
  const second = norm.charCodeAt(1);
  return isNumberMark(second) || (isDigit(second) && isNumberMark(norm.charCodeAt(2)));
}

/** . or 、 after a heading's number (NUM). */
const isNumberMark = (c: number) => c === 0x2e || c === 0x3001;

const MARKDOWN_PREFIX = /^(?:#{1,6}|>)+(?:\*\*)?|^\*\*/;
// Sticky, tried where the marker starts: the marker ends at lastIndex, its parts sit at fixed places in it.
const CHAPTER = { kind: 'chapter' as const, re: new RegExp(`第(?:${CN}{1,4}|\\d{1,3})章`, 'y') };
const CN_MARK = { kind: 'cn' as const, re: new RegExp(`${CN}{1,3}[、．.，,]`, 'y') };
const CN_PAREN = { kind: 'cn-paren' as const, re: new RegExp(`[（(]${CN}{1,3}[）)]`, 'y') };
const NUM_PAREN = { kind: 'num-paren' as const, re: /[（(]\d{1,2}[）)]/y };
const NUM = { kind: 'num' as const, re: /\d{1,2}[.、](?![\d.])/y };
const CIRCLED = { kind: 'circled' as const, re: /[①-⑳]/y };
const BULLET = { kind: 'bullet' as const, re: /——|--|—|•|·|●|◆|◇|▪|■|□|-|\*(?!\*)/y };
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
const DAMAGED_CN = /、(?=[^、\d])/y;
// Known section words, for a title that runs on into its body with no separator.
const SECTION_WORDS = /(指导思想|基本原则|总体要求|总体思路|主要目标|发展目标|总体目标|工作目标|重点任务|主要任务|工作任务|保障措施|组织领导|工作要求|实施步骤|发展基础|机遇挑战)/y;
// Tables of contents: dot leaders followed by a page number.
const TOC_LINE = /(?:…{1,}|\.{3,}|·{3,}|-{4,}|_{4,})\d{1,3}$/;

/**
 * Matches a heading marker at the start of a cleaned line, filling `out`. `norm` is matched,
 * `text` supplies what is shown. False for body text and look-alikes (一是, TOC rows).
 * `endsInDigit` false says the line does not end in a digit (the line scan knows), so it
 * cannot be a table of contents row.
 */
export function matchHeading(text: string, norm: string, out: HeadingMatch, endsInDigit = true): boolean {
  if (MAY_START_HEADING[norm.charCodeAt(0)] !== 1) return false;
  let start = 0;
  const c0 = norm.charCodeAt(0);
  const md = c0 === 0x23 || c0 === 0x3e || c0 === 0x2a ? MARKDOWN_PREFIX.exec(norm) : null; // # > *
  if (md) start = md[0].length;
  const last = endsInDigit && norm.length > start ? norm.charCodeAt(norm.length - 1) : 0;
  if (last >= 48 && last <= 57 && TOC_LINE.test(norm.slice(Math.max(start, norm.length - 16)))) return false;
  for (const { kind, re } of patternsFor(norm.charCodeAt(start))) {
    re.lastIndex = start;
    if (!re.test(norm)) continue;
    const markerEnd = re.lastIndex;
    let ordinal: number | null = null;
    let style = '';
    // The numeral sits between the marker's first and last characters, or before its last.
    if (kind === 'chapter') ordinal = parseChineseNumber(norm.slice(start + 1, markerEnd - 1));
    else if (kind === 'cn') { ordinal = parseChineseNumber(norm.slice(start, markerEnd - 1)); style = norm[markerEnd - 1]; }
    else if (kind === 'num') { ordinal = digitsValue(norm, start, markerEnd - 1); style = text[markerEnd - 1]; }
    else if (kind === 'cn-paren' || kind === 'num-paren') {
      ordinal = kind === 'num-paren' ? digitsValue(norm, start + 1, markerEnd - 1) : parseChineseNumber(norm.slice(start + 1, markerEnd - 1));
      style = bracketStyle(text.charCodeAt(start), text.charCodeAt(markerEnd - 1));
    } else if (kind === 'circled') ordinal = norm.charCodeAt(start) - 0x245f;
    if (kind !== 'bullet' && ordinal === null) continue;
    return fill(out, kind, ordinal, style, start, markerEnd, norm);
  }
  if (norm.charCodeAt(start) === 0x3001) { // 、
    DAMAGED_CN.lastIndex = start;
    if (DAMAGED_CN.test(norm)) return fill(out, 'cn', null, '、', start, start + 1, norm);
  }
  return false;
}

function fill(out: HeadingMatch, kind: HeadingKind, ordinal: number | null, style: string, markerStart: number, markerEnd: number, norm: string): true {
  out.kind = kind;
  out.ordinal = ordinal;
  out.style = style;
  out.markerStart = markerStart;
  out.markerEnd = markerEnd;
  titleBounds(norm, markerEnd, out);
  return true;
}

/** The value of the ASCII digits norm[from, to). */
function digitsValue(norm: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + norm.charCodeAt(i) - 48;
  return n;
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
  const bounds = { titleStart: 0, titleEnd: 0 };
  titleBounds(norm, from, bounds);
  return [bounds.titleStart, bounds.titleEnd];
}

/** `splitTitle` into `out`, with no array per heading. */
function titleBounds(norm: string, from: number, out: { titleStart: number; titleEnd: number }): void {
  let s = from;
  while (norm.startsWith('**', s)) s += 2;
  out.titleStart = s;
  out.titleEnd = titleEnd(norm, s);
}

function titleEnd(norm: string, s: number): number {
  // Char-code scans of the first 51 and 31 characters: no slice of the rest of the line.
  const length = norm.length - s;
  const stop = firstOf(norm, s, Math.min(norm.length, s + 51), STOP);
  if (stop >= 0) return stop;
  if (length <= 50) return s + Math.max(length, 0);
  SECTION_WORDS.lastIndex = s;
  const word = SECTION_WORDS.exec(norm);
  if (word) return s + word[0].length;
  const comma = firstOf(norm, s, s + 31, COMMA);
  if (comma >= 0) return comma;
  return s + 30;
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
