// Unit names inside clauses: where each is written and in which role, on every clause form of plan-format.md §3 and the seeds.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan, buildPrecedentIndex, makePrecedentDoc, sentencePerLine, taskAtLine, taskSource, tasksOfUnit, teamNames, teamUnitKey, unitAt, unitInPrecedents, unitMentions, unitsInClause, unitsOfPlan } from '../../server/src/core';
import { plan, spanText, taskPlan } from './helpers';

/** The clause's units as "name:role", and a check that each span covers exactly the name. */
function read(m: ReturnType<typeof plan>, k = 0): string[] {
  return unitsInClause(m.text, m.clauses[k]).map((u) => {
    expect(spanText(m, u.span).replace(/\s+/g, '')).toBe(u.name);
    return `${u.name}:${u.role}`;
  });
}

describe('unitsInClause on each clause form (plan-format.md §3)', () => {
  it('牵头 … 配合', () => {
    expect(read(taskPlan('做好迎检准备。(市政府办公室、市质监局牵头,各成员单位配合)'))).toEqual([
      '市政府办公室:lead', '市质监局:lead', '各成员单位:cooperator',
    ]);
  });

  it('牵头 … 参加', () => {
    expect(read(taskPlan('开展专项检查。(市质监局牵头,市发展改革委、市教育局参加)'))).toEqual([
      '市质监局:lead', '市发展改革委:cooperator', '市教育局:cooperator',
    ]);
  });

  it('负责: every listed unit leads', () => {
    expect(read(taskPlan('开展试点。(市教育局、市农委负责)'))).toEqual(['市教育局:lead', '市农委:lead']);
  });

  it('责任单位: the first leads, the rest cooperate', () => {
    expect(read(taskPlan('推动标准创新。(责任单位:市发改局、市经信局、市风景旅游局等)'))).toEqual([
      '市发改局:lead', '市经信局:cooperator', '市风景旅游局:cooperator',
    ]);
  });

  it('牵头单位 label with several leads', () => {
    expect(read(taskPlan('加强监管。(牵头单位:市质监局,各县区政府)'))).toEqual(['市质监局:lead', '各县区政府:lead']);
  });

  it('label form on its own line', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。大力推动品牌建设。', '牵头单位：市市场监管局；配合单位：市发展改革委');
    expect(read(m)).toEqual(['市市场监管局:lead', '市发展改革委:cooperator']);
  });

  it('no brackets, 责任单位 with 协助单位, a name holding brackets', () => {
    expect(read(taskPlan('加强监管。责任单位:市经贸委、市质监局,相关县(市、区)政府;协助单位:市外经贸局。'))).toEqual([
      '市经贸委:lead', '市质监局:lead', '相关县(市、区)政府:lead', '市外经贸局:cooperator',
    ]);
  });

  it('按职责分工负责 with a standing note', () => {
    expect(read(taskPlan('大力推动。(市市场监管局、市工信局按职责分工负责;以下均需各县级市<区>人民政府落实,不再列出)'))).toEqual([
      '市市场监管局:lead', '市工信局:lead', '各县级市<区>人民政府:standing',
    ]);
  });

  it('a lost closing bracket (seed 004)', () => {
    expect(read(taskPlan('推动信息共享。(责任单位:市发改局、市财政局'))).toEqual(['市发改局:lead', '市财政局:cooperator']);
  });

  it('a clause split across two lines: the span of the name after the break is on the second line', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。大力推动品牌建设。（市质监局、', '市工商局牵头，各成员单位配合）');
    const units = unitsInClause(m.text, m.clauses[0]);
    expect(units.map((u) => u.name)).toEqual(['市质监局', '市工商局', '各成员单位']);
    expect(units[1].span.start).toBe(m.lineStarts[2]);
  });

  it('whitespace inside a name is covered by its span', () => {
    const m = taskPlan('开展试点。(市 质监局牵头,市教育局配合)');
    const [first] = unitsInClause(m.text, m.clauses[0]);
    expect(first.name).toBe('市质监局');
    expect(spanText(m, first.span)).toBe('市 质监局');
  });

  it('a name inside a longer name is not read on its own: 市政府 in 市政府办公室', () => {
    expect(read(taskPlan('统筹推进。(市政府办公室牵头,市政府配合)'))).toEqual(['市政府办公室:lead', '市政府:cooperator']);
  });

  it('a unit named twice gives two spans', () => {
    const m = taskPlan('统筹推进。(市质监局牵头,市质监局、市教育局配合)');
    const units = unitsInClause(m.text, m.clauses[0]).filter((u) => u.name === '市质监局');
    expect(units).toHaveLength(2);
    expect(units[0].span.start).toBeLessThan(units[1].span.start);
  });
});

