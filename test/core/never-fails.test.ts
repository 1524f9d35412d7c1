// Parsing never fails: random, mutated and hostile texts give a well-formed model and diagnostics.
//
// Runs are seeded, so a failure reproduces; QPLAN_FC_SEED and QPLAN_FC_RUNS explore further
// (e.g. QPLAN_FC_RUNS=5000 npx vitest run --config test/vitest.config.ts test/core/never-fails).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan, checkPlan, type AnalysisOptions } from '../../server/src/core';
import { checkInvariants } from '../support/invariants';
import { guarded } from '../support/watchdog';

const SEED = Number(process.env.QPLAN_FC_SEED ?? 20240611);
const RUNS = Number(process.env.QPLAN_FC_RUNS ?? 200);
const fcParams = () => ({ seed: SEED, numRuns: RUNS });

const seedDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(seedDir + f, 'utf8'));

/** Analyses and checks `text` under the watchdog, then asserts every structural invariant. */
function analyzeSafely(label: string, text: string, options?: AnalysisOptions, limitMs?: number): void {
  guarded(
    label,
    text,
    () => {
      const model = analyzePlan(text);
      const diagnostics = checkPlan(model, text, {
        ...options,
        onInternalError: (e) => { throw new Error(`a rule failed internally: ${e instanceof Error ? e.stack : String(e)}`); },
      });
      checkInvariants(text, model, diagnostics);
    },
    limitMs,
  );
}

// ---- vocabulary of plan text: markers, brackets, clause words, target words, noise ----

const MARKERS = [
  '一、', '二、', '三、', '十一、', '二十二、', '、', '一.', '（一）', '(二)', '（二十二）', '（十', '1.', '2、', '3．', '10.',
  '（1）', '(2)', '（3', '①', '②', '⑳', '——', '--', '•', '- ', '第一章', '第十二章 ', '# ', '## ', '**一、**', '一是', '二是',
];
const BRACKETS = ['（', '）', '(', ')', '《', '》', '“', '”', '〔', '〕', '【', '】', '[', ']', '<', '>', '〈', '〉', '"'];
const CLAUSE_WORDS = [
  '牵头', '配合', '参加', '参与', '协同', '负责', '责任单位:', '责任单位：', '牵头单位：', '配合单位：', '协助单位:', '责任部门:',
  '各成员单位', '各有关部门', '市质监局', '市市场监管局', '市发展改革委', '县(市、区)政府', '各县级市<区>人民政府', '、', '，', ',',
  '；', ';', '：', ':', '。', '以下均需', '落实,不再列出', '设在市质监局', '征求意见稿', '以下简称“通知”',
];
const TARGET_WORDS = [
  '到2025年', '到“十四五”末', '2016年', '二〇一六年四月二十五日', '2016-04-25', '2019222', '苏府〔2016〕63号', '〔201817号', '95%', '94.5％',
  '以上', '以下', '不低于', '达到', '达', '達(dá)', '保持在', '稳定在', '控制在', '降至', '左右', '较2020年', '增长', '提高', '下降',
  '万', '亿元', '万件', '个百分点', '微克/立方米', '分', '个', '家', '项', '3-5个', '1—2个', '10~20', '0.5', '100%', '1e308', '9'.repeat(30),
  '十四五', '（2023—2025年）', '2011~2020年', 'PM2.5', '5S', '为零', '全覆盖', '分别达345件和100个',
];
const SECTION_WORDS = [
  '指导思想', '基本原则', '主要目标', '发展目标', '重点任务', '主要任务', '保障措施', '组织领导', '发展基础', '目录', '前言……1', '……',
  '索引号', '发布机构', '字体大小', '打印', '扫一扫在手机打开当前页', '(此件公开发布)', '附件', '任务分工表', '序号|重点任务|牵头单位',
  '行动计划', '实施方案', '通知', '苏州市人民政府', '质量强市',
];
const BREAKS = ['\n', '\r', '\r\n', '\n\n', '\r\r\n', '\u2028', '\u0085', '\f', '\v'];
const SPACES = [' ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff'];

