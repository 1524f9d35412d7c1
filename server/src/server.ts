// startServer: the capabilities the server announces and which feature answers which request; no analysis here.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type CompletionList,
  type Connection,
  type Hover,
  type InitializeResult,
  type SemanticTokens,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { QPLAN_VERSION } from './cli/version';
import { PlanDocuments, type Plan } from './documents';
import { agencies, AGENCIES_REQUEST, unitReferences, type AgenciesParams, type AgenciesResult } from './features/agencies';
import { codeActions, RENUMBER_ALL_KIND } from './features/codeActions';
import { comparePrecedent, COMPARE_REQUEST, type CompareParams, type CompareResult } from './features/comparePrecedent';
import { completion, COMPLETION_TRIGGERS } from './features/completion';
import { DiagnosticsPublisher } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { IMPORT_REQUEST, importPlan, type ImportParams, type ImportResult } from './features/importPlan';
import { renumberDocument, RENUMBER_COMMAND } from './features/renumber';
import { selectionRanges } from './features/selection';
import { semanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { documentSymbols } from './features/symbols';
import { TABLE_REQUEST, tableRequest, type TableParams } from './features/tables';
import { safely } from './lsp/safe';
import { draftFile, PrecedentCache, PrecedentLibrary, syncPrecedentFolders } from './precedents';
import { createSession, type Session } from './session';
import { WorkspacePlans } from './workspacePlans';
import { withTeam } from './features/teamCompletion';
import { addSuppression, ADD_SUPPRESSION_COMMAND } from './features/suppress';
import { wireTeamConfig } from './teamWiring';

/** Wires a connection (IPC, stdio or socket: main.ts decides) to the features, then listens. */
export function startServer(connection: Connection): void {
  const log = connection.console;
  const plans = new PlanDocuments((uri, failure) => log.error(`qplan：分析 ${uri} 时内部出错（已按空文档处理）：${failure}`));
  // Filled in by initialize, which the protocol guarantees comes before any other request.
  let session!: Session;
  let diagnostics!: DiagnosticsPublisher;
  let workspace!: WorkspacePlans;
  let precedents!: PrecedentLibrary;
  let initialSettings: unknown;
  const syncFolders = (pushed?: unknown) =>
    void syncPrecedentFolders(connection, precedents, session.workspaceFolders, session.canPullSettings, pushed).catch((e) => log.error(`qplan：读取先例文件夹设置失败：${e}`));

  connection.onInitialize((params): InitializeResult => {
    session = createSession(connection, params, plans);
    initialSettings = (params.initializationOptions as { settings?: unknown } | null | undefined)?.settings;
    diagnostics = new DiagnosticsPublisher(session);
    workspace = new WorkspacePlans(session.workspaceFolders, (m) => log.log(m));
    const cache = session.precedentCacheDir ? new PrecedentCache(session.precedentCacheDir, (m) => log.log(m)) : undefined;
    precedents = new PrecedentLibrary((m) => log.log(m), undefined, { cache, watch: true });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '质量规划' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        hoverProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, RENUMBER_ALL_KIND] },
        executeCommandProvider: { commands: [RENUMBER_COMMAND, ADD_SUPPRESSION_COMMAND] },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        ...(session.workspaceFoldersWatched ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'qplan', version: QPLAN_VERSION },
    };
  });
  connection.onInitialized(() => {
    syncFolders(initialSettings);
    if (session.workspaceFoldersWatched) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspace.foldersChanged(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
        // qplan.precedentFolders is relative to each workspace folder: read it again for the new set.
        const removed = new Set(e.removed.map((f) => f.uri));
        session.workspaceFolders = [...session.workspaceFolders.filter((u) => !removed.has(u)), ...e.added.map((f) => f.uri)];
        syncFolders();
      });
    }
  });
  connection.onDidChangeConfiguration((e) => {
    session.settings.changed(e.settings);
    diagnostics.recheckAll();
    syncFolders((e.settings as { qplan?: unknown } | undefined)?.qplan);
  });
  plans.documents.onDidChangeContent((e) => diagnostics.changed(e.document));
  plans.documents.onDidClose((e) => diagnostics.closed(e.document.uri));

  /** A request about one open document: answered by `feature` on that version's plan, safely. */
  const onPlan = <P extends { textDocument: TextDocumentIdentifier }, R>(name: string, empty: () => R, feature: (plan: Plan, params: P) => R | Promise<R>) =>
    safely(log, name, empty, (params: P) => {
      const plan = plans.get(params.textDocument.uri);
      return plan ? feature(plan, params) : empty();
    });

  connection.onDocumentSymbol(onPlan('documentSymbol', () => [], (plan) => documentSymbols(plan, session.labels.noLead)));
  connection.onFoldingRanges(onPlan('foldingRange', () => [], (plan) => foldingRanges(plan)));
  connection.onSelectionRanges(onPlan('selectionRange', () => [], (plan, p) => selectionRanges(plan, p.positions)));
  /** The precedent index and the file that is this draft itself (never its own precedent). */
  const precedentsFor = async (plan: Plan) => {
    // The precedent folders every team config read so far names (this document's is read here first).
    session.teamConfigs.forUri(plan.document.uri);
    precedents.setFolders([...new Set(session.teamConfigs.loaded().flatMap((c) => c.precedentDirs))], 'team-config');
    const index = await precedents.ready();
    return { index, exclude: draftFile(index, plan.document.uri, plan.text) };
  };
  const teamAgencies = (plan: Plan) => session.teamConfigs.forUri(plan.document.uri)?.config.agencies;
  connection.onHover(onPlan('hover', (): Hover | null => null, async (plan, p) => hover(plan, p.position, session.labels, await precedentsFor(plan), teamAgencies(plan))));
  connection.onCompletion(onPlan('completion', (): CompletionList => ({ isIncomplete: false, items: [] }), async (plan, p) =>
    withTeam(await completion(plan, p.position, session.labels, () => precedentsFor(plan)), plan, p, session)));
  connection.onReferences(onPlan('references', () => [], (plan, p) => unitReferences(plan, p.position, teamAgencies(plan))));
  connection.onRequest(AGENCIES_REQUEST, onPlan('agencies', (): AgenciesResult => ({ current: null, units: [] }), (plan, p: AgenciesParams) => agencies(plan, p.position, teamAgencies(plan))));
  connection.onRequest(COMPARE_REQUEST, onPlan('comparePrecedent', (): CompareResult => ({ task: null, precedents: [] }), async (plan, p: CompareParams) =>
    comparePrecedent(plan, p.position, await precedentsFor(plan), session.labels)));
  connection.onCodeAction(onPlan('codeAction', () => [], (plan, p) => codeActions(plan, p, session)));
  connection.languages.semanticTokens.on(onPlan('semanticTokens', (): SemanticTokens => ({ data: [] }), (plan) => semanticTokens(plan)));
  connection.onRequest(TABLE_REQUEST, onPlan('table', () => null, (plan, p: TableParams) => tableRequest(plan, p)));
  connection.onRequest(IMPORT_REQUEST, safely(log, 'importPlan', (): ImportResult => ({ error: session.labels.importFailed }), (p: ImportParams) => importPlan(p, session.labels)));
  connection.onWorkspaceSymbol(safely(log, 'workspaceSymbol', () => [], (p) =>
    workspace.symbols(p.query, plans.all().map((d) => plans.of(d)))));
  connection.onExecuteCommand(safely(log, 'executeCommand', (): unknown => null, (p) => {
    if (p.command === RENUMBER_COMMAND) return renumberDocument(session, p.arguments);
    if (p.command !== ADD_SUPPRESSION_COMMAND) return null;
    const result = addSuppression(session, p.arguments);
    if (result.file) diagnostics.recheckAll();
    return result;
  }));
  wireTeamConfig(connection, () => ({ session, diagnostics }));

  plans.documents.listen(connection);
  connection.listen();
}