describe('unitAt', () => {
  const m = taskPlan('做好迎检准备。(市政府办公室、市质监局牵头,各成员单位配合)');
  const at = (needle: string, delta = 0, touching = false) => unitAt(m, m.text, m.text.indexOf(needle) + delta, touching);

  it('finds the name and role under an offset anywhere in the name', () => {
    expect(at('市质监局')).toMatchObject({ name: '市质监局', role: 'lead', clause: 0 });
    expect(at('市质监局', 3)).toMatchObject({ name: '市质监局' });
    expect(at('各成员单位', 2)).toMatchObject({ name: '各成员单位', role: 'cooperator' });
  });

  it('nothing on role words, separators or outside a clause', () => {
    expect(at('牵头')).toBeNull();
    expect(at('、市质监局')).toBeNull();
    expect(at('做好迎检')).toBeNull();
  });

  it('a caret just after a name finds it only when touching', () => {
    expect(at('牵头', 0)).toBeNull();
    expect(at('牵头', 0, true)).toMatchObject({ name: '市质监局' });
  });
});

describe('units of a plan', () => {
  const m = plan(
    '一、重点任务',
    '（一）加强品牌培育。大力推动。(市质监局牵头,市工信局配合)',
    '（二）强化标准引领。推进标准化。(市工信局牵头,市质监局、各成员单位配合)',
    '（三）夯实计量基础。完善量值传递。',
    '体系建设。(市质监局负责)',
  );

  it('counts each unit’s lead and cooperating tasks, named agencies first', () => {
    expect(unitsOfPlan(m).map((u) => `${u.name} ${u.lead.length}/${u.cooperate.length}`)).toEqual([
      '市质监局 2/1', '市工信局 1/1', '各成员单位 0/1',
    ]);
    expect(tasksOfUnit(m, '市工信局')).toMatchObject({ lead: [1], cooperate: [0] });
    expect(tasksOfUnit(m, '市教育局')).toMatchObject({ lead: [], cooperate: [] });
  });

  it('unitMentions lists every clause naming the unit', () => {
    expect(unitMentions(m, m.text, '市质监局').map((u) => [u.clause, u.role])).toEqual([[0, 'lead'], [1, 'cooperator'], [2, 'lead']]);
  });

  it('taskAtLine: the heading line and body lines belong to the task; the section title to none', () => {
    expect(taskAtLine(m, 0)).toBeUndefined();
    expect(taskAtLine(m, 1)).toBe(0);
    expect(taskAtLine(m, 3)).toBe(2);
    expect(taskAtLine(m, 4)).toBe(2);
  });
});

describe('seeds', () => {
  const files = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
  it.each(files)('%s: every clause unit is found, with a span covering its name, and unitAt finds it back', (file) => {
    const text = readFileSync(`seeds/${file}`, 'utf8');
    const model = analyzePlan(text);
    let n = 0;
    model.clauses.forEach((c, k) => {
      const units = unitsInClause(text, c);
      // Every named unit is written somewhere in its clause.
      expect(new Set(units.map((u) => u.name))).toEqual(new Set([...c.leads, ...c.cooperators, ...c.standing].filter(Boolean)));
      for (const u of units) {
        expect(text.slice(u.span.start, u.span.end).replace(/\s+/g, '')).toBe(u.name);
        expect(u.span.start).toBeGreaterThanOrEqual(c.span.start);
        expect(u.span.end).toBeLessThanOrEqual(c.span.end);
        const back = unitAt(model, text, u.span.start + 1);
        expect(back).toMatchObject({ name: u.name, clause: k });
        n++;
      }
    });
    expect(n > 0).toBe(model.clauses.length > 0); // 001 and 003 have no clause at all
  });
});

