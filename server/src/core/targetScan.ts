// The one scan of a line for targets: which comma-separated segments may hold one, with
// titles, document numbers and bracketed year spans masked so their digits count for nothing.

import { codeAt, isDigit } from './charCodes';

/** What `scanLine` found; one object, reused from line to line. */
export interface LineScan {
  /**
   * The segments that may hold a target or a year, SEGMENT_SIZE numbers each, `count` of them:
   * start and end in line indexes, 1 when a sentence ended since the segment before, the index
   * of its first digit or -1, which of DIGIT FIVE ZERO QUAN YU it holds (bits), and the masks
   * that may fall in it (see `segmentText`). The array is reused, never shortened: entries
   * past `count` are stale.
   */
  segments: number[];
  count: number;
}

const scan: LineScan = { segments: [], count: 0 };
/** The ranges masked on the line under way, (start, end) pairs, `maskCount` of them (reused as `segments` is). */
const masks: number[] = [];
let maskCount = 0;

/**
 * Scans `norm` from `from`: 。！？ end a sentence (and its year), ，；： end a segment; only
 * segments with a digit or a year/keyword character are kept (see CLASS). A mask may start
 * before `from`. The characters are read from `src` at `shift` + i, the line's own place in the
 * document when `norm` is a plain slice of it: a flat string reads quicker than a slice.
 */
export function scanLine(norm: string, from: number, src = norm, shift = 0): LineScan {
  let count = 0;
  maskCount = 0;
  const n = norm.length;
  let i = 0;
  for (; i < from; i++) if (CLASS[src.charCodeAt(shift + i)] === OPENER) i = maskFrom(norm, i);
  // Masks never hold a segment's end: only one found before `from` may reach into its segment.
  let segMasks = Math.max(0, maskCount - 1);
  let segStart = from;
  let segMatters = false;
  let newSentence = 0;
  let firstDigit = -1;
  let holds = 0;
  // Most characters are class 0: one comparison each.
  for (; i < n; i++) {
    const k = CLASS[src.charCodeAt(shift + i)];
    if (k === 0) continue;
    if (k >= DIGIT) {
      if (!segMatters && matters(norm, i, k)) segMatters = true;
      if (k === DIGIT && firstDigit < 0) firstDigit = i;
      holds |= k;
      continue;
    }
    if (k === OPENER) {
      i = maskFrom(norm, i);
      continue;
    }
    if (segMatters && i > segStart) {
      keep(count++, segStart, i, newSentence, firstDigit, holds, segMasks);
      newSentence = 0;
    }
    if (k === SENTENCE) newSentence = 1;
    segStart = i + 1;
    segMatters = false;
    firstDigit = -1;
    holds = 0;
    segMasks = maskCount;
  }
  if (segMatters && n > segStart) keep(count++, segStart, n, newSentence, firstDigit, holds, segMasks);
  scan.count = count;
  return scan;
}

export const SEGMENT_SIZE = 7;

/** Stores segment k (see LineScan.segments); its masks are those from `fromMask` to the last found. */
function keep(k: number, start: number, end: number, newSentence: number, firstDigit: number, holds: number, fromMask: number): void {
  const at = k * SEGMENT_SIZE;
  scan.segments[at] = start;
  scan.segments[at + 1] = end;
  scan.segments[at + 2] = newSentence;
  scan.segments[at + 3] = firstDigit;
  scan.segments[at + 4] = holds;
  scan.segments[at + 5] = fromMask;
  scan.segments[at + 6] = maskCount;
}

/**
 * The text of the segment at `at` in `segments`, with the titles, document numbers and year
 * brackets masked in it blanked out (□), as long as the segment. Only the masks found while
 * the segment was scanned are looked at, so a line with many is still read in linear time.
 */
export function segmentText(norm: string, at: number): string {
  const a = scan.segments[at];
  const b = scan.segments[at + 1];
  let out = '';
  let p = a;
  for (let m = scan.segments[at + 5] * 2; m < scan.segments[at + 6] * 2; m += 2) {
    const start = Math.max(masks[m], a);
    const end = Math.min(masks[m + 1], b);
    if (start >= end) continue;
    out += norm.slice(p, start) + '□'.repeat(end - start);
    p = end;
  }
  return p === a ? norm.slice(a, b) : out + norm.slice(p, b);
}

