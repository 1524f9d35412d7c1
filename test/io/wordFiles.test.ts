// Word files read as a plan: the 一、 （一） 1. Word's automatic numbering draws, and tables one
// cell per line, so a drafter's .docx gets its outline, tasks, clauses and targets like a typed copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/core';
import { readPlanBytes, readPlanFile } from '../../server/src/io';
import { formatCounter } from '../../server/src/io/wordNumberFormats';
import { labelParagraphs, readNumbering } from '../../server/src/io/wordNumbering';
import { cellsAsParagraphs, docCellsOnLines } from '../../server/src/io/wordPrepare';

const fixtures = path.resolve(__dirname, '../fixtures/io');

const NUMBERED_TEXT = `东华市质量提升行动方案（2024—2026年）
为深入实施质量强国战略，制定本方案。
一、总体要求
到2026年，全市质量整体水平进一步提升。
二、重点任务
（一）加强品牌建设。培育一批知名品牌企业。（市市场监管局牵头，市发展改革委配合）
（二）提升产品质量。到2025年，产品质量合格率达到95%以上。（市工信局牵头）
1.推进标准化建设。
2.完善计量体系。
三、保障措施
（一）加强组织领导。（市政府办公室牵头）
（二）强化督查考核。（市督查室牵头）
`;

describe('reading a .docx numbered by Word', () => {
  it.each(['numbered-plan.docx', 'numbered-plan-libreoffice.docx'])('writes the numbers Word draws into the text of %s', async (file) => {
    const r = await readPlanFile(path.join(fixtures, file));
    expect(r.text).toBe(NUMBERED_TEXT);
  });

  it('gives the plan its outline and tasks with their lead units', async () => {
    const { text } = await readPlanFile(path.join(fixtures, 'numbered-plan.docx'));
    const model = analyzePlan(text);
    expect(model.headings.map((h) => `${'  '.repeat(h.depth - 1)}${h.marker}${h.title}`)).toEqual([
      '一、总体要求', '二、重点任务', '  （一）加强品牌建设', '  （二）提升产品质量', '    1.推进标准化建设', '    2.完善计量体系',
      '三、保障措施', '  （一）加强组织领导', '  （二）强化督查考核',
    ]);
    expect(model.tasks.map((t) => `${t.title}：${t.leads.join('、')}`)).toEqual([
      '加强品牌建设：市市场监管局', '推进标准化建设：市工信局', '完善计量体系：市工信局', '加强组织领导：市政府办公室', '强化督查考核：市督查室',
    ]);
  });

  it('reads a Word file as it stands when its numbering part is broken, losing no text', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(fixtures, 'numbered-plan.docx')));
    zip.file('word/numbering.xml', '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"');
    const r = await readPlanBytes(await zip.generateAsync({ type: 'uint8array' }), 'broken-numbering.docx');
    expect(r.text).toBe(NUMBERED_TEXT.replace(/^(一|二|三)、|^（[一二]）|^\d\./gm, ''));
  });

  it('leaves a .docx without automatic numbering exactly as before', async () => {
    const r = await readPlanFile(path.join(fixtures, 'plan-excerpt.docx'));
    expect(r.text).toBe(readFileSync(path.join(fixtures, 'plan-excerpt.txt'), 'utf8'));
  });
});

