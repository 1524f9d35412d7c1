// Precedent library at scale: synthetic libraries of 1 000 and 5 000 plans made by recombining and
// perturbing the five seeds, against the seeds themselves. For each size, in its own
// `node --expose-gc` process: analysis and index build time, peak RSS and heap after gc, and the
// latency of what a hover does (findSimilarTasks on a draft's task texts; the target hover's
// scan of every precedent target). Prints a markdown table and writes it into bench/README.md
// between the precedent-scale markers.
// Run: node bench/precedent-scale.mjs [sizes…]   (bundles the core with esbuild first; default 5 1000 5000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const lib = path.join(root, 'bench/out/precedent-scale-lib.cjs');
const QUERIES = 200;
const TARGET_QUERIES = 50;


// ---- deterministic generator ----

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['苏州市', '青岛市', '乐清市', '温州市', '宁波市', '无锡市', '常州市', '嘉兴市', '绍兴市', '台州市', '金华市', '湖州市',
  '泉州市', '厦门市', '佛山市', '东莞市', '中山市', '烟台市', '潍坊市', '临沂市', '济宁市', '洛阳市', '襄阳市', '宜昌市', '株洲市',
  '芜湖市', '赣州市', '柳州市', '绵阳市', '遵义市', '曲靖市', '宝鸡市', '天水市', '包头市', '大庆市', '吉林市', '鞍山市', '唐山市'];
/** Ideographs common in plans, used to perturb a few characters. */
const POOL = '质量品牌标准计量检测认证企业产业服务工程建设安全监管提升创新发展体系机制培育制度市场产品技术平台示范';

/**
 * The seeds, analysed once: each as its lines and its tasks' line ranges (heading line to end line),
 * so a synthetic plan can keep a seed's skeleton and swap task blocks in from other seeds.
 */
function seedParts(core, seeds) {
  return seeds.map(({ text }) => {
    const model = core.analyzePlan(text);
    const lines = text.split('\n');
    const blocks = model.tasks.map((t) => [t.line, t.endLine]).filter(([a, b]) => b >= a);
    const city = core.cityOfPlan(model, text);
    return { lines, blocks, city };
  });
}

/**
 * Synthetic plan `k`: a seed's skeleton; about a third of its task blocks replaced by tasks of
 * other seeds; its city swapped; numbers perturbed (±20 %), about 1 % of characters replaced, and a
 * few sentences dropped or duplicated.
 */
function synthesize(parts, k) {
  const r = rng(0x9e3779b9 ^ (k * 2654435761));
  const base = parts[k % parts.length];
  const out = [];
  let b = 0;
  for (let i = 0; i < base.lines.length; ) {
    const block = base.blocks[b];
    if (block && i === block[0]) {
      let src = base;
      let [s, e] = block;
      if (r() < 0.35) {
        src = parts[Math.floor(r() * parts.length)];
        if (src.blocks.length > 0) [s, e] = src.blocks[Math.floor(r() * src.blocks.length)];
        else [src, s, e] = [base, block[0], block[1]];
      }
      const heading = base.lines[block[0]];
      const taken = src.lines.slice(s, e + 1);
      // keep the skeleton's heading numbering (一、(一) …) with the swapped-in title
      const num = heading.match(/^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])/);
      const numT = taken[0].match(/^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])/);
      if (num && numT) taken[0] = num[0] + taken[0].slice(numT[0].length);
      out.push(...taken);
      i = block[1] + 1;
      b++;
      continue;
    }
    while (block && i > block[0]) b++;
    out.push(base.lines[i]);
    i++;
  }
  const city = CITIES[Math.floor(r() * CITIES.length)];
  let text = out.join('\n');
  if (base.city) text = text.split(base.city).join(city);
  text = text.replace(/\d+(\.\d+)?/g, (m) => {
    if (m.length === 4 && /^(19|20)\d\d$/.test(m)) return m; // years stay years
    if (r() < 0.5) return m;
    const v = Number(m) * (0.8 + 0.4 * r());
    return m.includes('.') ? v.toFixed(m.split('.')[1].length) : String(Math.max(1, Math.round(v)));
  });
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (r() < 0.01 && /[\u4e00-\u9fff]/.test(chars[i])) chars[i] = POOL[Math.floor(r() * POOL.length)];
  }
  text = chars.join('');
  // drop or duplicate a sentence in about 5 % of body lines
  return text
    .split('\n')
    .map((line) => {
      if (line.length < 40 || r() >= 0.05) return line;
      const sentences = line.split(/(?<=。)/);
      if (sentences.length < 2) return line;
      const j = Math.floor(r() * sentences.length);
      if (r() < 0.5) sentences.splice(j, 1);
      else sentences.splice(j, 0, sentences[j]);
      return sentences.join('');
    })
    .join('\n');
}

