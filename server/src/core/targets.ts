// Quantitative targets in a line: metric + verb + value + unit + comparator, with the year in scope.
import type { Comparator } from './model';
import { fiveYearPeriod } from './header';
import { parseChineseNumber } from './numerals';

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
const UNIT_RE = new RegExp(`^(?:${UNITS.map((u) => u.replace(/[/%]/g, '\\$&')).join('|')})(?:/(?:万人|千人|人|户|日|年|平方公里))?`);
const COUNT_UNIT = /^(?:个|家|件|项|名|张|户|人|人次|次|台|套|辆|床|处|所|座|条|种|类|批次|篇|部|场)/;
const NOT_A_UNIT = /^(?:[年月日号期届级星代版]|季度|周年|世纪|[A-Za-z0-9·])/;
const TAIL = /^(?:及以上|以上|及以下|以下|左右|以内|之内|多)/;
const NUMBER = /(?<![A-Za-z0-9.\/·第□-])(\d+(?:\.\d+)?)(?:[-—–~～至](\d+(?:\.\d+)?))?/g;
const LEVEL_VERB = /(?:稳定保持在|保持在|稳定在|提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|控制在|不低于|不少于|不高于|不超过|小于|大于|达到|低于|高于|超过|降至|降到|保持|均在|均为|达|为|超|≥|≤|>|<|＞|＜)$/;
// Verbs that introduce a count (新增10个, 培育…企业) and may sit anywhere before the value.
const COUNT_VERB = '新增|培育|创建|争创|建成|打造|引进|选树|认定|获评|获得|制修订|制订|修订|起草|落户|累计|争取|力争';
// Verbs that also occur inside names (质量提升示范区): trusted only at the start or the end.
const WEAK_VERB = '提升|建设|开展|完成|实现|采用|参与|参加|组织|覆盖|扩大|突破|培训|制定';
const LEVEL = '稳定保持在|保持在|稳定在|提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|控制在|不低于|不少于|不高于|不超过|小于|大于|达到|降至|降到|低于|高于|超过|保持|均在|均为|共计|下降|降低|减少|削减|增长|增加|提高|达|为|占|超';
// 组织 also ends nouns (标准化工作组织), so it only counts as a verb at the start.
const ENDS_WITH_COUNT_VERB = new RegExp(`(?:${COUNT_VERB}|${WEAK_VERB.replace('|组织', '')})$`);
const ENDS_WITH_LEVEL_VERB = new RegExp(`(?:${LEVEL})$`);
const COUNT_VERBS = new RegExp(COUNT_VERB, 'g');
const STARTS_WITH_VERB = new RegExp(`^(?:${COUNT_VERB}|${WEAK_VERB})+`);
// Where the noun after a value ends: a verb that starts a new clause (not 提升/建设, which end names).
const ANY_VERB = new RegExp(`${COUNT_VERB}|开展|实现|完成|${LEVEL.replace(/\|(?:达|为|占|超)(?=\||$)/g, '')}|的`);
const DOWN = /(?:下降|降低|减少|削减)(?:比例|幅度)?(?:达到|达)?$/;
const UP = /(?:增长|提高|提升|增加|上升)(?:比例|幅度)?(?:达到|达)?$/;
const LEADING_WORDS = /^(?:、|和|及|并|其中|同时|全市|全县|全区|全省|我市|确保|努力|年均|每年|全年|(?:到|至)?(?:19|20)\d{2}年(?:底|末)?|[“"]?十[一二三四五]五[”"]?(?:期间|末|时期)?)+/;
const TRAILING_WORDS = /(?:分别|均|基本|稳定|持续|继续|要|率先|总体|逐年|全部|累计|至少|共计|年均|每年)+$/;
// 较2013年下降比例: the base-year phrase and change verb belong to the comparator, not the metric.
const CHANGE_TAIL = /(?:(?:较|比|与)(?:(?:19|20)\d{2}|上)年(?:相比)?)?(?:下降|降低|减少|增长|提高|提升|增加)(?:比例|幅度)?$|(?:较|比|与)(?:(?:19|20)\d{2}|上)年(?:相比)?$/;
const YEAR = /(?<![较比与自从于0-9])(?:到|至|在)?((?:19|20)\d{2})年(?:底|末|前)?(?!\d{0,2}月|以来)/g;
const FIVE_YEAR = /(?:到|至|在)?[“"]?十([一二三四五])五[”"]?(?:期间|末|时期|期末)/g;
// 较上年 is read as baseYear -1 here and resolved against the target's year by the caller.
const BASE_YEAR = /(?:较|比|与)((?:19|20)\d{2}|上)年/;

/**
 * Reads the targets on one line of a goal, task or safeguard section. Dates, document
 * numbers, ordinals, titles in 《》 and codes such as 5S, PM2.5 or 96366 are never targets.
 */
