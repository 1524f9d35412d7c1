// `qplan similar` as scripts see it: the built bundle, the built-in seeds, extra corpora, usage errors.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, qplan, root } from './run-qplan';

const SEED_000 = 'seeds/000_ddecad1bf628223d.txt';
const CONTRACT_KEYS = ['score', 'file', 'line', 'title', 'city', 'year', 'docNumber', 'leads', 'cooperators', 'targets', 'excerpt'];

let tmp: string;

beforeAll(() => {
  buildBundle();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-similar-'));
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function json(args: string[], cwd?: string) {
  const r = qplan(['similar', '--format', 'json', ...args], { cwd });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

describe('qplan similar', { timeout: 30_000 }, () => {
  it('returns the contract JSON, best first, with seed 000 (六)加大品牌培育力度 first for 加强品牌培育', () => {
    const results = json(['加强品牌培育']);
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results.length).toBeLessThanOrEqual(3);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(CONTRACT_KEYS);
      expect(typeof r.score).toBe('number');
      expect(Array.isArray(r.leads) && Array.isArray(r.cooperators) && Array.isArray(r.targets)).toBe(true);
      for (const t of r.targets as Record<string, unknown>[]) expect(Object.keys(t)).toEqual(['text', 'value', 'unit']);
    }
    const scores = results.map((r) => r.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(results[0]).toMatchObject({
      file: SEED_000,
      line: 21,
      title: '加大品牌培育力度',
      city: '苏州市',
      year: 2016,
      docNumber: '苏府〔2016〕63号',
      leads: ['市经信委', '市质监局', '市工商局', '市发改委'],
      cooperators: ['各成员单位'],
    });
    expect(results[0].targets).toContainEqual({ text: '2016年争创江苏名牌产品80个', value: 80, unit: '个' });
    expect(results[0].excerpt).toContain('品牌培育');
  });

  it('honours --top', () => {
    expect(json(['--top', '1', '加强品牌培育'])).toHaveLength(1);
  });

  it('prints Chinese text with rank, score, city, year, number, units, targets and a marked excerpt', () => {
    const r = qplan(['similar', '加强品牌培育']);
    expect(r.status).toBe(0);
    const first = r.stdout.split('\n\n')[0];
    expect(first).toMatch(/^1\. 相似度 0\.\d\d  苏州市 2016年 苏府〔2016〕63号  seeds\/000_ddecad1bf628223d\.txt:21\n/);
    expect(first).toContain('任务：加大品牌培育力度');
    expect(first).toContain('牵头：市经信委、市质监局、市工商局、市发改委；配合：各成员单位');
    expect(first).toContain('指标：2016年争创江苏名牌产品80个');
    expect(first).toContain('【品牌培育】');
  });

  it('takes the task at --file/--line as the query and never returns that file', () => {
    // A draft that is a copy of seed 000 inside the built-in corpus would find itself; it must not.
    const results = json(['--file', SEED_000, '--line', '21', '--top', '5']);
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.file === SEED_000)).toBe(false);
    expect(results.map((r) => r.title).join('|')).toMatch(/品牌/);
  });

  it('with --no-builtin searches only the --corpus folders', () => {
    const corpus = path.join(tmp, 'corpus');
    const draftDir = path.join(tmp, 'draft');
    for (const dir of [corpus, draftDir]) rmSync(dir, { recursive: true, force: true });
    mkdirSync(corpus);
    mkdirSync(draftDir);
    copyFileSync(path.join(root, 'seeds/004_48dc29ba5375c5fe.txt'), path.join(corpus, '乐清.txt'));
    writeFileSync(
      path.join(corpus, '某市.txt'),
      '2024年某市质量强市工作行动计划\n一、重点任务\n（一）加强品牌培育。开展品牌培育试点，培育一批区域品牌。（牵头单位：市市场监管局）\n',
    );
    const results = json(['--no-builtin', '--corpus', corpus, '加强品牌培育']);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => String(r.file).startsWith(corpus) || !String(r.file).startsWith('seeds/'))).toBe(true);
    expect(results[0]).toMatchObject({ title: '加强品牌培育', leads: ['市市场监管局'], line: 3, year: 2024 });

    // --file inside the corpus: that file is left out.
    const draft = path.join(corpus, '某市.txt');
    const fromDraft = json(['--no-builtin', '--corpus', corpus, '--file', draft, '--line', '3']);
    expect(fromDraft.some((r) => path.resolve(String(r.file)) === draft)).toBe(false);
  });

  it('reads front matter in --corpus files, caches with --cache, and reports an unreadable corpus file (exit 2)', () => {
    const corpus = path.join(tmp, 'fm-corpus');
    const cache = path.join(tmp, 'fm-cache');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'a.md'), ['---', 'city: 乐清市', 'prefecture: 温州市', 'year: 2017', '---', '质量工作要点', '一、重点任务', '（一）加强品牌培育。开展品牌培育试点。（牵头单位：市市场监管局）', ''].join('\n'));
    const args = ['--no-builtin', '--corpus', corpus, '--cache', cache, '加强品牌培育'];
    const first = json(args);
    expect(first[0]).toMatchObject({ title: '加强品牌培育', city: '乐清市', year: 2017, line: 8 });
    expect(qplan(['similar', ...args]).stdout).toContain('乐清市（温州） 2017年');
    expect(readdirSync(path.join(cache, 'precedents')).filter((f) => f.endsWith('.snapshot'))).toHaveLength(1); // the library snapshot
    expect(json(args)).toEqual(first); // the second run reads the cache
    writeFileSync(path.join(corpus, 'b.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7, 0, 0, 9, 0, 0, 0]));
    const r = qplan(['similar', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/b\.txt: 不是文本文件/);
    expect(JSON.parse(qplan(['similar', '--format', 'json', ...args]).stdout)[0].title).toBe('加强品牌培育');
  });

  it.each([
    [[], /缺少任务文字/],
    [['--no-builtin', '品牌'], /先例库为空/],
    [['--top', '0', '品牌'], /--top 须为正整数/],
    [['--file', SEED_000], /--file 与 --line 须同时使用/],
    [['--line', '3', '品牌'], /只能二选一/],
    [['--file', SEED_000, '--line', 'x'], /--line 须为正整数/],
    [['--file', SEED_000, '--line', '2'], /第 2 行不在任何任务内/],
    [['--format', 'xml', '品牌'], /--format 的取值 xml 无效/],
  ])('exits 2 with one Chinese line for bad usage: %j', (args, reason) => {
    const r = qplan(['similar', ...(args as string[])]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason as RegExp);
  });
});
