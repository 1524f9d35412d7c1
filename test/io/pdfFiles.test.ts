// Plans published as PDF: the text layer read a paragraph a line, so the plan is the clean copy's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/core';
import { PlanReadError, readPlanBytes, readPlanFile } from '../../server/src/io';
import { paragraphText, type VisualLine } from '../../server/src/io/pdf';
import { reviewed } from '../support/reviewed';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/io');

describe('reading a PDF plan', () => {
  it.each([
    ['seed000.pdf', '000_ddecad1bf628223d.txt', 'left-aligned, a paragraph running over a page break'],
    ['seed002-indented.pdf', '002_7c968d8e042c488d.txt', 'first-line indents and justified lines, as a 公文 is set'],
  ])('%s (%s) gives the clean copy\'s plan', async (pdf, seed, _layout) => {
    const read = await readPlanFile(path.join(fixtures, pdf));
    expect(read.format).toBe('pdf');
    const fromPdf = reviewed(analyzePlan(read.text));
    expect(fromPdf).toEqual(reviewed(analyzePlan(readFileSync(path.join(root, 'seeds', seed), 'utf8'))));
    expect(fromPdf.tasks.length).toBeGreaterThan(10);
  });

  it('explains a PDF without a text layer (a scan) and one it cannot open', async () => {
    const reason = async (bytes: string) => {
      try {
        await readPlanBytes(Buffer.from(bytes, 'latin1'), 'plan.pdf');
      } catch (e) {
        expect(e).toBeInstanceOf(PlanReadError);
        return (e as PlanReadError).reason;
      }
      throw new Error('expected a PlanReadError');
    };
    expect(await reason(blankPdf())).toBe('是扫描版 PDF（页面是图片，没有文字），无法读取');
    expect(await reason('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF')).toMatch(/^不是有效的 PDF 文件（无法解析/);
  });
});

/** A line of the page at [left, right], 10 points a character. */
const line = (text: string, left = 50, right = 50 + 10 * text.length): VisualLine => ({ text, left, right, size: 10 });
const FULL = 250; // the right margin of these pages: 20 characters from 50

describe('paragraphText: visual lines to paragraphs', () => {
  it('joins a line that ran to the margin to the next, also over a page break, and leaves page numbers out', () => {
    const pages = [
      [line('第 1 页'), line('一、总体要求'), line('到2025年，全市主要工业产品质量合格率达', 50, FULL), line('到97%以上。'), line('— 1 —', 120, 170)],
      [line('（一）加强品牌建设。培育一批知名品牌企业，打造区', 50, FULL - 20), line('域公共品牌。（市市场监管局牵头）'), line('- 2 -', 120, 160)],
    ];
    expect(paragraphText(pages)).toBe('一、总体要求\n到2025年，全市主要工业产品质量合格率达到97%以上。\n（一）加强品牌建设。培育一批知名品牌企业，打造区域公共品牌。（市市场监管局牵头）\n');
  });

  it('starts a paragraph at an indented line, a heading marker, or after a line that ends a sentence', () => {
    const pages = [[
      line('　　现将方案印发给你们，请认真贯彻落实。各地要加', 50, FULL), line('　　强组织领导。', 70), // indented: a paragraph of its own
      line('结合实际认真组织实施。这一句正好写到行尾。', 50, FULL), line('下一段从行首开始。'), // the sentence ended at the margin
      line('质量工作要求高，任务重，必须切实加强组织领', 50, FULL), line('（二）强化标准引领。'), // a heading never continues a line
      line('采用国际标准和国外先进标准 ISO', 50, FULL), line('9001 质量管理体系认证。'),
    ]];
    expect(paragraphText(pages).split('\n')).toEqual([
      '　　现将方案印发给你们，请认真贯彻落实。各地要加', '　　强组织领导。', '结合实际认真组织实施。这一句正好写到行尾。', '下一段从行首开始。',
      '质量工作要求高，任务重，必须切实加强组织领', '（二）强化标准引领。', '采用国际标准和国外先进标准 ISO 9001 质量管理体系认证。', '',
    ]);
  });
});

/** A valid one-page PDF with nothing on the page, as a scan's text layer is. */
function blankPdf(): string {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return pdf + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
