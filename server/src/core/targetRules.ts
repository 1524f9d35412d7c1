// Target checks: no year, a year outside the period, an impossible value, and one metric set two ways.
import type { Comparator, PlanModel, Target } from './model';
import { normalizeIndicator, sameNormalizedIndicator } from './precedents/indicators';
import { bigramSet } from './precedents/ngrams';
import { around, lineOf, MAX_PER_RULE, silent, type Finding, type FixDraft, type RuleContext } from './ruleTypes';

export function targetRules(ctx: RuleContext): Finding[] {
  const { model, options } = ctx;
  // Targets in context sections describe the past (十三五 achievements); the rules judge only what the plan sets.
  const judged = model.targets.filter((t) => t.section !== 'context');
  return [
    ...(silent(options, 'target-no-year') ? [] : noYear(ctx, judged)),
    ...(silent(options, 'target-out-of-period') ? [] : outOfPeriod(ctx, judged)),
    ...(silent(options, 'target-impossible') ? [] : impossible(judged)),
    ...(silent(options, 'target-conflict') ? [] : conflicts(ctx, judged)),
  ];
}

/** A relative time frame is a year in scope too: 三年内, 每年, 年均, 全年. */
const RELATIVE_TIME = /[一二三四五六七八九十两\d]+年(?:内|间|来|后)|每年|年均|全年|当年|逐年|年度|每季度|每月/;

// Each rule stops at MAX_PER_RULE findings: checkPlan would drop the rest.

function noYear({ text, options }: RuleContext, judged: Target[]): Finding[] {
  const out: Finding[] = [];
  if (options.period) return out;
  for (const t of judged) {
    if (out.length === MAX_PER_RULE) break;
    if (t.year === null && !RELATIVE_TIME.test(around(text, t.span.start).sentence)) {
      out.push({ rule: 'target-no-year', id: 'target-no-year', span: t.span, args: { metric: t.metric || t.text } });
    }
  }
  return out;
}

/** A 规划 may look beyond its period on purpose (二〇三五年远景目标). */
const LONG_VIEW = /远景|展望|长远/;

function outOfPeriod({ model, text, options }: RuleContext, judged: Target[]): Finding[] {
  const out: Finding[] = [];
  const period = model.period ?? options.period;
  if (!period) return out;
  const range = period.start === period.end ? `${period.start}年` : `${period.start}—${period.end}年`;
  for (const t of judged) {
    if (out.length === MAX_PER_RULE) break;
    if (t.year === null || (t.yearSource !== 'text' && t.yearSource !== 'scope') || (t.year >= period.start && t.year <= period.end)) continue;
    // A later year is a long view in a 规划 that says so, and in a yearly plan quoting its multi-year goal (到2020年建成质量强市).
    if (t.year > period.end && (period.start === period.end || LONG_VIEW.test(around(text, t.span.start).sentence))) continue;
    out.push({ rule: 'target-out-of-period', id: 'target-out-of-period', span: t.span, args: { metric: t.metric || t.text, year: t.year, range } });
  }
  return out;
}

/** The unit is kept as written: a plan typed in full width writes ％. */
function isPercent(unit: string): boolean {
  return unit === '%' || unit === '％';
}

/** Rates that may pass 100%: growth, increase, multiples. */
const MAY_EXCEED = /增长|增速|增幅|提高|提升|倍|超额|贡献|弹性|系数|指数/;

function impossible(judged: Target[]): Finding[] {
  const out: Finding[] = [];
  for (const t of judged) {
    if (out.length === MAX_PER_RULE) break;
    const metric = t.metric || t.text;
    const top = Math.max(t.value ?? -Infinity, t.valueMax ?? -Infinity);
    if (t.value !== null && t.value < 0) {
      out.push({ rule: 'target-impossible', id: 'target-impossible.negative', span: t.span, args: { metric, value: t.value } });
    } else if (isPercent(t.unit) && t.comparator === 'down' && top > 100) {
      out.push({ rule: 'target-impossible', id: 'target-impossible.down-over100', span: t.span, args: { metric, value: top } });
    } else if (isPercent(t.unit) && t.comparator !== 'up' && t.comparator !== 'down' && !MAY_EXCEED.test(metric)) {
      if (top > 100) out.push({ rule: 'target-impossible', id: 'target-impossible.over100', span: t.span, args: { metric, value: top } });
      else if (top === 100 && t.comparator === '>=' && /100(?:\.0+)?[%％](?:及)?以上|(?:超过|高于|大于)100(?:\.0+)?[%％]/.test(t.text)) {
        out.push({ rule: 'target-impossible', id: 'target-impossible.above100', span: t.span, args: { metric } });
      }
    }
  }
  return out;
}

