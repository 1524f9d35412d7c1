import { describe, expect, it } from 'vitest';
import { plan, spanText, taskPlan } from './helpers';

const units = (body: string) => {
  const m = taskPlan(body);
  const t = m.tasks[0];
  return { leads: t.leads, cooperators: t.cooperators, source: t.clauseSource };
};

describe('responsibility clause forms (plan-format.md §3)', () => {
  it('牵头 … 配合', () => {
    expect(units('做好迎检准备。(市政府办公室、市质监局牵头,各成员单位配合)')).toEqual({
      leads: ['市政府办公室', '市质监局'], cooperators: ['各成员单位'], source: 'own',
    });
  });

  it('牵头 … 参加 / 参与 / 协同', () => {
    expect(units('开展专项检查。（市质监局牵头，市发展改革委、市教育局参加）').cooperators).toEqual(['市发展改革委', '市教育局']);
    expect(units('开展专项检查。（市质监局牵头，市教育局参与）').cooperators).toEqual(['市教育局']);
    expect(units('开展专项检查。（市质监局牵头，市教育局协同）').cooperators).toEqual(['市教育局']);
  });

  it('负责: every listed unit is responsible', () => {
    expect(units('开展试点。(市财政局、市卫生局、市质监局负责)')).toEqual({
      leads: ['市财政局', '市卫生局', '市质监局'], cooperators: [], source: 'own',
    });
  });

  it('责任单位: the first leads, the rest cooperate; 等 is dropped', () => {
    expect(units('推动企业开展标准创新。(责任单位:市发改局、市经信局、市风景旅游局等)')).toEqual({
      leads: ['市发改局'], cooperators: ['市经信局', '市风景旅游局'], source: 'own',
    });
  });

  it('责任单位 with a cooperating role: every 责任单位 leads', () => {
    expect(units('加强监管。责任单位:市经贸委、市质监局,相关县(市、区)政府;协助单位:市外经贸局。')).toEqual({
      leads: ['市经贸委', '市质监局', '相关县(市、区)政府'], cooperators: ['市外经贸局'], source: 'own',
    });
  });

  it('牵头单位 label: several leads', () => {
    expect(units('加强监管。(牵头单位:市质监局,各县区政府)').leads).toEqual(['市质监局', '各县区政府']);
  });

  it('label form on its own line, with ；between roles', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。大力推动品牌建设。', '牵头单位：市市场监管局；配合单位：市发展改革委');
    expect(m.tasks[0]).toMatchObject({ leads: ['市市场监管局'], cooperators: ['市发展改革委'], clauseSource: 'own' });
  });

  it('names holding brackets stay whole: 县(市、区)政府, 各县级市<区>人民政府<管委会>', () => {
    expect(units('加强监管。（市质监局牵头，各县(市、区)人民政府、各县级市<区>人民政府<管委会>配合）').cooperators).toEqual([
      '各县(市、区)人民政府', '各县级市<区>人民政府<管委会>',
    ]);
  });

  it('及/和 split two unit names but not 市经济和信息化委', () => {
    expect(units('开展活动。(市质监局牵头,市委宣传部及市政府有关部门参加)').cooperators).toEqual(['市委宣传部', '市政府有关部门']);
    expect(units('开展调查。(市质监局牵头,市经济和信息化委、市统计局及有关单位参加)').cooperators).toEqual([
      '市经济和信息化委', '市统计局', '有关单位',
    ]);
  });

  it('按职责分工负责 with a standing note (以下均需……不再列出) for later tasks', () => {
    const m = plan(
      '一、重点任务',
      '（一）加强品牌培育。大力推动。(市市场监管局、市工信局按职责分工负责;以下均需各县级市<区>人民政府落实,不再列出)',
      '（二）强化标准引领。推进标准化。(市市场监管局牵头)',
      '（三）夯实计量基础。完善量值传递体系。',
    );
    expect(m.tasks.map((t) => [t.leads, t.cooperators, t.clauseSource])).toEqual([
      [['市市场监管局', '市工信局'], ['各县级市<区>人民政府'], 'own'],
      [['市市场监管局'], ['各县级市<区>人民政府'], 'own'],
      [['各县级市<区>人民政府'], [], 'standing'],
    ]);
  });

  it('a clause on a parent item covers its children', () => {
    const m = plan('一、重点任务', '（一）深入实施“三强”战略。(市发改局牵头,各成员单位配合)', '1.推进标准强市建设。构建大标准格局。', '2.深化质量强市建设。完善顶层设计。(市质监局负责)');
    expect(m.tasks.map((t) => `${t.title}:${t.leads.join('/')}:${t.clauseSource}`)).toEqual([
      '推进标准强市建设:市发改局:parent', '深化质量强市建设:市质监局:own',
    ]);
  });

  it('generic units are kept as written', () => {
    expect(units('落实责任。（市级各有关部门负责）').leads).toEqual(['市级各有关部门']);
  });
});

describe('real defects', () => {
  it('a lost closing bracket (seed 004) still yields the units and an error', () => {
    const m = taskPlan('推动产品、工程质量信息共享。(责任单位:市发改局、市财政局');
    expect(m.tasks[0]).toMatchObject({ leads: ['市发改局'], cooperators: ['市财政局'] });
    expect(m.clauses[0].closed).toBe(false);
    expect(m.brackets).toEqual([{ mark: '(', offset: m.text.indexOf('(责任'), expected: ')', kind: 'unclosed' }]);
  });

  it('a clause split across two lines', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。大力推动品牌建设。（市质监局、', '市工商局牵头，各成员单位配合）');
    expect(m.tasks[0]).toMatchObject({ leads: ['市质监局', '市工商局'], cooperators: ['各成员单位'] });
    expect(spanText(m, m.clauses[0].span)).toBe('（市质监局、\n市工商局牵头，各成员单位配合）');
    expect(m.brackets).toEqual([]);
  });
});

describe('clause look-alikes are not clauses', () => {
  for (const tail of ['(设在市质监局)', '(以下简称“通知”)', '(甘政办发〔2011〕58号)', '(2011-2015年)', '(征求意见稿)', '（确保各项措施落实到位）']) {
    it(tail, () => {
      const m = taskPlan(`按照有关规定执行${tail}`);
      expect(m.clauses).toEqual([]);
      expect(m.tasks[0].leads).toEqual([]);
    });
  }
});