export function findTargets(text: string, norm: string, from: number): LineTargets {
  const work = maskNonTargets(norm);
  const targets: TargetMatch[] = [];
  let leadingYear: number | null = null;
  let sentenceYear: number | null = null;
  let segStart = from;
  let matters = false;
  // One scan: 。！？ end a sentence (and its year), ，；： end a segment; only segments with a
  // digit or a year/keyword character are read further.
  for (let i = from; i <= work.length; i++) {
    const c = i < work.length ? work.charCodeAt(i) : 0x3002;
    const stop = STOP[c];
    if (stop === 0) {
      if (MATTERS[c]) matters = true;
      continue;
    }
    if (matters && i > segStart) {
      const seg = work.slice(segStart, i);
      const y = seg.includes('年') || seg.includes('五') ? yearIn(seg) : null;
      if (y !== null) {
        sentenceYear = y.year;
        if (segStart === from && y.at === 0 && targets.length === 0) leadingYear = y.year;
      }
      readSegment(text, work, segStart, i, sentenceYear, targets);
    }
    if (stop === SENTENCE) sentenceYear = null;
    segStart = i + 1;
    matters = false;
  }
  return { targets, leadingYear };
}

const SEGMENT = 1;
const SENTENCE = 2;
const STOP = new Uint8Array(0x10000);
for (const ch of '，,；;：:') STOP[ch.charCodeAt(0)] = SEGMENT;
for (const ch of '。！？!?') STOP[ch.charCodeAt(0)] = SENTENCE;
// Characters without which a segment holds neither a target nor a year: digits, 年, 五 (十四五),
// 全 (全覆盖), 零 (为零), 于 (不低于…平均水平).
const MATTERS = new Uint8Array(0x10000);
for (const ch of '0123456789年五全零于') MATTERS[ch.charCodeAt(0)] = 1;

function yearIn(seg: string): { year: number; at: number } | null {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(seg);
  FIVE_YEAR.lastIndex = 0;
  const f = FIVE_YEAR.exec(seg);
  if (f && (!m || f.index < m.index)) return { year: fiveYearPeriod(10 + (parseChineseNumber(f[1]) ?? 0)).end, at: f.index };
  return m ? { year: Number(m[1]), at: m.index } : null;
}

function readSegment(text: string, work: string, a: number, b: number, year: number | null, out: TargetMatch[]): void {
  const seg = work.slice(a, b);
  const base = seg.includes('年') ? BASE_YEAR.exec(seg) : null;
  const first = out.length;
  let prevEnd = 0;
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(seg)) !== null) {
    const after = seg.slice(m.index + m[0].length);
    if (NOT_A_UNIT.test(after)) continue;
    const pre = seg.slice(prevEnd, m.index);
    let value = Number(m[1]);
    let valueMax = m[2] !== undefined ? Number(m[2]) : null;
    let i = 0;
    let unit = '';
    const mult = /^[万亿千]/.exec(after);
    if (mult && (COUNT_UNIT.test(after.slice(1)) || !UNIT_RE.test(after))) {
      const k = mult[0] === '万' ? 1e4 : mult[0] === '亿' ? 1e8 : 1e3;
      value *= k;
      if (valueMax !== null) valueMax *= k;
      i = 1;
    }
    const u = UNIT_RE.exec(after.slice(i));
    if (u) { unit = text.slice(a + m.index + m[0].length + i, a + m.index + m[0].length + i + u[0].length); i += u[0].length; }
    const tail = TAIL.exec(after.slice(i));
    if (tail) i += tail[0].length;
    if (!u && !tail && !mult && !LEVEL_VERB.test(pre)) continue;
    if (!u && /^(?:19|20)\d{2}$/.test(m[1])) continue;
    const valueEnd = m.index + m[0].length + i;
    if (isBareValue(seg)) continue;
    const post = postNoun(seg.slice(valueEnd));
    let metric = chooseMetric(pre, post);
    let end = valueEnd;
    if (metric === post && post) end = valueEnd + post.length;
    if (!metric && out.length > first) metric = out[out.length - 1].metric;
    const metricAt = metric ? seg.indexOf(metric, metric === post ? valueEnd : prevEnd) : -1;
    out.push({
      start: a + trimStart(seg, prevEnd, m.index),
      end: a + end,
      metric: metricAt >= 0 ? tidyMetric(text.slice(a + metricAt, a + metricAt + metric.length)) : metric,
      value, valueMax, unit,
      comparator: comparatorOf(pre, tail?.[0] ?? '', valueMax !== null),
      year, baseYear: base ? (base[1] === '上' ? -1 : Number(base[1])) : null,
    });
    prevEnd = end;
  }
  if (out.length === first && /于|全覆盖|零/.test(seg)) readRelative(text, seg, a, year, out, first);
  if (out.length - first > 1) pairRespectively(seg, out, first);
}

