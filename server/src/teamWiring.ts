// The team config's requests and notifications: watched config and clause files, the clause library requests.
import path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { TEAM_CONFIG_NAME } from './core';
import { CLAUSES_REQUEST, listClauses, saveClause, SAVE_CLAUSE_REQUEST } from './features/clauses';
import type { DiagnosticsPublisher } from './features/diagnostics';
import { safely } from './lsp/safe';
import type { Session } from './session';
import { filePath } from './teamConfigs';

/**
 * A changed qplan.config.json re-reads every config and re-checks every open plan (its problems
 * are republished with them); any other watched file is a clause, whose folder is re-read.
 */
export function wireTeamConfig(connection: Connection, state: () => { session: Session; diagnostics: DiagnosticsPublisher }): void {
  const log = connection.console;
  connection.onDidChangeWatchedFiles((e) => {
    const { session, diagnostics } = state();
    let configChanged = false;
    for (const change of e.changes) {
      const file = filePath(change.uri);
      if (file && path.basename(file) === TEAM_CONFIG_NAME) configChanged = true;
      else session.clauses.changed(file);
    }
    if (configChanged) {
      session.teamConfigs.invalidate();
      session.clauses.changed();
      diagnostics.recheckAll();
    }
  });
  connection.onRequest(CLAUSES_REQUEST, safely(log, CLAUSES_REQUEST, () => ({ folder: null, clauses: [] }), (p: { uri?: unknown }) => listClauses(state().session, p)));
  connection.onRequest(SAVE_CLAUSE_REQUEST, safely(log, SAVE_CLAUSE_REQUEST, (): { file?: string; error?: string } => ({ error: 'internal error' }), (p: Record<string, unknown>) => saveClause(state().session, p)));
}
