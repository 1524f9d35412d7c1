// The drafter's tables: 任务分工表 and 主要指标表 built from fixtures and the seeds, and their text renderings.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/core';
import { toAnalysisJson } from '../../server/src/core/report';
import {
  buildTargetTable, buildTaskMatrix, csv, matrixCsv, matrixMarkdown, targetMarkdown, taskDeadline,
} from '../../server/src/core/tables';
import { plan } from './helpers';

const seed = (prefix: string) => {
  const file = readdirSync('seeds').find((f) => f.startsWith(prefix))!;
  const text = readFileSync(`seeds/${file}`, 'utf8');
  return { text, model: analyzePlan(text) };
};

/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF inside quotes) back into records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  return records;
}

describe('任务分工表', () => {
  it('seed 000 lists its 18 tasks with the units qplan analyze reports, in order', () => {
    const { text, model } = seed('000');
    const matrix = buildTaskMatrix(model, text);
    const analyzed = toAnalysisJson(model, 'seed').tasks;
    expect(matrix.rows).toHaveLength(18);
    expect(matrix.rows.map((r) => [r.line, r.title, r.leads, r.cooperators]))
      .toEqual(analyzed.map((t) => [t.line, t.title, t.leads, t.cooperators]));
    expect(matrix.title).toBe('2016年苏州市质量强市工作行动计划任务分工表');
    // Read in the text by hand: the first task, its ordinal as written and its section.
    expect(matrix.rows[0]).toMatchObject({
      number: 1, marker: '(一)', title: '完成全国质量强市示范城市创建工作',
      group: ['一、深入推进质量强市战略'], leads: ['市政府办公室', '市质监局'], cooperators: ['各成员单位'],
    });
    expect(matrix.rows[17]).toMatchObject({ number: 18, marker: '(十八)', group: ['三、提高重点领域质量管理水平'] });
    // 加大品牌培育力度 carries the 2016 brand targets; the annual plan's year is every task's deadline.
    const brands = matrix.rows.find((r) => r.title === '加大品牌培育力度')!;
    expect(brands.targets).toContain('2016年争创江苏名牌产品80个');
    expect(matrix.rows.every((r) => r.deadline === '2016年底前')).toBe(true);
  });

  it('keeps a task text deadline, groups bullets under their parents, and numbers bullets', () => {
    const m = plan(
      '2021—2025年某市质量提升行动方案',
      '一、重点任务',
      '（一）提升产品质量',
      '——开展质量提升行动。2023年6月底前完成摸底，2024年底前全面推开。（市市场监管局牵头，市工信局配合）',
      '——建设质量基础设施。长期坚持。（市科技局牵头）',
    );
    const matrix = buildTaskMatrix(m, m.text);
    expect(matrix.rows.map((r) => [r.number, r.marker, r.title, r.group.join('/'), r.deadline])).toEqual([
      [1, '', '开展质量提升行动', '一、重点任务/（一）提升产品质量', '2024年底前'],
      [2, '', '建设质量基础设施', '一、重点任务/（一）提升产品质量', '长期坚持'],
    ]);
    expect(matrixMarkdown(matrix)).toContain('| 1 | 开展质量提升行动 | 市市场监管局 | 市工信局 |  | 2024年底前 |');
  });
});

describe('完成时限', () => {
  const annual = { start: 2016, end: 2016 };
  const fiveYear = { start: 2021, end: 2025 };
  it.each([
    ['2017年底前建成平台', [], fiveYear, '2017年底前', 'text'],
    ['2023年6月底前完成，2022年前启动', [], fiveYear, '2023年6月底前', 'text'],
    ['到2025年，合格率达到95%', [2025], fiveYear, '2025年底前', 'text'],
    ['到2023年6月，完成摸底', [], fiveYear, '2023年6月底前', 'text'],
    ['至2024年底前完成', [], fiveYear, '2024年底前', 'text'],
    ['较2013年下降13%，2015年已建成', [2016], annual, '2016年底前', 'target'],
    ['编制质量发展中长期规划', [], annual, '2016年底前', 'period'],
    ['持续推进品牌建设', [], fiveYear, '持续推进', 'ongoing'],
    ['年内完成全部检查', [], annual, '2016年底前', 'text'],
    ['２０２４年底前完成', [], fiveYear, '2024年底前', 'text'],
    ['完成检查', [], null, '', null],
  ] as const)('%s → %s', (text, years, period, expected, source) => {
    expect(taskDeadline(text, years, period)).toEqual({ text: expected, source });
  });
});