describe('unitInPrecedents', () => {
  const doc = (file: string, ...lines: string[]) => makePrecedentDoc(file, lines.join('\n'));
  const index = buildPrecedentIndex([
    doc('a.txt', '2016年甲市质量强市工作行动计划', '一、重点任务', '（一）加强品牌培育。培育品牌。(市质监局牵头,市工信局配合)', '（二）强化标准引领。推进标准化。(市工信局牵头,市质监局配合)'),
    doc('b.txt', '2018年乙市质量提升行动计划', '一、重点任务', '（一）夯实计量基础。完善量值传递。(市质监局、市财政局负责)'),
  ]);

  it('counts lead and cooperating tasks per plan, most tasks first', () => {
    const u = unitInPrecedents(index, '市质监局');
    expect([u.lead, u.cooperate]).toEqual([2, 1]);
    expect(u.plans.map((p) => [p.doc.file, p.lead, p.cooperate])).toEqual([['a.txt', 1, 1], ['b.txt', 1, 0]]);
  });

  it('leaves out the excluded file (the draft itself) and knows no unnamed unit', () => {
    expect(unitInPrecedents(index, '市质监局', 'a.txt').plans.map((p) => p.doc.file)).toEqual(['b.txt']);
    expect(unitInPrecedents(index, '市教育局')).toEqual({ lead: 0, cooperate: 0, plans: [] });
  });
});

describe('taskSource and sentencePerLine (the texts a comparison shows)', () => {
  it('the whole task, heading to clause, CRLF read as LF; one sentence a line', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。培育品牌；打造区域品牌。\r', '  完善机制。(市质监局牵头)\r', '（二）强化标准。');
    const source = taskSource(m, m.text, m.tasks[0]);
    expect(source).toBe('（一）加强品牌培育。培育品牌；打造区域品牌。\n  完善机制。(市质监局牵头)');
    expect(sentencePerLine(source)).toBe('（一）加强品牌培育。\n培育品牌；\n打造区域品牌。\n  完善机制。\n(市质监局牵头)');
  });
});

describe('a unit under two spellings', () => {
  it('counts 市经信委 and 市经济和信息化委员会 as one unit, in the draft and in its references', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、重点任务',
      '（一）加强品牌培育。（牵头单位：市经信委）',
      '（二）推进技术改造。（牵头单位：市经济和信息化委员会；配合单位：市财政局）');
    const units = unitsOfPlan(m);
    expect(units.map((u) => [u.name, u.lead.length])).toEqual([['市经信委', 2], ['市财政局', 0]]);
    expect(tasksOfUnit(m, '市经济和信息化委员会').lead).toEqual([0, 1]);
    expect(unitMentions(m, m.text, '市经信委').map((u) => u.name)).toEqual(['市经信委', '市经济和信息化委员会']);
  });
});

describe('a unit under the team list\'s aliases', () => {
  const agencies = [{ name: '市市场监管局', aliases: ['市市场监督管理局', '市场监管部门'] }];

  it('counts each alias as its agency, in the draft and in its references', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、重点任务',
      '（一）加强品牌培育。（牵头单位：市市场监管局）',
      '（二）推进标准化。（牵头单位：市场监管部门；配合单位：市财政局）');
    const keyOf = teamUnitKey(agencies);
    expect(tasksOfUnit(m, '市场监管部门', keyOf).lead).toEqual([0, 1]);
    expect(unitsOfPlan(m, keyOf).map((u) => [u.name, u.lead.length])).toEqual([['市市场监管局', 2], ['市财政局', 0]]);
    expect(unitMentions(m, m.text, '市市场监管局', keyOf).map((u) => u.name)).toEqual(['市市场监管局', '市场监管部门']);
    // Without the list they stay two units.
    expect(tasksOfUnit(m, '市场监管部门').lead).toEqual([1]);
    expect(teamNames(agencies, '市场监管部门')).toEqual(['市场监管部门', '市市场监管局', '市市场监督管理局']);
  });
});
