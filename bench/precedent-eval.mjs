// Precedent look-up quality: freshly written draft tasks against the five seeds, recall@3 and hit@3.
// Run: node bench/precedent-eval.mjs [--threshold X]   (bundles the core with esbuild first)
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'bench/out/precedent-core.cjs');
mkdirSync(path.dirname(outFile), { recursive: true });
await esbuild.build({
  entryPoints: [path.join(root, 'server/src/core/index.ts')],
  outfile: outFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const core = createRequire(import.meta.url)(outFile);

const thresholdArg = process.argv.indexOf('--threshold');
const threshold = thresholdArg > 0 ? Number(process.argv[thresholdArg + 1]) : undefined;

/**
 * Queries written for this evaluation (not copied from the seeds), each with the seed tasks a
 * drafter would want to see, as "seed:line" (seed number, 1-based line of the task).
 */
const QUERIES = [
  ['实施品牌培育工程，支持企业争创省级名牌和驰名商标', ['000:21', '000:22', '004:45', '001:20', '003:259']],
  ['强化电梯、锅炉等特种设备安全监察，开展隐患排查', ['002:13', '003:285']],
  ['推进计量检测能力建设，整治集贸市场计量器具', ['002:55', '003:277']],
  ['建设食品安全追溯体系，加强餐饮环节食品安全监管', ['003:283', '000:29']],
  ['健全企业质量信用档案，建立失信企业黑名单制度', ['002:27', '002:29', '001:26', '004:75']],
  ['设立政府质量奖，对获奖企业给予奖励', ['000:26', '002:35']],
  ['推行装配式建筑和绿色建材，提升建设工程质量', ['003:262', '003:261', '000:30', '004:51', '001:30']],
  ['开展质量月宣传活动，普及质量知识', ['002:65', '000:19', '003:294']],
  ['加快检验检测公共服务平台建设，推动检测机构整合', ['004:73', '002:59', '003:279']],
  ['提升旅游、物流等服务业服务质量和顾客满意度', ['000:31', '004:53', '003:266', '001:29']],
  ['改善大气和水环境质量，降低PM2.5浓度', ['000:32', '003:272', '004:55']],
  ['落实企业质量主体责任，建立首席质量官制度', ['000:33', '002:21', '002:23', '003:288']],
  ['将质量工作纳入政府绩效考核，开展质量工作考核', ['000:17', '002:33', '003:295', '004:83', '001:33']],
  ['主导或参与制定国际标准、国家标准和行业标准', ['003:278', '002:53', '001:21', '004:41', '003:257']],
  ['成立质量强市工作领导小组，加强对质量工作的统筹协调', ['001:32', '003:292', '004:79', '002:67']],
  ['争创全国质量强市示范城市', ['000:15', '002:37']],
];

const seedDir = path.join(root, 'seeds');
const docs = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => core.makePrecedentDoc(`seeds/${f}`, readFileSync(path.join(seedDir, f), 'utf8')));
const index = core.buildPrecedentIndex(docs);
const key = (r) => `${r.doc.file.slice(6, 9)}:${r.task.line + 1}`;

let recallSum = 0;
let hits = 0;
for (const [query, expected] of QUERIES) {
  const found = core.findSimilarTasks(index, query, { top: 3, ...(threshold === undefined ? {} : { threshold }) }).map(key);
  const got = found.filter((k) => expected.includes(k)).length;
  const recall = got / Math.min(3, expected.length);
  recallSum += recall;
  if (got > 0) hits++;
  console.log(`${recall.toFixed(2)}  ${query}  →  ${found.join(' ') || '（无）'}   期望 ${expected.join(' ')}`);
}
console.log(`\n${QUERIES.length} 条查询，recall@3 = ${(recallSum / QUERIES.length).toFixed(3)}，hit@3 = ${(hits / QUERIES.length).toFixed(3)}` +
  `（阈值 ${threshold ?? '默认'}；recall@3 = 前 3 项中期望任务数 / min(3, 期望任务数)）`);
