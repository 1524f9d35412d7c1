// The reviewer's rules beyond the first seven: planted defects are caught, clean texts stay silent.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySuppressions, checkPlan, type AnalysisOptions, type Diagnostic } from '../../server/src/core';
import { plan, spanText } from './helpers';

/** The rule's findings as the server and qplan check report them: checked, then the team's suppressions applied. */
function found(rule: string, lines: string[], options: AnalysisOptions = {}): (Diagnostic & { text: string })[] {
  const m = plan(...lines);
  const { kept } = applySuppressions(m, checkPlan(m, m.text, options), options.suppressions);
  return kept.filter((d) => d.rule === rule).map((d) => ({ ...d, text: spanText(m, d.span) }));
}

/** Applies a fix's changes to the text, last first. */
function apply(text: string, changes: { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, c.span.start) + c.newText + out.slice(c.span.end);
  return out;
}

const seed = (n: string) => readFileSync(`seeds/${n}`, 'utf8');
const SEEDS = ['000_ddecad1bf628223d.txt', '001_69752e7f9544ae63.txt', '002_7c968d8e042c488d.txt', '003_c1b3376c57d80b19.txt', '004_48dc29ba5375c5fe.txt'];
function seedFindings(rule: string, options: AnalysisOptions = {}): string[] {
  return SEEDS.flatMap((n) => {
    const m = plan(seed(n));
    return checkPlan(m, m.text, options).filter((d) => d.rule === rule).map((d) => `${n.slice(0, 3)} ${spanText(m, d.span)}`);
  });
}

describe('multiple-leads', () => {
  it('reports a clause with two departments leading, once, naming them', () => {
    const d = found('multiple-leads', ['一、重点任务', '（一）加强品牌培育。（市经信委、市质监局牵头，各成员单位配合）']);
    expect(d.map((x) => x.message)).toEqual(['责任分工列了 2 个牵头单位（市经信委、市质监局）。联合牵头易致责任不清，建议明确一个主牵头单位，其余改为配合单位。']);
    expect(d[0].severity).toBe('information');
  });

  it('is silent for one lead, a 责任单位 list, and a department with the county governments', () => {
    expect(found('multiple-leads', ['一、重点任务', '（一）甲。（市质监局牵头，各成员单位配合）', '（二）乙。（责任单位：市发改局、市经信局）', '（三）丙。（牵头单位：市质监局，各县区政府）'])).toEqual([]);
  });
});

describe('obsolete-agency', () => {
  const task = (year: number, clause: string) => [`${year}年某市质量强市工作行动计划`, '一、重点任务', `（一）加强品牌培育。${clause}`];

  it('catches 市质监局 in a 2023 plan and offers the current name', () => {
    const m = plan(...task(2023, '（市质监局牵头，市农委配合）'));
    const d = checkPlan(m, m.text).filter((x) => x.rule === 'obsolete-agency');
    expect(d.map((x) => spanText(m, x.span))).toEqual(['市质监局', '市农委']);
    expect(d[0].message).toBe('“市质监局”已在 2018 年机构改革中撤并，职能划入“市市场监管局”；本方案为 2023 年，请改用现名。');
    expect(apply(m.text, d[0].fixes![0].changes)).toContain('（市市场监管局牵头，市农委配合）');
    expect(d[0].fixes![0].title).toBe('改为“市市场监管局”');
    expect(apply(m.text, d[1].fixes![0].changes)).toContain('市农业农村局配合');
  });

  it('is silent in a 2016 plan, and on 原市质监局, 《》 titles and the new names that contain old ones', () => {
    expect(found('obsolete-agency', task(2016, '（市质监局、市工商局牵头）'))).toEqual([]);
    expect(found('obsolete-agency', task(2023, '（市自然资源和规划局、市文化广电和旅游局牵头）'))).toEqual([]);
    expect(found('obsolete-agency', task(2023, '原市质监局的职责由市市场监管局承担，落实《市质监局关于加强计量工作的意见》。（市市场监管局牵头）'))).toEqual([]);
    expect(found('obsolete-agency', task(2023, '形成现代农业局面。（市农业农村局牵头）'))).toEqual([]);
  });

  it('follows a chain of reforms and judges a plan without a date by its period', () => {
    const d = found('obsolete-agency', ['某市质量发展规划（2021—2025年）', '一、重点任务', '（一）甲。（市卫生局牵头）']);
    expect(d.map((x) => x.message)).toEqual(['“市卫生局”已在 2014 年机构改革中撤并，职能划入“市卫健委”；本方案为 2021 年，请改用现名。']);
    expect(found('obsolete-agency', ['质量发展规划', '一、重点任务', '（一）甲。（市卫生局牵头）'])).toEqual([]);
  });

  it('dates a reposted copy by its document number, not by the web page', () => {
    const lines = ['某市人民政府办公室关于印发某市质量强市工作方案的通知', '某府办函〔2018〕83号', '发布时间：2024-01-04', '某市质量强市工作方案', '一、重点任务', '（一）甲。（市质监局牵头）'];
    expect(found('obsolete-agency', lines)).toEqual([]);
    expect(found('obsolete-agency', lines.map((l) => l.replace('〔2018〕', '〔2020〕')))).toHaveLength(1);
  });

  it('knows where a name survived the reform (上海 kept its 经信委)', () => {
    expect(found('obsolete-agency', ['2023年上海市质量强市工作行动计划', '一、重点任务', '（一）甲。（市经信委牵头）'])).toEqual([]);
    expect(found('obsolete-agency', ['2023年某市质量强市工作行动计划', '一、重点任务', '（一）甲。（市经信委牵头）'])).toHaveLength(1);
    expect(found('obsolete-agency', ['重庆市荣昌区人民政府关于印发2022年质量提升行动计划的通知', '2022年质量提升行动计划', '一、重点任务', '（一）甲。（区经信委牵头）'])).toEqual([]);
  });

  it('offers each successor when the duties were split (经信委 → 工信局 or 经信局)', () => {
    const d = found('obsolete-agency', task(2020, '（市经信委牵头）'));
    expect(d[0].fixes!.map((f) => f.title)).toEqual(['改为“市工信局”', '改为“市经信局”']);
  });
});

