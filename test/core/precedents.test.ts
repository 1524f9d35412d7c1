// Precedent look-ups on the five seeds: similarity ranking, exclusion, indicator matching, city and year.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzePlan,
  buildPrecedentIndex,
  findSameIndicator,
  findSimilarTasks,
  makePrecedentDoc,
  markedExcerpt,
  matchIndicator,
  sameIndicator,
  taskText,
  toSimilarJson,
  updatePrecedentIndex,
  yearOfPlan,
} from '../../server/src/core';
import { plan } from './helpers';

const root = path.resolve(__dirname, '../..');
const seedNames = readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const docs = seedNames.map((f) => makePrecedentDoc(`seeds/${f}`, readFileSync(path.join(root, 'seeds', f), 'utf8')));
const index = buildPrecedentIndex(docs);
const SEED_000 = 'seeds/000_ddecad1bf628223d.txt';
const key = (r: { doc: { file: string }; task: { line: number } }) => `${r.doc.file.slice(6, 9)}:${r.task.line + 1}`;

describe('findSimilarTasks on the seeds', () => {
  it('finds seed 000 (六)加大品牌培育力度 first for 加强品牌培育, with its units and targets', () => {
    const results = findSimilarTasks(index, '加强品牌培育');
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results[0].doc.file).toBe(SEED_000);
    expect(results[0].task.title).toBe('加大品牌培育力度');
    expect(results[0].task.leads).toContain('市经信委');
    const [json] = toSimilarJson(results);
    expect(json).toMatchObject({ file: SEED_000, line: 21, title: '加大品牌培育力度', city: '苏州市', year: 2016, docNumber: '苏府〔2016〕63号' });
    expect(json.targets).toContainEqual({ text: '2016年争创江苏名牌产品80个', value: 80, unit: '个' });
    expect(json.excerpt).toContain('品牌培育');
    expect(json.excerpt).not.toContain('【');
    expect(markedExcerpt(results[0].excerpt)).toContain('【品牌培育】');
  });

  it('finds a food-safety task for a food-safety query', () => {
    const [first] = findSimilarTasks(index, '强化食品安全监管，健全食品安全追溯体系');
    expect(first.task.title).toMatch(/食品/);
  });

  it('ranks best first, at most top, never below the threshold', () => {
    const results = findSimilarTasks(index, '开展质量月活动', { top: 5, threshold: 0.02 });
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
    expect(results.every((r) => r.score >= 0.02 && r.score <= 1)).toBe(true);
    expect(key(results[0])).toBe('002:65');
  });

  it('never returns the excluded file (the draft being edited)', () => {
    const all = findSimilarTasks(index, '加强品牌培育', { top: 10, threshold: 0 });
    expect(all.some((r) => r.doc.file === SEED_000)).toBe(true);
    const excluded = findSimilarTasks(index, '加强品牌培育', { top: 10, threshold: 0, excludeFile: SEED_000 });
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.some((r) => r.doc.file === SEED_000)).toBe(false);
  });

  it('returns nothing for an empty query, punctuation, or wording no precedent has', () => {
    expect(findSimilarTasks(index, '')).toEqual([]);
    expect(findSimilarTasks(index, '。，；')).toEqual([]);
    expect(findSimilarTasks(index, 'ｘｙｚｗ')).toEqual([]);
    expect(findSimilarTasks(buildPrecedentIndex([]), '加强品牌培育')).toEqual([]);
  });

  it('indexes a task by its title and body, without its own responsibility clause', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、重点任务', '（一）加强品牌培育。培育一批知名品牌。（牵头单位：市市场监管局；配合单位：市商务局）');
    expect(m.tasks).toHaveLength(1);
    const text = taskText(m, m.text, m.tasks[0]);
    expect(text).toContain('加强品牌培育');
    expect(text).toContain('培育一批知名品牌');
    expect(text).not.toContain('市市场监管局');
    expect(text).not.toContain('（一）');
  });

  it('gives the same results when the same query is asked again (scores are not carried over)', () => {
    const query = '实施品牌培育工程，支持企业争创名牌';
    const first = findSimilarTasks(index, query, { top: 10, threshold: 0 }).map((r) => [key(r), r.score]);
    findSimilarTasks(index, '强化特种设备安全监察', { top: 10, threshold: 0 });
    expect(findSimilarTasks(index, query, { top: 10, threshold: 0 }).map((r) => [key(r), r.score])).toEqual(first);
  });
});

