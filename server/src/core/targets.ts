// Quantitative targets in a line: metric + verb + value + unit + comparator, with the year in scope.
import type { Comparator } from './model';
import { codeAt } from './charCodes';
import { prefixMatcher } from './prefix';
import { combine, suffixFlags } from './suffix';
import { baseYearIn, segmentYear, yearIn } from './targetYear';
import { FIVE, mayHoldRelative, QUAN, scanLine, SEGMENT_SIZE, segmentText, YU, ZERO } from './targetScan';
import { isBareValue, isCountUnitAt, isNotAUnitAt, isYear, multiplier, nextNumber, num, numberValue, tailAt, unitEnd, unitText } from './targetValue';
import { chooseMetric, isJoiner, postNoun, stripLeadingWords, tidyBefore, tidyMetric } from './targetMetric';

/** A target as found on one cleaned line, in `text` indexes. */
export interface TargetMatch {
  start: number;
  end: number;
  metric: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  comparator: Comparator;
  /** A year stated in the same sentence, if any. */
  year: number | null;
  /** -1 for 较上年: the year before the target's year, once that is known. */
  baseYear: number | null;
}

/** What `findTargets` found; one object, reused from line to line. */
export interface LineTargets {
  /** The targets, `count` of them: the objects are reused too, entries past `count` are stale. */
  targets: TargetMatch[];
  count: number;
  /** A year phrase opening the line (到2025年，…), which governs what follows under the heading. */
  leadingYear: number | null;
}

const found: LineTargets = { targets: [], count: 0, leadingYear: null };

/** The next match object of the line under way, counted in: its fields are all set by the caller. */
function nextMatch(): TargetMatch {
  if (found.count === found.targets.length) {
    found.targets.push({ start: 0, end: 0, metric: '', value: null, valueMax: null, unit: '', comparator: '=', year: null, baseYear: null });
  }
  return found.targets[found.count++];
}

// What the words right before a value say, from one look-up: a bare number (no unit, no 以上)
// is a target only after a LEVEL word (达到92); the others decide the comparator.
const LEVEL = 1;
const DOWN = 2;
const UP = 4;
const AT_LEAST = 8;
const AT_MOST = 16;
const ABOVE = 32;
const KEEP = 64;
const wordsBefore = suffixFlags([
  '稳定保持在|保持在|稳定在|提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|控制在|不低于|不少于|不高于|不超过|小于|大于|达到|低于|高于|超过|降至|降到|保持|均在|均为|达|为|超|≥|≤|>|<|＞|＜'.split('|'),
  combine(['下降', '降低', '减少', '削减'], ['', '比例', '幅度'], ['', '达到', '达']),
  combine(['增长', '提高', '提升', '增加', '上升'], ['', '比例', '幅度'], ['', '达到', '达']),
  ['不低于', '不少于'],
  ['控制在', '不超过', '不高于', '低于', '小于', '降至', '降到', '降低到', '降低至', '下降到', '下降至', '≤', '<', '＜'],
  ['超过', '高于', '大于', '超', '≥', '>', '＞'],
  ['保持', '保持在', '稳定在', '均为', '为'],
]);

/**
 * Reads the targets on one line of a goal, task or safeguard section. Dates, document
 * numbers, ordinals, titles in 《》 and codes such as 5S, PM2.5 or 96366 are never targets.
 * `src` and `shift` say where the scan reads `norm`'s characters (see `scanLine`).
 */
