// halfwidth-punctuation: , ; : ( ) ? ! written half-width between Chinese characters.
import { HAN, isHanUnit } from './han';
import type { PlanModel, TextChange } from './model';
import { MAX_PER_RULE, silent, type Finding, type FixDraft, type RuleContext } from './ruleTypes';

/** Each half-width mark's full-width form, by character code. */
const FULL: string[] = [];
const FULL_FORMS: string[] = [];
/** 1 for the character codes of the half-width marks (all below 64). */
const IS_MARK = new Uint8Array(64);
for (const [half, full] of [[',', '，'], [';', '；'], [':', '：'], ['(', '（'], [')', '）'], ['?', '？'], ['!', '！']]) {
  FULL[half.charCodeAt(0)] = full;
  FULL_FORMS.push(full);
  IS_MARK[half.charCodeAt(0)] = 1;
}
const SPACE = 0x20;
const OPEN = 0x28;
const CLOSE = 0x29;
const RIGHT_SQUARE = 0x5d;

/** Past this many marks, and when they outnumber the full-width ones, the whole copy was converted: one finding, not hundreds. */
export const PERVASIVE_COUNT = 20;

const MARKS = /[,;:()?!]/g;
const URL = /(?:https?:\/\/|www\.)[^\s，。；、“”（）《》]+/g;

/** Han, or punctuation that only Chinese text uses (。、“”（）—…); -1 (no character) is not. */
function isChinese(k: number): boolean {
  if ((k >= 0x4e00 && k <= 0x9fff) || (k >= 0x3000 && k <= 0x303f) || (k >= 0xff01 && k <= 0xff5e) || (k >= 0x2018 && k <= 0x201d) || k === 0x2014 || k === 0x2026) return true;
  // Rarer Han (extension A, compatibility ideographs) by the Unicode property.
  return k >= 0x3400 && isHanUnit(k);
}

function isMark(k: number): boolean {
  return k < 64 && IS_MARK[k] === 1;
}

/** Spaces and the marks themselves are looked through: 计划)? is Chinese on both marks, as it will be once converted. */
function seeThrough(k: number): boolean {
  return k === SPACE || isMark(k);
}

export function punctuationRules(ctx: RuleContext): Finding[] {
  const { model, text, options } = ctx;
  if (silent(options, 'halfwidth-punctuation')) return [];
  const marks = findHalfwidth(model, text);
  if (!marks.length) return [];
  // Sized once: grown push by push, a list of a hundred thousand changes costs several times more.
  const all: TextChange[] = new Array(marks.length);
  for (let k = 0; k < marks.length; k++) all[k] = { span: { start: marks[k], end: marks[k] + 1 }, newText: FULL[text.charCodeAt(marks[k])] };
  const allFix: FixDraft = { id: 'fix.fullwidth-all', args: { count: marks.length }, changes: all };
  const fullCount = countFullMarks(text, marks.length);
  // A copy converted as a whole: the half-width marks outnumber the full-width ones twice over, or are many and the majority.
  if ((marks.length >= 5 && marks.length >= 2 * fullCount) || (marks.length >= PERVASIVE_COUNT && marks.length >= fullCount)) {
    const at = marks[0];
    return [{ rule: 'halfwidth-punctuation', id: 'halfwidth-punctuation.pervasive', span: { start: at, end: at + 1 }, args: { count: marks.length, mark: text[at] }, fixes: [allFix] }];
  }
  // checkPlan keeps the first MAX_PER_RULE findings of a rule: the rest are not built.
  const out: Finding[] = [];
  for (let k = 0; k < marks.length && k < MAX_PER_RULE; k++) {
    const at = marks[k];
    const mark = text[at];
    const full = FULL[text.charCodeAt(at)];
    const fixes: FixDraft[] = [{ id: 'fix.fullwidth', args: { full }, changes: [all[k]] }];
    if (marks.length > 1) fixes.push(allFix);
    out.push({ rule: 'halfwidth-punctuation', id: 'halfwidth-punctuation', span: { start: at, end: at + 1 }, args: { mark, full }, fixes });
  }
  return out;
}

/**
 * The full-width marks in the text, counted only as far as the decision on pervasiveness needs:
 * past `limit` it is settled. One search per mark, not a pattern: a rare character is found fast.
 */
