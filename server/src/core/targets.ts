// Quantitative targets in a line: metric + verb + value + unit + comparator, with the year in scope.
import type { Comparator } from './model';
import { fiveYearPeriod } from './header';
import { parseChineseNumber } from './numerals';
import { combine, suffixMatcher } from './suffix';
import { mayHoldRelative, scanLine } from './targetScan';
import { chooseMetric, LEADING_WORDS, postNoun, tidyBefore, tidyMetric } from './targetMetric';

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

export interface LineTargets {
  targets: TargetMatch[];
  /** A year phrase opening the line (到2025年，…), which governs what follows under the heading. */
  leadingYear: number | null;
}

// Longest first: the alternation takes the first that matches.
const UNITS = [
  '个百分点', '百分点', '微克/立方米', '毫克/立方米', '毫克/升', '批次/千人', '万吨/日', '吨/日', '万千瓦', '平方公里', '万平方米',
  '平方米', '立方米', '万亩', '万吨', '万元', '亿元', '万人次', '万人', '人次', '公里', '千米', '分贝', '小时', '个', '家', '件', '项',
  '分', '名', '张', '次', '批次', '处', '条', '座', '所', '户', '种', '类', '台', '套', '辆', '床', '篇', '部', '场', '倍', '天', '吨',
  '亩', '元', '人', '%', '‰',
];
const UNIT_RE = new RegExp(`(?:${UNITS.map((u) => u.replace(/[/%]/g, '\\$&')).join('|')})(?:/(?:万人|千人|人|户|日|年|平方公里))?`, 'y');
const COUNT_UNIT = /(?:个|家|件|项|名|张|户|人|人次|次|台|套|辆|床|处|所|座|条|种|类|批次|篇|部|场)/y;
const NOT_A_UNIT = /(?:[年月日号期届级星代版]|季度|周年|世纪|[A-Za-z0-9·])/y;
const TAIL = /(?:及以上|以上|及以下|以下|左右|以内|之内|多)/y;
// A bare number (no unit, no 以上) is a target only right after one of these: 达到92.
const endsWithLevelWord = suffixMatcher('稳定保持在|保持在|稳定在|提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|控制在|不低于|不少于|不高于|不超过|小于|大于|达到|低于|高于|超过|降至|降到|保持|均在|均为|达|为|超|≥|≤|>|<|＞|＜'.split('|'));
const endsWithDown = suffixMatcher(combine(['下降', '降低', '减少', '削减'], ['', '比例', '幅度'], ['', '达到', '达']));
const endsWithUp = suffixMatcher(combine(['增长', '提高', '提升', '增加', '上升'], ['', '比例', '幅度'], ['', '达到', '达']));
const endsWithAtLeast = suffixMatcher(['不低于', '不少于']);
const endsWithAtMost = suffixMatcher(['控制在', '不超过', '不高于', '低于', '小于', '降至', '降到', '降低到', '降低至', '下降到', '下降至', '≤', '<', '＜']);
const endsWithAbove = suffixMatcher(['超过', '高于', '大于', '超', '≥', '>', '＞']);
const endsWithKeep = suffixMatcher(['保持', '保持在', '稳定在', '均为', '为']);
const YEAR = /(?<![较比与自从于0-9])(?:到|至|在)?((?:19|20)\d{2})年(?:底|末|前)?(?!\d{0,2}月|以来)/g;
const FIVE_YEAR = /(?:到|至|在)?[“"]?十([一二三四五])五[”"]?(?:期间|末|时期|期末)/g;
// 较上年 is read as baseYear -1 here and resolved against the target's year by the caller.
const BASE_YEAR = /(?:较|比|与)((?:19|20)\d{2}|上)年/;

/**
 * Reads the targets on one line of a goal, task or safeguard section. Dates, document
 * numbers, ordinals, titles in 《》 and codes such as 5S, PM2.5 or 96366 are never targets.
 */