describe('unknown-agency', () => {
  const agencies = [{ name: '市市场监管局', aliases: ['市市场监督管理局'] }, { name: '市质监局' }, { name: '市教育局' }, { name: '市发展改革委' }];
  const lines = (clause: string) => ['2016年某市质量强市工作行动计划', '一、重点任务', `（一）加强品牌培育。${clause}`];

  it('suggests the nearest known name for a slip, with a fix', () => {
    const d = found('unknown-agency', lines('（市质检局牵头，市教育局配合）'), { agencies });
    expect(d.map((x) => [x.text, x.message])).toEqual([['市质检局', '“市质检局”不在团队单位名录中，是否应为“市质监局”？']]);
    expect(d[0].fixes![0].changes[0].newText).toBe('市质监局');
  });

  it('finds the nearest name across a missing level prefix', () => {
    const d = found('unknown-agency', lines('（市质检局牵头）'), { agencies: [{ name: '质监局' }, { name: '教育局' }] });
    expect(d.map((x) => x.message)).toEqual(['“市质检局”不在团队单位名录中，是否应为“市质监局”？']);
  });

  it('names a unit far from any known one without guessing', () => {
    const d = found('unknown-agency', lines('（市体育局牵头）'), { agencies: [{ name: '市市场监管局' }] });
    expect(d[0].message).toContain('不在团队单位名录中。请核对');
    expect(d[0].fixes).toBeUndefined();
  });

  it('accepts aliases, short and long forms, and generic units; silent without a list', () => {
    expect(found('unknown-agency', lines('（市市场监督管理局、市发改委牵头，各成员单位、各县区政府配合）'), { agencies })).toEqual([]);
    expect(found('unknown-agency', lines('（市质检局牵头）'))).toEqual([]);
  });
});

describe('target-no-year', () => {
  it('a target with no year in scope and no period', () => {
    const d = found('target-no-year', ['某市质量工作意见', '一、主要目标', '产品质量合格率达到95%以上。']);
    expect(d.map((x) => x.message)).toEqual(['指标“产品质量合格率”没有年份：句中、所在标题下和方案标题都未说明到哪一年。请写明“到××年”，或在团队配置中设定规划期（period）。']);
  });

  it('silent with a year, a governing 到20XX年, a relative frame (三年内) or a configured period', () => {
    expect(found('target-no-year', ['某市质量工作意见', '一、主要目标', '到2020年，产品质量合格率达到95%以上。'])).toEqual([]);
    expect(found('target-no-year', ['某市质量工作意见', '一、重点任务', '（一）甲。三年内培育卓越绩效企业50家。（市质监局牵头）'])).toEqual([]);
    expect(found('target-no-year', ['某市质量工作意见', '一、主要目标', '产品质量合格率达到95%以上。'], { period: { start: 2021, end: 2025 } })).toEqual([]);
  });
});

