// halfwidth-punctuation: , ; : ( ) ? ! written half-width between Chinese characters.
import type { PlanModel, TextChange } from './model';
import type { Finding, FixDraft, RuleContext } from './ruleTypes';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
/** Past this many marks, and when they outnumber the full-width ones, the whole copy was converted: one finding, not hundreds. */
export const PERVASIVE_COUNT = 20;

const HAN = /\p{Script=Han}/u;
const ANY_MARK = /[,;:()?!]/g;
const FULL_MARKS = /[，；：（）？！]/g;
const MARKS = /[,;:()?!]/g;
/** Han, or punctuation that only Chinese text uses (。、“”（）—…). */
function isChinese(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if ((k >= 0x4e00 && k <= 0x9fff) || (k >= 0x3000 && k <= 0x303f) || (k >= 0xff01 && k <= 0xff5e) || (k >= 0x2018 && k <= 0x201d) || k === 0x2014 || k === 0x2026) return true;
  // Rarer Han (extension A, compatibility ideographs) by the Unicode property; a lone surrogate never matches.
  return k >= 0x3400 && HAN.test(c);
}

export function punctuationRules(ctx: RuleContext): Finding[] {
  const { model, text } = ctx;
  const marks = findHalfwidth(model, text);
  if (!marks.length) return [];
  const all: TextChange[] = marks.map((at) => ({ span: { start: at, end: at + 1 }, newText: FULL[text[at]] }));
  const allFix: FixDraft = { id: 'fix.fullwidth-all', args: { count: marks.length }, changes: all };
  let fullCount = 0;
  FULL_MARKS.lastIndex = 0;
  while (FULL_MARKS.exec(text)) fullCount++;
  // A copy converted as a whole: the half-width marks outnumber the full-width ones twice over, or are many and the majority.
  if ((marks.length >= 5 && marks.length >= 2 * fullCount) || (marks.length >= PERVASIVE_COUNT && marks.length >= fullCount)) {
    const at = marks[0];
    return [{ rule: 'halfwidth-punctuation', id: 'halfwidth-punctuation.pervasive', span: { start: at, end: at + 1 }, args: { count: marks.length, mark: text[at] }, fixes: [allFix] }];
  }
  return marks.map((at, k) => {
    const mark = text[at];
    const fixes: FixDraft[] = [{ id: 'fix.fullwidth', args: { full: FULL[mark] }, changes: [all[k]] }];
    if (marks.length > 1) fixes.push(allFix);
    return { rule: 'halfwidth-punctuation', id: 'halfwidth-punctuation', span: { start: at, end: at + 1 }, args: { mark, full: FULL[mark] }, fixes };
  });
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
  let h = 0;
  let l = 0;
  // One scan of the whole text for marks; only the lines holding one are read closer.
  ANY_MARK.lastIndex = 0;
  for (let m = ANY_MARK.exec(text); m; m = ANY_MARK.exec(text)) {
    while (l + 1 < starts.length && starts[l + 1] <= m.index) l++;
    const start = starts[l];
    let end = l + 1 < starts.length ? starts[l + 1] : text.length;
    ANY_MARK.lastIndex = end;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    while (h < headings.length && headings[h].line < l) h++;
    const marker = h < headings.length && headings[h].line === l ? headings[h].markerSpan : undefined;
    const line = text.slice(start, end);
    const inUrl = urlRanges(line);
    const skip = (i: number) => inUrl(i) || (marker !== undefined && start + i >= marker.start && start + i < marker.end);
    // A mark converted makes its neighbour's context Chinese (计划)? → 计划）?): read the line again
    // with the found marks converted, until nothing new turns up, so one fix-all leaves no finding.
    const found = scanLine(line, skip);
    if (!found.length) continue;
    if (!touchesOtherMark(line, found)) {
      // Converting can only change how a neighbouring unconverted mark reads: none here.
      found.sort((a, b) => a - b);
      for (const i of found) out.push(start + i);
      continue;
    }
    let work = convertMarks(line, found);
    for (let pass = 1; pass < 4; pass++) {
      const more = scanLine(work, skip);
      if (!more.length) break;
      found.push(...more);
      work = convertMarks(work, more);
    }
    found.sort((a, b) => a - b);
    for (const i of found) out.push(start + i);
  }
  return out;
}

/**
 * Whether a found mark is seen through (spaces and marks) from a half-width mark not found: only
 * then can converting the found ones change another mark's reading, and the line be read again.
 */
function touchesOtherMark(line: string, found: number[]): boolean {
  for (const i of found) {
    for (let k = i - 1; k >= 0 && SEE_THROUGH.includes(line[k]); k--) if (line[k] !== ' ' && !found.includes(k)) return true;
    for (let k = i + 1; k < line.length && SEE_THROUGH.includes(line[k]); k++) if (line[k] !== ' ' && !found.includes(k)) return true;
  }
  return false;
}

/** The line with the marks at `at` (UTF-16 offsets) in full width. */
function convertMarks(line: string, at: number[]): string {
  const sorted = at.length > 1 ? [...at].sort((a, b) => a - b) : at;
  let out = '';
  let from = 0;
  for (const i of sorted) {
    out += line.slice(from, i) + FULL[line[i]];
    from = i + 1;
  }
  return out + line.slice(from);
}

/** Offsets of convertible marks in one line; `skip` excludes URLs and heading markers. */
function scanLine(line: string, skip: (i: number) => boolean): number[] {
  const found: number[] = [];
  const open: number[] = [];
  MARKS.lastIndex = 0;
  for (let mm = MARKS.exec(line); mm; mm = MARKS.exec(line)) {
    const i = mm.index;
    const c = mm[0];
    if (skip(i)) continue;
    if (c === '(') {
      if (line[i - 1] === ']') continue; // Markdown link
      open.push(i);
      continue;
    }
    if (c === ')') {
      const o = open.pop();
      if (o === undefined) {
        if (isChinese(prevVisible(line, i))) found.push(i);
      } else if (chineseInside(line.slice(o + 1, i))) {
        found.push(o, i);
      }
      continue;
    }
    const prev = prevVisible(line, i);
    const next = nextVisible(line, i);
    if (isChinese(prev) && (isChinese(next) || next === undefined)) found.push(i);
  }
  for (const o of open) if (isChinese(nextVisible(line, o))) found.push(o);
  return found;
}

/** Chinese inside brackets, and no English word: (市质监局牵头) yes, (WTO/TBT-SPS) and (1) no. */
function chineseInside(s: string): boolean {
  return HAN.test(s) && !/[A-Za-z]{2,}/.test(s);
}

/** Spaces and the marks themselves are looked through: 计划)? is Chinese on both marks, as it will be once converted. */
const SEE_THROUGH = ' ,;:()?!';

function prevVisible(line: string, i: number): string | undefined {
  let k = i - 1;
  while (k >= 0 && SEE_THROUGH.includes(line[k])) k--;
  return k >= 0 ? line[k] : undefined;
}

function nextVisible(line: string, i: number): string | undefined {
  let k = i + 1;
  while (k < line.length && SEE_THROUGH.includes(line[k])) k++;
  return k < line.length ? line[k] : undefined;
}

/** Positions inside URLs on a line. */
function urlRanges(line: string): (i: number) => boolean {
  if (!line.includes('://') && !line.includes('www.')) return () => false;
  const ranges: [number, number][] = [];
  for (const m of line.matchAll(/(?:https?:\/\/|www\.)[^\s，。；、“”（）《》]+/g)) ranges.push([m.index, m.index + m[0].length]);
  return (i) => ranges.some(([a, b]) => i >= a && i < b);
}