/** Comparators that state the same kind of requirement: 达到97% and 97%以上 are both a floor. */
function comparatorClass(c: Comparator): string {
  return c === '=' || c === '>=' ? 'floor' : c;
}

/** Past this many targets the pairwise comparison is skipped: such a text is a table dump, not a plan. */
const MAX_COMPARED = 600;

interface Keyed {
  t: Target;
  index: number;
  /** Each named metric, normalized. */
  parts: { name: string }[];
}

function conflicts({ model, text }: RuleContext, judged: Target[]): Finding[] {
  const all = judged.filter((t) => t.value !== null && t.year !== null && t.metric);
  if (all.length > MAX_COMPARED) return [];
  // A, B、C保持100%: each named metric is compared on its own.
  const keyed: Keyed[] = all.map((t, index) => ({
    t,
    index,
    parts: t.metric.split(/[、，,]/).map(normalizeIndicator).filter((p) => p.length >= 2).map((name) => ({ name })),
  }));
  const reported = new Set<number>();
  const out: Finding[] = [];
  for (const [a, b] of candidatePairs(keyed)) {
    if (!sameMetric(a, b)) continue;
    const finding = conflictOf(a.t, b.t, model, text);
    if (!finding || reported.has(finding.at)) continue;
    reported.add(finding.at);
    out.push(finding.finding);
  }
  return out;
}

/**
 * The pairs worth comparing, in the order a loop over all pairs would visit them (which finding is
 * kept for a target depends on it). Only targets of one unit, comparator class and base year are
 * comparable; and two names sameMetric can match share their first or their last character (equal,
 * a qualifier inserted, or the same ending), so pairs are drawn from those buckets, not all n².
 */
function candidatePairs(keyed: Keyed[]): [Keyed, Keyed][] {
  const kinds = new Map<string, number>();
  const buckets = new Map<number, number[]>();
  for (const k of keyed) {
    if (k.t.comparator === 'up' || k.t.comparator === 'down') continue;
    const kindKey = `${isPercent(k.t.unit) ? '%' : k.t.unit}\u0000${comparatorClass(k.t.comparator)}\u0000${k.t.baseYear ?? 0}`;
    const kind = kinds.get(kindKey) ?? kinds.set(kindKey, kinds.size).get(kindKey)!;
    // Bucket keys: the kind, then a name's first (even) or last (odd) character code.
    for (const { name } of k.parts) {
      addToBucket(buckets, kind * 0x20000 + name.charCodeAt(0) * 2, k.index);
      addToBucket(buckets, kind * 0x20000 + name.charCodeAt(name.length - 1) * 2 + 1, k.index);
    }
  }
  const n = keyed.length;
  const marked = new Uint8Array(n * n);
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) marked[bucket[i] * n + bucket[j]] = 1;
  }
  const pairs: [Keyed, Keyed][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (marked[i * n + j]) pairs.push([keyed[i], keyed[j]]);
  return pairs;
}

function addToBucket(buckets: Map<number, number[]>, key: number, index: number): void {
  const bucket = buckets.get(key);
  if (!bucket) buckets.set(key, [index]);
  else if (bucket[bucket.length - 1] !== index) bucket.push(index);
}

/** Words that qualify how a metric is measured without changing what it measures. */
const QUALIFIERS = /^(?:抽检|监测|检验|抽查|省级|一次性?|验收|综合|总体|平均|年均|质量)+$/;

/**
 * The same metric: equal once normalised, or differing only in a qualifier (主要工业产品质量抽检合格率
 * ~ 主要工业产品质量合格率), or in wording (sameIndicator, closely). A name that merely extends
 * another is a narrower metric: 服务业地方标准 is not 地方标准, 服务业皖美品牌示范企业 not 皖美品牌示范企业.
 */
