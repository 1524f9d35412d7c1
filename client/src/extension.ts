// Starts the qplan language server over IPC and registers what only the editor can do.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { showAgency, SHOW_AGENCY } from './agencyLens';
import { INSERT_CLAUSE, LANGUAGE_ID, NEW_DRAFT, RENUMBER, insertClauseTemplate, newDraft, renumberDocument } from './commands';
import { registerCompare } from './comparePrecedent';
import { IMPORT_PLAN, importPlan } from './importPlan';
import { watchForPlans } from './detection';
import { registerTableCommands } from './tables';
import { INSERT_LIBRARY_CLAUSE, SAVE_CLAUSE, SUPPRESS_FINDING, insertLibraryClause, saveSelectionAsClause, suppressFinding, type Send } from './team';

let client: LanguageClient | undefined;

/**
 * Activation (on a quality-plan, plain-text or Markdown document, or one of the commands):
 * starts plan detection, then the language server, then the commands the server does not serve.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_DRAFT, newDraft));
  watchForPlans(context);
  registerTableCommands(context, () => client);

  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Only plan documents reach the server: detection switches .txt/.md plans to quality-plan
    // first, so ordinary text files never get plan diagnostics.
    documentSelector: ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ scheme, language: LANGUAGE_ID })),
    // The server pulls settings per document (workspace/configuration); this push tells it when they change.
    // Team config files and the default clause folder are watched; the server re-reads them on change.
    synchronize: {
      configurationSection: 'qplan',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/qplan.config.json'), vscode.workspace.createFileSystemWatcher('**/.qplan/clauses/*')],
    },
    // An untrusted folder's qplan.config.json could turn checks off, like its workspace settings: not read until trusted.
    // The precedent library caches analysed plans in global storage, so a restart does not re-read every Word file.
    initializationOptions: () => ({
      clientCommands: [INSERT_CLAUSE, SUPPRESS_FINDING],
      teamConfig: vscode.workspace.isTrusted,
      precedentCache: context.globalStorageUri.fsPath,
    }),
    middleware: {
      // Commands the server advertises are registered by the client library; these two need the editor.
      executeCommand: (command, args, next) => {
        if (command === INSERT_CLAUSE) return insertClauseTemplate(args);
        if (command === RENUMBER) return renumberDocument(args, (a) => next(command, a));
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('qplan', vscode.l10n.t('Quality Plan Language Server'), serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The quality plan language server could not start: {0}', String(error)));
  }

  // Precedent and agency views: the server answers, the editor shows (quick picks, a diff).
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_AGENCY, () => showAgency(client!)), ...registerCompare(client));
  const send: Send = (method, params) => (client ? client.sendRequest(method, params) : Promise.resolve(null));
  context.subscriptions.push(
    vscode.commands.registerCommand(SUPPRESS_FINDING, (...args: unknown[]) => suppressFinding(args, send)),
    vscode.commands.registerCommand(INSERT_LIBRARY_CLAUSE, () => insertLibraryClause(send)),
    vscode.commands.registerCommand(SAVE_CLAUSE, () => saveSelectionAsClause(send)),
    vscode.commands.registerCommand(IMPORT_PLAN, (target?: unknown) => importPlan(target, send)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
  );

  // Register here only what the server did not advertise, or the two registrations would collide.
  const registered = new Set(await vscode.commands.getCommands(true));
  if (!registered.has(INSERT_CLAUSE)) {
    context.subscriptions.push(vscode.commands.registerCommand(INSERT_CLAUSE, (...args: unknown[]) => insertClauseTemplate(args)));
  }
  if (!registered.has(RENUMBER)) {
    context.subscriptions.push(vscode.commands.registerCommand(RENUMBER, (...args: unknown[]) =>
      renumberDocument(args, (a) => client!.sendRequest('workspace/executeCommand', { command: RENUMBER, arguments: a }))));
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
