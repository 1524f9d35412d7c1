// The precedent library's loader: every format and encoding, front matter and sidecars, unreadable
// files skipped with one line, incremental re-indexing, the disk cache and file watching.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzePlan, findSimilarTasks, type PrecedentIndex } from '../../server/src/core';
import { PrecedentCache, PrecedentLibrary, precedentFoldersOf } from '../../server/src/precedents';

const fixtures = path.resolve(__dirname, '../fixtures/io');
const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'qplan-library-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

const PLAN = (title: string, task: string) => `${title}\n一、重点任务\n（一）${task}（牵头单位：市市场监管局）\n`;
let dir: string;
let logs: string[];
let libraries: PrecedentLibrary[];
let n = 0;

beforeEach(() => {
  dir = path.join(tmpRoot, `case-${n++}`);
  mkdirSync(dir);
  logs = [];
  libraries = [];
});
afterEach(() => libraries.forEach((l) => l.dispose()));

function library(options: ConstructorParameters<typeof PrecedentLibrary>[2] = {}, dirs = [dir]): PrecedentLibrary {
  const lib = new PrecedentLibrary((m) => logs.push(m), () => dirs, options);
  libraries.push(lib);
  return lib;
}
const put = (name: string, content: string | Uint8Array) => writeFileSync(path.join(dir, name), content);
const byName = (index: PrecedentIndex, name: string) => index.docs.find((d) => path.basename(d.file) === name);
/** The last "已建立/已更新" line's counts of plans read and taken from the cache. */
const counts = () => {
  const line = logs.filter((l) => l.includes('先例库已')).at(-1) ?? '';
  const m = line.match(/读取 (\d+) 份，取自缓存 (\d+) 份/);
  return m ? { read: Number(m[1]), cached: Number(m[2]) } : null;
};

