import { describe, expect, it } from 'vitest';
import { plan, spanText } from './helpers';

/** Targets of one goal line in an annual 2016 plan, as compact strings. */
const targetsOf = (line: string, title = '2016年某市质量强市工作行动计划') =>
  plan(title, '一、主要目标', line).targets.map((t) =>
    `${t.metric}|${t.comparator}|${t.value}${t.valueMax !== null ? '-' + t.valueMax : ''}|${t.unit}|${t.year}${t.baseYear ? '|base ' + t.baseYear : ''}`);

describe('target forms (plan-format.md §4)', () => {
  it.each([
    ['制造业产品质量合格率达到94%以上', '制造业产品质量合格率|>=|94|%|2016'],
    ['农畜产品监测合格率保持在98%以上', '农畜产品监测合格率|>=|98|%|2016'],
    ['农产品监测合格率稳定在98%', '农产品监测合格率|=|98|%|2016'],
    ['单位地区生产总值能耗较2020年下降13%', '单位地区生产总值能耗|down|13|%|2016|base 2020'],
    ['PM2.5年均浓度降至35微克/立方米以下', 'PM2.5年均浓度|<=|35|微克/立方米|2016'],
    ['服务业增加值年均增长15%左右', '服务业增加值|up|15|%|2016'],
    ['质量竞争力指数整体提升2个百分点以上', '质量竞争力指数整体|up|2|个百分点|2016'],
    ['制造业质量竞争力指数达到92以上', '制造业质量竞争力指数|>=|92||2016'],
    ['公共服务质量满意度82分以上', '公共服务质量满意度|>=|82|分|2016'],
    ['新增10个甘肃名牌产品', '甘肃名牌产品|>=|10|个|2016'],
    ['2016年争创江苏名牌产品80个', '江苏名牌产品|>=|80|个|2016'],
    ['注册商标总量达到7万件', '注册商标总量|>=|70000|件|2016'],
    ['争取引进3-5个重大质量提升项目', '重大质量提升项目|=|3-5|个|2016'],
    ['选树1—2个标杆企业', '标杆企业|=|1-2|个|2016'],
    ['质量基础设施投资达到50亿元', '质量基础设施投资|>=|50|亿元|2016'],
    ['城市区域环境噪声平均值小于55分贝', '城市区域环境噪声平均值|<=|55|分贝|2016'],
    // The percent sign written on both values of a range was read as two targets, the second with the metric "—".
    ['产品质量合格率保持在80%—85%', '产品质量合格率|=|80-85|%|2016'],
    ['服务满意度达到80％至85％', '服务满意度|=|80-85|％|2016'],
  ])('%s', (line, expected) => {
    expect(targetsOf(line)).toEqual([expected]);
  });

  it('a value with % next to a range dash is not a range unless the second value has % too', () => {
    expect(targetsOf('合格率达到95%-2项指标')).not.toContainEqual(expect.stringMatching(/95-2/));
  });

  it('one value, several metrics: A和B均在95%以上', () => {
    expect(targetsOf('食品和药品抽检合格率均在95%以上')).toEqual(['食品和药品抽检合格率|>=|95|%|2016']);
  });

  it('paired values: 分别达345件和100个', () => {
    expect(targetsOf('发明专利、有效注册商标分别达345件和100个')).toEqual([
      '发明专利|>=|345|件|2016', '有效注册商标|>=|100|个|2016',
    ]);
  });

  it('a list of counts after one verb', () => {
    expect(targetsOf('创建全国知名品牌示范区3个、国家地理标志保护产品8个、中国驰名商标80件')).toEqual([
      '全国知名品牌示范区|>=|3|个|2016', '国家地理标志保护产品|>=|8|个|2016', '中国驰名商标|>=|80|件|2016',
    ]);
  });

  it('relative, zero and full-coverage targets', () => {
    expect(targetsOf('确保年度质量建设投入增幅不低于GDP增长幅度')).toEqual(['年度质量建设投入增幅|>=|null||2016']);
    expect(targetsOf('劣V类水体为零')).toEqual(['劣V类水体|=|0||2016']);
    expect(targetsOf('实现规上企业首席质量官制度全覆盖')).toEqual(['规上企业首席质量官制度|=|100|%|2016']);
  });

  it('qualitative aims (全省领先) are not targets', () => {
    expect(targetsOf('质量工作水平保持全省领先')).toEqual([]);
  });
});