describe('updatePrecedentIndex: plans in and out without a rebuild', () => {
  const scores = (ix: ReturnType<typeof buildPrecedentIndex>, q: string) =>
    Object.fromEntries(findSimilarTasks(ix, q, { top: 8, threshold: 0.05 }).map((r) => [key(r), r.score]));
  /**
   * Updated in place, the index keeps the average task length its weights were computed with
   * until it drifts by a tenth, so scores may differ from a fresh build's by a few percent; the
   * tasks found and their order must not.
   */
  const expectLikeFresh = (updated: ReturnType<typeof buildPrecedentIndex>, fresh: ReturnType<typeof buildPrecedentIndex>, q: string) => {
    const a = scores(updated, q);
    const b = scores(fresh, q);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) expect(Math.abs(a[k] - b[k])).toBeLessThan(0.05 * b[k]);
  };
  const queries = ['实施品牌培育工程，支持企业争创名牌', '强化特种设备安全监察', '建立首席质量官制度'];

  it('gives the scores of a fresh build after a plan is removed, changed and added back', () => {
    const [a, b, c, d, e] = docs;
    let ix = buildPrecedentIndex([a, b, c, d]);
    ix = updatePrecedentIndex(ix, { remove: [b.file] });
    expect(ix.docs.map((x) => x.file)).toEqual([a, c, d].map((x) => x.file));
    for (const q of queries) expectLikeFresh(ix, buildPrecedentIndex([a, c, d]), q);
    // b changed on disk: it comes back with different text under the same file name
    const changed = makePrecedentDoc(b.file, b.text.replace(/特种设备/g, '电梯'));
    ix = updatePrecedentIndex(ix, { add: [changed, e] });
    for (const q of queries) expectLikeFresh(ix, buildPrecedentIndex([a, c, d, changed, e]), q);
    expect(ix.taskCount).toBe(buildPrecedentIndex([a, c, d, changed, e]).taskCount);
  });

  it('keeps giving fresh-build scores after enough removals to sweep dead entries', () => {
    let ix = buildPrecedentIndex(docs);
    for (let round = 0; round < 6; round++) {
      ix = updatePrecedentIndex(ix, { remove: docs.map((x) => x.file) });
      ix = updatePrecedentIndex(ix, { add: docs });
    }
    for (const q of queries) expectLikeFresh(ix, index, q);
  });

  it('finds a removed plan\'s targets no more, and a new plan\'s at once', () => {
    const [a, b] = docs;
    let ix = buildPrecedentIndex([a]);
    const extra = makePrecedentDoc('new.txt', '2020年某市质量工作要点\n一、重点任务\n（一）强化质量监管。主要工业产品质量抽检合格率达到96%以上。');
    expect(findSameIndicator(ix, '主要工业产品抽检合格率').some((r) => r.doc.file === 'new.txt')).toBe(false);
    ix = updatePrecedentIndex(ix, { add: [extra, b] });
    expect(findSameIndicator(ix, '主要工业产品抽检合格率').map((r) => r.doc.file)).toContain('new.txt');
    ix = updatePrecedentIndex(ix, { remove: ['new.txt'] });
    expect(findSameIndicator(ix, '主要工业产品抽检合格率').map((r) => r.doc.file)).not.toContain('new.txt');
  });
});

describe('findSameIndicator', () => {
  it('returns what a scan of every precedent target with sameIndicator returns, in library order', () => {
    const metrics = [...new Set(docs.flatMap((d) => d.model.targets.map((t) => t.metric)))];
    expect(metrics.length).toBeGreaterThan(20);
    for (const metric of metrics) {
      const scan = docs.flatMap((d) => d.model.targets.filter((t) => d.file !== SEED_000 && sameIndicator(metric, t.metric)).map((t) => [d.file, t.line, t.metric]));
      expect(findSameIndicator(index, metric, SEED_000).map((r) => [r.doc.file, r.target.line, r.target.metric])).toEqual(scan);
    }
  });
});

