// 导入方案文件为草稿: a Word or PDF plan or a saved web page (or a text plan in any encoding) opened as a new draft,
// read by the language server as `qplan` reads it: automatic numbering and all.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './commands';
import type { Send } from './team';

export const IMPORT_PLAN = 'qplan.importPlan';
const IMPORT_REQUEST = 'qplan/importPlan';

type ImportResult = { text: string } | { error: string };

/**
 * From the explorer's context menu: the file clicked. From the palette: the file picked in an open
 * dialog. The draft is a new untitled document, so the Word file is never written to.
 */
export async function importPlan(target: unknown, send: Send): Promise<void> {
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Import as Draft'),
      filters: { [vscode.l10n.t('Plans (Word, PDF, web page, text)')]: ['docx', 'doc', 'pdf', 'html', 'htm', 'mht', 'txt', 'md'] },
    });
    uri = picked?.[0];
    if (!uri) return;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  let result: ImportResult | null;
  try {
    result = (await send(IMPORT_REQUEST, { uri: uri.toString() })) as ImportResult | null;
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running.'));
    return;
  }
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}', name, result.error));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
  await vscode.window.showTextDocument(document);
}
