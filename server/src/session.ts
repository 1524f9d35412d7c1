// What every feature may read about this session: documents, settings, locale and what the client can do.
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { PlanDocuments } from './documents';
import { labelsFor, type Labels } from './labels';
import { SettingsStore } from './settings';
import { TeamConfigs } from './teamConfigs';
import { ClauseLibraries } from './clauseLibraries';

/** Client-side commands the server may put into code actions (the VS Code client declares them). */
export const CLIENT_COMMANDS = { insertClauseTemplate: 'qplan.insertClauseTemplate', suppressFinding: 'qplan.suppressFinding' } as const;

/** Default pause after the last keystroke before diagnostics are recomputed and published. */
export const DEFAULT_DIAGNOSTIC_DELAY_MS = 200;

/**
 * `initializationOptions` the server understands, all optional:
 * - `diagnosticDelay`: the debounce in ms (0 for benchmarks and tests),
 * - `clientCommands`: client-side commands the client implements, e.g. ["qplan.insertClauseTemplate"],
 * - `settings`: the `qplan` settings, for clients that cannot answer workspace/configuration,
 * - `teamConfig`: false to ignore qplan.config.json files (VS Code: an untrusted workspace).
 * - `precedentCache`: a folder where the precedent library caches analysed plans across restarts
 *   (the VS Code client passes its global storage folder); none, no disk cache.
 */
export interface InitializationOptions {
  diagnosticDelay?: number;
  clientCommands?: string[];
  settings?: unknown;
  teamConfig?: boolean;
  precedentCache?: string;
}

export interface Session {
  connection: Connection;
  plans: PlanDocuments;
  settings: SettingsStore;
  locale: 'zh-cn' | 'en';
  labels: Labels;
  diagnosticDelay: number;
  /** Client commands the client said it implements. */
  clientCommands: ReadonlySet<string>;
  /** The client applies versioned TextDocumentEdits (so a stale edit is refused, not misapplied). */
  documentChanges: boolean;
  workspaceFolders: string[];
  /** The client tells us when workspace folders are added or removed. */
  workspaceFoldersWatched: boolean;
  /** The qplan.config.json files governing documents (none read when the client said not to). */
  teamConfigs: TeamConfigs;
  /** The team clause libraries, per document. */
  clauses: ClauseLibraries;
  /** The client answers workspace/configuration. */
  canPullSettings: boolean;
  /** initializationOptions.precedentCache, when it is a non-empty string. */
  precedentCacheDir: string | undefined;
}

/** Builds the session from the client's initialize request. */
export function createSession(connection: Connection, params: InitializeParams, plans: PlanDocuments): Session {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const locale = params.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
  const delay = Number(options.diagnosticDelay);
  const canPull = params.capabilities.workspace?.configuration === true;
  const workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri);
  // Read through the session: workspace folders added later (didChangeWorkspaceFolders) count too.
  const teamConfigs = new TeamConfigs(() => session.workspaceFolders, options.teamConfig !== false);
  const session: Session = {
    connection,
    plans,
    settings: new SettingsStore(connection, canPull, options.settings),
    locale,
    labels: labelsFor(locale),
    diagnosticDelay: Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_DIAGNOSTIC_DELAY_MS,
    clientCommands: new Set(Array.isArray(options.clientCommands) ? options.clientCommands : []),
    documentChanges: params.capabilities.workspace?.workspaceEdit?.documentChanges === true,
    workspaceFoldersWatched: params.capabilities.workspace?.workspaceFolders === true,
    workspaceFolders,
    teamConfigs,
    clauses: new ClauseLibraries(teamConfigs, (m) => connection.console.log(m)),
    canPullSettings: canPull,
    precedentCacheDir: typeof options.precedentCache === 'string' && options.precedentCache !== '' ? options.precedentCache : undefined,
  };
  return session;
}