describe('the year in scope', () => {
  it('到2025年 in the sentence', () => {
    expect(targetsOf('到2025年，制造业产品质量合格率达到94%以上', '某市质量发展规划')).toEqual(['制造业产品质量合格率|>=|94|%|2025']);
  });

  it('到“十二五”末 and “十四五”期间', () => {
    expect(targetsOf('到“十二五”末,创建全国知名品牌示范区3个', '某市意见')).toEqual(['全国知名品牌示范区|>=|3|个|2015']);
    expect(targetsOf('“十四五”期间，每年培育标准化良好行为企业2家以上', '某市意见')).toEqual(['标准化良好行为企业|>=|2|家|2025']);
  });

  it('a leading 到2025年 governs the bullets under the same heading', () => {
    const m = plan('某市质量发展规划', '一、发展目标', '到2025年，全市质量总体水平进一步提升。', '——产品质量。合格率达到97%以上。', '二、重点任务', '（一）加强监管。合格率达到99%。');
    expect(m.targets.map((t) => `${t.value}:${t.year}:${t.yearSource}`)).toEqual(['97:2025:scope', '99:null:null']);
  });

  it('较上年 means the year before the target year', () => {
    const m = plan('2015年某市行动计划', '一、主要目标', '主导产品采标率较上年提高1个百分点以上');
    expect(m.targets.map((t) => `${t.comparator}:${t.value}:${t.year}:${t.baseYear}`)).toEqual(['up:1:2015:2014']);
  });

  it('a leading 到“十二五”末 governs the items under the same heading (seed 001)', () => {
    const m = plan('某市意见', '二、主要目标', '到“十二五”末,宏观质量总体水平居全国前列。', '(一)产品质量目标。抽检合格率保持在90%以上。');
    expect(m.targets.map((t) => `${t.value}:${t.year}:${t.yearSource}`)).toEqual(['90:2015:scope']);
  });

  it('the plan period from the title when nothing closer says', () => {
    const m = plan('某市质量强市建设“十四五”规划', '一、重点任务', '（一）加强监管。每年组织对100种以上产品开展监督抽查。');
    expect(m.targets.map((t) => `${t.value}:${t.year}:${t.yearSource}`)).toEqual(['100:2025:period']);
  });
});

describe('numbers that are not targets', () => {
  it.each([
    ['dates', '2016年4月25日召开会议，9月份开展质量月活动'],
    ['document numbers and titles', '根据《国务院关于印发质量发展纲要(2011-2020年)的通知》(国发〔2012〕9号)精神'],
    ['ordinals', '组织第六届市长质量奖评定，召开第19次常务会议'],
    ['Chinese-numeral counts', '深入实施三大战略，推进两县试点'],
    ['codes', '推行5S、6T管理，实施“515工程”，开通96366专线，对接G60科创走廊，落实3·15活动'],
    ['years alone', '对接《中国制造2025》，落实2016年工作要点'],
  ])('%s', (_kind, line) => {
    expect(targetsOf(line)).toEqual([]);
  });

  it('PM2.5 keeps its 2.5 in the metric, not as a value', () => {
    expect(targetsOf('PM2.5年均浓度降至35微克/立方米')).toEqual(['PM2.5年均浓度|<=|35|微克/立方米|2016']);
  });

  it('targets in background (context) sections are achievements, not targets', () => {
    expect(plan('某市规划', '一、发展基础', '（一）产品质量持续提升。合格率稳定保持在98%以上。').targets).toEqual([]);
  });
});

describe('flattened goal tables', () => {
  it('reads 指标 / 单位 / 目标值 cells as targets', () => {
    const m = plan('某市质量发展“十四五”规划', '一、发展目标', '表2：主要目标', '类别', '主要指标', '单位', '目标值', '产品质量',
      '主要工业产品质量合格率', '%', '≥97', '市政府质量奖企业', '家', '10', '二、重点任务');
    expect(m.targets.map((t) => `${t.metric}|${t.comparator}|${t.value}|${t.unit}|${t.year}`)).toEqual([
      '主要工业产品质量合格率|>=|97|%|2025', '市政府质量奖企业|=|10|家|2025',
    ]);
  });

  it('reads rows pasted from a Word table, cells joined by tabs, the value cell as the target\'s text', () => {
    const m = plan('某市质量发展“十四五”规划', '一、发展目标', '类别\t主要指标\t单位\t目标值', '产品质量\t主要工业产品质量合格率\t%\t≥97',
      '\t消费品质量合格率（新增）\t%\t９３以上', '服务质量\t顾客满意度\t分\t80', '到2025年，建成质量强市。\t（见表2）', '二、重点任务');
    expect(m.targets.map((t) => `${t.line}|${t.metric}|${t.comparator}|${t.value}|${t.unit}|${t.text}|${t.year}`)).toEqual([
      '3|主要工业产品质量合格率|>=|97|%|≥97|2025', '4|消费品质量合格率|>=|93|%|９３以上|2025', '5|顾客满意度|=|80|分|80|2025',
    ]);
    expect(spanText(m, m.targets[1].span)).toBe('９３以上');
  });
});
