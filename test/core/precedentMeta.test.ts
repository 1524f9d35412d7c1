// What a team says about a precedent beyond its text: front matter, sidecar JSON, county-level
// places with their prefecture, and unit names under their abbreviations.
import { describe, expect, it } from 'vitest';
import { analyzePlan, makePrecedentDoc, mergeMeta, placeLabel, readFrontMatter, readSidecarMeta, sameUnit, unitKey } from '../../server/src/core';

const BODY = ['2016年质量工作要点', '一、重点任务', '（一）加强品牌培育。培育一批知名品牌。（牵头单位：市经信委）'];

describe('readFrontMatter', () => {
  it('reads city, year, level and number, and blanks its lines so line numbers still map', () => {
    const text = ['---', 'city: 苏州市', 'year: 2016', 'level: 市', 'docNumber: "苏府〔2016〕63号"', '---', ...BODY].join('\n');
    const fm = readFrontMatter(text);
    expect(fm.meta).toEqual({ city: '苏州市', year: 2016, level: '市', docNumber: '苏府〔2016〕63号' });
    expect(fm.problems).toEqual([]);
    expect(fm.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(fm.text).not.toContain('city');
    const model = analyzePlan(fm.text);
    expect(model.title).toBe('2016年质量工作要点');
    expect(model.tasks[0].line).toBe(8); // the file's own line (0-based), as in the editor
    const doc = makePrecedentDoc('a.txt', fm.text, fm.meta, model);
    expect(doc).toMatchObject({ city: '苏州市', year: 2016, level: '市', docNumber: '苏府〔2016〕63号' });
  });

  it('takes Chinese keys and full-width colons, CRLF lines, and reports what it cannot use', () => {
    const fm = readFrontMatter(['---', '城市：乐清市', '所属地市: 温州市', '年份: 二〇一五', '作者: 张三', '---', ...BODY].join('\r\n'));
    expect(fm.meta).toEqual({ city: '乐清市', prefecture: '温州市' });
    expect(fm.problems).toEqual(['年份应为四位数字：二〇一五', '未知的元数据项：作者']);
    expect(fm.text.startsWith('\r\n\r\n')).toBe(true);
    expect(fm.text).toContain('2016年质量工作要点\r\n');
  });

  it('leaves text without front matter (or an unclosed ---) as it is', () => {
    for (const text of [BODY.join('\n'), ['---', 'city: 苏州市', ...BODY].join('\n'), '']) {
      expect(readFrontMatter(text)).toEqual({ meta: {}, text, problems: [] });
    }
  });
});

describe('readSidecarMeta', () => {
  it('reads the JSON object, Chinese keys too', () => {
    expect(readSidecarMeta('{"city":"青岛市","year":2012,"level":"市","docNumber":"青政发〔2012〕32号"}').meta)
      .toEqual({ city: '青岛市', year: 2012, level: '市', docNumber: '青政发〔2012〕32号' });
    expect(readSidecarMeta('\ufeff{"城市":"宿州市","年份":"2023"}').meta).toEqual({ city: '宿州市', year: 2023 });
  });

  it('gives one problem, and no metadata, for malformed JSON or a non-object', () => {
    for (const bad of ['{city:', '[1]', '"x"', '']) {
      const r = readSidecarMeta(bad);
      expect(r.meta).toEqual({});
      expect(r.problems).toHaveLength(1);
    }
  });

  it('overrides front matter key by key', () => {
    expect(mergeMeta({ city: '苏州市', year: 2015 }, { year: 2016 })).toEqual({ city: '苏州市', year: 2016 });
  });
});

describe('county-level places', () => {
  it.each([
    ['温州市苍南县2016年质量强县工作要点', '苍南县', '温州市', '苍南县（温州）'],
    ['苏州市吴中区质量提升行动方案', '吴中区', '苏州市', '吴中区（苏州）'],
    ['苏州市市长质量奖评审办法', '苏州市', null, '苏州市'],
    ['青岛市质量强市示范城市创建方案', '青岛市', null, '青岛市'],
  ])('%s: %s under %s', (title, city, prefecture, label) => {
    const doc = makePrecedentDoc('x.txt', `${title}\n一、重点任务`);
    expect({ city: doc.city, prefecture: doc.prefecture }).toEqual({ city, prefecture });
    expect(placeLabel(doc)).toBe(label);
  });

  it('reads the prefecture off an issuing line, or from the honours a county plan aims at', () => {
    const issued = makePrecedentDoc('x.txt', '温州市苍南县人民政府办公室关于印发\n2016年质量工作要点\n一、重点任务');
    expect([issued.city, issued.prefecture]).toEqual(['苍南县', '温州市']);
    const text = ['乐清市人民政府办公室关于印发2015年质量乐清建设行动计划的通知', '2015年质量乐清建设行动计划', '一、重点任务',
      '（一）品牌建设。争创浙江名牌和温州市知名商标。', '（二）质量奖励。争创浙江省政府质量奖、温州市市长质量奖。'].join('\n');
    const county = makePrecedentDoc('y.txt', text);
    expect(placeLabel(county)).toBe('乐清市（温州）');
    // metadata settles it either way
    expect(makePrecedentDoc('y.txt', text, { prefecture: null }).prefecture).toBeNull();
    expect(placeLabel(makePrecedentDoc('z.txt', BODY.join('\n'), { city: '乐清市', prefecture: '温州市' }))).toBe('乐清市（温州）');
  });

  it('does not take a city mentioned once for a prefecture', () => {
    const doc = makePrecedentDoc('x.txt', '苏州市质量工作要点\n一、重点任务\n（一）学习杭州市优质产品评选经验。');
    expect(doc.prefecture).toBeNull();
  });
});

describe('unitKey: abbreviations of agency names', () => {
  it.each([
    ['市经信委', '市经济和信息化委员会'],
    ['市经信委', '市经济和信息化委'],
    ['市质监局', '市质量技术监督局'],
    ['市发改委', '市发展和改革委员会'],
    ['市发改委', '市发展改革委'],
    ['市住建局', '市住房和城乡建设局'],
    ['市市场监管局', '市市场监督管理局'],
    ['区人民政府', '区政府'],
  ])('%s = %s', (a, b) => {
    expect(sameUnit(a, b)).toBe(true);
    expect(unitKey(a)).toBe(unitKey(b));
  });

  it.each([
    ['市经信委', '市质监局'],
    ['市发改委', '市财政局'],
    ['市科技局', '市科协'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameUnit(a, b)).toBe(false);
  });

  it('keeps a name it has no rule for as written (without spaces)', () => {
    expect(unitKey('市 统计局')).toBe('市统计局');
  });
});