function child(size) {
  const core = createRequire(here)(lib);
  const seedDir = path.join(root, 'seeds');
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: `seeds/${f}`, text: readFileSync(path.join(seedDir, f), 'utf8') }));
  const parts = seedParts(core, seeds);
  const texts = size <= seeds.length ? seeds.slice(0, size) : Array.from({ length: size }, (_, k) => ({ file: `synthetic/${k}.txt`, text: synthesize(parts, k) }));
  // The draft being edited: every seed perturbed with numbers never used for the library.
  const drafts = seeds.map((_, k) => synthesize(parts, 1_000_000 + k));
  globalThis.gc();
  const heapTexts = process.memoryUsage().heapUsed;

  let t0 = performance.now();
  const docs = texts.map(({ file, text }) => core.makePrecedentDoc(file, text));
  const analyzeMs = performance.now() - t0;
  t0 = performance.now();
  const index = core.buildPrecedentIndex(docs);
  const buildMs = performance.now() - t0;
  globalThis.gc();
  const heapAfter = process.memoryUsage().heapUsed;

  // hover on a task: the draft's task texts, as precedentHover.taskPrecedents asks
  const draftTasks = [];
  const draftTargets = [];
  for (const text of drafts) {
    const model = core.analyzePlan(text);
    for (const task of model.tasks) draftTasks.push(core.taskText(model, text, task));
    draftTargets.push(...model.targets);
  }
  const queries = Array.from({ length: QUERIES }, (_, i) => draftTasks[(i * 7) % draftTasks.length]);
  for (let i = 0; i < 20; i++) core.findSimilarTasks(index, queries[i], { top: 3, excludeFile: 'draft.txt' });
  const taskTimes = [];
  let found = 0;
  for (const q of queries) {
    const s = performance.now();
    found += core.findSimilarTasks(index, q, { top: 3, excludeFile: 'draft.txt' }).length;
    taskTimes.push(performance.now() - s);
  }
  // hover on a target: targetPrecedents scans every precedent target with sameIndicator
  const labels = core.labelsFor('zh-cn');
  const withValue = draftTargets.filter((t) => t.metric);
  const tq = Array.from({ length: Math.min(TARGET_QUERIES, withValue.length) }, (_, i) => withValue[(i * 13) % withValue.length]);
  for (let i = 0; i < 3; i++) core.targetPrecedents(index, tq[i], 'draft.txt', labels);
  const targetTimes = [];
  for (const t of tq) {
    const s = performance.now();
    core.targetPrecedents(index, t, 'draft.txt', labels);
    targetTimes.push(performance.now() - s);
  }
  const quantile = (xs, q) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))];
  };
  const totalTargets = docs.reduce((n, d) => n + d.model.targets.length, 0);
  return {
    size,
    chars: texts.reduce((n, t) => n + t.text.length, 0),
    tasks: index.taskCount,
    grams: index.termCount,
    targets: totalTargets,
    analyzeMs,
    buildMs,
    maxRssKb: process.resourceUsage().maxRSS,
    heapIndexMb: (heapAfter - heapTexts) / 2 ** 20,
    heapMb: heapAfter / 2 ** 20,
    taskMedian: quantile(taskTimes, 0.5),
    taskP95: quantile(taskTimes, 0.95),
    found: found / queries.length,
    targetMedian: quantile(targetTimes, 0.5),
    targetP95: quantile(targetTimes, 0.95),
  };
}

/** The synthetic library of `size` plans as .txt files under `dir` (the seeds themselves at size 5). */
function writeCorpus(core, size, dir) {
  const seedDir = path.join(root, 'seeds');
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: f, text: readFileSync(path.join(seedDir, f), 'utf8') }));
  const parts = seedParts(core, seeds);
  rmSync(dir, { recursive: true, force: true });
  for (let k = 0; k < size; k++) {
    const sub = path.join(dir, String(Math.floor(k / 500)));
    if (k % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, size <= seeds.length ? seeds[k].file : `${k}.txt`), size <= seeds.length ? seeds[k].text : synthesize(parts, k));
  }
}

