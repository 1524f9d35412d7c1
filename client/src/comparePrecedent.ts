// 对比先例: a diff of the task under the cursor against a similar precedent task (the server's qplan/comparePrecedent).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { askAtCursor } from './commands';

export const COMPARE = 'qplan.compareWithPrecedent';
/** Read-only documents holding the two sides of a comparison. */
export const COMPARE_SCHEME = 'qplan-compare';

/** What qplan/comparePrecedent answers (server/src/features/comparePrecedent.ts). */
interface ComparedPrecedent {
  file: string;
  where: string;
  name: string;
  score: number;
  text: string;
}
interface CompareResult {
  task: { name: string; text: string } | null;
  precedents: ComparedPrecedent[];
}

/**
 * The texts shown in comparisons, by URI. Each comparison gets fresh URIs, so an open diff
 * never changes under the reader; the texts go when their editors close.
 */
export class ComparisonDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A read-only document named `name` (shown as the tab's title) holding `text`. */
  add(name: string, text: string): vscode.Uri {
    // The .qplan extension gives the document the plan grammar's colours.
    const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${this.next++}/${name.replace(/[\\/]/g, '／')}.qplan` });
    this.texts.set(uri.toString(), `${text}\n`);
    return uri;
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }
}

/** Registers the provider and the command; returns what to dispose. */
export function registerCompare(client: LanguageClient): vscode.Disposable[] {
  const documents = new ComparisonDocuments();
  return [
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, documents),
    vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === COMPARE_SCHEME && documents.forget(d.uri)),
    vscode.commands.registerCommand(COMPARE, () => compareWithPrecedent(client, documents)),
  ];
}

/**
 * Asks the server for the task at the cursor and its top precedents; with one, opens the diff
 * at once, with several, lets the drafter pick (most similar first). The precedent is on the
 * left, the draft's task on the right, both read-only snapshots.
 */
export async function compareWithPrecedent(client: LanguageClient, documents: ComparisonDocuments): Promise<void> {
  const asked = await askAtCursor<CompareResult>(client, 'qplan/comparePrecedent');
  if (!asked) return;
  const { result } = asked;
  if (!result.task) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a task (its heading or body) to compare it with a precedent.'));
    return;
  }
  if (!result.precedents.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No precedent task is similar enough to {0}.', result.task.name));
    return;
  }
  let chosen: ComparedPrecedent | undefined = result.precedents[0];
  if (result.precedents.length > 1) {
    const picked = await vscode.window.showQuickPick(
      result.precedents.map((p) => ({ label: p.name, description: p.where, detail: vscode.l10n.t('Similarity {0}', p.score.toFixed(2)), p })),
      { title: vscode.l10n.t('Compare {0} with a precedent', result.task.name), placeHolder: vscode.l10n.t('Most similar precedent tasks') },
    );
    chosen = picked?.p;
  }
  if (!chosen) return;
  const left = documents.add(`${chosen.where} ${chosen.name}`, chosen.text);
  const right = documents.add(result.task.name, result.task.text);
  await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('Precedent {0} ↔ draft {1}', `${chosen.where} ${chosen.name}`, result.task.name));
}