describe('target-out-of-period', () => {
  it('a 2027 target in a 2021—2025 plan', () => {
    const d = found('target-out-of-period', ['某市质量发展规划（2021—2025年）', '一、主要目标', '到2027年，产品质量合格率达到95%以上。']);
    expect(d.map((x) => x.message)).toEqual(['指标“产品质量合格率”的年份 2027 年不在本方案的规划期（2021—2025年）内。请核对年份。']);
  });

  it('silent within the period, for a 2035 long view, and for the base year of a change', () => {
    expect(found('target-out-of-period', ['某市质量发展规划（2021—2025年）', '一、主要目标', '到2025年，产品质量合格率达到95%以上。', 'PM2.5浓度较2020年下降10%。'])).toEqual([]);
    expect(found('target-out-of-period', ['某市质量发展规划（2021—2025年）', '一、主要目标', '展望2035年远景目标，产品质量合格率达到99%以上。'])).toEqual([]);
  });

  it('in a yearly plan, an earlier year is caught and a multi-year goal is not', () => {
    const lines = ['2023年某市质量强市工作行动计划', '一、重点任务', '（一）甲。2016年争创名牌产品80个，到2025年产品质量合格率达到95%以上。（市市场监管局牵头）'];
    expect(found('target-out-of-period', lines).map((d) => d.args.year)).toEqual([2016]);
  });

  it('uses the configured period when the title gives none', () => {
    expect(found('target-out-of-period', ['某市质量工作意见', '一、主要目标', '到2019年，产品质量合格率达到95%以上。'], { period: { start: 2021, end: 2025 } })).toHaveLength(1);
  });
});

describe('target-impossible', () => {
  it('a rate above 100%, 100%以上, and a fall of more than 100%', () => {
    const d = found('target-impossible', ['2024年某市质量强市工作行动计划', '一、主要目标', '产品质量合格率达到120%，检验覆盖率达到100%以上，不合格率下降150%。']);
    expect(d.map((x) => x.message)).toEqual([
      '指标“产品质量合格率”要求 120%，比率不可能超过 100%。请核对数值。',
      '指标“检验覆盖率”要求“100%以上”，比率最高为 100%，无法实现。请改为“达到100%”。',
      '指标“不合格率”要求下降 150%，降幅不可能超过 100%。请核对数值。',
    ]);
  });

  it('reads a full-width ％ as a percent (a plan typed in full width)', () => {
    const d = found('target-impossible', ['2024年某市质量强市工作行动计划', '一、主要目标', '产品质量合格率达到120％。']);
    expect(d.map((x) => x.args.value)).toEqual([120]);
  });

  it('silent on growth above 100%, 100%, and counts', () => {
    expect(found('target-impossible', ['2024年某市质量强市工作行动计划', '一、主要目标', '产品质量合格率达到100%，出口额增长150%，新增品牌120个，质量竞争力指数达到105。'])).toEqual([]);
  });
});