function countFullMarks(text: string, limit: number): number {
  let n = 0;
  for (const mark of FULL_FORMS) {
    for (let i = text.indexOf(mark); i >= 0 && n <= limit; i = text.indexOf(mark, i + 1)) n++;
  }
  return n;
}

/** A line as its marks are read: what they are not read in (URLs, the heading marker), and what the reading saw. */
interface LineState {
  /** Start and end offsets of the text's URLs, flat. */
  urls: number[];
  markerStart: number;
  markerEnd: number;
  /** Some run of marks and spaces holds two marks or more: only then can converting one change another. */
  crowded: boolean;
}

/**
 * Offsets of half-width marks in Chinese text: , ; : ? ! with Chinese on both sides (or at a line's
 * end after Chinese, for : ; ? !), and ( ) around Chinese words. Not in URLs, not in numbers
 * (1:1000, 3,000), not around English ((WTO/TBT)), not in heading markers (heading-style reports
 * those), not Markdown links.
 */
export function findHalfwidth(model: PlanModel, text: string): number[] {
  const out: number[] = [];
  const starts = model.lineStarts;
  const headings = model.headings;
  const line: LineState = { urls: urlRanges(text), markerStart: -1, markerEnd: -1, crowded: false };
  let h = 0;
  let l = 0;
  // One scan of the whole text for marks; only the lines holding one are read, each from its first mark.
  let at = nextMark(text, 0);
  while (at >= 0) {
    while (l + 1 < starts.length && starts[l + 1] <= at) l++;
    const start = starts[l];
    let end = l + 1 < starts.length ? starts[l + 1] : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    while (h < headings.length && headings[h].line < l) h++;
    const marker = h < headings.length && headings[h].line === l ? headings[h].markerSpan : undefined;
    line.markerStart = marker ? marker.start : -1;
    line.markerEnd = marker ? marker.end : -1;
    line.crowded = false;
    // The line's marks go straight to the end of the list: out[from…].
    const from = out.length;
    at = scanLine(text, start, end, at, 0, line, out);
    if (out.length === from) continue;
    sortOffsets(out, from);
    if (line.crowded && touchesOtherMark(text, start, end, out, from)) {
      // A mark converted makes its neighbour's context Chinese (计划)? → 计划）?): read the line again
      // with the found marks converted, until nothing new turns up, so one fix-all leaves no finding.
      let work = convertMarks(text.slice(start, end), start, out, from);
      for (let pass = 1; pass < 4; pass++) {
        const known = out.length;
        scanLine(work, 0, work.length, 0, start, line, out);
        if (out.length === known) break;
        work = convertMarks(work, start, out, known);
      }
      sortOffsets(out, from);
    }
  }
  return out;
}

/**
 * Pushes onto `found` the text offsets (index + base) of the convertible marks of s[from, to), read
 * from `first` on (no mark stands before it); returns the offset in s of the first mark at or past
 * `to`, or -1. The visible neighbours of a run of marks and spaces are found once for the run.
 */
function scanLine(s: string, from: number, to: number, first: number, base: number, line: LineState, found: number[]): number {
  let open: number[] | undefined;
  // The characters around the current run of marks and spaces: the last before it, the index of the first after it.
  let prev = -1;
  let nextAt = -1;
  let i = nextMark(s, first);
  for (; i >= 0 && i < to; i = nextMark(s, i + 1)) {
    if (i > nextAt) {
      prev = visibleBefore(s, i, from);
      nextAt = visibleAfter(s, i, to);
    } else {
      line.crowded = true;
    }
    if (skipped(line, i + base)) continue;
    const c = s.charCodeAt(i);
    if (c === OPEN) {
      if (i > from && s.charCodeAt(i - 1) === RIGHT_SQUARE) continue; // Markdown link
      (open ??= []).push(i);
      continue;
    }
    if (c === CLOSE) {
      const o = open?.pop();
      if (o === undefined) {
        if (isChinese(prev)) found.push(i + base);
      } else if (chineseInside(s, o + 1, i)) {
        found.push(o + base, i + base);
      }
      continue;
    }
    const next = nextAt < to ? s.charCodeAt(nextAt) : -1;
    if (isChinese(prev) && (isChinese(next) || next === -1)) found.push(i + base);
  }
  nextAt = -1;
  for (const o of open ?? []) {
    if (o > nextAt) nextAt = visibleAfter(s, o, to);
    if (nextAt < to && isChinese(s.charCodeAt(nextAt))) found.push(o + base);
  }
  return i;
}

