// Renumbering: only ordinals change, runs count from one or carry on across chapters, and the result passes heading-sequence.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan, checkPlan } from '../../server/src/core';
import { toChineseNumber } from '../../server/src/core/markers';
import { planRenumbering, planRunRenumbering, type OrdinalEdit } from '../../server/src/core/renumber';
import { plan } from './helpers';

function apply(text: string, edits: OrdinalEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

/** The document renumbered as a whole, as lines. */
function renumbered(...lines: string[]): string[] {
  const m = plan(...lines);
  return apply(m.text, planRenumbering(m, m.text)).split('\n');
}

/** Misnumbers every heading that follows a sibling (ordinal + 2), keeping each run's first number. */
function scramble(text: string): OrdinalEdit[] {
  const m = analyzePlan(text);
  const runs = new Set<string>();
  const edits: OrdinalEdit[] = [];
  m.headings.forEach((h, heading) => {
    const run = `${h.parent}|${h.kind}`;
    const first = !runs.has(run);
    runs.add(run);
    if (first || h.kind === 'bullet' || h.ordinal === null) return;
    const written = text.slice(h.markerSpan.start, h.markerSpan.end);
    const numeral = /[一二三四五六七八九十]+|\d+/.exec(written)!;
    const start = h.markerSpan.start + numeral.index;
    const wrong = /\d/.test(numeral[0]) ? String(h.ordinal + 2) : toChineseNumber(h.ordinal + 2);
    edits.push({ span: { start, end: start + numeral[0].length }, text: wrong, heading });
  });
  return edits;
}

const sequenceProblems = (text: string) => checkPlan(analyzePlan(text), text).filter((d) => d.rule === 'heading-sequence');

describe('planRenumbering', () => {
  it('fixes skips and repeats at every level, keeping brackets and separators as written', () => {
    expect(renumbered('一、总体要求', '三、重点任务', '(一)加强品牌培育。正文。', '(三)强化标准引领。', '1、名牌战略', '1、标准化战略', '三、保障措施')).toEqual([
      '一、总体要求', '二、重点任务', '(一)加强品牌培育。正文。', '(二)强化标准引领。', '1、名牌战略', '2、标准化战略', '三、保障措施',
    ]);
  });

  it('writes numbers the way the document does: full-width brackets, 十一, circled, full-width digits', () => {
    const lines = ['一、重点任务', ...Array.from({ length: 11 }, (_, i) => `（${i === 10 ? '十三' : '一二三四五六七八九十'[i]}）任务${i + 1}。`), '①甲', '③乙', '１．丙', '３．丁'];
    const out = renumbered(...lines);
    expect(out[11]).toBe('（十一）任务11。');
    expect(out.slice(12)).toEqual(['①甲', '②乙', '１．丙', '２．丁']);
  });

  it('puts back a lost first-level numeral', () => {
    expect(renumbered('一、总体要求', '、重点任务', '三、保障措施')).toEqual(['一、总体要求', '二、重点任务', '三、保障措施']);
  });

  it('keeps numbering that carries on across chapters, and keeps carrying after an earlier fix', () => {
    const carried = ['一、重点任务', '（一）甲。', '（二）乙。', '二、保障措施', '（三）丙。', '（四）丁。'];
    expect(renumbered(...carried)).toEqual(carried);
    expect(renumbered('一、重点任务', '（一）甲。', '（二）乙。', '（二）乙二。', '二、保障措施', '（三）丙。', '（四）丁。')).toEqual([
      '一、重点任务', '（一）甲。', '（二）乙。', '（三）乙二。', '二、保障措施', '（四）丙。', '（五）丁。',
    ]);
  });

  it('restarts a run whose first number neither is one nor carries on', () => {
    expect(renumbered('一、重点任务', '（一）甲。', '二、保障措施', '（五）丙。')).toEqual(['一、重点任务', '（一）甲。', '二、保障措施', '（一）丙。']);
  });

  it('edits only numerals: every edit covers digits or Chinese numerals, or inserts one', () => {
    const m = plan('一、总体要求', '三、重点任务', '（三）加强（二）品牌。', '、保障措施');
    for (const e of planRenumbering(m, m.text)) expect(m.text.slice(e.span.start, e.span.end)).toMatch(/^([一二三四五六七八九十]+|\d+|)$/);
  });

  it('never touches bullets and leaves a correct document alone', () => {
    expect(planRenumbering(plan('一、重点任务', '——甲。', '——乙。'), '')).toEqual([]);
  });

  it('makes every seed, with its numbers scrambled, byte-identical to the original', () => {
    for (const name of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(`seeds/${name}`, 'utf8');
      expect(planRenumbering(analyzePlan(text), text), name).toEqual([]);
      const scrambled = apply(text, scramble(text));
      expect(sequenceProblems(scrambled).length, name).toBeGreaterThan(0);
      const m = analyzePlan(scrambled);
      expect(apply(scrambled, planRenumbering(m, scrambled)), name).toBe(text);
    }
  });
});

describe('planRunRenumbering', () => {
  it('renumbers only the sibling run of the given heading', () => {
    const m = plan('一、总体要求', '三、重点任务', '（一）甲。', '（三）乙。');
    const run = planRunRenumbering(m, m.text, 3);
    expect(apply(m.text, run).split('\n')).toEqual(['一、总体要求', '三、重点任务', '（一）甲。', '（二）乙。']);
    expect(planRunRenumbering(m, m.text, 0).map((e) => e.text)).toEqual(['二']);
  });
});
