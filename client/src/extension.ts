// Starts the qplan language server over IPC and registers what only the editor can do.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { INSERT_CLAUSE, LANGUAGE_ID, NEW_DRAFT, RENUMBER, insertClauseTemplate, newDraft, renumberDocument } from './commands';
import { watchForPlans } from './detection';

let client: LanguageClient | undefined;

/**
 * Activation (on a quality-plan, plain-text or Markdown document, or one of the commands):
 * starts plan detection, then the language server, then the commands the server does not serve.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_DRAFT, newDraft));
  watchForPlans(context);

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
    synchronize: { configurationSection: 'qplan' },
    // The precedent library caches analysed plans there, so a restart does not re-read every Word file.
    initializationOptions: { clientCommands: [INSERT_CLAUSE], precedentCache: context.globalStorageUri.fsPath },
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