export function findTargets(text: string, norm: string, from: number, mayHoldFigure = true): LineTargets {
  // `mayHoldFigure`, from the line scan: whether the line may hold a digit, 五 or 零. Without
  // one, only 全覆 or 低于/高于/快于/好于 can matter: native searches say whether any does.
  if (!mayHoldFigure && !mayHoldRelative(norm, from)) return NOTHING;
  const { segments, work } = scanLine(norm, from);
  if (segments.length === 0) return NOTHING;
  const targets: TargetMatch[] = [];
  let leadingYear: number | null = null;
  let sentenceYear: number | null = null;
  for (let s = 0; s < segments.length; s += 3) {
    const a = segments[s];
    if (segments[s + 2] === 1) sentenceYear = null;
    const seg = work.slice(a, segments[s + 1]);
    const y = seg.includes('年') || seg.includes('五') ? yearIn(seg) : null;
    if (y !== null) {
      sentenceYear = y.year;
      if (a === from && y.at === 0 && targets.length === 0) leadingYear = y.year;
    }
    readSegment(text, seg, a, sentenceYear, targets);
  }
  return targets.length === 0 && leadingYear === null ? NOTHING : { targets, leadingYear };
}

const NOTHING: LineTargets = Object.freeze({ targets: [], leadingYear: null }) as LineTargets;

function yearIn(seg: string): { year: number; at: number } | null {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(seg);
  FIVE_YEAR.lastIndex = 0;
  const f = FIVE_YEAR.exec(seg);
  if (f && (!m || f.index < m.index)) return { year: fiveYearPeriod(10 + (parseChineseNumber(f[1]) ?? 0)).end, at: f.index };
  return m ? { year: Number(m[1]), at: m.index } : null;
}

/** Reads the targets of one segment `seg`, which starts at `a` in the line. */
function readSegment(text: string, seg: string, a: number, year: number | null, out: TargetMatch[]): void {
  if (BARE_VALUE.test(seg)) return;
  const base = seg.includes('年') ? BASE_YEAR.exec(seg) : null;
  const first = out.length;
  let prevEnd = 0;
  for (let from = 0; nextNumber(seg, from); ) {
    const numberAt = num.start;
    // What follows the number is read in place by sticky patterns, without slicing.
    const at = num.end;
    from = at;
    NOT_A_UNIT.lastIndex = at;
    if (NOT_A_UNIT.test(seg)) continue;
    const pre = seg.slice(prevEnd, numberAt);
    let value = numberValue(seg, numberAt, num.firstEnd);
    let valueMax = num.secondStart >= 0 ? numberValue(seg, num.secondStart, at) : null;
    let i = at;
    let unit = '';
    const k = multiplier(seg.charCodeAt(at));
    let mult = false;
    if (k !== 0) {
      COUNT_UNIT.lastIndex = at + 1;
      UNIT_RE.lastIndex = at;
      if (COUNT_UNIT.test(seg) || !UNIT_RE.test(seg)) {
        mult = true;
        value *= k;
        if (valueMax !== null) valueMax *= k;
        i++;
      }
    }
    UNIT_RE.lastIndex = i;
    const hasUnit = UNIT_RE.test(seg);
    if (hasUnit) { unit = text.slice(a + i, a + UNIT_RE.lastIndex); i = UNIT_RE.lastIndex; }
    TAIL.lastIndex = i;
    const tail = TAIL.test(seg) ? seg.slice(i, TAIL.lastIndex) : '';
    i += tail.length;
    if (!hasUnit && !tail && !mult && !endsWithLevelWord(pre)) continue;
    if (!hasUnit && isYear(seg, numberAt, num.firstEnd)) continue;
    const valueEnd = i;
    const post = postNoun(seg.slice(valueEnd));
    let metric = chooseMetric(pre, post);
    let end = valueEnd;
    if (metric === post && post) end = valueEnd + post.length;
    if (!metric && out.length > first) metric = out[out.length - 1].metric;
    const metricAt = metric ? seg.indexOf(metric, metric === post ? valueEnd : prevEnd) : -1;
    out.push({
      start: a + trimStart(seg, prevEnd, numberAt),
      end: a + end,
      metric: metricAt >= 0 ? tidyMetric(text.slice(a + metricAt, a + metricAt + metric.length)) : metric,
      value, valueMax, unit,
      comparator: comparatorOf(pre, tail, valueMax !== null),
      year, baseYear: base ? (base[1] === '上' ? -1 : Number(base[1])) : null,
    });
    prevEnd = end;
  }
  if (out.length === first && RELATIVE_WORD.test(seg)) readRelative(text, seg, a, year, out);
  if (out.length - first > 1) pairRespectively(seg, out, first);
}

