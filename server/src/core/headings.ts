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
const MAY_START_HEADING = new Set([...'第一二三四五六七八九十百〇零（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳—-•·●◆◇▪■□*#>、'].map((c) => c.charCodeAt(0)));
const MARKDOWN_PREFIX = /^(?:#{1,6}|>)+(?:\*\*)?|^\*\*/;
const CHAPTER = { kind: 'chapter' as const, re: new RegExp(`^第(${CN}{1,4}|\\d{1,3})章`) };
const CN_MARK = { kind: 'cn' as const, re: new RegExp(`^(${CN}{1,3})([、．.，,])`) };
const CN_PAREN = { kind: 'cn-paren' as const, re: new RegExp(`^([（(])(${CN}{1,3})([）)])`) };
const NUM_PAREN = { kind: 'num-paren' as const, re: /^([（(])(\d{1,2})([）)])/ };
const NUM = { kind: 'num' as const, re: /^(\d{1,2})([.、])(?![\d.])/ };
const CIRCLED = { kind: 'circled' as const, re: /^([①-⑳])/ };
const BULLET = { kind: 'bullet' as const, re: /^(——|--|—|•|·|●|◆|◇|▪|■|□|-|\*(?!\*))/ };
type Pattern = { kind: HeadingKind; re: RegExp };
/** The patterns worth trying for a line's first character, in order. */
function patternsFor(first: string): Pattern[] {
  if (first === '第') return [CHAPTER];
  if (first === '（' || first === '(') return [CN_PAREN, NUM_PAREN];
  if (first >= '0' && first <= '9') return [NUM];
  if (first >= '①' && first <= '⑳') return [CIRCLED];
  if ('一二三四五六七八九十百〇零'.includes(first)) return [CN_MARK];
  return [BULLET];
}
// 、总体要求: a first-level heading whose numeral was lost.
const DAMAGED_CN = /^、(?=[^、\d])/;
// Known section words, for a title that runs on into its body with no separator.
const SECTION_WORDS = /^(指导思想|基本原则|总体要求|总体思路|主要目标|发展目标|总体目标|工作目标|重点任务|主要任务|工作任务|保障措施|组织领导|工作要求|实施步骤|发展基础|机遇挑战)/;
// Tables of contents: dot leaders followed by a page number.
const TOC_LINE = /(?:…{1,}|\.{3,}|·{3,}|-{4,}|_{4,})\d{1,3}$/;

/**
 * Matches a heading marker at the start of a cleaned line. `norm` is matched, `text`
 * supplies what is shown. Returns null for body text and look-alikes (一是, TOC rows).
 */
export function matchHeading(text: string, norm: string): HeadingMatch | null {
  if (!MAY_START_HEADING.has(norm.charCodeAt(0))) return null;
  let start = 0;
  const md = MARKDOWN_PREFIX.exec(norm);
  if (md) start = md[0].length;
  const rest = start ? norm.slice(start) : norm;
  const last = rest.charCodeAt(rest.length - 1);
  if (last >= 48 && last <= 57 && TOC_LINE.test(rest.slice(-16))) return null;
  for (const { kind, re } of patternsFor(rest[0] ?? '')) {
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
      style = bracketWidth(marker[0]) + bracketWidth(marker[marker.length - 1]);
    } else if (kind === 'circled') ordinal = m[1].charCodeAt(0) - 0x245f;
    if (kind !== 'bullet' && ordinal === null) continue;
    const [titleStart, titleEnd] = splitTitle(norm, markerEnd);
    return {
      kind, ordinal, marker, style, markerStart: start, markerEnd, titleStart, titleEnd,
      title: tidyTitle(text.slice(titleStart, titleEnd)),
    };
  }
  if (DAMAGED_CN.test(rest)) {
    const [titleStart, titleEnd] = splitTitle(norm, start + 1);
    return {
      kind: 'cn', ordinal: null, marker: '、', style: '、', markerStart: start, markerEnd: start + 1,
      titleStart, titleEnd, title: tidyTitle(text.slice(titleStart, titleEnd)),
    };
  }
  return null;
}

function bracketWidth(ch: string): string {
  return ch === '(' || ch === ')' ? 'half' : 'full';
}

/**
 * Where the title ends when title and body share a line: the first 。 ： ！ ？ within 50
 * characters; else a known section word; else the first comma within 30; else 30 characters.
 */
export function splitTitle(norm: string, from: number): [number, number] {
  let s = from;
  while (norm.startsWith('**', s)) s += 2;
  const rest = norm.slice(s);
  const stop = /[。：:！？!?]|\*\*/.exec(rest);
  if (stop && stop.index <= 50) return [s, s + stop.index];
  if (rest.length <= 50 && !stop) return [s, s + rest.length];
  const word = SECTION_WORDS.exec(rest);
  if (word) return [s, s + word[0].length];
  const comma = /[，,；;]/.exec(rest);
  if (comma && comma.index <= 30) return [s, s + comma.index];
  return [s, s + Math.min(rest.length, 30)];
}

/** A title without Markdown bold and without the 。：；， that closes it. */
export function tidyTitle(title: string): string {
  return title.replace(/\*\*/g, '').replace(/[。：:；;，,、]+$/, '');
}
