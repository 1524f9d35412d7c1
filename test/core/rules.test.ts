import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../server/src/core';
import { diagnostics, plan } from './helpers';

const only = (rule: string, lines: string[], options = {}) => diagnostics(lines, options).filter((d) => d.includes(` ${rule} `));

describe('missing-lead', () => {
  it('names the task and says what to add', () => {
    expect(only('missing-lead', ['一、重点任务', '（一）加强品牌培育。大力推动品牌建设。'])).toEqual([
      '2:4 missing-lead 任务“加强品牌培育”未明确牵头单位。请在段末补充责任分工，如“（市××局牵头，各有关部门配合）”。',
    ]);
  });

  it('says when a clause lists only cooperators', () => {
    expect(only('missing-lead', ['一、重点任务', '（一）加强品牌培育。（各成员单位配合）'])[0]).toContain('只列了配合单位');
  });

  it('is quiet for inherited clauses and, by default, for 保障措施', () => {
    expect(only('missing-lead', ['一、重点任务', '（一）实施三大战略。（市质监局牵头）', '1.名牌战略。', '二、保障措施', '（一）加强组织领导。'])).toEqual([]);
  });

  it('checks 保障措施 when the team asks for it', () => {
    expect(only('missing-lead', ['一、保障措施', '（一）加强组织领导。'], { leadSections: ['task', 'safeguard'] })).toHaveLength(1);
  });
});

describe('missing-target', () => {
  it('is information and can be turned off', () => {
    const lines = ['2024年某市行动计划', '一、重点任务', '（一）加强品牌培育。（市市场监管局牵头）', '二、保障措施'];
    expect(diagnostics(lines)).toEqual(['3:4 missing-target 任务“加强品牌培育”没有量化指标。可补充可考核的目标，如“到2024年，××达到××%以上”。']);
    expect(diagnostics(lines, { severities: { 'missing-target': 'off' } })).toEqual([]);
  });
});

describe('heading-sequence', () => {
  const seq = (...lines: string[]) => only('heading-sequence', lines).map((d) => d.replace(/ heading-sequence /, ' '));
  it('skip, repeat and a wrong first number', () => {
    expect(seq('一、总体要求', '三、重点任务', '三、保障措施')).toEqual([
      '2:1 标题序号不连续：“一、”之后应为“二、”，此处为“三、”。',
      '3:1 标题序号重复：“三、”与上一个同级标题相同，应为“四、”。',
    ]);
    expect(seq('二、总体要求')).toEqual(['1:1 同级第一个标题的序号应为“一、”，此处为“二、”。']);
  });

  it('accepts numbering that continues across chapters, as 行动计划 do', () => {
    expect(seq('一、质量强市', '（一）甲', '（二）乙', '二、品牌提升', '（三）丙', '（四）丁')).toEqual([]);
  });

  it('reports a lost numeral', () => {
    expect(seq('一、发展基础', '、总体要求')).toEqual(['2:1 标题“总体要求”缺少序号，应为“二、”。']);
  });

  it('uses the document own marker style in messages', () => {
    expect(seq('一、重点任务', '(一)甲', '(三)乙')).toEqual(['3:1 标题序号不连续：“(一)”之后应为“(二)”，此处为“(三)”。']);
  });
});

describe('heading-style', () => {
  it('一. instead of 一、', () => {
    expect(only('heading-style', ['一.总体要求'])).toEqual(['1:1 heading-style 一级标题序号后应使用顿号“、”，此处为“一.”。']);
  });

  it('1、 beside 1. at one level', () => {
    expect(only('heading-style', ['一、重点任务', '1.甲', '2.乙', '3、丙'])).toEqual([
      '4:1 heading-style 同级标题序号标点不一致：此处为“3、”，本文件同级多用“1.”。',
    ]);
  });

  it('half-width brackets once per kind, mixed widths per heading', () => {
    expect(only('heading-style', ['一、重点任务', '(一)甲', '(二)乙'])).toEqual([
      '2:1 heading-style 标题序号使用半角括号“(一)”，公文应使用全角括号“（一）”（本文件共 2 处）。',
    ]);
    expect(only('heading-style', ['一、重点任务', '（一）甲', '（二）乙', '(三)丙'])).toEqual([
      '4:1 heading-style 同级标题序号标点不一致：此处为“(三)”，本文件同级多用“（一）”。',
    ]);
  });
});

