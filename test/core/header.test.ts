import { describe, expect, it } from 'vitest';
import { parseDate, readPeriod } from '../../server/src/core/header';
import { plan } from './helpers';

const cover = (...lines: string[]) => {
  const m = plan(...lines, '一、重点任务');
  return { title: m.title, docNumber: m.docNumber, date: m.date, period: m.period };
};

describe('the plan title', () => {
  it('is the plan own title, not the cover notice', () => {
    expect(cover('市政府关于印发2016年苏州市质量强市工作行动计划的通知', '苏府〔2016〕63号', '各市、区人民政府：',
      '现将《2016年苏州市质量强市工作行动计划》印发给你们，请认真执行。', '苏州市人民政府', '2016年4月25日',
      '2016年苏州市质量强市工作行动计划', '为贯彻落实……，特制定本行动计划。').title).toBe('2016年苏州市质量强市工作行动计划');
  });

  it('comes from the notice 《》 when the plan title is missing', () => {
    expect(cover('关于印发《某市质量提升行动方案（2023—2025年）》的通知', '各区人民政府：').title).toBe('某市质量提升行动方案（2023—2025年）');
  });

  it('is joined when split over two lines', () => {
    expect(cover('2016年苏州市质量强市', '工作行动计划').title).toBe('2016年苏州市质量强市工作行动计划');
  });

  it('is found under Markdown # and after web chrome', () => {
    expect(cover('您现在的位置：首页 > 政务公开', '索引号：001008003013001/2015-01202', '# 2015年质量乐清建设行动计划').title).toBe('2015年质量乐清建设行动计划');
  });
});

describe('the document number', () => {
  it.each([
    ['苏府〔2016〕63号', '苏府〔2016〕63号'],
    ['政策文号:苏府[2016]63号', '苏府〔2016〕63号'],
    ['文号：乐政办发(2015)31号', '乐政办发〔2015〕31号'],
    ['发文字号 青政发〔2012〕32号', '青政发〔2012〕32号'],
    ['甘政办发〔201817号', '甘政办发〔2018〕17号'],
  ])('%s', (line, expected) => {
    expect(cover('某市质量提升行动计划', line).docNumber).toBe(expected);
  });

  it('is not taken from a document cited in the preamble', () => {
    expect(cover('某市质量提升行动计划', '根据《国务院办公厅关于印发……的通知》(国办发〔2015〕19号)要求，制定本计划。').docNumber).toBeNull();
  });
});

describe('the date', () => {
  it.each([
    ['2016年4月25日', '2016-04-25'],
    ['二〇一六年四月二十五日', '2016-04-25'],
    ['二○一六年四月二十五日', '2016-04-25'],
    ['2016-04-25', '2016-04-25'],
    ['2023/2/24', '2023-02-24'],
  ])('a date line %s', (line, expected) => {
    expect(cover('某市质量提升行动计划', '某市人民政府', line).date).toBe(expected);
  });

  it('prefers the signature line over 成文日期 and 成文日期 over 发布日期', () => {
    expect(cover('发布日期：2015-07-02', '成文日期：2015-07-01', '乐清市人民政府办公室', '2015年6月17日', '某市质量提升行动计划').date).toBe('2015-06-17');
    expect(cover('发布日期：2015-07-02', '成文日期：2015-07-01', '某市质量提升行动计划').date).toBe('2015-07-01');
  });

  it('ignores dates inside sentences and dates with dropped characters', () => {
    expect(cover('《规划》已经2022年11月1日市政府常务会议通过，现印发给你们。', '2019222', '某市规划').date).toBeNull();
    expect(parseDate('2019年13月2日')).toBeNull();
  });
});

describe('the plan period', () => {
  it.each([
    ['某市质量提升行动方案（2023—2025年）', { start: 2023, end: 2025 }],
    ['某市质量发展规划(2011~2020年)', { start: 2011, end: 2020 }],
    ['宿州市质量强市建设“十四五”规划', { start: 2021, end: 2025 }],
    ['2016年苏州市质量强市工作行动计划', { start: 2016, end: 2016 }],
    ['关于贯彻落实质量发展纲要的意见', null],
  ])('%s', (title, period) => {
    expect(readPeriod(title)).toEqual(period);
  });
});