function sameMetric(a: Keyed, b: Keyed): boolean {
  for (const { name: x } of a.parts) {
    for (const { name: y } of b.parts) {
      if (x === y) return true;
      if (x.charCodeAt(0) !== y.charCodeAt(0) && x.charCodeAt(x.length - 1) !== y.charCodeAt(y.length - 1)) continue; // no match below can hold
      // A draft's names come back on every keystroke: remember each pair's answer (two levels, so
      // that no key string is built; the names are the same strings each time, their hashes kept).
      let row = sameNames.get(x);
      if (row === undefined) {
        if (sameNames.size >= MAX_REMEMBERED) sameNames.clear();
        sameNames.set(x, (row = new Map()));
      }
      let same = row.get(y);
      if (same === undefined) row.set(y, (same = sameName(x, y)));
      if (same) return true;
    }
  }
  return false;
}

const MAX_REMEMBERED = 5_000;
const sameNames = new Map<string, Map<string, boolean>>();

/** Two normalized names with the same first or last character: the same metric? */
function sameName(x: string, y: string): boolean {
  // What is left of the two names once their common beginning and ending are removed.
  let s = 0;
  while (s < x.length && s < y.length && x[s] === y[s]) s++;
  let e = 0;
  while (e < x.length - s && e < y.length - s && x[x.length - 1 - e] === y[y.length - 1 - e]) e++;
  if (s + e === x.length || s + e === y.length) {
    return QUALIFIERS.test(s + e === x.length ? y.slice(s, y.length - e) : x.slice(s, x.length - e));
  }
  // sameIndicator wants the same last character and close bigrams: both checked cheaply first.
  return x.at(-1) === y.at(-1) && dice(bigramSet(x), bigramSet(y)) >= 0.8 && sameNormalizedIndicator(x, y);
}

/** Bigram Dice coefficient of two bigram sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function conflictOf(a: Target, b: Target, model: PlanModel, text: string): { at: number; finding: Finding } | null {
  const sameValue = a.value === b.value && (a.valueMax ?? a.value) === (b.valueMax ?? b.value);
  if (a.year === b.year) {
    if (sameValue) return null;
    // Report where the draft departs from 主要目标; between equals, on the later one.
    const [here, there] = b.section === 'goal' && a.section !== 'goal' ? [a, b] : [b, a];
    const fixes: FixDraft[] = [];
    if (there.section === 'goal' && here.section !== 'goal') {
      const change = valueChange(here, there, text);
      if (change) fixes.push({ id: 'fix.align', args: { value: formatValue(there) }, changes: [change] });
    }
    return {
      at: model.targets.indexOf(here),
      finding: {
        rule: 'target-conflict', id: 'target-conflict.value', span: here.span,
        args: { metric: here.metric, value: formatValue(here), otherValue: formatValue(there), otherLine: lineOf(model, there.span.start) + 1, year: here.year! },
        ...(fixes.length ? { fixes } : {}),
      },
    };
  }
  // Across years only an explicit floor or ceiling has a direction: a table's bare 3、2.5、2 may be a falling rate.
  if (a.comparator !== b.comparator || (a.comparator !== '>=' && a.comparator !== '<=')) return null;
  const [early, late] = a.year! < b.year! ? [a, b] : [b, a];
  const looser = a.comparator === '<=' ? late.value! > early.value! : late.value! < early.value!;
  if (!looser) return null;
  return {
    at: model.targets.indexOf(late),
    finding: {
      rule: 'target-conflict', id: 'target-conflict.order', span: late.span,
      args: { metric: late.metric, year: late.year!, value: formatValue(late), otherYear: early.year!, otherValue: formatValue(early), otherLine: lineOf(model, early.span.start) + 1 },
    },
  };
}

function formatValue(t: Target): string {
  const mark = t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : t.comparator === '~' ? '约' : '';
  const range = t.valueMax !== null && t.valueMax !== t.value ? `${t.value}—${t.valueMax}` : `${t.value}`;
  return `${mark}${range}${t.unit}`;
}

/** Replaces the number written in `here` by the goal's, when it is written plainly and once (not 7万, not a range). */
function valueChange(here: Target, goal: Target, text: string): { span: { start: number; end: number }; newText: string } | null {
  if (here.valueMax !== null || goal.valueMax !== null || here.value === null || goal.value === null) return null;
  const phrase = text.slice(here.span.start, here.span.end);
  const re = new RegExp(`(?<![\\d.])${String(here.value).replace('.', '\\.')}(?![\\d.])`, 'g');
  const hits = [...phrase.matchAll(re)];
  if (hits.length !== 1) return null;
  const start = here.span.start + hits[0].index!;
  return { span: { start, end: start + hits[0][0].length }, newText: String(goal.value) };
}