describe('index terms', () => {
  const terms = (body: string) => buildPrecedentIndex([makePrecedentDoc('t.txt', `某市质量工作要点\n一、重点任务\n（一）${body}`)]).termCount;

  it('are single characters and bigrams within runs, never across marks or surrogates', () => {
    const base = terms('品牌。培育');
    expect(terms('品牌培育')).toBe(base + 1); // 牌培
    expect(terms('品牌𠀀培育')).toBe(base); // an astral character ends a run, like a mark
    expect(terms('品牌。培育。ab')).toBe(base + 3); // a, b, ab
    expect(terms('品牌。培育。ab。AB')).toBe(base + 3); // AB folded to ab
  });
});

describe('matchIndicator', () => {
  it.each([
    ['主要工业产品质量抽检合格率', '主要工业产品抽检合格率'],
    ['全市主要农产品质量安全监测合格率', '农产品质量安全监测合格率'],
    ['食品安全总体监测合格率', '食品安全监测合格率'],
    ['制造业质量竞争力指数', '制造业质量竞争力指数'],
  ])('matches %s with %s', (a, b) => {
    expect(matchIndicator(a, b)).toBe(true);
    expect(matchIndicator(b, a)).toBe(true);
  });

  it.each([
    ['农产品质量安全监测合格率', '工业产品抽检合格率'],
    ['顾客满意度', '顾客满意率'],
    ['江苏名牌产品', '中国驰名商标'],
    ['主要工业产品质量抽检合格率', ''],
    ['', ''],
  ])('does not match %s with %s', (a, b) => {
    expect(matchIndicator(a, b)).toBe(false);
  });
});

describe('sameIndicator', () => {
  it.each([
    ['主要工业产品质量抽检合格率', '主要工业产品抽检合格率', true],
    ['主要工业产品质量抽检合格率', '主要工业产品质量合格率', true],
    ['全市主要农产品质量安全监测合格率', '农产品质量安全监测合格率', true],
    ['主要工业产品质量抽检合格率', '化妆品质量抽检合格率', false],
    ['主要工业产品质量抽检合格率', '食品抽检合格率', false],
    ['顾客满意度', '顾客满意率', false],
  ])('%s ~ %s: %s (a shared ending alone is not enough)', (a, b, same) => {
    expect(sameIndicator(a, b)).toBe(same);
    expect(sameIndicator(b, a)).toBe(same);
  });
});

describe('precedent documents: city and year', () => {
  it.each([
    ['000', '苏州市', 2016, '苏府〔2016〕63号'], // annual plan: its period
    ['001', '青岛市', 2012, '青政发〔2012〕32号'], // title names no city: 青岛市 from the text; year from the date
    ['002', null, null, null], // a web copy naming neither city nor date
    ['003', '宿州市', 2023, null], // 十四五 plan: the date's year, not the period's end
    ['004', '乐清市', 2015, '乐政办发〔2015〕31号'], // title 质量乐清: the city from the notice line
  ])('seed %s: %s, %s', (seed, city, year, docNumber) => {
    const doc = docs.find((d) => d.file.startsWith(`seeds/${seed}_`))!;
    expect({ city: doc.city, year: doc.year, docNumber: doc.docNumber }).toEqual({ city, year, docNumber });
  });

  it('reads the city from the title, after a year and 关于', () => {
    expect(makePrecedentDoc('a.txt', '关于2020年青岛市质量提升行动方案').city).toBe('青岛市');
    expect(makePrecedentDoc('b.txt', '2020年青岛市质量提升行动方案').city).toBe('青岛市');
    expect(makePrecedentDoc('c.txt', '2021年质量强市工作要点\n一、重点任务').city).toBeNull();
  });

  it('lets metadata override what the text says', () => {
    const doc = makePrecedentDoc('seeds/002.txt', '落实质量纲要行动计划', { city: '重庆市', year: 2012, level: '市级' });
    expect(doc).toMatchObject({ city: '重庆市', year: 2012, level: '市级', docNumber: null });
  });

  it('takes the year from an annual period, else the date, else the period start', () => {
    const annual = analyzePlan('2016年苏州市质量强市工作行动计划\n一、重点任务');
    expect(yearOfPlan(annual)).toBe(2016);
    expect(yearOfPlan({ ...annual, period: { start: 2021, end: 2025 }, date: null })).toBe(2021);
    expect(yearOfPlan({ ...annual, period: { start: 2021, end: 2025 }, date: '2022-03-01' })).toBe(2022);
    expect(yearOfPlan({ ...annual, period: null, date: null })).toBeNull();
  });
});
