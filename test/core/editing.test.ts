// Where a responsibility clause goes, and which words of clauses and targets get semantic colours.
import { describe, expect, it } from 'vitest';
import { CLAUSE_SNIPPET, CLAUSE_TEMPLATE, clauseInsertOffset, leadInsertion } from '../../server/src/core/clauseTemplate';
import { findHighlights } from '../../server/src/core/highlights';
import { plan, spanText } from './helpers';

const insertAt = (text: string, offset: number, what = '|') => text.slice(0, offset) + what + text.slice(offset);

describe('clauseInsertOffset', () => {
  it('is the end of the task paragraph, after its final 。 and before trailing blanks', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。大力推动品牌建设。  ', '（二）强化标准。');
    expect(insertAt(m.text, clauseInsertOffset(m, m.text, 0)).split('\n')[1]).toBe('（一）加强品牌培育。大力推动品牌建设。|  ');
  });

  it('takes the last non-blank line of a body that runs over several lines (CRLF too)', () => {
    const m = plan('一、重点任务\r', '（一）加强品牌培育。\r', '大力推动品牌建设。\r', '\r', '（二）强化标准。');
    expect(insertAt(m.text, clauseInsertOffset(m, m.text, 0)).split('\n')[2]).toBe('大力推动品牌建设。|\r');
  });

  it('is -1 for an index that is no task', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。');
    expect(clauseInsertOffset(m, m.text, 5)).toBe(-1);
  });

  it('has a plain form and a snippet form of the same clause', () => {
    expect(CLAUSE_SNIPPET.replace(/\$\{\d:([^}]*)\}/g, '$1')).toBe(CLAUSE_TEMPLATE);
  });
});

describe('leadInsertion', () => {
  it('opens a lead slot inside a clause that lists only cooperators', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。大力推动。（各成员单位配合）');
    const at = leadInsertion(m, m.text, 0);
    expect(at).not.toBe(-1);
    if (at === -1) return;
    expect(insertAt(m.text, at.offset, at.text).split('\n')[1]).toBe('（一）加强品牌培育。大力推动。（市××局牵头，各成员单位配合）');
  });

  it('is -1 for a task without its own clause', () => {
    const m = plan('一、重点任务', '（一）加强品牌培育。');
    expect(leadInsertion(m, m.text, 0)).toBe(-1);
  });
});

describe('findHighlights', () => {
  const seen = (lines: string[]) => {
    const m = plan(...lines);
    return findHighlights(m, m.text).map((h) => `${h.kind}:${spanText(m, h.span)}`);
  };

  it('tells lead units from cooperating ones inside a clause', () => {
    expect(seen(['一、重点任务', '（一）加强品牌培育。大力推动。（市市场监管局、市教育局牵头，市财政局、各成员单位配合）'])).toEqual([
      'lead:市市场监管局', 'lead:市教育局', 'cooperator:市财政局', 'cooperator:各成员单位',
    ]);
  });

  it('marks a target value and its unit, ranges and 万 included', () => {
    expect(seen(['2024年某市行动计划', '一、主要目标', '到2025年，制造业产品质量合格率达到98.5%以上，注册商标总量达到7万件，争取引进3-5个项目。'])).toEqual(
      expect.arrayContaining(['value:98.5', 'unit:%', 'value:7万', 'unit:件']),
    );
  });

  it('gives no highlight for a relative target', () => {
    expect(seen(['一、主要目标', '年度质量建设投入增幅不低于GDP增长幅度。'])).toEqual([]);
  });
});