const word = fc.constantFrom(...MARKERS, ...BRACKETS, ...CLAUSE_WORDS, ...TARGET_WORDS, ...SECTION_WORDS, ...BREAKS, ...SPACES);
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const token = fc.oneof(
  { arbitrary: word, weight: 10 },
  { arbitrary: fc.string({ unit: cjk, minLength: 1, maxLength: 12 }), weight: 5 },
  { arbitrary: fc.nat({ max: 100_000 }).map(String), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 },
  { arbitrary: surrogate, weight: 1 },
);
/** A line shaped like a plan line: marker, title, body, clause, so deeper code paths run. */
const planLine = fc
  .tuple(
    fc.option(fc.constantFrom(...MARKERS)),
    fc.array(token, { maxLength: 12 }),
    fc.option(fc.tuple(fc.constantFrom('（', '(', ''), fc.array(fc.constantFrom(...CLAUSE_WORDS), { maxLength: 8 }), fc.constantFrom('）', ')', ''))),
    fc.constantFrom(...BREAKS),
  )
  .map(([marker, body, clause, br]) => (marker ?? '') + body.join('') + (clause ? clause[0] + clause[1].join('') + clause[2] : '') + br);
/** A marker followed by a few edge characters: empty titles, stray separators, spaces before 。 */
const markerEdge = fc
  .tuple(
    fc.constantFrom(...MARKERS),
    fc.array(fc.constantFrom(...SPACES, '。', '：', ':', '；', '，', '、', '.', '）', ')', '（', '质', '一', '1', '#', '*'), { maxLength: 4 }),
    fc.constantFrom(...BREAKS, ''),
  )
  .map(([marker, edge, br]) => marker + edge.join('') + br);
const randomText = fc.array(fc.oneof(token, planLine, markerEdge), { maxLength: 200 }).map((parts) => parts.join(''));
const options: fc.Arbitrary<AnalysisOptions | undefined> = fc.option(
  fc.record(
    {
      locale: fc.constantFrom<'zh-cn' | 'en'>('zh-cn', 'en'),
      leadSections: fc.subarray(['context', 'principle', 'goal', 'task', 'safeguard'] as const),
      targetSections: fc.subarray(['context', 'principle', 'goal', 'task', 'safeguard'] as const),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

// ---- mutations of the real seeds ----

type Mutation =
  | { k: 'delete'; at: number; len: number }
  | { k: 'insert'; at: number; text: string }
  | { k: 'duplicate'; at: number; len: number; to: number }
  | { k: 'shuffle-lines'; seed: number }
  | { k: 'swap-lines'; a: number; b: number }
  | { k: 'truncate'; at: number }
  | { k: 'line-ends'; to: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(word, fc.constantFrom(...BRACKETS), token, planLine) }),
  fc.record({ k: fc.constant('duplicate' as const), at: fc.nat(), len: fc.nat({ max: 2000 }), to: fc.nat() }),
  fc.record({ k: fc.constant('shuffle-lines' as const), seed: fc.nat() }),
  fc.record({ k: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ k: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('line-ends' as const), to: fc.constantFrom('\r\n', '\r', '\n', '\n\n', '') }),
);

function splitLines(text: string): string[] {
  return text.split(/(?<=\r\n|\r(?!\n)|\n)/);
}

function mutate(text: string, m: Mutation): string {
  const at = (x: number) => x % (text.length + 1);
  switch (m.k) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.len);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'duplicate': {
      const piece = text.slice(at(m.at), at(m.at) + m.len);
      return text.slice(0, at(m.to)) + piece + text.slice(at(m.to));
    }
    case 'shuffle-lines': {
      const lines = splitLines(text);
      let s = m.seed >>> 0;
      for (let i = lines.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const j = s % (i + 1);
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('');
    }
    case 'swap-lines': {
      const lines = splitLines(text);
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('');
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'line-ends':
      return text.replace(/\r\n|\r|\n/g, m.to);
  }
}

/** A seed index and the mutations to apply: a counterexample prints as these, not as 30 KB of text. */
const mutatedSeed = fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) });

