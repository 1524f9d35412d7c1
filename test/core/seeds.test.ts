// The five real plans in seeds/: counts checked by hand against the texts (see the issue note).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan, checkPlan } from '../../server/src/core';

const seed = (prefix: string) => {
  const file = ['000_ddecad1bf628223d', '001_69752e7f9544ae63', '002_7c968d8e042c488d', '003_c1b3376c57d80b19', '004_48dc29ba5375c5fe'].find((f) => f.startsWith(prefix))!;
  const text = readFileSync(`seeds/${file}.txt`, 'utf8');
  const model = analyzePlan(text);
  return { text, model, diagnostics: checkPlan(model, text) };
};
const count = (d: { rule: string }[], rule: string) => d.filter((x) => x.rule === rule).length;

describe('seeds', () => {
  it.each([
    ['000', '2016年苏州市质量强市工作行动计划', '苏府〔2016〕63号', '2016-04-25', { start: 2016, end: 2016 }, 21, 18, 18, 14],
    ['001', '关于贯彻落实质量发展纲要建设质量强市的意见', '青政发〔2012〕32号', '2012-07-04', null, 25, 13, 0, 27],
    ['002', '落实质量纲要行动计划', null, null, null, 30, 22, 21, 0],
    ['003', '宿州市质量强市建设“十四五”规划', null, '2023-02-24', { start: 2021, end: 2025 }, 55, 32, 0, 109],
    ['004', '2015年质量乐清建设行动计划', '乐政办发〔2015〕31号', '2015-06-17', { start: 2015, end: 2015 }, 25, 18, 15, 36],
  ])('%s: %s', (prefix, title, docNumber, date, period, headings, tasks, withLead, targets) => {
    const { model } = seed(prefix);
    expect(model.failure).toBeUndefined();
    expect({ title: model.title, docNumber: model.docNumber, date: model.date, period: model.period }).toEqual({ title, docNumber, date, period });
    expect([model.headings.length, model.tasks.length, model.tasks.filter((t) => t.leads.length).length, model.targets.length])
      .toEqual([headings, tasks, withLead, targets]);
  });

  it('000: every task of the 苏州 2016 plan has its lead', () => {
    const { model, diagnostics } = seed('000');
    expect(model.tasks[0]).toMatchObject({ title: '完成全国质量强市示范城市创建工作', leads: ['市政府办公室', '市质监局'], cooperators: ['各成员单位'] });
    expect(count(diagnostics, 'missing-lead')).toBe(0);
    expect(model.targets[0]).toMatchObject({ metric: '江苏名牌产品', value: 80, unit: '个', comparator: '>=', year: 2016 });
  });

  it('001 and 003 have tasks with no clause at all', () => {
    expect(count(seed('001').diagnostics, 'missing-lead')).toBe(9);
    expect(count(seed('003').diagnostics, 'missing-lead')).toBe(28);
  });

  it('004: the last clause lost its closing bracket; it is caught and its units still read', () => {
    const { model, diagnostics, text } = seed('004');
    const last = model.tasks.filter((t) => t.section === 'task').at(-1)!;
    expect(last).toMatchObject({ title: '加快社会质量诚信体系建设', leads: ['市发改局'], cooperators: ['市财政局'] });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, text.slice(d.span.start, d.span.start + 6)])).toEqual([['unbalanced-bracket', '(责任单位:']]);
  });

  it('003: the flattened 十四五 goal table gives targets for 2025', () => {
    const t = seed('003').model.targets.find((x) => x.metric === '主要工业产品质量合格率')!;
    expect(t).toMatchObject({ value: 97, unit: '%', comparator: '>=', year: 2025, section: 'goal' });
  });
});