/**
 * The language server's path: PrecedentLibrary over the files, with the disk cache. "cold": an
 * empty cache (every file read and analysed, then cached, and the library snapshot written);
 * "snapshot": a new process starting from the snapshot (a restart, nothing changed); "warm": a new
 * process over the per-plan cache alone, snapshot off (a restart before snapshots), then one plan
 * rewritten and the index updated; "snapshot-changed": a restart from the snapshot after that
 * plan changed (the snapshot loaded, the plan re-read and updated in).
 */
async function cacheChild(size, phase, corpusDir, cacheDir) {
  const core = createRequire(here)(lib);
  if (phase === 'cold') {
    writeCorpus(core, size, corpusDir);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const snapshot = phase !== 'warm';
  const library = new core.PrecedentLibrary(() => undefined, () => [corpusDir], { cache: new core.PrecedentCache(cacheDir, () => undefined), snapshot, snapshotDelayMs: 3_600_000 });
  let t0 = performance.now();
  const index = await library.index();
  const loadMs = performance.now() - t0;
  const out = { size, phase, loadMs, maxRssKb: process.resourceUsage().maxRSS, plans: index.docs.length };
  await library.cacheWritten();
  if (phase === 'cold') {
    // the write runs in the background: how long does it hold up other requests at most?
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    t0 = performance.now();
    out.snapshotBytes = await library.snapshotWritten();
    out.snapshotWriteMs = performance.now() - t0;
    stalls.disable();
    out.snapshotStallMs = stalls.max / 1e6;
  }
  if (phase === 'warm') {
    // a changed plan: rewritten with one task more, then the index brought up to date
    const file = index.docs[Math.floor(index.docs.length / 2)].file;
    const times = [];
    for (let i = 0; i < 5; i++) {
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n（九十九）新增一项任务${i}。加强质量基础设施建设。\n`);
      const t = new Date(Date.now() + (i + 1) * 2000);
      utimesSync(file, t, t);
      t0 = performance.now();
      library.changed();
      await library.index();
      times.push(performance.now() - t0);
    }
    out.updateMs = times.sort((a, b) => a - b)[2];
  }
  return out;
}

async function parent() {
  const esbuild = await import('esbuild');
  mkdirSync(path.dirname(lib), { recursive: true });
  const entry = path.join(root, 'bench/out/precedent-scale-entry.ts');
  writeFileSync(entry, [
    `export * from '../../server/src/core';`,
    `export { targetPrecedents } from '../../server/src/features/precedentHover';`,
    `export { labelsFor } from '../../server/src/labels';`,
    `export { PrecedentLibrary, PrecedentCache } from '../../server/src/precedents';`,
  ].join('\n'));
  await esbuild.build({ entryPoints: [entry], outfile: lib, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const results = [];
  for (const size of sizes.length ? sizes : [5, 1000, 5000]) {
    process.stderr.write(`precedent-scale: ${size} plans\n`);
    const c = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', here, '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
    if (c.status !== 0) throw new Error(`precedent-scale ${size} failed: ${c.status} ${c.signal ?? ''}`);
    const r = JSON.parse(c.stdout.trim().split('\n').pop());
    // cold and warm start of the library over files, each in its own process
    const corpusDir = path.join(os.tmpdir(), `qplan-precedent-scale-${size}`);
    const cacheDir = path.join(os.tmpdir(), `qplan-precedent-scale-${size}-cache`);
    for (const phase of ['cold', 'snapshot', 'warm', 'snapshot-changed']) {
      const p = spawnSync(process.execPath, ['--max-old-space-size=8192', here, '--cache-child', String(size), phase, corpusDir, cacheDir], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
      if (p.status !== 0) throw new Error(`precedent-scale ${size} ${phase} failed: ${p.status} ${p.signal ?? ''}`);
      r[phase] = JSON.parse(p.stdout.trim().split('\n').pop());
    }
    rmSync(corpusDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    results.push(r);
  }
  const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const cpu = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name')).split(':')[1].trim();
    } catch {
      return os.cpus()[0]?.model ?? 'unknown';
    }
  })();
  const lines = [
    `Machine: ${os.cpus().length} CPUs, ${cpu}, ${Math.round(os.totalmem() / 2 ** 20)} MB RAM, Node ${process.version} on ${process.platform} ${process.arch}; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `| plans | chars (M) | tasks | distinct terms | analyse ms | index build ms | max RSS MB | heap after gc MB (index + models) | task hover median ms | task hover p95 ms | target hover median ms | target hover p95 ms |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.size === 5 ? '5 (seeds)' : r.size.toLocaleString('en').replace(/,/g, ' ')} | ${(r.chars / 1e6).toFixed(2)} | ${r.tasks} | ${r.grams} | ${f(r.analyzeMs)} | ${f(r.buildMs)} | ${(r.maxRssKb / 1024).toFixed(0)} | ${r.heapIndexMb.toFixed(0)} | ${f(r.taskMedian)} | ${f(r.taskP95)} | ${f(r.targetMedian)} | ${f(r.targetP95)} |`),
    '',
    `Task hover = \`findSimilarTasks\` (top 3, a draft file excluded) on ${QUERIES} task texts of a perturbed draft; ` +
      `target hover = \`targetPrecedents\` (\`findSameIndicator\`: each distinct normalized metric name compared once, rows gathered, deduplicated, tabled) on ${TARGET_QUERIES} of the draft's targets. ` +
      `"analyse" is \`makePrecedentDoc\` (analyzePlan) of every plan; "index build" is \`buildPrecedentIndex\` alone. Heap is measured after \`gc()\`, less the heap holding the texts.`,
    '',
    '**Start-up over files** (\`PrecedentLibrary\` as the language server runs it: list the folder, fingerprint each file, read and analyse it or take it from the disk cache, build the index; each phase in a fresh process):',
    '',
    '| plans | cold start ms (empty cache) | cold max RSS MB | warm start ms (restart, per-plan cache, no snapshot) | warm max RSS MB | one plan changed: update ms | warm start from snapshot ms | snapshot max RSS MB | from snapshot, one plan changed ms | snapshot MB on disk | snapshot write ms | longest stall while writing ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.size === 5 ? '5 (seeds)' : r.size.toLocaleString('en').replace(/,/g, ' ')} | ${f(r.cold.loadMs)} | ${(r.cold.maxRssKb / 1024).toFixed(0)} | ${f(r.warm.loadMs)} | ${(r.warm.maxRssKb / 1024).toFixed(0)} | ${f(r.warm.updateMs)} | ${f(r.snapshot.loadMs)} | ${(r.snapshot.maxRssKb / 1024).toFixed(0)} | ${f(r['snapshot-changed'].loadMs)} | ${(r.cold.snapshotBytes / 2 ** 20).toFixed(1)} | ${f(r.cold.snapshotWriteMs)} | ${f(r.cold.snapshotStallMs)} |`),
    '',
    'The snapshot (\`server/src/precedents/snapshot.ts\`) is one file: the index\'s typed arrays and every plan\'s doc as JSON, keyed by analyser version and each plan\'s (path, size, mtime) fingerprint; a start still lists and fingerprints every file, then loads the snapshot instead of reading the per-plan entries and building the index.',
  ];
  const table = lines.join('\n');
  console.log(table);
  if (!sizes.length || process.argv.includes('--write')) {
    const readme = path.join(root, 'bench/README.md');
    const START = '<!-- precedent-scale:start -->';
    const END = '<!-- precedent-scale:end -->';
    const section = `
## Precedent library at scale

\`bench/precedent-scale.mjs\` (run by \`npm run bench\`) generates libraries of 1 000 and 5 000 plans
by recombining and perturbing the five seeds (deterministically: each plan keeps one seed's
skeleton, about a third of its task blocks are swapped for tasks of other seeds, the city is
swapped, half of the numbers are moved by up to ±20 %, about 1 % of ideographs are replaced, and
about 5 % of long lines lose or repeat a sentence), and measures each size, the five seeds
included, in its own \`node --expose-gc\` process.

${START}
${END}
`;
    const current = existsSync(readme) ? readFileSync(readme, 'utf8') : '# Benchmarks\n';
    let base = current;
    if (!(current.includes(START) && current.includes(END))) {
      const anchor = current.includes('<!-- precedent-eval:end -->') ? '<!-- precedent-eval:end -->' : '<!-- lsp:end -->';
      const at = current.indexOf(anchor);
      base = at < 0 ? `${current.trimEnd()}\n${section}` : `${current.slice(0, at + anchor.length)}\n${section}${current.slice(at + anchor.length)}`;
    }
    writeFileSync(readme, `${base.slice(0, base.indexOf(START) + START.length)}\n${table}\n${base.slice(base.indexOf(END))}`);
    process.stderr.write('bench: wrote bench/README.md (precedent-scale section)\n');
  }
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(child(Number(process.argv[3]))));
} else if (process.argv[2] === '--cache-child') {
  console.log(JSON.stringify(await cacheChild(Number(process.argv[3]), process.argv[4], process.argv[5], process.argv[6])));
} else {
  await parent();
}
