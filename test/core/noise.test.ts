import { describe, expect, it } from 'vitest';
import { readLines } from '../../server/src/core/lines';
import { cleanLine } from '../../server/src/core/normalize';
import { plan, spanText } from './helpers';

describe('noise in real copies (plan-format.md §6)', () => {
  it('web chrome, metadata rows and adverts do not derail the outline or the tasks', () => {
    const m = plan(
      '您现在的位置:首页', ' > 政务公开 > 政策文件', '字体大小: 打印', '  • 索引号:', '  • 001008003013001/2015-01202',
      '11年专业代理免费咨询:15855157003(微信同号)', '2015年质量乐清建设行动计划', '一、主要任务',
      '（一）加强品牌培育。大力推动品牌建设。（市市场监管局牵头）', '扫一扫在手机打开当前页', '(此件公开发布)',
      '（二）强化标准引领。推进标准化。（市质监局负责）', '如果您对该文件有疑问,可以通过 网上咨询 方式咨询相关单位 。',
      '附件下载:乐政办发〔2015〕31号.aip',
    );
    expect(m.title).toBe('2015年质量乐清建设行动计划');
    expect(m.headings.map((h) => h.title)).toEqual(['主要任务', '加强品牌培育', '强化标准引领']);
    expect(m.tasks.map((t) => t.leads[0])).toEqual(['市市场监管局', '市质监局']);
    expect(m.brackets).toEqual([]);
  });

  it('pinyin glosses are read through: 達(dá)95%', () => {
    const m = plan('2016年某市行动计划', '一、主要目标', '產品質量合格率達(dá)95%以上');
    expect(m.targets.map((t) => `${t.metric}|${t.value}|${t.unit}`)).toEqual(['產品質量合格率|95|%']);
    expect(spanText(m, m.targets[0].span)).toBe('產品質量合格率達(dá)95%以上');
  });

  it('traditional characters match the same patterns (牽頭, 負責)', () => {
    const m = plan('一、重點任務', '（一）加強品牌培育。大力推動品牌建設。（市質監局牽頭，各成員單位配合）');
    expect(m.headings[0].section).toBe('task');
    expect(m.tasks[0]).toMatchObject({ leads: ['市質監局'], cooperators: ['各成員單位'] });
  });

  it('full-width digits and letters are read as numbers', () => {
    const m = plan('2016年某市行动计划', '一、主要目标', '制造业产品质量合格率达到９４．５％以上，ＰＭ２．５年均浓度降至３５微克/立方米');
    expect(m.targets.map((t) => `${t.value}|${t.unit}`)).toEqual(['94.5|％', '35|微克/立方米']);
  });

  it('CRLF, CR and a byte-order mark give the same model with the right lines', () => {
    const lines = ['\ufeff2016年某市行动计划', '一、重点任务', '（一）加强品牌培育。（市质监局牵头）'];
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = lines.join(eol);
      const m = plan(text);
      expect(m.title).toBe('2016年某市行动计划');
      expect(m.tasks.map((t) => [t.line, t.leads])).toEqual([[2, ['市质监局']]]);
      expect(spanText({ text }, m.headings[1].titleSpan)).toBe('加强品牌培育');
    }
  });

  it('spaces inside words (5 家以上, 国家 4A 级) are read through, and spans map back to the raw text', () => {
    const m = plan('2016年某市行动计划', '一、主要目标', '　　省级 服务业 标准化试点单位 达到 5 家以上');
    expect(m.targets.map((t) => `${t.metric}|${t.value}|${t.unit}`)).toEqual(['省级服务业标准化试点单位|5|家']);
    expect(spanText(m, m.targets[0].span)).toBe('省级 服务业 标准化试点单位 达到 5 家以上');
  });

  it('cleanLine keeps `text` and `norm` the same length', () => {
    const c = cleanLine('  產品  質量 合格率達(dá)９５％ ');
    expect(c.text).toBe('產品質量合格率達９５％');
    expect(c.norm).toBe('产品质量合格率达95%');
  });
});

describe('line flags', () => {
  it('are the same for a line however it was cleaned: space inside, a pinyin gloss, full-width figures', () => {
    const flags = (line: string) => readLines(line).lines[0].flags;
    const plain = flags('（一）提升质量。达到95%以上。（市质监局牵头）');
    expect(flags('（一） 提升质量。达到95%以上。（市质监局牵头）')).toBe(plain);
    expect(flags('（一）提升质(zhì)量。达到95%以上。（市质监局牵头）')).toBe(plain);
    expect(flags('（一）提升质量。达到９５%以上。（市质监局牵头）')).toBe(plain);
  });
});