/** The offset of the first half-width mark in s at or after `from`, or -1. */
function nextMark(s: string, from: number): number {
  MARKS.lastIndex = from;
  return MARKS.test(s) ? MARKS.lastIndex - 1 : -1;
}

/** The last character before i that is neither a mark nor a space, or -1. */
function visibleBefore(s: string, i: number, from: number): number {
  let k = i - 1;
  while (k >= from && seeThrough(s.charCodeAt(k))) k--;
  return k >= from ? s.charCodeAt(k) : -1;
}

/** Index of the first character after i that is neither a mark nor a space, or `to`. */
function visibleAfter(s: string, i: number, to: number): number {
  let k = i + 1;
  while (k < to && seeThrough(s.charCodeAt(k))) k++;
  return k;
}

function skipped(line: LineState, at: number): boolean {
  return (at >= line.markerStart && at < line.markerEnd) || (line.urls.length > 0 && inRanges(line.urls, at));
}

/** Chinese inside brackets, and no English word: (市质监局牵头) yes, (WTO/TBT-SPS) and (1) no. */
function chineseInside(s: string, from: number, to: number): boolean {
  let han = false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (isLetter(c)) {
      if (k + 1 < to && isLetter(s.charCodeAt(k + 1))) return false;
    } else if (!han) {
      // A surrogate pair is one character, as the Unicode property reads it (𠮷 is Han).
      const pair = c >= 0xd800 && c <= 0xdbff && k + 1 < to && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00;
      han = pair ? HAN.test(s.slice(k, k + 2)) : isHanUnit(c);
    }
  }
  return han;
}

function isLetter(k: number): boolean {
  return (k >= 0x41 && k <= 0x5a) || (k >= 0x61 && k <= 0x7a);
}

/** Sorts a line's offsets, a[from…]: they come out of order only around brackets. */
function sortOffsets(a: number[], from: number): void {
  for (let i = from + 1; i < a.length; i++) {
    if (a[i] < a[i - 1]) {
      const sorted = a.slice(from).sort((x, y) => x - y);
      for (let k = 0; k < sorted.length; k++) a[from + k] = sorted[k];
      return;
    }
  }
}

/**
 * Whether a found mark is seen through (spaces and marks) from a half-width mark not found: only
 * then can converting the found ones change another mark's reading, and the line be read again.
 * The line's found marks, found[first…], are sorted: each run of marks and spaces is read once.
 */
function touchesOtherMark(text: string, from: number, to: number, found: number[], first: number): boolean {
  let f = first;
  while (f < found.length) {
    let runStart = found[f];
    while (runStart > from && seeThrough(text.charCodeAt(runStart - 1))) runStart--;
    const runEnd = visibleAfter(text, found[f], to);
    let marks = 0;
    for (let k = runStart; k < runEnd; k++) if (text.charCodeAt(k) !== SPACE) marks++;
    let foundInRun = 0;
    while (f < found.length && found[f] < runEnd) {
      f++;
      foundInRun++;
    }
    if (marks > foundInRun) return true;
  }
  return false;
}

/** The line (starting at text offset `base`) with the marks at found[from…] in full width. */
function convertMarks(line: string, base: number, found: number[], from: number): string {
  const at = found.slice(from).map((o) => o - base).sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const i of at) {
    out += line.slice(last, i) + FULL[line.charCodeAt(i)];
    last = i + 1;
  }
  return out + line.slice(last);
}

/** Start and end offsets of the URLs in the text, flat; a URL never spans a line. */
function urlRanges(text: string): number[] {
  const ranges: number[] = [];
  if (!text.includes('://') && !text.includes('www.')) return ranges;
  for (const m of text.matchAll(URL)) ranges.push(m.index, m.index + m[0].length);
  return ranges;
}

/** Whether an offset is inside one of the ranges (sorted, flat), by binary search. */
function inRanges(ranges: number[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[2 * mid + 1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length / 2 && ranges[2 * lo] <= at;
}
