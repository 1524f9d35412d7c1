// halfwidth-punctuation: , ; : ( ) ? ! written half-width between Chinese characters.
import type { PlanModel, TextChange } from './model';
import type { Finding, FixDraft, RuleContext } from './ruleTypes';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
/** Past this many marks, and when they outnumber the full-width ones, the whole copy was converted: one finding, not hundreds. */
export const PERVASIVE_COUNT = 20;

const HAN = /\p{Script=Han}/u;
const HAS_MARK = /[,;:()?!]/;
const MARKS = /[,;:()?!]/g;
/** Han, or punctuation that only Chinese text uses (。、“”（）—…). */
function isChinese(c: string | undefined): boolean {
  return c !== undefined && (HAN.test(c) || /[\u3000-\u303f\uff01-\uff5e\u2018-\u201d\u2014\u2026]/.test(c));
}

export function punctuationRules(ctx: RuleContext): Finding[] {
  const { model, text } = ctx;
  const marks = findHalfwidth(model, text);
  if (!marks.length) return [];
  const all: TextChange[] = marks.map((at) => ({ span: { start: at, end: at + 1 }, newText: FULL[text[at]] }));
  const allFix: FixDraft = { id: 'fix.fullwidth-all', args: { count: marks.length }, changes: all };
  const fullCount = (text.match(/[，；：（）？！]/g) ?? []).length;
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
  const markers = new Set<number>();
  for (const h of model.headings) for (let i = h.markerSpan.start; i < h.markerSpan.end; i++) markers.add(i);
  const starts = model.lineStarts;
  for (let l = 0; l < starts.length; l++) {
    const start = starts[l];
    let end = l + 1 < starts.length ? starts[l + 1] : text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const line = text.slice(start, end);
    if (!HAS_MARK.test(line)) continue;
    const skip = urlRanges(line);
    // A mark converted makes its neighbour's context Chinese (计划)? → 计划）?): read the line again
    // with the found marks converted, until nothing new turns up, so one fix-all leaves no finding.
    const found = new Set<number>();
    let work = line;
    for (let pass = 0; pass < 4; pass++) {
      const more = scanLine(work, (i) => skip(i) || markers.has(start + i));
      if (!more.length) break;
      const chars = work.split(''); // UTF-16 units, as offsets are
      for (const i of more) {
        found.add(i);
        chars[i] = FULL[chars[i]];
      }
      work = chars.join('');
    }
    for (const i of [...found].sort((a, b) => a - b)) out.push(start + i);
  }
  return out;
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
