// The team config and clause library in the editor: the reason for a suppression, picking and saving clauses.
import * as vscode from 'vscode';

export const SUPPRESS_FINDING = 'qplan.suppressFinding';
export const INSERT_LIBRARY_CLAUSE = 'qplan.insertClause';
export const SAVE_CLAUSE = 'qplan.saveClause';

/** Sends a request to the language server (the client's sendRequest, bound). */
export type Send = (method: string, params: unknown) => Thenable<unknown>;

interface WriteResult {
  file?: string;
  error?: string;
}

/**
 * From the quick fix "忽略此任务上的该问题…": arguments [uri, rule, task title]. Asks why (a
 * suppression without a reason is refused), then lets the server write it into qplan.config.json.
 */
export async function suppressFinding(args: unknown[], send: Send): Promise<void> {
  const [uri, rule, task] = args;
  if (typeof uri !== 'string' || typeof rule !== 'string' || typeof task !== 'string') return;
  const reason = await vscode.window.showInputBox({
    title: vscode.l10n.t('Ignore {0} on task "{1}"', rule, task),
    prompt: vscode.l10n.t('Why may this finding be ignored? The reason is saved in qplan.config.json for reviewers.'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A reason is required.')),
  });
  if (!reason?.trim()) return;
  const result = (await send('workspace/executeCommand', { command: 'qplan.addSuppression', arguments: [uri, rule, task, reason.trim()] })) as WriteResult | null;
  await report(result, (file) => vscode.l10n.t('Ignored {0} on task "{1}" in {2}.', rule, task, file));
}

interface ListedClause {
  prefix: string;
  description: string;
  title?: string;
  body: string;
  preview: string;
}

/** Inserts a clause of the team library, picked by prefix, description or text, at the cursor (placeholders live). */
export async function insertLibraryClause(send: Send): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a quality plan first.'));
    return;
  }
  const { folder, clauses } = ((await send('qplan/clauses', { uri: editor.document.uri.toString() })) ?? { folder: null, clauses: [] }) as { folder: string | null; clauses: ListedClause[] };
  if (clauses.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The clause library {0} has no clauses yet. Select text and run "Save Selection as Team Clause" to add one.', folder ?? ''));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    clauses.map((c) => ({ label: c.prefix, description: c.title ?? c.description, detail: c.preview.replace(/\s+/g, ' '), clause: c })),
    { placeHolder: vscode.l10n.t('Insert a clause from the team library'), matchOnDescription: true, matchOnDetail: true },
  );
  if (picked) await editor.insertSnippet(new vscode.SnippetString(picked.clause.body));
}

/** Saves the selection as a new clause of the team library, asking for its prefix and description. */
export async function saveSelectionAsClause(send: Send): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const body = editor?.document.getText(editor.selection) ?? '';
  if (!editor || !body.trim()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Select the text to save as a clause first.'));
    return;
  }
  const prefix = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Prefix to type for this clause, e.g. zzld or 组织领导'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A prefix is required.')),
  });
  if (!prefix?.trim()) return;
  const description = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Description shown with the clause in completions'), ignoreFocusOut: true });
  if (description === undefined) return;
  const result = (await send('qplan/saveClause', { uri: editor.document.uri.toString(), prefix, description, body })) as WriteResult | null;
  await report(result, (file) => vscode.l10n.t('Saved the clause "{0}" to {1}.', prefix.trim(), file));
}

/** Tells what was written (with a button to open it) or why nothing was. */
async function report(result: WriteResult | null, saved: (file: string) => string): Promise<void> {
  if (!result?.file) {
    void vscode.window.showErrorMessage(result?.error ?? vscode.l10n.t('The language server is not running.'));
    return;
  }
  const uri = result.file.includes('://') ? vscode.Uri.parse(result.file) : vscode.Uri.file(result.file);
  const open = vscode.l10n.t('Open');
  if ((await vscode.window.showInformationMessage(saved(vscode.workspace.asRelativePath(uri)), open)) === open) {
    await vscode.window.showTextDocument(uri);
  }
}
