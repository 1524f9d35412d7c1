// One place that turns a plan into a table in a requested format, for the CLI and the language server alike.
import type { PlanModel } from '../core';
import {
  buildTargetTable, buildTaskMatrix, groupLabel, matrixCells, matrixCsv, matrixMarkdown, MATRIX_HEADERS,
  targetCells, targetCsv, targetMarkdown, TARGET_HEADERS, type TargetTable, type TaskMatrix,
} from '../core/tables';
import { tableDocx, type DocxTable } from './docx';

export type TableKind = 'matrix' | 'targets';
export type TableFormat = 'md' | 'csv' | 'json' | 'docx';

/** The 任务分工表 or 主要指标表 of one plan. */
export function buildTable(kind: TableKind, model: PlanModel, text: string): TaskMatrix | TargetTable {
  return kind === 'matrix' ? buildTaskMatrix(model, text) : buildTargetTable(model, text);
}

/** The JSON object of one plan's table (an array of these is `qplan matrix --format json`). */
export function tableJson(table: TaskMatrix | TargetTable, file: string): object {
  return { file, title: table.title, planTitle: table.planTitle, rows: table.rows };
}

/** Markdown or CSV text of a table. */
export function tableText(kind: TableKind, table: TaskMatrix | TargetTable, format: 'md' | 'csv'): string {
  if (kind === 'matrix') return format === 'md' ? matrixMarkdown(table as TaskMatrix) : matrixCsv(table as TaskMatrix);
  return format === 'md' ? targetMarkdown(table as TargetTable) : targetCsv(table as TargetTable);
}

/** The .docx bytes of a table; the matrix keeps its groups as rows spanning the table. */
export function tableDocxBytes(kind: TableKind, table: TaskMatrix | TargetTable): Promise<Buffer> {
  return tableDocx(kind === 'matrix' ? matrixDocx(table as TaskMatrix) : targetDocx(table as TargetTable));
}

function matrixDocx(matrix: TaskMatrix): DocxTable {
  const rows: DocxTable['rows'][number][] = [];
  let group: string | undefined;
  for (const row of matrix.rows) {
    const label = groupLabel(row);
    if (label && label !== group) rows.push({ group: label });
    group = label;
    rows.push({ cells: matrixCells(row) });
  }
  return { title: matrix.title, headers: MATRIX_HEADERS, widths: [5, 30, 17, 17, 19, 12], rows };
}

function targetDocx(table: TargetTable): DocxTable {
  return { title: table.title, headers: TARGET_HEADERS, widths: [5, 16, 40, 10, 17, 12], rows: table.rows.map((r) => ({ cells: targetCells(r) })) };
}