/**
 * Which words name the measured thing. After a level verb (合格率达到97%) it is the text
 * before the verb; after a count verb (新增10个甘肃名牌产品) the noun after the value; with
 * the verb first (新增中国驰名商标5件) the words between verb and value.
 */
function chooseMetric(pre: string, post: string): string {
  const p = pre.replace(LEADING_WORDS, '');
  if (!p || /[、和及与]$/.test(pre) || /等$/.test(p)) return post;
  const level = ENDS_WITH_LEVEL_VERB.exec(p);
  if (level) {
    const before = tidyBefore(p.slice(0, level.index));
    return before || post;
  }
  const count = ENDS_WITH_COUNT_VERB.exec(p);
  if (count) return post || tidyBefore(p.slice(0, count.index));
  let strongEnd = -1;
  COUNT_VERBS.lastIndex = 0;
  for (let v = COUNT_VERBS.exec(p); v; v = COUNT_VERBS.exec(p)) strongEnd = v.index + v[0].length;
  let candidate = strongEnd >= 0 ? p.slice(strongEnd) : p.replace(STARTS_WITH_VERB, '');
  candidate = candidate.replace(TRAILING_WORDS, '');
  if (post && (candidate.length <= 2 || /[对在向把将]$/.test(candidate))) return post;
  return candidate;
}

function tidyBefore(s: string): string {
  return s.replace(STARTS_WITH_VERB, '').replace(CHANGE_TAIL, '').replace(TRAILING_WORDS, '').replace(CHANGE_TAIL, '');
}

/** The noun right after a value: 10个[甘肃名牌产品], cut at the next item, verb or 的. */
function postNoun(rest: string): string {
  const m = /^[^、和，,；;。：:□]+/.exec(rest);
  if (!m) return '';
  const v = ANY_VERB.exec(m[0]);
  const noun = v ? m[0].slice(0, v.index) : m[0];
  return noun.length >= 2 && noun.length <= 30 && !/\d/.test(noun) ? noun : '';
}

/** A segment that is only a value (a table cell such as ≥97): no target without its row. */
function isBareValue(seg: string): boolean {
  return /^[≥≤<>＜＞]?\d+(?:\.\d+)?%?(?:以上|以下)?$/.test(seg);
}

function comparatorOf(pre: string, tail: string, range: boolean): Comparator {
  if (DOWN.test(pre)) return 'down';
  if (UP.test(pre)) return 'up';
  if (tail === '左右') return '~';
  if (/(?:不低于|不少于)$/.test(pre)) return '>=';
  if (/以下|以内|之内/.test(tail) || /(?:控制在|不超过|不高于|低于|小于|降至|降到|降低到|降低至|下降到|下降至|≤|<|＜)$/.test(pre)) return '<=';
  if (/以上|多/.test(tail) || /(?:超过|高于|大于|超|≥|>|＞)$/.test(pre)) return '>=';
  if (range || /(?:保持|保持在|稳定在|均为|为)$/.test(pre)) return '=';
  return '>=';
}

/** 不低于GDP增长幅度, 低于全国平均水平: a target relative to another figure, with no number. */
function readRelative(text: string, seg: string, a: number, year: number | null, out: TargetMatch[], first: number): void {
  if (out.length > first) return;
  const r = /(不低于|不高于|低于|高于|快于|超过|好于)([^□]*?(?:增长幅度|增幅|增速|平均水平|平均值))/.exec(seg);
  const zero = /(?:为零|为0|零发生|零事故)/.exec(seg);
  const full = /全覆盖/.exec(seg);
  const hit = r ?? zero ?? full;
  if (!hit) return;
  const metric = tidyMetric(tidyBefore(text.slice(a, a + hit.index).replace(LEADING_WORDS, '')).replace(/(?:实现|达到|达)$/, ''));
  out.push({
    start: a + trimStart(seg, 0, hit.index), end: a + hit.index + hit[0].length, metric,
    value: r ? null : zero ? 0 : 100, valueMax: null, unit: full && !r && !zero ? '%' : '',
    comparator: r ? (/低于|不高于/.test(r[1]) && !/不低于/.test(r[1]) ? '<=' : '>=') : '=',
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

function trimStart(seg: string, from: number, to: number): number {
  let i = from;
  while (i < to && /[、和及与]/.test(seg[i])) i++;
  return i;
}

function tidyMetric(m: string): string {
  return m.replace(/[“”"《》]/g, '').replace(/^[、和及与]+|[、和及与]+$/g, '').slice(-40);
}

/** Blanks 《titles》, document numbers and bracketed year spans so their digits are not read. */
function maskNonTargets(norm: string): string {
  if (!/[《〔\[(（]/.test(norm)) return norm;
  return norm.replace(/《[^《》]*》|[〔\[［]\d{0,4}[〕\]］]\d*号|[（(][^（）()\d]*\d{4}[^（）()]*[）)]/g, (x) => '□'.repeat(x.length));
}