const BARE_VALUE = /^[≥≤<>＜＞]?\d+(?:\.\d+)?%?(?:以上|以下)?$/;
const RELATIVE_WORD = /于|全覆盖|零/;

/**
 * The number found by `nextNumber`, in segment indexes: [start, end) in all, the first value
 * ending at firstEnd, the second (of a range: 3-5, 10~20, 1至2) starting at secondStart or -1.
 */
const num = { start: 0, end: 0, firstEnd: 0, secondStart: -1 };
// Characters that may not come right before a number (it would be part of a code, a
// version or a date: PM2.5, 5S, 2016/3, 第3): A-Z a-z 0-9 . / · 第 □ -
const NOT_BEFORE = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) NOT_BEFORE[c] = 1;
for (let c = 65; c <= 90; c++) NOT_BEFORE[c] = NOT_BEFORE[c + 32] = 1;
for (const ch of './·第□-') NOT_BEFORE[ch.charCodeAt(0)] = 1;
// Between the two values of a range: - — – ~ ～ 至
const RANGE = new Uint8Array(0x10000);
for (const ch of '-—–~～至') RANGE[ch.charCodeAt(0)] = 1;

const isDigit = (c: number) => c >= 48 && c <= 57;

function digitsEnd(s: string, i: number): number {
  while (isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** A value: digits with an optional decimal part (94.5), from i; returns its end. */
function decimalEnd(s: string, i: number): number {
  let e = digitsEnd(s, i);
  if (s.charCodeAt(e) === 46 && isDigit(s.charCodeAt(e + 1))) e = digitsEnd(s, e + 1);
  return e;
}

/**
 * Finds the next number at or after `from` that does not continue a code or a date, and its
 * range partner, into `num` — what /(?<![A-Za-z0-9.\/·第□-])(\d+(?:\.\d+)?)(?:[-—–~～至](\d+(?:\.\d+)?))?/g
 * would match (a range also as 80%—85%), without a match array per number.
 */
function nextNumber(s: string, from: number): boolean {
  for (let p = from; p < s.length; p++) {
    if (!isDigit(s.charCodeAt(p)) || (p > 0 && NOT_BEFORE[s.charCodeAt(p - 1)] === 1)) continue;
    const firstEnd = decimalEnd(s, p);
    num.start = p;
    num.firstEnd = firstEnd;
    // 80%—85%: the percent sign may be written on both values (then it must end the second too).
    const pct = s.charCodeAt(firstEnd);
    const sep = (pct === 37 || pct === 0xff05) && RANGE[s.charCodeAt(firstEnd + 1)] === 1 ? firstEnd + 1 : firstEnd;
    const secondEnd = RANGE[s.charCodeAt(sep)] === 1 && isDigit(s.charCodeAt(sep + 1)) ? decimalEnd(s, sep + 1) : -1;
    if (secondEnd >= 0 && (sep === firstEnd || s.charCodeAt(secondEnd) === pct)) {
      num.secondStart = sep + 1;
      num.end = secondEnd;
    } else {
      num.secondStart = -1;
      num.end = firstEnd;
    }
    return true;
  }
  return false;
}

/** Number(s.slice(a, b)) for digits with an optional decimal part, without the slice when short. */
function numberValue(s: string, a: number, b: number): number {
  // Up to 15 digits the integer is exact and one division by a power of ten rounds as Number() does.
  if (b - a > 15) return Number(s.slice(a, b));
  let v = 0;
  let scale = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) { scale = 1; continue; }
    v = v * 10 + (c - 48);
    if (scale) scale *= 10;
  }
  return scale ? v / scale : v;
}

