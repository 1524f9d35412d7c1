// The library snapshot: a restart over unchanged folders loads docs and index from one file and
// answers every look-up as the library that wrote it; a changed plan alone is re-read; a damaged
// or old snapshot is logged once and the library built as before.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildPrecedentIndex,
  exportPrecedentIndex,
  findSameIndicator,
  findSimilarTasks,
  importPrecedentIndex,
  makePrecedentDoc,
  taskText,
  updatePrecedentIndex,
  type PrecedentDoc,
  type PrecedentIndex,
} from '../../server/src/core';
import { PrecedentCache, PrecedentLibrary } from '../../server/src/precedents';

const seedsDir = path.resolve(__dirname, '../../seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(path.join(seedsDir, f), 'utf8') }));
const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'qplan-snapshot-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

const CITIES = ['无锡市', '常州市', '南通市', '温州市', '嘉兴市', '绍兴市', '台州市'];

/** Plan k of a generated library: a seed with another city, some numbers moved and a task of its own. */
function generated(k: number): string {
  const seed = seeds[k % seeds.length].text;
  const city = CITIES[k % CITIES.length];
  let i = 0;
  const moved = seed.replace(/(\d+)(%|家|个|项)/g, (m, n: string, unit: string) => (i++ % 3 === k % 3 ? `${Number(n) + (k % 7)}${unit}` : m));
  return `${moved.replace(/^(\S{0,6}?)市/, `${city}`)}\n（九十九）推进第${k}号专项行动。建设${city}质量品牌示范区${k}个，培育标准化试点${k % 9}项。\n`;
}

let dir: string;
let cacheDir: string;
let logs: string[];
let libraries: PrecedentLibrary[];
let n = 0;

beforeEach(() => {
  dir = path.join(tmpRoot, `case-${n}`);
  cacheDir = path.join(tmpRoot, `cache-${n++}`);
  mkdirSync(dir);
  logs = [];
  libraries = [];
});
afterEach(() => libraries.forEach((l) => l.dispose()));

function library(analyser?: string): PrecedentLibrary {
  const cache = new PrecedentCache(cacheDir, (m) => logs.push(m), analyser);
  const lib = new PrecedentLibrary((m) => logs.push(m), () => [dir], { cache, snapshotDelayMs: 60_000 });
  libraries.push(lib);
  return lib;
}

function writeLibrary(count: number): void {
  seeds.forEach((s) => writeFileSync(path.join(dir, s.file), s.text));
  for (let k = 0; k < count; k++) writeFileSync(path.join(dir, `gen-${String(k).padStart(3, '0')}.txt`), generated(k));
}

/** Queries a drafter would hover: every seed task's text, a few phrases, every seed target's metric. */
const taskQueries = seeds.flatMap((s) => {
  const doc = makePrecedentDoc(s.file, s.text);
  return doc.model.tasks.map((t) => taskText(doc.model, doc.text, t));
});
const phrases = ['加大品牌培育力度', '特种设备安全监察', '推进标准化建设', '质量基础设施一站式服务'];
const metrics = [...new Set(seeds.flatMap((s) => makePrecedentDoc(s.file, s.text).model.targets.map((t) => t.metric)))];

/** Everything a hover shows from the index: found tasks with plan, place, task, score, excerpt; indicator rows. */
function answers(index: PrecedentIndex) {
  const tasks = [...taskQueries, ...phrases].map((q) =>
    findSimilarTasks(index, q, { top: 5, excludeFile: index.docs[0]?.file }).map((r) => ({
      file: r.doc.file,
      city: r.doc.city,
      year: r.doc.year,
      task: r.task,
      score: r.score,
      excerpt: r.excerpt,
    })),
  );
  const targets = metrics.map((m) => findSameIndicator(index, m).map((r) => ({ file: r.doc.file, target: r.target, city: r.doc.city })));
  return { tasks, targets, docs: index.docs.map((d) => ({ ...d })), taskCount: index.taskCount, termCount: index.termCount };
}

const snapshotFiles = () => readdirSync(path.join(cacheDir, 'precedents')).filter((f) => f.endsWith('.snapshot'));
const lastBuilt = () => logs.filter((l) => l.includes('先例库')).at(-1) ?? '';

describe('index image (core)', () => {
  it('gives back an index that answers like the original, also after plans were removed and added', () => {
    const docs = seeds.map((s) => makePrecedentDoc(s.file, s.text));
    const more = Array.from({ length: 30 }, (_, k) => makePrecedentDoc(`gen-${k}.txt`, generated(k)));
    let index = buildPrecedentIndex([...docs, ...more.slice(0, 20)]);
    const fresh = answers(index);
    const copy = (i: PrecedentIndex) => {
      const image = exportPrecedentIndex(i);
      const docsCopy = JSON.parse(JSON.stringify(i.docs)) as PrecedentDoc[];
      return importPrecedentIndex(image, docsCopy);
    };
    expect(answers(copy(index))).toEqual(fresh);
    // removals (dead entries, then swept) and additions: the copy still answers as the original
    index = updatePrecedentIndex(index, { remove: more.slice(0, 12).map((d) => d.file), add: more.slice(20) });
    const restored = copy(index);
    expect(answers(restored)).toEqual(answers(index));
    // and both keep taking updates alike
    const again = [makePrecedentDoc('late.txt', generated(77))];
    expect(answers(updatePrecedentIndex(restored, { add: again, remove: [docs[1].file] }))).toEqual(answers(updatePrecedentIndex(index, { add: again, remove: [docs[1].file] })));
  });

  it('refuses an image whose arrays do not fit together', () => {
    const index = buildPrecedentIndex(seeds.map((s) => makePrecedentDoc(s.file, s.text)));
    const image = exportPrecedentIndex(index);
    const entries = image.arrays['body.entries'] as Int32Array;
    entries[0] = 1 << 30;
    expect(() => importPrecedentIndex(image, index.docs)).toThrow();
    expect(() => importPrecedentIndex(exportPrecedentIndex(index), index.docs.slice(1))).toThrow();
  });
});

describe('library snapshot', () => {
  it('lets a restart load the seeds and 50 generated plans from one file, answering exactly as a fresh build', async () => {
    writeLibrary(50);
    const first = library();
    const built = await first.index();
    expect(built.docs).toHaveLength(55);
    const bytes = await first.snapshotWritten();
    expect(bytes).toBeGreaterThan(0);
    expect(snapshotFiles()).toHaveLength(1);
    // the per-plan entries are not needed: the snapshot holds the docs
    for (const f of readdirSync(path.join(cacheDir, 'precedents'))) if (f.endsWith('.json')) rmSync(path.join(cacheDir, 'precedents', f));

    const restarted = await library().index();
    expect(lastBuilt()).toContain('已由快照载入');
    expect(answers(restarted)).toEqual(answers(built));
    // and a library built without any cache agrees too
    const plain = new PrecedentLibrary(() => undefined, () => [dir]);
    expect(answers(await plain.index())).toEqual(answers(built));
    expect(logs.filter((l) => l.includes('不可用'))).toEqual([]);
  });

  it('re-reads only the plan that changed, and the plans added or removed, on top of the snapshot', async () => {
    writeLibrary(12);
    const first = library();
    await first.index();
    await first.snapshotWritten();

    const changed = path.join(dir, 'gen-004.txt');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}（一百）开展计量器具强制检定专项整治。\n`);
    utimesSync(changed, new Date(), new Date(Date.now() + 10_000));
    writeFileSync(path.join(dir, 'new.txt'), generated(40));
    rmSync(path.join(dir, 'gen-007.txt'));
    const lib = library();
    const index = await lib.index();
    expect(lastBuilt()).toContain('由快照载入并更新（加入 2 份、撤下 2 份）');
    expect(lastBuilt()).toMatch(/读取 2 份，取自缓存 0 份/);
    expect(index.docs.map((d) => path.basename(d.file)).sort()).toEqual(readdirSync(dir).sort());
    expect(findSimilarTasks(index, '计量器具强制检定专项整治')[0].doc.file).toBe(changed);
    // the same plans, tasks and indicator rows as a library built from the files
    const plain = await new PrecedentLibrary(() => undefined, () => [dir]).index();
    const key = (i: PrecedentIndex) => i.docs.map((d) => [d.file, d.text]).sort();
    expect(key(index)).toEqual(key(plain));
    expect(index.taskCount).toBe(plain.taskCount);
    for (const m of metrics) expect(findSameIndicator(index, m).length).toBe(findSameIndicator(plain, m).length);

    // the updated library is snapshotted again, and the next restart needs no plan read
    expect(await lib.snapshotWritten()).toBeGreaterThan(0);
    const third = await library().index();
    expect(lastBuilt()).toContain('已由快照载入');
    expect(answers(third)).toEqual(answers(index));
  });

  it('loads the snapshot of the whole set of folders when a large folder joins after the first look-up', async () => {
    const small = path.join(dir, 'small');
    const large = path.join(dir, 'large');
    mkdirSync(small);
    mkdirSync(large);
    seeds.slice(0, 2).forEach((s) => writeFileSync(path.join(small, s.file), s.text));
    for (let k = 0; k < 20; k++) writeFileSync(path.join(large, `gen-${k}.txt`), generated(k));
    const open = () => {
      const lib = new PrecedentLibrary((m) => logs.push(m), () => [small], { cache: new PrecedentCache(cacheDir, (m) => logs.push(m)), snapshotDelayMs: 60_000 });
      libraries.push(lib);
      return lib;
    };
    const first = open();
    first.setFolders([large], 'setting'); // known at the first look-up
    const built = await first.index();
    expect(built.docs).toHaveLength(22);
    await first.snapshotWritten();

    // the next session looks up before the setting arrives: the small folder alone, then both
    const second = open();
    expect((await second.index()).docs).toHaveLength(2);
    second.setFolders([large], 'setting');
    const both = await second.index();
    expect(lastBuilt()).toContain('已由快照载入');
    expect(answers(both)).toEqual(answers(built));
  });

  it('ignores a truncated or damaged snapshot with one log line, and builds as before', async () => {
    writeLibrary(5);
    const first = library();
    const built = await first.index();
    await first.snapshotWritten();
    const file = path.join(cacheDir, 'precedents', snapshotFiles()[0]);
    const whole = readFileSync(file);

    truncateSync(file, Math.floor(whole.length / 2));
    const a = await library().index();
    expect(logs.filter((l) => l.includes('快照') && l.includes('不可用'))).toHaveLength(1);
    expect(lastBuilt()).toContain('已建立');
    expect(answers(a)).toEqual(answers(built));

    // one byte changed in the middle of the index's arrays
    const damaged = Buffer.from(whole);
    damaged[Math.floor(whole.length / 3)] ^= 0x5a;
    writeFileSync(file, damaged);
    logs = [];
    const b = await library().index();
    expect(logs.filter((l) => l.includes('不可用'))).toHaveLength(1);
    expect(answers(b)).toEqual(answers(built));

    writeFileSync(file, 'not a snapshot');
    logs = [];
    const c = library();
    expect(answers(await c.index())).toEqual(answers(built));
    expect(logs.filter((l) => l.includes('不可用'))).toHaveLength(1);
    // and the snapshot is written afresh, for the next start
    expect(await c.snapshotWritten()).toBeGreaterThan(0);
    expect(answers(await library().index())).toEqual(answers(built));
    expect(lastBuilt()).toContain('已由快照载入');
  });

  it('ignores a snapshot written by another analyser version', async () => {
    writeLibrary(3);
    const old = library('old-version');
    const built = await old.index();
    await old.snapshotWritten();
    logs = [];
    const index = await library().index();
    expect(logs.filter((l) => l.includes('不可用') && l.includes('版本不同'))).toHaveLength(1);
    expect(lastBuilt()).toContain('已建立');
    expect(answers(index)).toEqual(answers(built));
  });

  it('writes no snapshot when the library is not quiet long enough, nor without a cache', async () => {
    writeLibrary(2);
    const lib = library();
    await lib.index();
    lib.dispose(); // the pending write is dropped
    // The per-plan cache is written in the background; once it is, its folder holds no snapshot.
    // (Listing it before could catch the folder half made, its parent there but not it yet.)
    await lib.cacheWritten();
    expect(snapshotFiles()).toEqual([]);
    const plain = new PrecedentLibrary(() => undefined, () => [dir]);
    await plain.index();
    expect(await plain.snapshotWritten()).toBeNull();
  });
});
