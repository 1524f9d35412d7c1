// Suppressions: one finding silenced on one task by rule and title, wherever the task moves.
import { describe, expect, it } from 'vitest';
import { applySuppressions, checkPlan, fileMatches, taskKey, unusedSuppressions, type Suppression } from '../../server/src/core';
import { plan } from './helpers';

const LINES = [
  '2024年某市质量强市工作行动计划',
  '一、重点任务',
  '（一）加强品牌培育。开展品牌创建活动。',
  '（二）提升标准水平。修订地方标准。（市市场监管局牵头）',
  '二、保障措施',
  '（一）加强组织领导。（市政府办公室牵头）',
];
const SILENCE: Suppression[] = [{ rule: 'missing-target', task: '加强品牌培育', reason: '品牌培育以活动为主，指标在附件' }];

function check(lines: string[], suppressions: Suppression[] = SILENCE, file?: string) {
  const m = plan(...lines);
  const result = applySuppressions(m, checkPlan(m, m.text), suppressions, file);
  const name = (offset: number) => m.tasks.find((t) => t.line === m.lineStarts.filter((s) => s <= offset).length - 1)?.title;
  return { kept: result.kept.map((d) => `${d.rule} ${name(d.span.start)}`), suppressed: result.suppressed.map((s) => `${s.diagnostic.rule} ${s.suppression.task}`), used: [...result.used] };
}

describe('applySuppressions', () => {
  it('silences the named rule on the named task only', () => {
    expect(check(LINES, [])).toEqual({
      kept: ['missing-lead 加强品牌培育', 'missing-target 加强品牌培育', 'missing-target 提升标准水平'],
      suppressed: [],
      used: [],
    });
    expect(check(LINES)).toEqual({
      kept: ['missing-lead 加强品牌培育', 'missing-target 提升标准水平'],
      suppressed: ['missing-target 加强品牌培育'],
      used: [0],
    });
  });

  it('still silences it after lines are inserted above and the task is renumbered', () => {
    const moved = [LINES[0], '为推进质量强市建设，制定本计划。', '', LINES[1], '（一）夯实质量基础。推进计量、标准、认证。（市市场监管局牵头）', LINES[2].replace('（一）', '（二）'), ...LINES.slice(3)];
    const { kept, suppressed } = check(moved);
    expect(suppressed).toEqual(['missing-target 加强品牌培育']);
    expect(kept).not.toContain('missing-target 加强品牌培育');
    expect(kept).toContain('missing-target 夯实质量基础');
  });

  it('does not silence the same rule on a task whose title changed', () => {
    const renamed = LINES.map((l) => l.replace('加强品牌培育', '加快品牌培育'));
    expect(check(renamed).suppressed).toEqual([]);
  });

  it('matches a finding anywhere in the task, not just on its heading', () => {
    const lines = [...LINES.slice(0, 2), '（一）加强品牌培育。开展品牌创建活动（市市场监管局牵头，市市场监管局配合）。', ...LINES.slice(3)];
    const m = plan(...lines);
    const all = checkPlan(m, m.text);
    expect(all.some((d) => d.rule === 'clause-format')).toBe(true);
    const { kept, suppressed } = applySuppressions(m, all, [{ rule: 'clause-format', task: '加强品牌培育', reason: '联合发文' }]);
    expect(suppressed.map((s) => s.diagnostic.rule)).toEqual(['clause-format']);
    expect(kept.some((d) => d.rule === 'clause-format')).toBe(false);
  });

  it('leaves findings outside any task alone', () => {
    const lines = ['2024年某市质量强市工作行动计划', '一、总体要求', '三、重点任务', '（一）加强品牌培育。（市市场监管局牵头）'];
    const suppressions: Suppression[] = [{ rule: 'heading-sequence', task: '加强品牌培育', reason: 'x' }];
    expect(check(lines, suppressions).kept).toContain('heading-sequence undefined');
  });

  it('applies a file-limited suppression only to that file', () => {
    const limited: Suppression[] = [{ ...SILENCE[0], file: 'drafts/2024.txt' }];
    expect(check(LINES, limited, '/home/a/plans/drafts/2024.txt').suppressed).toHaveLength(1);
    expect(check(LINES, limited, 'C:\\plans\\drafts\\2024.txt').suppressed).toHaveLength(1);
    expect(check(LINES, limited, '/home/a/plans/old-drafts/2024.txt').suppressed).toEqual([]);
    expect(check(LINES, limited, undefined).suppressed).toEqual([]);
  });
});

describe('unusedSuppressions', () => {
  it('names a file-limited suppression only when the file it names was checked and it silenced nothing there', () => {
    const list: Suppression[] = [
      { rule: 'missing-target', task: '加强品牌培育', reason: 'a', file: 'drafts/a.txt' },
      { rule: 'missing-target', task: '已改名', reason: 'b', file: 'drafts/a.txt' },
      { rule: 'missing-target', task: '已改名', reason: 'c', file: 'drafts/b.txt' },
      { rule: 'missing-target', task: '已改名', reason: 'd' },
    ];
    const m = plan(...LINES);
    const { used } = applySuppressions(m, checkPlan(m, m.text), list, '/r/drafts/a.txt');
    expect([...used]).toEqual([0]);
    expect(unusedSuppressions(list, [{ file: '/r/drafts/a.txt', used }])).toEqual([1]);
    expect(unusedSuppressions(list, [])).toEqual([]);
  });
});

describe('taskKey and fileMatches', () => {
  it('compare titles without spaces, markers or closing punctuation', () => {
    expect(taskKey('（一）加强 品牌培育。')).toBe('加强品牌培育');
    expect(taskKey('3．加强品牌培育：')).toBe('加强品牌培育');
    expect(taskKey('加强品牌培育')).toBe('加强品牌培育');
  });

  it('match whole path segments only', () => {
    expect(fileMatches('a.txt', '/x/a.txt')).toBe(true);
    expect(fileMatches('a.txt', '/x/ba.txt')).toBe(false);
    expect(fileMatches('./x/a.txt', '/r/x/a.txt')).toBe(true);
    expect(fileMatches(undefined, undefined)).toBe(true);
  });
});
