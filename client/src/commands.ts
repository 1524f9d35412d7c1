// The editor-side commands: a new draft from the skeleton snippet, the clause template, and renumbering.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import snippets from '../../snippets/quality-plan.json';

export const LANGUAGE_ID = 'quality-plan';
export const NEW_DRAFT = 'qplan.newDraft';
export const INSERT_CLAUSE = 'qplan.insertClauseTemplate';
export const RENUMBER = 'qplan.renumberDocument';

/** The responsibility clause with the cursor in the lead slot; the server's core has the same text. */
export const CLAUSE_SNIPPET = '（${1:市××局}牵头，${2:各有关部门}配合）';

/** The standard skeleton: the same snippet the 质量规划草稿 prefix expands, so there is one copy of it. */
const SKELETON = snippets['质量规划草稿'].body.join('\n');

/** Opens an untitled quality-plan document and expands the skeleton in it, placeholders live. */
export async function newDraft(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(SKELETON));
}

/**
 * Inserts the clause snippet. From the server's quick fix: [uri, position, snippet?]; from the
 * palette or context menu: no usable arguments, so at the cursor of the active editor.
 */
export async function insertClauseTemplate(args: unknown[]): Promise<void> {
  const [uri, position, snippet] = args;
  let editor = vscode.window.activeTextEditor;
  if (typeof uri === 'string' && editor?.document.uri.toString() !== uri) {
    editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  }
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a quality plan first.'));
    return;
  }
  const at = isPosition(position) ? new vscode.Position(position.line, position.character) : editor.selection.active;
  await editor.insertSnippet(new vscode.SnippetString(typeof snippet === 'string' ? snippet : CLAUSE_SNIPPET), at);
}

/**
 * Runs the server's renumbering for a document and reports what changed. The server takes
 * [uri: string]; the palette passes nothing and the context menu a vscode.Uri, so both become
 * the document's URI string here.
 */
export async function renumberDocument(args: unknown[], send: (args: unknown[]) => Thenable<unknown>): Promise<unknown> {
  const first = args[0];
  const uri = typeof first === 'string' ? first
    : (first instanceof vscode.Uri ? first : vscode.window.activeTextEditor?.document.uri)?.toString();
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a quality plan first.'));
    return undefined;
  }
  const result = await send([uri]);
  const changed = (result as { changed?: unknown } | undefined)?.changed;
  if (typeof changed === 'number') {
    void vscode.window.showInformationMessage(changed > 0
      ? vscode.l10n.t('Renumbered {0} heading numbers.', changed)
      : vscode.l10n.t('The heading numbers are already in order.'));
  }
  return result;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  return typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line)
    && Number.isInteger((p as { character?: unknown }).character);
}

/**
 * A request to the language server for a command; when the server cannot answer (not running,
 * crashed) the drafter is told so and the command ends quietly with undefined.
 */
export async function ask<R>(client: { sendRequest<T>(method: string, params: unknown): Promise<T> }, method: string, params: unknown): Promise<R | undefined> {
  try {
    return await client.sendRequest<R>(method, params);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The quality plan language server did not answer: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

/** The active editor when it shows a quality plan; otherwise the drafter is told to open one. */
export function activePlanEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a quality plan first.'));
  return undefined;
}

/** A request about the cursor of the active plan ({ textDocument, position }), with the editor it was asked in. */
export async function askAtCursor<R>(client: LanguageClient, method: string): Promise<{ editor: vscode.TextEditor; result: R } | undefined> {
  const editor = activePlanEditor();
  if (!editor) return undefined;
  const result = await ask<R>(client, method, {
    textDocument: { uri: editor.document.uri.toString() },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  });
  return result ? { editor, result } : undefined;
}