export function findTargets(text: string, norm: string, from: number, mayHoldFigure = true, src = norm, shift = 0): LineTargets {
  // `mayHoldFigure`, from the line scan: whether the line may hold a digit, 五 or 零. Without
  // one, only 全覆 or 低于/高于/快于/好于 can matter: native searches say whether any does.
  found.count = 0;
  found.leadingYear = null;
  if (!mayHoldFigure && !mayHoldRelative(norm, from)) return found;
  const { segments, count } = scanLine(norm, from, src, shift);
  let sentenceYear: number | null = null;
  for (let s = 0; s < count * SEGMENT_SIZE; s += SEGMENT_SIZE) {
    const a = segments[s];
    if (segments[s + 2] === 1) sentenceYear = null;
    const seg = segmentText(norm, s);
    const firstDigit = segments[s + 3];
    const holds = segments[s + 4];
    if (yearIn(seg, firstDigit >= 0, (holds & FIVE) !== 0)) {
      sentenceYear = segmentYear.year;
      if (a === from && segmentYear.at === 0 && found.count === 0) found.leadingYear = segmentYear.year;
    }
    const before = found.count;
    // The segment is the text's own characters when nothing is folded or masked in it.
    const own = text === norm && segments[s + 5] === segments[s + 6];
    if (firstDigit >= 0) readSegment(text, seg, own, a, firstDigit - a, sentenceYear);
    // No number read: a figure relative to another (低于…水平), 为零 or 全覆盖 may still be there.
    if (found.count === before && holds & (ZERO | QUAN | YU) && RELATIVE_WORD.test(seg)) readRelative(text, seg, a, sentenceYear);
  }
  return found;
}

/**
 * Reads the number targets of one segment `seg`, which starts at `a` in the line and has no
 * digit before `firstDigit`; `own` says it reads as `text` does there.
 */
function readSegment(text: string, seg: string, own: boolean, a: number, firstDigit: number, year: number | null): void {
  if (isBareValue(seg)) return;
  const baseYear = baseYearIn(seg);
  const first = found.count;
  let prevEnd = 0;
  for (let from = firstDigit; nextNumber(seg, from); ) {
    const numberAt = num.start;
    // What follows the number is read in place, without slicing.
    const at = num.end;
    from = at;
    if (isNotAUnitAt(seg, at)) continue;
    let value = numberValue(seg, numberAt, num.firstEnd);
    let valueMax = num.secondStart >= 0 ? numberValue(seg, num.secondStart, at) : null;
    let i = at;
    const k = multiplier(codeAt(seg, at));
    let mult = false;
    if (k !== 0 && (isCountUnitAt(seg, at + 1) || unitEnd(seg, at) < 0)) {
      mult = true;
      value *= k;
      if (valueMax !== null) valueMax *= k;
      i++;
    }
    const unitTo = unitEnd(seg, i);
    const unit = unitTo >= 0 ? unitText(text, a + i, a + unitTo) : '';
    if (unitTo >= 0) i = unitTo;
    const tail = tailAt(seg, i);
    i += tail.length;
    const before = wordsBefore(seg, prevEnd, numberAt);
    if (unitTo < 0 && !tail && !mult && !(before & LEVEL)) continue;
    if (unitTo < 0 && isYear(seg, numberAt, num.firstEnd)) continue;
    const valueEnd = i;
    const pre = seg.slice(prevEnd, numberAt);
    const post = postNoun(seg, valueEnd);
    let metric = chooseMetric(pre, post);
    let end = valueEnd;
    if (metric === post && post) end = valueEnd + post.length;
    if (!metric && found.count > first) metric = found.targets[found.count - 1].metric;
    const metricAt = metric ? seg.indexOf(metric, metric === post ? valueEnd : prevEnd) : -1;
    const m = nextMatch();
    m.start = a + trimStart(seg, prevEnd, numberAt);
    m.end = a + end;
    // The metric as the text writes it: the words found in `seg` are the text's own when `own`.
    m.metric = metricAt >= 0 ? tidyMetric(own ? metric : text.slice(a + metricAt, a + metricAt + metric.length)) : metric;
    m.value = value;
    m.valueMax = valueMax;
    m.unit = unit;
    m.comparator = comparatorOf(before, tail, valueMax !== null);
    m.year = year;
    m.baseYear = baseYear;
    prevEnd = end;
  }
  if (found.count - first > 1) pairRespectively(seg, first);
}

const RELATIVE_WORD = /于|全覆盖|零/;

