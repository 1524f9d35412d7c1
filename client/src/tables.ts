// The table commands: a preview beside the editor (click a row to jump to it), refreshed as the draft changes, and export.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activePlanEditor } from './commands';
import { previewHtml, tableBodyHtml, type PreviewLabels, type TableViewData } from './tableHtml';

export const SHOW_TASK_MATRIX = 'qplan.showTaskMatrix';
export const SHOW_TARGET_TABLE = 'qplan.showTargetTable';
export const EXPORT_TASK_MATRIX = 'qplan.exportTaskMatrix';
export const EXPORT_TARGET_TABLE = 'qplan.exportTargetTable';
/** The server's custom request (server/src/features/tables.ts). */
const TABLE_REQUEST = 'qplan/table';

type Kind = 'matrix' | 'targets';
type Format = 'md' | 'csv' | 'docx';
interface TableAnswer extends TableViewData { version: number; content?: string; encoding?: 'utf8' | 'base64' }

const VIEW_TYPE = 'qplan.tablePreview';
const REFRESH_DELAY = 300;

/** Registers the four commands; `client` is asked lazily, since it starts after registration. */
export function registerTableCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const previews = new Map<string, Preview>();
  const request = async (document: vscode.TextDocument, kind: Kind, format?: Format): Promise<TableAnswer | undefined> => {
    const c = client();
    if (!c) return undefined;
    return (await c.sendRequest<TableAnswer | null>(TABLE_REQUEST, { textDocument: { uri: document.uri.toString() }, kind, format })) ?? undefined;
  };
  const show = (kind: Kind) => async (resource?: unknown) => {
    const document = await planDocument(resource);
    if (!document) return;
    const key = `${kind} ${document.uri.toString()}`;
    const open = previews.get(key);
    if (open) return open.reveal();
    const preview = new Preview(document, kind, request, (format) => exportTable(document, kind, format, request), () => previews.delete(key));
    previews.set(key, preview);
    // The server answers null for a document it does not treat as a plan: say so rather than show an empty page.
    if (!(await preview.refresh())) {
      preview.dispose();
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a quality plan first.'));
    }
  };
  const exportCommand = (kind: Kind) => async (resource?: unknown) => {
    const document = await planDocument(resource);
    if (document) await exportTable(document, kind, undefined, request);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TASK_MATRIX, show('matrix')),
    vscode.commands.registerCommand(SHOW_TARGET_TABLE, show('targets')),
    vscode.commands.registerCommand(EXPORT_TASK_MATRIX, exportCommand('matrix')),
    vscode.commands.registerCommand(EXPORT_TARGET_TABLE, exportCommand('targets')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const p of previews.values()) if (p.document === e.document) p.changed();
    }),
    { dispose: () => { for (const p of [...previews.values()]) p.dispose(); } },
  );
}

/** The plan to tabulate: the editor title/context menu passes its Uri, the palette nothing (the active editor). */
async function planDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  return activePlanEditor()?.document;
}

function labels(): PreviewLabels {
  return {
    exportMarkdown: vscode.l10n.t('Export Markdown'),
    exportCsv: vscode.l10n.t('Export CSV'),
    exportDocx: vscode.l10n.t('Export Word (.docx)'),
    clickHint: vscode.l10n.t('Click to go to this line in the plan'),
    empty: vscode.l10n.t('No tasks or targets were found in this plan.'),
  };
}

/** One webview beside the plan; it follows the document until either is closed. */
class Preview {
  private readonly panel: vscode.WebviewPanel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded = false;
  private disposed = false;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly kind: Kind,
    private readonly request: (d: vscode.TextDocument, k: Kind) => Promise<TableAnswer | undefined>,
    exportAs: (format: Format) => Promise<void>,
    onDispose: () => void,
  ) {
    const name = kind === 'matrix' ? vscode.l10n.t('Task Division Table') : vscode.l10n.t('Targets Table');
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, `${name}: ${baseName(document.uri)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    this.panel.onDidDispose(() => {
      this.disposed = true;
      if (this.timer) clearTimeout(this.timer);
      onDispose();
    });
    this.panel.webview.onDidReceiveMessage(async (message: { type?: unknown; line?: unknown; format?: unknown }) => {
      if (message.type === 'reveal' && typeof message.line === 'number') await this.revealLine(message.line);
      else if (message.type === 'export' && (message.format === 'md' || message.format === 'csv' || message.format === 'docx')) await exportAs(message.format);
    });
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Typing refreshes the table once the user pauses. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY);
  }

  /** Fetches the table and shows it; false when the server had none for this document. */
  async refresh(): Promise<boolean> {
    let answer: TableAnswer | undefined;
    try {
      answer = await this.request(this.document, this.kind);
    } catch (error) {
      if (!this.disposed) void vscode.window.showErrorMessage(vscode.l10n.t('The table could not be built: {0}', String(error)));
      return true;
    }
    if (this.disposed) return true;
    if (!answer) return this.loaded;
    if (!this.loaded) {
      this.panel.webview.html = previewHtml(answer, labels(), randomBytes(16).toString('base64'), this.panel.webview.cspSource);
      this.loaded = true;
    } else {
      void this.panel.webview.postMessage({ type: 'update', title: answer.title, body: tableBodyHtml(answer, labels()) });
    }
    return true;
  }

  /** Shows the plan beside the preview with the cursor on the row's line (1-based from the server). */
  private async revealLine(line: number): Promise<void> {
    const at = Math.max(0, Math.min(this.document.lineCount - 1, Math.floor(line) - 1));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    const position = new vscode.Position(at, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }

  dispose(): void {
    this.panel.dispose();
  }
}

/** Asks for a format (unless given) and a file, then writes what the server rendered. */
async function exportTable(
  document: vscode.TextDocument,
  kind: Kind,
  format: Format | undefined,
  request: (d: vscode.TextDocument, k: Kind, f: Format) => Promise<TableAnswer | undefined>,
): Promise<void> {
  if (!format) {
    const items: (vscode.QuickPickItem & { format: Format })[] = [
      { label: vscode.l10n.t('Word (.docx)'), description: vscode.l10n.t('Landscape A4, for the annex of the document'), format: 'docx' },
      { label: 'CSV', description: vscode.l10n.t('Opens in Excel and WPS'), format: 'csv' },
      { label: 'Markdown', format: 'md' },
    ];
    format = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export as') }))?.format;
    if (!format) return;
  }
  const name = kind === 'matrix' ? '任务分工表' : '主要指标表';
  const folder = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const file = `${baseName(document.uri).replace(/\.(?:plan\.)?(?:txt|md|qplan)$/i, '')}-${name}.${format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined,
    filters: { [format === 'docx' ? 'Word' : format === 'csv' ? 'CSV' : 'Markdown']: [format] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  try {
    const answer = await request(document, kind, format);
    if (!answer?.content) throw new Error(vscode.l10n.t('the language server gave no table'));
    const bytes = answer.encoding === 'base64' ? Buffer.from(answer.content, 'base64') : Buffer.from(answer.content, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', target.fsPath || target.toString()));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The table could not be exported: {0}', error instanceof Error ? error.message : String(error)));
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