describe('主要指标表', () => {
  it('seed 003 lists every target outside the background, with the categories of its goal table', () => {
    const { text, model } = seed('003');
    const table = buildTargetTable(model, text);
    const expected = toAnalysisJson(model, 'seed').targets.filter((t) => t.section !== 'context');
    expect(table.rows.map((r) => [r.line, r.metric, r.unit, r.year])).toEqual(expected.map((t) => [t.line, t.metric, t.unit, t.year]));
    const row = (line: number) => table.rows.find((r) => r.line === line)!;
    // Checked by hand in the seed's 表2: category cells above the first metric of each group.
    expect(row(141)).toMatchObject({ category: '产品质量', metric: '主要工业产品质量合格率', unit: '%', value: '≥97', year: 2025 });
    expect(row(144).category).toBe('产品质量');
    expect(row(160)).toMatchObject({ category: '工程质量', value: '100' });
    expect(row(195)).toMatchObject({ value: '≤35', unit: '微克/立方米' });
    expect(row(208).category).toBe('品牌建设');
    expect(row(251).category).toBe('质量监督');
    // Goals written as sentences sit under their —— heading, even when the metric was tidied (“品质工程”).
    expect(row(129)).toMatchObject({ category: '产品质量', metric: '主要工业产品质量抽检合格率', value: '≥97' });
    const headingOf: Record<number, string> = { 129: '产品质量', 130: '工程质量', 131: '服务质量', 132: '环境质量' };
    for (const r of table.rows.filter((r) => headingOf[r.line])) expect([r.metric, r.category]).toEqual([r.metric, headingOf[r.line]]);
    expect(table.rows.some((r) => r.metric === '国省干线一级公路品质工程创建覆盖面' && r.category === '工程质量')).toBe(true);
    expect(targetMarkdown(table)).toContain('# 宿州市质量强市建设“十四五”规划主要指标表\n\n| 序号 | 类别 | 指标 | 单位 | 目标值 | 年份 |');
  });

  it('writes the value as written: 万, ranges, changes against a base year', () => {
    const m = plan(
      '2024年某市质量强市工作行动计划',
      '一、主要目标',
      '到2024年，发明专利授权量达到7万件，顾客满意度达到80～85%，PM2.5浓度较2020年下降10%。',
    );
    const rows = buildTargetTable(m, m.text).rows;
    expect(rows.map((r) => [r.metric, r.value, r.unit, r.year])).toEqual([
      ['发明专利授权量', '≥7万', '件', 2024],
      ['顾客满意度', '80～85', '%', 2024],
      ['PM2.5浓度', '较2020年下降10', '%', 2024],
    ]);
  });

  it('takes the category of a row pasted from a Word table from its cell, or from the row above when the cell is merged', () => {
    const m = plan('某市质量发展“十四五”规划', '一、发展目标', '序号\t类别\t主要指标\t单位\t目标值', '1\t产品质量\t主要工业产品质量合格率\t%\t≥97',
      '2\t\t食品评价性抽检合格率\t%\t≥98.5', '3\t工程质量\t工程质量一次验收合格率\t%\t100', '二、主要任务', '（一）提升质量。到2025年，品牌企业达到10家。（市市场监管局牵头）');
    expect(buildTargetTable(m, m.text).rows.map((r) => [r.category, r.metric, r.value])).toEqual([
      ['产品质量', '主要工业产品质量合格率', '≥97'], ['产品质量', '食品评价性抽检合格率', '≥98.5'], ['工程质量', '工程质量一次验收合格率', '100'],
      ['提升质量', '品牌企业', '≥10'],
    ]);
  });

  it('leaves the background figures out', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、发展基础', '2023年全市产品抽检合格率达到95%。', '二、主要目标', '产品抽检合格率达到97%以上。');
    expect(buildTargetTable(m, m.text).rows.map((r) => r.value)).toEqual(['≥97']);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and starts with a BOM', () => {
    const out = csv([['a,b', '他说"好"', '两\n行', 'plain'], ['1', '', '', '']]);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out).toBe('\uFEFF"a,b","他说""好""","两\n行",plain\r\n1,,,\r\n');
    expect(parseCsv(out.slice(1))).toEqual([['a,b', '他说"好"', '两\n行', 'plain'], ['1', '', '', '']]);
  });

  it('a matrix CSV reads back to the same cells, one record per task', () => {
    const { text, model } = seed('000');
    const matrix = buildTaskMatrix(model, text);
    const records = parseCsv(matrixCsv(matrix).slice(1));
    expect(records[0]).toEqual(['序号', '所属部分', '重点任务', '牵头单位', '配合单位', '目标/指标', '完成时限', '行号']);
    expect(records).toHaveLength(19);
    expect(records[6]).toEqual(['6', '二、开展质量品牌提升行动', '(六)加大品牌培育力度', '市经信委、市质监局、市工商局、市发改委', '各成员单位',
      matrix.rows[5].targets.join('；'), '2016年底前', '21']);
  });
});

describe('Markdown', () => {
  it('escapes pipes and emphasis in cells so the table keeps its columns', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、重点任务', '（一）推进 A|B *试点*。（市局牵头）');
    const md = matrixMarkdown(buildTaskMatrix(m, m.text));
    expect(md).toContain('推进A\\|B\\*试点\\*');
  });
});

describe('never fails', () => {
  const seedLines = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => readFileSync(`seeds/${f}`, 'utf8').split(/\r?\n/));
  it('builds and renders both tables of any shuffle of seed lines and noise, one CSV record per row', () => {
    const line = fc.oneof(fc.constantFrom(...seedLines), fc.string(), fc.constantFrom('"', ',', '|', '\r', '2025年底前', '到', '≥', '类别'));
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
      const text = lines.join(eol);
      const model = analyzePlan(text);
      const matrix = buildTaskMatrix(model, text);
      const targets = buildTargetTable(model, text);
      expect(matrix.rows).toHaveLength(model.tasks.length);
      expect(targets.rows.length).toBeLessThanOrEqual(model.targets.length);
      for (const r of [...matrix.rows, ...targets.rows]) expect(r.line).toBeGreaterThanOrEqual(1);
      expect(parseCsv(matrixCsv(matrix).slice(1))).toHaveLength(matrix.rows.length + 1);
      // Markdown: every body row has exactly the header's 6 columns, whatever the cells held.
      for (const md of [matrixMarkdown(matrix), targetMarkdown(targets)]) {
        for (const row of md.split('\n').filter((l) => l.startsWith('|'))) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(6);
      }
    }), { seed: 20261123, numRuns: 150 });
  });
});
