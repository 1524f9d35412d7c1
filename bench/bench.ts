// One benchmark case per process: `node bench/out/bench.mjs <case> [MB]` prints its figures as JSON.
//
// bench/run.mjs bundles this file with the core, runs each case in a fresh Node process (so one
// case's garbage and JIT state do not colour the next) and writes the table to bench/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePlan, checkPlan, ruleInfo, type AnalysisOptions, type RuleId } from '../server/src/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedDir = path.join(root, 'seeds');
const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const seeds = seedFiles.map((f) => readFileSync(path.join(seedDir, f), 'utf8'));

const MB = 1024 * 1024;
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** A plan of at least `mb` MB of UTF-8: the seeds, whole, one after another, over and over. */
function buildPlan(mb: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * MB; i++) {
    const s = seeds[i % seeds.length];
    parts.push(s);
    bytes += Buffer.byteLength(s, 'utf8') + 1;
  }
  return parts.join('\n');
}

/** The rules issue 5 added to the first seven; turned off, checkPlan skips them before any work. */
const LATER_RULES_OFF: AnalysisOptions = {
  severities: Object.fromEntries(
    (Object.keys(ruleInfo) as RuleId[])
      .filter((r) => !['missing-lead', 'missing-target', 'heading-sequence', 'heading-style', 'heading-level', 'unbalanced-bracket', 'clause-format'].includes(r))
      .map((r) => [r, 'off']),
  ),
};

/** The full analysis an editor runs per keystroke: the model, then its diagnostics. */
function analyzeFully(text: string): number {
  const model = analyzePlan(text);
  return checkPlan(model, text).length + model.headings.length;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Keeps results observable so the JIT cannot drop the work. */
let sink = 0;

function warmUp(rounds: number): void {
  for (let r = 0; r < rounds; r++) for (const s of seeds) sink += analyzeFully(s);
}

/** Per-call latency on each seed, in microseconds: full analysis, and its two halves. */
function latency(runs: number) {
  warmUp(200);
  return seeds.map((text, i) => {
    const full: number[] = [];
    const parse: number[] = [];
    const check: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const model = analyzePlan(text);
      const t1 = performance.now();
      sink += checkPlan(model, text).length;
      const t2 = performance.now();
      full.push((t2 - t0) * 1000);
      parse.push((t1 - t0) * 1000);
      check.push((t2 - t1) * 1000);
    }
    full.sort((a, b) => a - b);
    return {
      seed: seedFiles[i],
      chars: text.length,
      bytes: Buffer.byteLength(text, 'utf8'),
      runs,
      medianUs: median(full),
      p95Us: quantile(full, 0.95),
      minUs: full[0],
      maxUs: full[full.length - 1],
      analyzeMedianUs: median(parse),
      checkMedianUs: median(check),
    };
  });
}

/** Counts matches of `re` over `text` with an exec loop: the "bare regex pass" the analysis is compared with. */
function regexPass(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function timeMs(fn: () => number): number {
  gc();
  const t0 = performance.now();
  sink += fn();
  return performance.now() - t0;
}

/** Time for a full analysis of an `mb` MB plan, beside two single-regex passes over the same string. */
function size(mb: number, runs: number) {
  const text = buildPlan(mb);
  const bytes = Buffer.byteLength(text, 'utf8');
  warmUp(50);
  const lineRe = /^[^\n]*牵头[^\n]*$/gm;
  const newlineRe = /\n/g;
  const leadLines = regexPass(lineRe, text);
  const newlines = regexPass(newlineRe, text);
  const analyze: number[] = [];
  const modelOnly: number[] = [];
  const firstRules: number[] = [];
  const regex: number[] = [];
  const nl: number[] = [];
  for (let r = 0; r < runs; r++) {
    regex.push(timeMs(() => regexPass(lineRe, text)));
    nl.push(timeMs(() => regexPass(newlineRe, text)));
    analyze.push(timeMs(() => analyzeFully(text)));
    modelOnly.push(timeMs(() => analyzePlan(text).headings.length));
    firstRules.push(timeMs(() => {
      const model = analyzePlan(text);
      return checkPlan(model, text, LATER_RULES_OFF).length;
    }));
  }
  const model = analyzePlan(text);
  return {
    mb,
    bytes,
    chars: text.length,
    lines: newlines + 1,
    leadLines,
    headings: model.headings.length,
    tasks: model.tasks.length,
    runs,
    analyzeMs: median(analyze),
    analyzeRunsMs: analyze,
    /** analyzePlan alone: the document model (qplan analyze), without the 17 rules. */
    modelMs: median(modelOnly),
    /** analyzePlan + the seven rules of the first check (issue 2), the ten later ones off. */
    firstRulesMs: median(firstRules),
    regexLineMs: median(regex),
    regexNewlineMs: median(nl),
  };
}

/** Peak RSS and retained heap after analysing an `mb` MB plan; `baseline` only builds the text. */
function memory(mb: number, analyse: boolean) {
  const text = buildPlan(mb);
  let kept: unknown = null;
  if (analyse) {
    const model = analyzePlan(text);
    kept = [model, checkPlan(model, text)];
  }
  gc();
  const heapUsed = process.memoryUsage().heapUsed;
  const maxRssKb = process.resourceUsage().maxRSS;
  sink += kept === null ? 0 : 1;
  return { mb, bytes: Buffer.byteLength(text, 'utf8'), analysed: analyse, maxRssKb, heapUsed, gcExposed: 'gc' in globalThis };
}

const [kind, arg] = process.argv.slice(2);
const mb = Number(arg ?? 0);
let result: unknown;
switch (kind) {
  case 'latency':
    result = latency(Number(arg ?? 2000));
    break;
  case 'size':
    result = size(mb, mb <= 1 ? 9 : mb <= 4 ? 7 : 5);
    break;
  case 'memory':
    result = memory(mb, true);
    break;
  case 'baseline':
    result = memory(mb, false);
    break;
  default:
    process.stderr.write('usage: bench.mjs latency [RUNS] | size MB | memory MB | baseline MB\n');
    process.exit(2);
}
process.stdout.write(JSON.stringify({ kind, result, sink: sink > 0 }) + '\n');
