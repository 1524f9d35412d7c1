// A table as a .docx in the style of a government document's annex: landscape A4, 黑体 headings, 仿宋 body.
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalAlign, WidthType, type IRunOptions,
} from 'docx';

/** A table to write: header cells, relative column widths, and rows (a group row spans every column). */
export interface DocxTable {
  title: string;
  headers: readonly string[];
  /** Relative widths, one per column. */
  widths: readonly number[];
  rows: readonly ({ group: string } | { cells: readonly string[] })[];
}

const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
// A4 in twips; docx swaps width and height for a landscape section.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1247; // 2.2 cm
const TEXT_WIDTH = A4.height - 2 * MARGIN;

/** The .docx bytes of one table: title in 黑体 二号, header row repeated on every page, body in 仿宋 小四. */
export async function tableDocx(table: DocxTable): Promise<Buffer> {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const cell = (text: string, run: IRunOptions, width: number, options: { span?: number; center?: boolean } = {}) => new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    // One paragraph per line of the text: Word shows no \n inside a run.
    children: text.split(/\r\n?|\n/).map((line) => new Paragraph({
      alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ ...run, text: line })],
    })),
  });
  const body = { font: FANGSONG, size: 24 };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.headers.map((h, i) => cell(h, { font: HEI, size: 24 }, widths[i], { center: true })),
  });
  const rows = table.rows.map((row) => new TableRow({
    cantSplit: true,
    children: 'group' in row
      ? [cell(row.group, { font: HEI, size: 24 }, TEXT_WIDTH, { span: table.headers.length })]
      : row.cells.map((c, i) => cell(c, body, widths[i], { center: i === 0 })),
  }));
  const document = new Document({
    creator: 'qplan',
    title: table.title,
    styles: { default: { document: { run: { font: FANGSONG, size: 24 } } } },
    sections: [{
      properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: table.title, font: HEI, size: 44 })],
        }),
        new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