/** Whether a 全 or 于 at or after `from` matters (全覆, 低于 高于 快于 好于): native searches, for lines without a figure. */
export function mayHoldRelative(norm: string, from: number): boolean {
  if (norm.indexOf('全覆', from) >= 0) return true;
  for (let j = norm.indexOf('于', from); j >= 0; j = norm.indexOf('于', j + 1)) if (matters(norm, j, YU)) return true;
  return false;
}

// One table for the scan. SEGMENT/SENTENCE end a segment; OPENER may start a mask; the rest, one
// bit each, say what a segment needs to hold a target or a year: a digit (2025年 too), 五 (十四五),
// 零 (为零), 全覆盖, or 于 after 低/高/快/好 (不低于…平均水平). 全 and 于 alone are too common
// (安全, 关于) to make a segment matter, but the bits tell the reader they are there.
const SEGMENT = 1;
const SENTENCE = 2;
const OPENER = 3;
/** Classes from DIGIT up may matter; the scan tests `k >= DIGIT` before anything else. */
export const DIGIT = 8;
export const FIVE = 16;
export const ZERO = 32;
export const QUAN = 64;
export const YU = 128;
const CLASS = new Uint8Array(0x10000);
for (const ch of '，,；;：:') CLASS[ch.charCodeAt(0)] = SEGMENT;
for (const ch of '。！？!?') CLASS[ch.charCodeAt(0)] = SENTENCE;
for (const ch of '《〔[［(（') CLASS[ch.charCodeAt(0)] = OPENER;
for (const ch of '0123456789') CLASS[ch.charCodeAt(0)] = DIGIT;
CLASS['五'.charCodeAt(0)] = FIVE;
CLASS['零'.charCodeAt(0)] = ZERO;
CLASS['全'.charCodeAt(0)] = QUAN;
CLASS['于'.charCodeAt(0)] = YU;

// Masked ranges end in 》 号 ） ), never in 低 高 快 好, and start with an opener, never 覆: what
// `matters` reads next to a character is the same in the masked line.
function matters(s: string, i: number, k: number): boolean {
  if (k <= ZERO) return true;
  if (k === QUAN) return codeAt(s, i + 1) === 0x8986; // 覆
  if (k !== YU) return false;
  const c = codeAt(s, i - 1);
  return c === 0x4f4e || c === 0x9ad8 || c === 0x5feb || c === 0x597d; // 低 高 快 好
}

/** Masks the range opening at i, if any; returns the index the scan goes on from. */
function maskFrom(norm: string, i: number): number {
  const end = maskEnd(norm, i);
  if (end < 0) return i;
  masks[maskCount * 2] = i;
  masks[maskCount * 2 + 1] = end;
  maskCount++;
  return end - 1;
}

/**
 * The end of the masked range opening at i, or -1: what the regex
 * /《[^《》]*》|[〔\[［]\d{0,4}[〕\]］]\d*号|[（(][^（）()\d]*\d{4}[^（）()]*[）)]/ matches there (a
 * 《title》, a document number 〔2016〕63号, a bracket with a year span (2023—2025年)). No
 * part of it backtracks, so each is one forward scan; a failed one stops at the next bracket.
 */
function maskEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const n = s.length;
  let j = i + 1;
  if (c === 0x300a) { // 《
    for (; j < n; j++) {
      const d = s.charCodeAt(j);
      if (d === 0x300b) return j + 1; // 》
      if (d === 0x300a) return -1;
    }
    return -1;
  }
  if (c === 0x3014 || c === 0x5b || c === 0xff3b) { // 〔 [ ［
    while (j < n && j - i <= 4 && isDigit(s.charCodeAt(j))) j++;
    const d = codeAt(s, j);
    if (d !== 0x3015 && d !== 0x5d && d !== 0xff3d) return -1; // 〕 ] ］
    j++;
    while (isDigit(codeAt(s, j))) j++;
    return codeAt(s, j) === 0x53f7 ? j + 1 : -1; // 号
  }
  // （ or (: no digit before a run of at least four, then anything up to the closing bracket.
  while (j < n && !isParen(s.charCodeAt(j)) && !isDigit(s.charCodeAt(j))) j++;
  if (j + 4 > n || !(isDigit(s.charCodeAt(j)) && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) && isDigit(s.charCodeAt(j + 3)))) return -1;
  for (j += 4; j < n && !isParen(s.charCodeAt(j)); j++);
  const d = codeAt(s, j);
  return d === 0xff09 || d === 0x29 ? j + 1 : -1; // ） )
}

/** （ ） ( ) */
function isParen(c: number): boolean {
  return c === 0xff08 || c === 0xff09 || c === 0x28 || c === 0x29;
}