/** The comparator, from the words before the value (`wordsBefore` flags) and its tail. */
function comparatorOf(before: number, tail: string, range: boolean): Comparator {
  if (before & DOWN) return 'down';
  if (before & UP) return 'up';
  if (tail === '左右') return '~';
  if (before & AT_LEAST) return '>=';
  if (tail === '以下' || tail === '及以下' || tail === '以内' || tail === '之内' || before & AT_MOST) return '<=';
  if (tail === '以上' || tail === '及以上' || tail === '多' || before & ABOVE) return '>=';
  if (range || before & KEEP) return '=';
  return '>=';
}

/** 不低于GDP增长幅度, 低于全国平均水平: a target relative to another figure, with no number. */
const RELATIVE = /(不低于|不高于|低于|高于|快于|超过|好于)([^□]*?(?:增长幅度|增幅|增速|平均水平|平均值))/y;
const relativeVerbAt = prefixMatcher(['不低于', '不高于', '低于', '高于', '快于', '超过', '好于']);
const relativeEndAt = prefixMatcher(['增长幅度', '增幅', '增速', '平均水平', '平均值']);
const ZERO_WORDS = /(?:为零|为0|零发生|零事故)/;
const FULL = /全覆盖/;
const REACH_AT_END = /(?:实现|达到|达)$/;

function readRelative(text: string, seg: string, a: number, year: number | null): void {
  // Each pattern only when its key characters are there: 于 or 超过, 零 or 为0, 全覆盖.
  const r = seg.includes('于') || seg.includes('超过') ? relativeIn(seg) : null;
  const zero = seg.includes('零') || seg.includes('为0') ? ZERO_WORDS.exec(seg) : null;
  const full = seg.includes('全覆盖') ? FULL.exec(seg) : null;
  const hit = r ?? zero ?? full;
  if (!hit) return;
  const metric = tidyMetric(tidyBefore(stripLeadingWords(text.slice(a, a + hit.index))).replace(REACH_AT_END, ''));
  const m = nextMatch();
  m.start = a + trimStart(seg, 0, hit.index);
  m.end = a + hit.index + hit[0].length;
  m.metric = metric;
  m.value = r ? null : zero ? 0 : 100;
  m.valueMax = null;
  m.unit = full && !r && !zero ? '%' : '';
  m.comparator = r ? (r[1].includes('低于') || r[1] === '不高于') && r[1] !== '不低于' ? '<=' : '>=' : '=';
  m.year = year;
  m.baseYear = null;
}

/**
 * RELATIVE.exec(seg) as an unanchored pattern would give it, in linear time: tried from every
 * position, its lazy middle made long segments quadratic. It matches at the first comparison
 * word that has one of its end words after it before any □ (the verbs and end words share no
 * character, so an end word never starts inside a verb): one pass from the end finds it.
 */
function relativeIn(seg: string): RegExpExecArray | null {
  let first = -1;
  let endAfter = false;
  for (let i = seg.length - 1; i >= 0; i--) {
    if (seg.charCodeAt(i) === 0x25a1) endAfter = false; // □
    else if (relativeEndAt(seg, i) > 0) endAfter = true;
    else if (endAfter && relativeVerbAt(seg, i) > 0) first = i;
  }
  if (first < 0) return null;
  RELATIVE.lastIndex = first;
  return RELATIVE.exec(seg);
}

/** A、B分别达到345件和100个: pairs metrics with values in order. */
function pairRespectively(seg: string, first: number): void {
  const out = found.targets;
  const n = found.count - first;
  if (n < 2 || !/分别/.test(seg)) return;
  const names = out[first].metric.split(/[、和]/).filter(Boolean);
  if (names.length !== n) return;
  for (let k = 0; k < n; k++) out[first + k].metric = names[k];
}

function trimStart(seg: string, from: number, to: number): number {
  let i = from;
  while (i < to && isJoiner(seg.charCodeAt(i))) i++;
  return i;
}