// ---- the tests ----

describe('the core never fails', () => {
  it('finds the five seeds', () => {
    expect(seeds).toHaveLength(5);
  });

  it('on the seeds as they are, in every line-end style', () => {
    seeds.forEach((s, i) => {
      for (const br of ['\n', '\r\n', '\r']) analyzeSafely(`seed ${i} ${JSON.stringify(br)}`, s.replace(/\r\n|\r|\n/g, br));
      analyzeSafely(`seed ${i} with BOM`, '\ufeff' + s);
    });
  });

  it('on random plan-like text', () => {
    fc.assert(
      fc.property(randomText, options, (text, opts) => analyzeSafely('random text', text, opts)),
      fcParams(),
    );
  });

  it('on mutated seeds', () => {
    fc.assert(
      fc.property(mutatedSeed, options, ({ seed, mutations }, opts) =>
        analyzeSafely(`mutated seed ${seed}`, mutations.reduce(mutate, seeds[seed]), opts),
      ),
      fcParams(),
    );
  }, 30_000);

  it('on random bytes read as latin1, UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        const buf = Buffer.from(bytes);
        analyzeSafely('bytes as latin1', buf.toString('latin1'));
        analyzeSafely('bytes as utf8', buf.toString('utf8'));
        analyzeSafely('bytes as utf16le', buf.toString('utf16le'));
      }),
      fcParams(),
    );
  });

  it('on lone surrogates and NULs mixed into text', () => {
    const odd = fc.oneof(surrogate, fc.constant('\0'), fc.constantFrom(...MARKERS, ...BRACKETS, ...BREAKS));
    fc.assert(
      fc.property(fc.array(odd, { maxLength: 2000 }), (parts) => analyzeSafely('surrogates and NULs', parts.join(''))),
      fcParams(),
    );
  });

  // Fixed hostile inputs, each well past what a property run would reach.
  const LONG = 100_000;
  const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const hostile: [string, () => string][] = [
    ['empty', () => ''],
    ['one line break', () => '\n'],
    ['100 000-character line of CJK', () => repeatTo('质量强市建设工作推进', LONG)],
    ['100 000-character line of one task', () => '（一）加强质量监管。' + repeatTo('完善质量安全追溯体系，', LONG) + '（市质监局牵头，各成员单位配合）'],
    ['100 000-character clause', () => '（一）任务。（' + repeatTo('市质监局、', LONG) + '牵头）'],
    ['100 000-character unclosed clause', () => '（一）任务。（市质监局牵头，' + repeatTo('市发展改革委、', LONG)],
    ['100 000-character label clause', () => '1.任务\n责任单位：' + repeatTo('市经信局、', LONG)],
    ['100 000 characters of targets', () => '一、主要目标\n到2025年，' + repeatTo('合格率达到95%以上，', LONG)],
    ['100 000 digits', () => '达到' + '9'.repeat(LONG) + '%以上'],
    ['100 000 digits and dots', () => '达到' + repeatTo('1.', LONG) + '%以上'],
    ['100 000 dashes', () => '——' + '—'.repeat(LONG)],
    ['100 000 dot leaders', () => '前言' + '…'.repeat(LONG) + '1'],
    ['100 000 spaces', () => ' '.repeat(LONG) + '一、'],
    ['100 000 markers on one line', () => repeatTo('（一）', LONG)],
    ['100 000 years', () => repeatTo('到2025年', LONG)],
    ['100 000 Chinese numerals', () => '（' + '十'.repeat(LONG) + '）'],
    ['100 000 circled numbers', () => '①'.repeat(LONG)],
    ['20 000 open brackets', () => '（'.repeat(20_000)],
    ['20 000 open brackets of every kind', () => repeatTo('(（《“〔【[', 20_000)],
    ['20 000 closing brackets', () => '）'.repeat(20_000)],
    ['20 000 closing brackets of every kind', () => repeatTo(')）》”〕】]', 20_000)],
    ['20 000 nested bracket pairs', () => '（'.repeat(20_000) + '）'.repeat(20_000)],
    ['20 000 open brackets, one per line', () => '（\n'.repeat(20_000)],
    ['50 000 empty lines', () => '\n'.repeat(50_000)],
    ['50 000 CR line ends', () => '\r'.repeat(50_000)],
    ['20 000 headings of one kind', () => Array.from({ length: 20_000 }, () => '一、重点任务').join('\n')],
    ['20 000 numbered headings', () => Array.from({ length: 20_000 }, (_, i) => `${i + 1}.任务${i}。（市质监局牵头）`).join('\n')],
    ['5 000 nested heading ladders', () => '一、总体要求\n（一）主要目标\n1.目标\n（1）指标\n①合格率\n——到2025年达到95%\n'.repeat(5_000)],
    ['10 000 standing notes', () => '（一）任务。（市质监局负责;以下均需各县区政府落实,不再列出）\n'.repeat(10_000)],
    ['10 000 tasks with no clause', () => '二、重点任务\n' + '（一）加强监管。开展工作。\n'.repeat(10_000)],
    // Quadratic once (seconds each): values read back from every number of one long segment,
    // a relative target retried from every 低于, role overlaps compared pairwise.
    ['100 000 characters of targets in one segment', () => '一、主要目标\n' + repeatTo('合格率达到95%以上', LONG)],
    ['50 000 低于 with no comma', () => '一、主要目标\n' + '低于'.repeat(50_000)],
    ['20 000 units both leading and cooperating', () => {
      const units = Array.from({ length: 20_000 }, (_, i) => `市第${i}局`).join('、');
      return '（一）任务。（' + units + '牵头，' + units + '配合）';
    }],
    // Half-width marks: a run of 20 000 commas once never finished (each mark re-read the run).
    ['20 000 half-width commas between two Chinese words', () => '质量' + ','.repeat(20_000) + '提升'],
    ['20 000 nested half-width brackets in Chinese text', () => '质' + '('.repeat(10_000) + ')'.repeat(10_000) + '量'],
    // A goal-table row pasted from Word is split at its tabs: a row of 100 000 cells is still one pass.
    ['a goal row of 100 000 tab-joined cells', () => '一、主要目标\n' + repeatTo('合格率\t%\t', LONG) + '97'],
    ['100 000 NULs', () => '\0'.repeat(LONG)],
    ['100 000 lone surrogates', () => repeatTo('\ud800\udc00\udc00\ud800\ud83d', LONG)],
    ['a seed with NULs between every character', () => seeds[0].split('').join('\0')],
  ];
  it.each(hostile)('on %s', (label, build) => {
    analyzeSafely(label, build());
  });

  // Inputs the property tests once shrank a failure to; each stays as a fixture.
  const found: [string, string][] = [
    // A space between marker and 。/： gave an empty title whose span ran backwards (3..2),
    // and missing-lead/missing-target diagnostics on that span.
    ['space then ： after 一、', '一、 ：'],
    ['space then 。 after （一）', '（一） 。'],
    ['space then 。 after 第十二章', '第十二章 。'],
    ['space then : after a bullet in a task section', '二、重点任务\n- :'],
  ];
  it.each(found)('on a found case: %s', (label, text) => {
    analyzeSafely(label, text);
  });

  it('on a 20 MB plan made of the seeds repeated', () => {
    const target = 20 * 1024 * 1024;
    const parts: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < target; i++) {
      const s = seeds[i % seeds.length];
      parts.push(s);
      bytes += Buffer.byteLength(s, 'utf8') + 1;
    }
    const text = parts.join('\n');
    analyzeSafely('20 MB plan', text, undefined, 120_000);
  }, 120_000);
});