describe('loading a folder of precedents', () => {
  it('reads .txt, .md, .docx and .doc in UTF-8 and GB18030, with metadata from front matter and sidecars', async () => {
    put('utf8.txt', ['---', 'city: 无锡市', 'year: 2019', 'level: 市', '---', PLAN('2019年质量工作要点', '加强品牌培育。培育一批无锡品牌。')].join('\n'));
    put('gb.md', iconv.encode(PLAN('2018年常州市质量工作要点', '推进标准化建设。主导制定国家标准5项。'), 'gb18030'));
    copyFileSync(path.join(fixtures, 'plan-excerpt.docx'), path.join(dir, 'excerpt.docx'));
    put('excerpt.docx.meta.json', JSON.stringify({ docNumber: '苏府〔2016〕63号', level: '市' }));
    copyFileSync(path.join(fixtures, 'plan-excerpt.doc'), path.join(dir, 'old.doc'));
    put('old.meta.json', JSON.stringify({ city: '昆山市', prefecture: '苏州市', year: 2015 }));
    const index = await library().index();

    expect(index.docs.map((d) => path.basename(d.file)).sort()).toEqual(['excerpt.docx', 'gb.md', 'old.doc', 'utf8.txt']);
    expect(byName(index, 'utf8.txt')).toMatchObject({ city: '无锡市', year: 2019, level: '市' });
    expect(byName(index, 'utf8.txt')!.text).not.toContain('city:');
    expect(byName(index, 'utf8.txt')!.model.tasks[0]).toMatchObject({ title: '加强品牌培育', line: 7 }); // the file's own line
    expect(byName(index, 'gb.md')).toMatchObject({ city: '常州市', year: 2018 });
    expect(byName(index, 'gb.md')!.model.tasks[0].title).toBe('推进标准化建设');
    expect(byName(index, 'excerpt.docx')).toMatchObject({ city: '苏州市', year: 2016, docNumber: '苏府〔2016〕63号', level: '市' });
    expect(byName(index, 'old.doc')).toMatchObject({ city: '昆山市', prefecture: '苏州市', year: 2015 });
    const [best] = findSimilarTasks(index, '建立品牌培育库');
    expect(best.doc.file).toMatch(/excerpt\.docx|old\.doc/);
    expect(logs.filter((l) => l.includes('跳过'))).toEqual([]);
  });

  it('skips a binary, a broken Word file and a bad sidecar with one line each, and loads the rest', async () => {
    put('good.txt', PLAN('2020年质量工作要点', '加强品牌培育。'));
    put('binary.txt', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    put('broken.docx', 'PK\u0003\u0004 not really a zip');
    put('good.txt.meta.json', '{city: 无锡');
    const index = await library().index();
    expect(index.docs.map((d) => path.basename(d.file))).toEqual(['good.txt']);
    const skipped = logs.filter((l) => l.includes('跳过'));
    expect(skipped).toHaveLength(2);
    expect(skipped.find((l) => l.includes('binary.txt'))).toMatch(/不是文本文件/);
    expect(skipped.find((l) => l.includes('broken.docx'))).toMatch(/Word/);
    expect(logs.filter((l) => l.includes('good.txt.meta.json'))).toHaveLength(1);
  });

  it('takes folders from any source, and drops a source\'s plans when it names none', async () => {
    const other = path.join(dir, '..', `other-${n}`);
    mkdirSync(other);
    writeFileSync(path.join(other, 'x.txt'), PLAN('2021年某市质量工作要点', '强化特种设备安全监察。'));
    put('a.txt', PLAN('2020年质量工作要点', '加强品牌培育。'));
    const lib = library();
    expect((await lib.index()).docs).toHaveLength(1);
    lib.setFolders([other], 'team-config');
    expect((await lib.index()).docs.map((d) => path.basename(d.file))).toEqual(['a.txt', 'x.txt']);
    lib.setFolders([other], 'setting'); // named twice, read once
    expect((await lib.index()).docs).toHaveLength(2);
    lib.setFolders([], 'team-config');
    expect((await lib.index()).docs).toHaveLength(2);
    lib.setFolders([], 'setting');
    expect((await lib.index()).docs.map((d) => path.basename(d.file))).toEqual(['a.txt']);
  });
});

describe('incremental re-indexing', () => {
  it('re-reads only the plan that changed, appeared or disappeared', async () => {
    for (let i = 0; i < 5; i++) put(`p${i}.txt`, PLAN(`2020年质量工作要点${i}`, `加强品牌培育${i}。`));
    const lib = library();
    const first = await lib.index();
    expect(first.docs).toHaveLength(5);
    expect(counts()).toEqual({ read: 5, cached: 0 });

    put('p1.txt', PLAN('2020年质量工作要点1', '强化电梯安全监察。'));
    utimesSync(path.join(dir, 'p1.txt'), new Date(), new Date(Date.now() + 5000));
    put('p5.txt', PLAN('2020年质量工作要点5', '推进计量检测能力建设。'));
    unlinkSync(path.join(dir, 'p3.txt'));
    lib.changed();
    const next = await lib.index();
    expect(counts()).toEqual({ read: 2, cached: 0 });
    expect(next.docs.map((d) => path.basename(d.file)).sort()).toEqual(['p0.txt', 'p1.txt', 'p2.txt', 'p4.txt', 'p5.txt']);
    expect(findSimilarTasks(next, '强化电梯安全监察')[0].doc.file).toBe(path.join(dir, 'p1.txt'));
    expect(findSimilarTasks(next, '加强品牌培育3', { threshold: 0, top: 10 }).some((r) => r.doc.file.endsWith('p3.txt'))).toBe(false);
    // the plans that did not change are the same objects: not re-read, not re-analysed
    expect(byName(next, 'p0.txt')).toBe(byName(first, 'p0.txt'));

    lib.changed();
    expect(await lib.ready()).toBe(next); // a hover does not wait for the rescan
    await lib.index();
    expect(logs.filter((l) => l.includes('已更新'))).toHaveLength(1); // nothing changed: no update
  });

  it('follows a change of a sidecar', async () => {
    put('a.txt', PLAN('2020年质量工作要点', '加强品牌培育。'));
    const lib = library();
    expect(byName(await lib.index(), 'a.txt')!.city).toBeNull();
    put('a.meta.json', '{"city": "嘉兴市"}');
    lib.changed();
    expect(byName(await lib.index(), 'a.txt')!.city).toBe('嘉兴市');
  });

  it('picks up a file written into a watched folder without being told', async () => {
    put('a.txt', PLAN('2020年质量工作要点', '加强品牌培育。'));
    const lib = library({ watch: true });
    expect((await lib.index()).docs).toHaveLength(1);
    put('b.txt', PLAN('2020年某市质量工作要点', '强化特种设备安全监察。'));
    let docs = 1;
    while (docs < 2) {
      await new Promise((r) => setTimeout(r, 50));
      docs = (await lib.index()).docs.length;
    }
    expect(findSimilarTasks(await lib.index(), '特种设备安全监察')[0].doc.file).toBe(path.join(dir, 'b.txt'));
  });
});

describe('disk cache', () => {
  it('lets a restart read no plan again, and re-reads one whose mtime changed', async () => {
    const cacheDir = path.join(dir, '..', `cache-${n}`);
    const plans = path.join(dir, 'plans');
    mkdirSync(plans);
    copyFileSync(path.join(fixtures, 'plan-excerpt.docx'), path.join(plans, 'a.docx'));
    writeFileSync(path.join(plans, 'b.txt'), ['---', 'city: 无锡市', '---', PLAN('2019年质量工作要点', '加强品牌培育。')].join('\n'));
    const coldLibrary = library({ cache: new PrecedentCache(cacheDir, (m) => logs.push(m)) }, [plans]);
    const cold = await coldLibrary.index();
    expect(counts()).toEqual({ read: 2, cached: 0 });
    await coldLibrary.cacheWritten(); // the index does not wait for the cache
    expect(readdirSync(path.join(cacheDir, 'precedents'))).toHaveLength(2);

    const warm = await library({ cache: new PrecedentCache(cacheDir, (m) => logs.push(m)) }, [plans]).index();
    expect(counts()).toEqual({ read: 0, cached: 2 });
    const view = (i: PrecedentIndex) => i.docs.map((d) => ({ file: d.file, city: d.city, year: d.year, text: d.text, model: d.model }));
    expect(view(warm)).toEqual(view(cold));
    expect(findSimilarTasks(warm, '加大品牌培育力度').map((r) => r.score)).toEqual(findSimilarTasks(cold, '加大品牌培育力度').map((r) => r.score));

    utimesSync(path.join(plans, 'b.txt'), new Date(), new Date(Date.now() + 10_000));
    await library({ cache: new PrecedentCache(cacheDir, (m) => logs.push(m)) }, [plans]).index();
    expect(counts()).toEqual({ read: 1, cached: 1 });
  });

  it('ignores entries of another analyser version and torn files', async () => {
    const cacheDir = path.join(dir, 'cache');
    const plans = path.join(dir, 'plans');
    mkdirSync(plans);
    writeFileSync(path.join(plans, 'b.txt'), PLAN('2019年质量工作要点', '加强品牌培育。'));
    const old = library({ cache: new PrecedentCache(cacheDir, () => undefined, 'old-version') }, [plans]);
    await old.index();
    await old.cacheWritten();
    const current = library({ cache: new PrecedentCache(cacheDir, () => undefined) }, [plans]);
    await current.index();
    expect(counts()).toEqual({ read: 1, cached: 0 });
    await current.cacheWritten();
    for (const f of readdirSync(path.join(cacheDir, 'precedents'))) writeFileSync(path.join(cacheDir, 'precedents', f), '{"file":');
    const index = await library({ cache: new PrecedentCache(cacheDir, () => undefined) }, [plans]).index();
    expect(counts()).toEqual({ read: 1, cached: 0 });
    expect(index.docs).toHaveLength(1);
  });

  it('prunes entries not written for 60 days, and nothing younger', async () => {
    const cacheDir = path.join(dir, 'cache');
    const cache = new PrecedentCache(cacheDir, () => undefined);
    const record = { text: PLAN('2020年质量工作要点', '加强品牌培育。'), meta: {}, model: analyzePlan(PLAN('2020年质量工作要点', '加强品牌培育。')) };
    await cache.put(path.join(dir, 'a.txt'), '1:1|-|-', record);
    await cache.put(path.join(dir, 'b.txt'), '1:1|-|-', record);
    expect(await cache.get(path.join(dir, 'a.txt'), '1:1|-|-')).toEqual(record);
    const entries = readdirSync(path.join(cacheDir, 'precedents'));
    expect(entries).toHaveLength(2);
    const old = new Date(Date.now() - 61 * 86_400_000);
    utimesSync(path.join(cacheDir, 'precedents', entries[0]), old, old);
    expect(await cache.prune()).toBe(1);
    expect(readdirSync(path.join(cacheDir, 'precedents'))).toEqual([entries[1]]);
    expect(await new PrecedentCache(path.join(dir, 'none'), () => undefined).prune()).toBe(0);
  });

  it('logs one line and still indexes when the cache folder cannot be written', async () => {
    const blocker = path.join(dir, 'file-not-folder');
    writeFileSync(blocker, 'x');
    put('a.txt', PLAN('2020年质量工作要点', '加强品牌培育。'));
    put('b.txt', PLAN('2020年质量工作要点', '强化特种设备安全监察。'));
    const lib = library({ cache: new PrecedentCache(blocker, (m) => logs.push(m)) });
    const index = await lib.index();
    expect(index.docs.length).toBeGreaterThanOrEqual(2);
    await lib.cacheWritten();
    expect(logs.filter((l) => l.includes('无法写入先例缓存'))).toHaveLength(1);
  });
});

describe('precedentFoldersOf (the qplan.precedentFolders setting)', () => {
  it('resolves relative paths against the workspace folder, keeps absolute ones, drops junk', () => {
    const base = path.join(tmpRoot, 'ws');
    expect(precedentFoldersOf(['先例', path.join(tmpRoot, 'abs'), '', 3, null, '先例'], base)).toEqual([path.join(base, '先例'), path.join(tmpRoot, 'abs')]);
    expect(precedentFoldersOf(['先例'], undefined)).toEqual([]);
    expect(precedentFoldersOf('先例', base)).toEqual([]);
  });
});
