import { describe, expect, it } from 'vitest';
import { plan, spanText } from './helpers';

const outline = (...lines: string[]) => plan(...lines).headings.map((h) => `${h.depth} ${h.kind} ${h.ordinal} ${h.title}`);

describe('heading forms', () => {
  it('reads every marker kind at its GB/T 9704 depth', () => {
    expect(outline(
      '第一章 现实基础', '一、总体要求', '（一）指导思想', '1.坚持质量第一', '（1）狠抓产品质量', '①严格准入', '——开展专项整治',
    )).toEqual([
      '1 chapter 1 现实基础', '2 cn 1 总体要求', '3 cn-paren 1 指导思想', '4 num 1 坚持质量第一',
      '5 num-paren 1 狠抓产品质量', '6 circled 1 严格准入', '7 bullet null 开展专项整治',
    ]);
  });

  it('reads half-width brackets, 1、 and 1． and big Chinese numerals', () => {
    expect(outline('一、重点任务', '(二十二)加强组织领导', '1、推进标准化', '2．加强计量', '(3)强化认证')).toEqual([
      '1 cn 1 重点任务', '2 cn-paren 22 加强组织领导', '3 num 1 推进标准化', '3 num 2 加强计量', '4 num-paren 3 强化认证',
    ]);
  });

  it('tolerates a skipped level: 1. directly under 一、', () => {
    expect(outline('一、重点任务', '1.加强品牌培育', '2.强化标准引领', '二、保障措施')).toEqual([
      '1 cn 1 重点任务', '2 num 1 加强品牌培育', '2 num 2 强化标准引领', '1 cn 2 保障措施',
    ]);
  });

  it('splits title from body at the first 。 or ：', () => {
    const m = plan('一、重点任务', '（六）加大品牌培育力度。大力推动品牌建设，制定行动计划。');
    expect(m.headings[1].title).toBe('加大品牌培育力度');
    expect(spanText(m, m.headings[1].titleSpan)).toBe('加大品牌培育力度');
    expect(spanText(m, m.headings[1].markerSpan)).toBe('（六）');
  });

  it('falls back to a known section word when the title runs on', () => {
    const m = plan('一、总体要求', '(一)指导思想以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，坚持质量第一效益优先，推动高质量发展');
    expect(m.headings[1].title).toBe('指导思想');
  });

  it('keeps a short run-on title and cuts a long one at a comma', () => {
    const m = plan('一、重点任务', '1.完善质量诚信体系,健全质量信用信息收集与发布制度,增强质量行为约束能力。建立信用平台。');
    expect(m.headings[1].title).toBe('完善质量诚信体系,健全质量信用信息收集与发布制度,增强质量行为约束能力');
  });

  it('reads a damaged first-level heading (、总体要求) with no ordinal', () => {
    expect(outline('一、发展基础', '、总体要求')).toEqual(['1 cn 1 发展基础', '1 cn null 总体要求']);
  });

  it('reads Markdown # and ** around the same markers', () => {
    expect(outline('# 2024年某市质量提升行动计划', '## 一、总体要求', '**（一）指导思想。**以……为指导。', '### 二、重点任务')).toEqual([
      '1 cn 1 总体要求', '2 cn-paren 1 指导思想', '1 cn 2 重点任务',
    ]);
  });

  it('keeps one space between Latin words in a title (ISO 9001), none between Chinese characters', () => {
    expect(outline('一、重点任务', '（一）推行 ISO 9001 质量 管理体系。正文')).toEqual(['1 cn 1 重点任务', '2 cn-paren 1 推行ISO 9001质量管理体系']);
  });

  it('takes a bullet alone on its line with the title on the next line', () => {
    const m = plan('一、重点任务', '——', '开展制造业质量标准提升行动。实施质量品牌提升工程。');
    expect(m.headings.map((h) => h.title)).toEqual(['重点任务', '开展制造业质量标准提升行动']);
  });
});

describe('heading look-alikes', () => {
  it('rejects a table of contents with dot leaders', () => {
    expect(outline('一、发展基础……………1', '二、总体要求…………3', '一、发展基础')).toEqual(['1 cn 1 发展基础']);
  });

  it('rejects 一是/二是 enumerations and 十三五 words', () => {
    expect(outline('二、机遇挑战', '一是消费升级对质量提升提出新期盼。', '二是制造强市对质量工作提出新要求。', '十三五目标')).toEqual(['1 cn 2 机遇挑战']);
  });

  it('rejects numbered rows of a flattened table', () => {
    expect(outline('一、主要目标', '序号', '指标', '目标值', '1.', '合格率', '98%', '2.', '满意度', '85%', '二、重点任务')).toEqual([
      '1 cn 1 主要目标', '1 cn 2 重点任务',
    ]);
  });

  it('rejects web chrome bullets before the body and (此件公开发布)', () => {
    expect(outline('  • 年度期数 2012年第15期', '  • 发文字号 青政发〔2012〕32号', '(此件公开发布)', '一、指导思想')).toEqual(['1 cn 1 指导思想']);
  });

  it('rejects decimals (1.5倍) and dates as num headings', () => {
    expect(outline('一、主要目标', '1.5倍于全国平均水平', '2016.4.25')).toEqual(['1 cn 1 主要目标']);
  });

  it('stops the outline at an 附件 line', () => {
    expect(outline('一、重点任务', '（一）加强品牌培育。', '附件：任务分工表', '1.加强品牌培育')).toEqual(['1 cn 1 重点任务', '2 cn-paren 1 加强品牌培育']);
  });
});

describe('extents', () => {
  it('a task body runs to the next heading', () => {
    const m = plan('一、重点任务', '（一）甲。', '续段。', '', '（二）乙。');
    expect(m.headings.map((h) => `${h.bodyEndLine}-${h.endLine}`)).toEqual(['0-4', '2-2', '4-4']);
  });
});

describe('sections and tasks', () => {
  it('classifies sections and takes leaf items of task and safeguard sections as tasks', () => {
    const m = plan(
      '一、发展基础', '（一）产品质量持续提升。', '二、总体要求', '（一）指导思想', '（二）发展目标', '——产品质量。合格率达到97%以上。',
      '三、重点任务', '（一）推动制造业迈向中高端', '——开展质量提升行动。', '四、保障措施', '（一）加强组织领导。',
    );
    expect(m.headings.map((h) => `${h.title}:${h.section}${h.task >= 0 ? ':task' : ''}`)).toEqual([
      '发展基础:context', '产品质量持续提升:context', '总体要求:principle', '指导思想:principle', '发展目标:goal', '产品质量:goal',
      '重点任务:task', '推动制造业迈向中高端:task', '开展质量提升行动:task:task', '保障措施:safeguard', '加强组织领导:safeguard:task',
    ]);
  });

  it('treats a chapter without a section word as a task chapter (行动计划 style)', () => {
    const m = plan('一、深入推进质量强市战略', '（一）组织质量工作考核。开展考核。（市政府办公室牵头）');
    expect(m.tasks.map((t) => `${t.title}:${t.section}`)).toEqual(['组织质量工作考核:task']);
  });
});