describe('target-conflict', () => {
  it('the same metric with another value in a task, with a fix to the 主要目标 value', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、主要目标', '产品质量抽检合格率达到97%以上。', '二、重点任务', '（一）加强监管。产品质量抽检合格率达到96%以上。（市市场监管局牵头）');
    const d = checkPlan(m, m.text).filter((x) => x.rule === 'target-conflict');
    expect(d.map((x) => x.message)).toEqual(['指标“产品质量抽检合格率”在此为 ≥96%，而第 3 行同一指标为 ≥97%（同为 2024 年）。请统一数值。']);
    expect(d[0].fixes![0].title).toBe('改为与主要目标一致的 ≥97%');
    expect(apply(m.text, d[0].fixes![0].changes)).toContain('（一）加强监管。产品质量抽检合格率达到97%以上。');
  });

  it('a later year asking for less', () => {
    const d = found('target-conflict', ['某市质量发展规划（2021—2025年）', '一、主要目标', '到2023年，产品质量合格率达到96%以上；到2025年，产品质量合格率达到95%以上。']);
    expect(d.map((x) => x.text)).toEqual(['产品质量合格率达到95%以上']);
  });

  it('silent on bare values that fall year by year (a rate meant to fall): only 以上/以下 give a direction', () => {
    const lines = ['某市质量发展规划（2023—2025年）', '一、主要目标', '到2023年，产品抽查不合格发现率为3%；到2024年，产品抽查不合格发现率为2.5%。'];
    expect(plan(...lines).targets.map((t) => [t.year, t.value, t.comparator])).toEqual([[2023, 3, '='], [2024, 2.5, '=']]);
    expect(found('target-conflict', lines)).toEqual([]);
  });

  it('silent on a progression, on narrower metrics, on other comparators and units, and on equal values', () => {
    expect(found('target-conflict', ['某市质量发展规划（2021—2025年）', '一、主要目标', '到2023年，产品质量合格率达到95%以上；到2024年，产品质量合格率达到96%以上；到2025年，产品质量合格率达到97%以上。'])).toEqual([]);
    expect(found('target-conflict', ['2024年某市质量强市工作行动计划', '一、主要目标', '制修订地方标准40个，服务业地方标准10个，新增皖美品牌示范企业30家、服务业皖美品牌示范企业8家。'])).toEqual([]);
    expect(found('target-conflict', ['2024年某市质量强市工作行动计划', '一、主要目标', 'PM2.5年均浓度降至35微克/立方米以下。', '二、重点任务', '（一）甲。PM2.5年均浓度下降10%。（市生态环境局牵头）'])).toEqual([]);
    expect(found('target-conflict', ['2024年某市质量强市工作行动计划', '一、主要目标', '产品质量合格率达到97%以上。', '二、重点任务', '（一）甲。产品质量合格率达到97%。（市市场监管局牵头）'])).toEqual([]);
  });
});

describe('halfwidth-punctuation', () => {
  it('a slip between Chinese characters, with a fix for it and one for all', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、重点任务', '（一）加强品牌培育,大力推动品牌建设;提升质量。（市市场监管局牵头）');
    const d = checkPlan(m, m.text).filter((x) => x.rule === 'halfwidth-punctuation');
    expect(d.map((x) => x.message)).toEqual(['中文之间使用了半角“,”，公文应使用全角“，”。', '中文之间使用了半角“;”，公文应使用全角“；”。']);
    expect(d[0].fixes!.map((f) => f.title)).toEqual(['改为全角“，”', '全文半角标点改为全角（2 处）']);
    expect(apply(m.text, d[0].fixes![1].changes)).toContain('加强品牌培育，大力推动品牌建设；提升质量');
  });

  it('brackets around Chinese, not around English, numbers or Markdown links; not in URLs or heading markers', () => {
    const d = found('halfwidth-punctuation', ['2024年某市质量强市工作行动计划', '一、重点任务', '(一)加强品牌培育。(市市场监管局牵头)', '发挥WTO/TBT(WTO/TBT-SPS)通报中心作用，比例尺1:1000，详见http://example.cn/a,b，[链接](http://x.cn)。']);
    expect(d.map((x) => x.text)).toEqual(['(', ')']);
  });

  it('a short copy with no full-width marks is converted as a whole: one finding', () => {
    const d = found('halfwidth-punctuation', ['2024年某市质量强市工作行动计划', '各区人民政府,市政府各委、办、局:', '一、重点任务', '（一）甲,乙,丙;丁。(市市场监管局牵头)']);
    expect(d.map((x) => x.message)).toEqual(['本文件中文之间有 7 处半角标点（如“,”），疑为网页复制时被转换；公文应使用全角标点。快速修复可一次全部改为全角。']);
  });

  it('a whole converted copy is one finding whose fix converts every mark', () => {
    const m = plan(seed('000_ddecad1bf628223d.txt'));
    const d = checkPlan(m, m.text).filter((x) => x.rule === 'halfwidth-punctuation');
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/^本文件中文之间有 \d+ 处半角标点/);
    const fixed = apply(m.text, d[0].fixes![0].changes);
    expect(fixed).toContain('（市政府办公室、市质监局牵头，各成员单位配合）');
    const again = plan(fixed);
    expect(checkPlan(again, again.text).filter((x) => x.rule === 'halfwidth-punctuation')).toEqual([]);
  });
});

