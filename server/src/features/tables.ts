// qplan/table: the 任务分工表 or 主要指标表 of an open document, as rows for a preview or rendered for export.
import type { TextDocumentIdentifier } from 'vscode-languageserver';
import type { Plan } from '../documents';
import { buildTable, tableDocxBytes, tableJson, tableText, tableView, type TableKind, type TableView } from '../export/tables';

/** The custom request the client's preview and export commands send. */
export const TABLE_REQUEST = 'qplan/table';

export interface TableParams {
  textDocument: TextDocumentIdentifier;
  kind: TableKind;
  /** Also render the table: md and csv as text, json as text, docx as base64. */
  format?: 'md' | 'csv' | 'json' | 'docx';
}

export interface TableResult {
  uri: string;
  /** The document version the table was built from. */
  version: number;
  kind: TableKind;
  title: string;
  /** Rows as in `qplan matrix/targets --format json`; each has a 1-based `line` to jump to. */
  rows: object[];
  /** The table as a preview shows it (Chinese headers, group rows), so the client renders without knowing the kinds. */
  view: TableView;
  /** The rendered table when `format` was asked for. */
  content?: string;
  encoding?: 'utf8' | 'base64';
}

/** Answers qplan/table from the document's cached model; null for an unknown kind. */
export async function tableRequest(plan: Plan, params: TableParams): Promise<TableResult | null> {
  if (params.kind !== 'matrix' && params.kind !== 'targets') return null;
  const table = buildTable(params.kind, plan.model, plan.text);
  const result: TableResult = { uri: plan.document.uri, version: plan.version, kind: params.kind, title: table.title, rows: table.rows, view: tableView(params.kind, table) };
  switch (params.format) {
    case 'md':
    case 'csv':
      return { ...result, content: tableText(params.kind, table, params.format), encoding: 'utf8' };
    case 'json':
      return { ...result, content: JSON.stringify(tableJson(table, plan.document.uri), null, 2) + '\n', encoding: 'utf8' };
    case 'docx':
      return { ...result, content: Buffer.from(await tableDocxBytes(params.kind, table)).toString('base64'), encoding: 'base64' };
    default:
      return result;
  }
}