describe('reading a Word file with a goal table', () => {
  it.each(['goal-table.docx', 'goal-table.doc'])('reads each cell of %s on a line of its own, so the targets keep their units and the category column', async (file) => {
    const { text } = await readPlanFile(path.join(fixtures, file));
    expect(text.split('\n').slice(4, 20)).toEqual([
      '类别', '主要指标', '单位', '目标值', '产品质量', '主要工业产品质量合格率', '%', '≥97',
      '', '食品评价性抽检合格率', '%', '≥98.5', '工程质量', '工程质量一次验收合格率', '%', '100',
    ]);
    expect(analyzePlan(text).targets.map((t) => [t.metric, t.comparator, t.value, t.unit, t.year])).toEqual([
      ['主要工业产品质量合格率', '>=', 97, '%', 2025], ['食品评价性抽检合格率', '>=', 98.5, '%', 2025], ['工程质量一次验收合格率', '=', 100, '%', 2025],
    ]);
  });

  it('renames only rows and cells, not their properties', () => {
    const row = '<w:tbl><w:tblPr/><w:tr w:rsidR="1"><w:trPr/><w:tc><w:tcPr><w:tcW w:w="1"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc/></w:tr></w:tbl>';
    expect(cellsAsParagraphs(row)).toBe('<w:tbl><w:tblPr/><w:trFlat w:rsidR="1"><w:trPr/><w:tcFlat><w:tcPr><w:tcW w:w="1"/><w:vMerge/></w:tcPr><w:p/></w:tcFlat><w:tcFlat/></w:trFlat></w:tbl>');
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const numbering = (levels: string, nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>') =>
  `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${nums}</w:numbering>`;
const p = (text: string, ilvl: number | null, numId = 1, extra = '') =>
  `<w:p><w:pPr>${extra}${ilvl === null ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
/** The text of each paragraph after labelling, as the extractor would read it. */
const texts = (body: string, numberingXml: string, stylesXml = '') =>
  [...labelParagraphs(`<w:document ${W}><w:body>${body}</w:body></w:document>`, readNumbering(numberingXml, stylesXml))
    .matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('labelParagraphs: how Word counts', () => {
  it('restarts a lower level after a higher one, unless lvlRestart says never', () => {
    const levels = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2.');
    const body = p('甲', 0) + p('乙', 1) + p('丙', 1) + p('丁', 0) + p('戊', 1);
    expect(texts(body, numbering(levels))).toEqual(['一、甲', '1.乙', '2.丙', '二、丁', '1.戊']);
    const never = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>');
    expect(texts(body, numbering(never))).toEqual(['一、甲', '1.乙', '2.丙', '二、丁', '3.戊']);
  });

  it('draws every counter as a decimal on a legal level (1.2), and takes a level\'s own format otherwise', () => {
    const levels = lvl(0, 'chineseCounting', '第%1章') + lvl(1, 'decimal', '%1.%2', '<w:isLgl/>');
    expect(texts(p('总则', 0) + p('目标', 1) + p('任务', 1), numbering(levels))).toEqual(['第一章 总则', '1.1 目标', '1.2 任务']);
  });

  it('leaves bullets, numId 0 and paragraphs in text boxes unlabelled', () => {
    const levels = lvl(0, 'decimal', '%1、') + lvl(1, 'bullet', '');
    const box = `<w:p><w:r><w:pict><w:txbxContent>${p('框内', 0)}</w:txbxContent></w:pict></w:r></w:p>`;
    expect(texts(p('一项', 0) + p('要点', 1) + p('去掉编号', 0, 0) + box + p('二项', 0), numbering(levels))).toEqual(['1、一项', '要点', '去掉编号', '框内', '2、二项']);
  });

  it('reads numbering through paragraph styles, the styles they are based on, and numbering-style links', () => {
    const levels = lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>') + lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>');
    const nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num>';
    const linked = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="Outline"/></w:abstractNum>${nums}</w:numbering>`;
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="H2x"><w:basedOn w:val="H2"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const body = p('总体要求', null, 1, '<w:pStyle w:val="H1"/>') + p('基本原则', null, 1, '<w:pStyle w:val="H2x"/>') + p('主要目标', 1, 5);
    expect(texts(body, linked, styles)).toEqual(['一、总体要求', '（一）基本原则', '（二）主要目标']);
  });

  it('reads a paragraph\'s numbering from its own properties, not from a tracked change\'s old ones', () => {
    const change = '<w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>';
    expect(texts(p('改为正文', null, 1, change) + p('仍编号', 0), numbering(lvl(0, 'decimal', '%1.')))).toEqual(['改为正文', '1.仍编号']);
  });

  it('starts a list instance where its startOverride says, and lets instances of one definition share counters', () => {
    const nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';
    expect(texts(p('a', 0, 1) + p('b', 0, 2) + p('c', 0, 3) + p('d', 0, 3), numbering(lvl(0, 'decimal', '%1.'), nums))).toEqual(['1.a', '2.b', '5.c', '6.d']);
  });
});

describe('labelParagraphs on broken parts', () => {
  it('stays linear and keeps what it labelled when elements never close', () => {
    const levels = numbering(lvl(0, 'decimal', '%1.'));
    const open = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'.repeat(50_000);
    const out = labelParagraphs(`<w:body>${p('甲', 0)}${'<w:txbxContent>'.repeat(50_000)}${open}`, readNumbering(levels, ''));
    expect(out.startsWith('<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">1.</w:t></w:r>')).toBe(true);
    const unclosed = readNumbering(`<w:numbering>${'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'.repeat(50_000)}`, '<w:style w:styleId="a">'.repeat(50_000));
    expect(unclosed.abstracts.size).toBe(0);
    expect(unclosed.styles.size).toBe(0);
  });
});

describe('formatCounter: Word\'s number formats', () => {
  it.each([
    [3, 'chineseCounting', '三'], [12, 'chineseCountingThousand', '十二'], [12, 'ideographDigital', '一二'], [21, 'chineseLegalSimplified', '贰拾壹'],
    [3, 'ideographTraditional', '丙'], [2, 'ideographZodiac', '丑'], [5, 'decimalEnclosedCircle', '⑤'],
    [5, 'decimalEnclosedCircleChinese', '⑤'], [3, 'decimalEnclosedParen', '⑶'], [2, 'decimalEnclosedFullstop', '⒉'],
    [12, 'decimalFullWidth', '１２'], [7, 'decimalZero', '07'], [28, 'lowerLetter', 'bb'], [3, 'upperLetter', 'C'],
    [14, 'lowerRoman', 'xiv'], [9, 'upperRoman', 'IX'], [4, 'bullet', ''], [4, 'none', ''], [4, 'someNewFormat', '4'],
    [25, 'decimalEnclosedCircle', '25'], [1200, 'chineseCounting', '1200'],
  ])('%i in %s is "%s"', (n, format, expected) => {
    expect(formatCounter(n, format)).toBe(expected);
  });
});

describe('docCellsOnLines', () => {
  it('splits only rows, which end in the tab of their last cell, and leaves tabs inside a paragraph', () => {
    expect(docCellsOnLines('一、主要目标\n指标\t单位\t目标值\t\n合格率\t%\t≥97\t\n前言\t第1页\n')).toBe('一、主要目标\n指标\n单位\n目标值\n合格率\n%\n≥97\n前言\t第1页\n');
  });
});
