// The two tables as Markdown, CSV (RFC 4180, with a BOM for Excel) and their JSON shape: pure strings.
import type { TargetTable } from './targetTable';
import type { TaskMatrix, TaskMatrixRow } from './taskMatrix';

export const MATRIX_HEADERS = ['序号', '重点任务', '牵头单位', '配合单位', '目标/指标', '完成时限'] as const;
export const TARGET_HEADERS = ['序号', '类别', '指标', '单位', '目标值', '年份'] as const;

/** The cells of one matrix row, in MATRIX_HEADERS order. */
export function matrixCells(row: TaskMatrixRow): string[] {
  return [String(row.number), `${row.marker}${row.title}`, row.leads.join('、'), row.cooperators.join('、'), row.targets.join('；'), row.deadline];
}

/** The group label shown above a run of tasks: 一、深入推进质量强市战略 / （一）…. */
export function groupLabel(row: TaskMatrixRow): string {
  return row.group.join(' / ');
}

/** Markdown: a title, then one table; a bold row opens each group of tasks. */
export function matrixMarkdown(matrix: TaskMatrix): string {
  const lines = [`# ${mdText(matrix.title)}`, '', mdRow([...MATRIX_HEADERS]), mdRule(MATRIX_HEADERS.length)];
  let group: string | undefined;
  for (const row of matrix.rows) {
    const label = groupLabel(row);
    if (label && label !== group) lines.push(mdRow(['', `**${mdCell(label)}**`, '', '', '', ''], false));
    group = label;
    lines.push(mdRow(matrixCells(row)));
  }
  if (!matrix.rows.length) lines.push('', '（方案中没有识别到任务）');
  return lines.join('\n') + '\n';
}

/** CSV with a 所属部分 column (groups cannot be merged cells here) and the source line. */
export function matrixCsv(matrix: TaskMatrix): string {
  const header = [MATRIX_HEADERS[0], '所属部分', ...MATRIX_HEADERS.slice(1), '行号'];
  return csv([header, ...matrix.rows.map((r) => {
    const [n, ...rest] = matrixCells(r);
    return [n, groupLabel(r), ...rest, String(r.line)];
  })]);
}

export function targetCells(row: TargetTable['rows'][number]): string[] {
  return [String(row.number), row.category, row.metric, row.unit, row.value, row.year === null ? '' : String(row.year)];
}

export function targetMarkdown(table: TargetTable): string {
  const lines = [`# ${mdText(table.title)}`, '', mdRow([...TARGET_HEADERS]), mdRule(TARGET_HEADERS.length)];
  for (const row of table.rows) lines.push(mdRow(targetCells(row)));
  if (!table.rows.length) lines.push('', '（方案中没有识别到量化指标）');
  return lines.join('\n') + '\n';
}

export function targetCsv(table: TargetTable): string {
  return csv([[...TARGET_HEADERS, '原文', '行号'], ...table.rows.map((r) => [...targetCells(r), r.text, String(r.line)])]);
}

/** RFC 4180: CRLF between records, fields with , " CR or LF quoted, quotes doubled; a BOM so Excel reads UTF-8. */
export function csv(records: readonly (readonly string[])[]): string {
  return '\uFEFF' + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function mdRow(cells: string[], escape = true): string {
  return `| ${cells.map((c) => (escape ? mdCell(c) : c)).join(' | ')} |`;
}

function mdRule(n: number): string {
  return `|${' --- |'.repeat(n)}`;
}

/** A table cell: Markdown syntax escaped, pipes escaped, line breaks as spaces. */
function mdCell(text: string): string {
  return mdText(text).replace(/\r\n?|\n/g, ' ');
}

function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}