describe('heading-level', () => {
  it('（1） directly under 一、 while （一） is used there elsewhere', () => {
    expect(only('heading-level', ['一、总体要求', '（一）指导思想', '二、重点任务', '（1）加强品牌培育'])).toEqual([
      '4:1 heading-level 标题层级不当：“（1）”直接位于“二、”之下，而本文件其他处在“二、”之下使用“（一）”。',
    ]);
  });

  it('a consistent skipped level is fine', () => {
    expect(only('heading-level', ['一、重点任务', '1.甲', '二、保障措施', '1.乙'])).toEqual([]);
  });
});

describe('unbalanced-bracket', () => {
  it('an unclosed 《 and a stray ）', () => {
    expect(only('unbalanced-bracket', ['贯彻落实《质量发展纲要。', '加强监管）。'])).toEqual([
      '1:5 unbalanced-bracket “《”缺少对应的“》”。',
      '2:5 unbalanced-bracket 多余的“）”：前面没有对应的“（”。',
    ]);
  });

  it('quotes, 〔〕 and 【】; mixed width pairs count as matched', () => {
    expect(only('unbalanced-bracket', ['“质量月”活动', '国办发〔2015〕19号', '【2个产业(绿色食品）】'])).toEqual([]);
    expect(only('unbalanced-bracket', ['开展“质量月活动', '国办发〔2015号'])).toHaveLength(2);
  });

  it('a bracket may close on the next line, not later', () => {
    expect(only('unbalanced-bracket', ['加强监管（市质监局、', '市工商局牵头）'])).toEqual([]);
    expect(only('unbalanced-bracket', ['加强监管（市质监局、', '市工商局牵头', '各成员单位配合）'])).toEqual([
      '1:5 unbalanced-bracket “（”缺少对应的“）”。',
      '3:8 unbalanced-bracket 多余的“）”：前面没有对应的“（”。',
    ]);
  });
});

describe('clause-format', () => {
  const clause = (c: string) => only('clause-format', ['一、重点任务', `（一）加强品牌培育。${c}`]).map((d) => d.split(' ').slice(2).join(' '));
  it('empty, duplicate and both roles', () => {
    expect(clause('（牵头单位：）')).toEqual(['责任分工没有列出任何单位。']);
    expect(clause('（市质监局、市质监局牵头）')).toEqual(['责任分工中“市质监局”重复列出。']);
    expect(clause('（市质监局牵头，市质监局、市教育局配合）')).toEqual(['“市质监局”同时列为牵头单位和配合单位。']);
  });
});

describe('locale', () => {
  it('renders English when asked', () => {
    expect(diagnostics(['一、重点任务', '（一）加强品牌培育。'], { locale: 'en', severities: { 'missing-target': 'off' } })).toEqual([
      '2:4 missing-lead Task "加强品牌培育" names no lead unit. Add a responsibility clause at the end of the paragraph, e.g. "（市××局牵头，各有关部门配合）".',
    ]);
  });
});

describe('limits', () => {
  it('stops a rule after MAX_PER_RULE findings (a pathological document floods nothing)', async () => {
    const { MAX_PER_RULE } = await import('../../server/src/core/rules');
    const m = plan('（'.repeat(MAX_PER_RULE + 50));
    expect(checkPlan(m, m.text).filter((d) => d.rule === 'unbalanced-bracket')).toHaveLength(MAX_PER_RULE);
  });

  it('reports a rule that fails internally instead of hiding it', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。');
    const broken = { ...m, headings: null as never };
    const errors: unknown[] = [];
    expect(checkPlan(broken, m.text, { onInternalError: (e) => errors.push(e) })).toEqual([]);
    // The first seven rules fail together; each later rule group that reads the headings fails on its own.
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every((e) => e instanceof TypeError)).toBe(true);
  });
});
