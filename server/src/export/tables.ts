// One place that turns a plan into a table in a requested format, for the CLI and the language server alike.
import type { PlanModel } from '../core';
import {
  buildTargetTable, buildTaskMatrix, groupLabel, matrixCells, matrixCsv, matrixMarkdown, MATRIX_HEADERS,
  targetCells, targetCsv, targetMarkdown, TARGET_HEADERS, type TargetTable, type TaskMatrix,
} from '../core/tables';
import { tableDocx } from './docx';

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

/** A table as shown: header cells and rows, a group row opening each run of tasks; rows carry their 1-based line. */
export interface TableView {
  headers: readonly string[];
  /** Relative column widths. */
  widths: readonly number[];
  rows: ({ group: string } | { cells: string[]; line: number })[];
}

export function tableView(kind: TableKind, table: TaskMatrix | TargetTable): TableView {
  if (kind === 'targets') {
    const rows = (table as TargetTable).rows.map((r) => ({ cells: targetCells(r), line: r.line }));
    return { headers: TARGET_HEADERS, widths: [5, 16, 40, 10, 17, 12], rows };
  }
  const rows: TableView['rows'] = [];
  let group: string | undefined;
  for (const row of (table as TaskMatrix).rows) {
    const label = groupLabel(row);
    if (label && label !== group) rows.push({ group: label });
    group = label;
    rows.push({ cells: matrixCells(row), line: row.line });
  }
  return { headers: MATRIX_HEADERS, widths: [5, 30, 17, 17, 19, 12], rows };
}

/** The .docx bytes of a table; the matrix keeps its groups as rows spanning the table. */
export function tableDocxBytes(kind: TableKind, table: TaskMatrix | TargetTable): Promise<Buffer> {
  return tableDocx({ title: table.title, ...tableView(kind, table) });
}