describe('missing-section', () => {
  it('a 规划 without 保障措施, and the team’s own requirements', () => {
    const lines = ['某市质量发展规划（2021—2025年）', '一、主要目标', '（一）甲', '二、重点任务', '（一）乙'];
    expect(found('missing-section', lines).map((x) => x.message)).toEqual(['方案缺少“保障措施”部分：规划应包括“主要目标”、“重点任务”、“保障措施”。']);
    expect(found('missing-section', lines, { requiredSections: { '*': ['组织实施'] } }).map((x) => x.args.section)).toEqual(['组织实施']);
    expect(found('missing-section', lines, { requiredSections: { 行动计划: ['safeguard'] } })).toEqual([]);
  });

  it('silent on a complete plan and on text without an outline', () => {
    expect(found('missing-section', ['某市质量发展规划（2021—2025年）', '一、主要目标', '二、重点任务', '三、保障措施'])).toEqual([]);
    expect(found('missing-section', ['某市质量发展规划（2021—2025年）', '只有一段文字。'])).toEqual([]);
  });
});

describe('precedent-residue', () => {
  const draft = (body: string) => ['2024年宿州市质量强市工作行动计划', '一、重点任务', `（一）加强品牌培育。${body}`];

  it('another city’s agency, slogan, district and document in a 宿州 plan', () => {
    const d = found('precedent-residue', draft('全力提升“苏州制造”品牌影响力，做好吴中区创建工作，依据《苏州市质量工作考核管理办法》。（苏州市质监局、苏州出入境检验检疫局牵头）'));
    expect(d.map((x) => x.text)).toEqual(['“苏州制造”', '吴中区', '《苏州市质量工作考核管理办法》', '苏州市质监局', '苏州出入境检验检疫局']);
    expect(d[3].message).toBe('“苏州市质监局”指向苏州市，而本方案是宿州市的方案，疑为照搬先例时遗留。请改为本地的单位或名称。');
  });

  it('silent on own ground, the parent city, provinces, national bodies and benchmarking', () => {
    expect(found('precedent-residue', draft('打响“宿州制造”品牌，支持砀山县、埇桥区，组织申报安徽省政府质量奖，对标苏州、杭州等先进地区，深度对接上海市市场监管局。（宿州市市场监管局牵头）'))).toEqual([]);
    expect(found('precedent-residue', ['2016年苏州市质量强市工作行动计划', '一、重点任务', '（一）甲。加强进出口监管。（南京海关、苏州市市场监管局牵头）'])).toEqual([]);
    expect(found('precedent-residue', draft('昆山市、义乌市获评全国质量强市示范城市。（宿州市市场监管局牵头）'))).toEqual([]);
    expect(found('precedent-residue', ['2015年质量乐清建设行动计划', '一、主要任务', '（一）甲。申报温州市市长质量奖，开展“温州时尚品牌”推荐，制定“浙江制造”标准。（乐清市市场监管局牵头）'])).toEqual([]);
  });

  it('silent when the plan’s own city is unknown; the team’s city setting decides when given', () => {
    expect(found('precedent-residue', ['落实质量纲要行动计划', '一、重点任务', '（一）甲。（苏州市质监局牵头）'])).toEqual([]);
    expect(found('precedent-residue', ['落实质量纲要行动计划', '一、重点任务', '（一）甲。（苏州市质监局牵头）'], { city: '宿州市' })).toHaveLength(1);
  });
});

describe('the seeds', () => {
  it('new rules stay silent where the seeds are right (checked by hand, see the issue note)', () => {
    for (const rule of ['obsolete-agency', 'target-no-year', 'target-out-of-period', 'target-impossible', 'target-conflict', 'precedent-residue', 'unknown-agency']) {
      expect(seedFindings(rule), rule).toEqual([]);
    }
    // Seed 000 truly has no 保障措施 section: it ends with an untitled paragraph on 组织领导.
    expect(seedFindings('missing-section')).toEqual(['000 2016年苏州市质量强市工作行动计划']);
  });

  it('unknown-agency is silent on seed 000 with its own units as the list, and catches a slip planted in it', () => {
    const m = plan(seed('000_ddecad1bf628223d.txt'));
    const agencies = [...new Set(m.clauses.flatMap((c) => [...c.leads, ...c.cooperators]))].map((name) => ({ name }));
    expect(checkPlan(m, m.text, { agencies }).filter((d) => d.rule === 'unknown-agency')).toEqual([]);
    const slipped = plan(m.text.replace('(市财政局牵头', '(市财正局牵头'));
    const d = checkPlan(slipped, slipped.text, { agencies }).filter((x) => x.rule === 'unknown-agency');
    expect(d.map((x) => x.message)).toEqual(['“市财正局”不在团队单位名录中，是否应为“市财政局”？']);
  });

  it('residue is caught when a seed is read as another city’s draft', () => {
    const d = seedFindings('precedent-residue', { city: '宿州市' });
    expect(d).toContain('000 苏州出入境检验检疫局');
    expect(d).toContain('000 “苏州制造”');
    expect(d.filter((x) => x.startsWith('003'))).toEqual([]);
  });

  it('obsolete names are caught when seed 000 is redated 2023', () => {
    const text = seed('000_ddecad1bf628223d.txt').replace(/2016年4月25日/g, '2023年4月25日').replace(/2016年苏州市/g, '2023年苏州市').replace('苏府〔2016〕', '苏府〔2023〕');
    const m = plan(text);
    const names = checkPlan(m, m.text).filter((d) => d.rule === 'obsolete-agency').map((d) => spanText(m, d.span));
    expect(new Set(names)).toEqual(new Set(['市质监局', '市工商局', '市经信委', '市食药监局', '市农委', '市旅游局', '市环保局', '市国土局', '市卫生计生委', '苏州出入境检验检疫局'.slice(2)]));
  });
});

