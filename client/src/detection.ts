// Switches plain-text and Markdown files whose content is a quality plan to the quality-plan language.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './commands';
import { DETECTION_WINDOW, looksLikePlan, looksMisdecoded } from './detect';

const MUTED_KEY = 'qplan.encodingHint.muted';
/** Where plans live: files, new drafts, virtual and remote folders, and git's copies for diffs (not output channels). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'git']);

/**
 * Watches opened documents and switches detected plans with setTextDocumentLanguage, so the
 * grammar, snippets and language server apply. A document the user switches back keeps the
 * language they chose for the rest of the session; a detected plan closed and reopened is
 * detected again; turning detection off switches detected documents back. Reads only the first {@link DETECTION_WINDOW} characters of a document.
 */
export function watchForPlans(context: vscode.ExtensionContext): void {
  /** Documents switched by detection, with the language they had: a revert is the user's choice. */
  const switched = new Map<string, string>();
  const hinted = new Set<string>();

  const settings = (doc: vscode.TextDocument) => {
    const config = vscode.workspace.getConfiguration('qplan.detection', doc);
    return { enabled: config.get<boolean>('enabled', true), languages: config.get<string[]>('languages', ['plaintext', 'markdown']) };
  };
  const head = (doc: vscode.TextDocument) => doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECTION_WINDOW)));

  const check = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    const { enabled, languages } = settings(doc);
    if (!enabled || !SCHEMES.has(doc.uri.scheme) || !languages.includes(doc.languageId) || switched.has(key)) return;
    if (!looksLikePlan(head(doc))) return;
    switched.set(key, doc.languageId);
    vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => switched.delete(key));
  };

  // A GB18030 file opened as UTF-8 is unreadable to detection and to the drafter: say so once.
  const hintEncoding = async (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    if (!doc || doc.uri.scheme !== 'file' || hinted.has(doc.uri.toString()) || context.globalState.get(MUTED_KEY)) return;
    const { enabled, languages } = settings(doc);
    if (!enabled || !(languages.includes(doc.languageId) || doc.languageId === LANGUAGE_ID) || !looksMisdecoded(head(doc))) return;
    hinted.add(doc.uri.toString());
    const reopen = vscode.l10n.t('Reopen with Encoding');
    const mute = vscode.l10n.t("Don't Show Again");
    const name = vscode.workspace.asRelativePath(doc.uri);
    const message = vscode.l10n.t('{0} does not look like UTF-8 text (it may be GB18030/GBK). Reopen it with the right encoding so it can be read as a quality plan.', name);
    const choice = await vscode.window.showWarningMessage(message, reopen, mute);
    if (choice === reopen) await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
    if (choice === mute) await context.globalState.update(MUTED_KEY, true);
  };

  const revertAll = () => {
    for (const doc of vscode.workspace.textDocuments) {
      const original = switched.get(doc.uri.toString());
      if (original && doc.languageId === LANGUAGE_ID && !settings(doc).enabled) {
        switched.delete(doc.uri.toString());
        void vscode.languages.setTextDocumentLanguage(doc, original);
      }
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(check),
    // A language change closes and reopens a document in one batch; only a real close forgets a
    // detected plan, so reopening it detects it again, while a language the user chose stays chosen.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      if (doc.languageId !== LANGUAGE_ID || !switched.has(key)) return;
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) switched.delete(key);
      }, 0);
    }),
    // An untitled document gets its text by typing or pasting: look again after a paste.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.isUntitled && e.contentChanges.some((c) => c.text.length >= 20)) check(e.document);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => void hintEncoding(editor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('qplan.detection')) return;
      revertAll();
      vscode.workspace.textDocuments.forEach(check);
    }),
  );
  vscode.workspace.textDocuments.forEach(check);
  void hintEncoding(vscode.window.activeTextEditor);
}