/** 19xx or 20xx, nothing more: a year, not a value. */
function isYear(s: string, a: number, b: number): boolean {
  if (b - a !== 4) return false;
  const c0 = s.charCodeAt(a);
  const c1 = s.charCodeAt(a + 1);
  return (c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48);
}

/** 万, 亿, 千 after a number; 0 for anything else. */
function multiplier(c: number): number {
  return c === 0x4e07 ? 1e4 : c === 0x4ebf ? 1e8 : c === 0x5343 ? 1e3 : 0;
}

const TAIL_AT_MOST = /以下|以内|之内/;
const TAIL_AT_LEAST = /以上|多/;

function comparatorOf(pre: string, tail: string, range: boolean): Comparator {
  if (endsWithDown(pre)) return 'down';
  if (endsWithUp(pre)) return 'up';
  if (tail === '左右') return '~';
  if (endsWithAtLeast(pre)) return '>=';
  if (TAIL_AT_MOST.test(tail) || endsWithAtMost(pre)) return '<=';
  if (TAIL_AT_LEAST.test(tail) || endsWithAbove(pre)) return '>=';
  if (range || endsWithKeep(pre)) return '=';
  return '>=';
}

/** 不低于GDP增长幅度, 低于全国平均水平: a target relative to another figure, with no number. */
const RELATIVE = /(不低于|不高于|低于|高于|快于|超过|好于)([^□]*?(?:增长幅度|增幅|增速|平均水平|平均值))/;
const ZERO = /(?:为零|为0|零发生|零事故)/;
const FULL = /全覆盖/;
const REACH_AT_END = /(?:实现|达到|达)$/;

function readRelative(text: string, seg: string, a: number, year: number | null, out: TargetMatch[]): void {
  // Each pattern only when its key characters are there: 于 or 超过, 零 or 为0, 全覆盖.
  const r = seg.includes('于') || seg.includes('超过') ? RELATIVE.exec(seg) : null;
  const zero = seg.includes('零') || seg.includes('为0') ? ZERO.exec(seg) : null;
  const full = seg.includes('全覆盖') ? FULL.exec(seg) : null;
  const hit = r ?? zero ?? full;
  if (!hit) return;
  const metric = tidyMetric(tidyBefore(text.slice(a, a + hit.index).replace(LEADING_WORDS, '')).replace(REACH_AT_END, ''));
  out.push({
    start: a + trimStart(seg, 0, hit.index), end: a + hit.index + hit[0].length, metric,
    value: r ? null : zero ? 0 : 100, valueMax: null, unit: full && !r && !zero ? '%' : '',
    comparator: r ? (r[1].includes('低于') || r[1] === '不高于') && r[1] !== '不低于' ? '<=' : '>=' : '=',
    year, baseYear: null,
  });
}

/** A、B分别达到345件和100个: pairs metrics with values in order. */
function pairRespectively(seg: string, out: TargetMatch[], first: number): void {
  const n = out.length - first;
  if (n < 2 || !/分别/.test(seg)) return;
  const names = out[first].metric.split(/[、和]/).filter(Boolean);
  if (names.length !== n) return;
  for (let k = 0; k < n; k++) out[first + k].metric = names[k];
}

/** 、和及与 */
function isJoiner(c: number): boolean {
  return c === 0x3001 || c === 0x548c || c === 0x53ca || c === 0x4e0e;
}

function trimStart(seg: string, from: number, to: number): number {
  let i = from;
  while (i < to && isJoiner(seg.charCodeAt(i))) i++;
  return i;
}