describe('suppressions', () => {
  const lines = ['2023年某市质量强市工作行动计划', '一、重点任务', '（一）加强品牌培育。（市质监局、市经信委牵头）', '（二）加强标准建设。（市质监局牵头）', '二、保障措施'];

  it('silence one rule on one task, found by its title wherever the task has moved', () => {
    const suppressions = [{ rule: 'obsolete-agency', task: '加强品牌培育', reason: '沿用上级文件原文' }];
    const kept = found('obsolete-agency', lines, { suppressions }).map((d) => d.text);
    expect(kept).toEqual(['市质监局']);
    expect(found('obsolete-agency', lines).map((d) => d.text)).toEqual(['市质监局', '市经信委', '市质监局']);
    const moved = ['2023年某市质量强市工作行动计划', '一、重点任务', '（一）加强标准建设。（市质监局牵头）', '（二）加强品牌培育。（市质监局、市经信委牵头）', '二、保障措施'];
    expect(found('obsolete-agency', moved, { suppressions }).map((d) => d.text)).toEqual(['市质监局']);
    expect(found('multiple-leads', moved, { suppressions })).toHaveLength(1);
  });

  it('a suppression naming no task of the plan, or malformed, silences nothing', () => {
    expect(found('obsolete-agency', lines, { suppressions: [{ rule: 'obsolete-agency', task: '不存在的任务', reason: 'x' }] })).toHaveLength(3);
    expect(found('obsolete-agency', lines, { suppressions: [{ rule: 'obsolete-agency', task: 7 as never, reason: 'x' }] })).toHaveLength(3);
  });
});

describe('fixes, on random text', () => {
  // Chinese characters, the marks the rule converts, digits, Latin letters, spaces and line breaks.
  const piece = fc.constantFrom('质量', '𠮷', 'http://a.cn/x,y', '市质监局', '牵头', '加强', ',', ';', ':', '(', ')', '?', '!', '1', '2025', 'WTO', ' ', '\n', '（', '）', '。', '一、', '（一）');

  it('the half-width fixes replace one ASCII mark each by its full-width form, and applying them all leaves no finding', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = ['2024年某市质量强市工作行动计划', ...parts].join('');
        const m = plan(text);
        const half = checkPlan(m, m.text).filter((d) => d.rule === 'halfwidth-punctuation');
        if (!half.length) return;
        const all = half[0].fixes!.at(-1)!.changes;
        for (const c of all) {
          expect(c.span.end - c.span.start).toBe(1);
          expect(c.newText.codePointAt(0)! - m.text.codePointAt(c.span.start)!).toBe(0xfee0);
        }
        const fixed = plan(apply(m.text, all));
        expect(checkPlan(fixed, fixed.text).filter((d) => d.rule === 'halfwidth-punctuation')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('English', () => {
  it('renders the new rules and their fix titles in English for an English client', () => {
    const d = found('obsolete-agency', ['2023年某市质量强市工作行动计划', '一、重点任务', '（一）甲。（市质监局牵头）'], { locale: 'en' });
    expect(d[0].message).toBe('"市质监局" was abolished in the 2018 institutional reform; its duties passed to "市市场监管局". This plan is from 2023: use the current name.');
    expect(d[0].fixes![0].title).toBe('Change to "市市场监管局"');
  });
});
