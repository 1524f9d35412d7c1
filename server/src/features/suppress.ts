// "Ignore this finding on this task…": a quick fix that asks for a reason (client side), and the
// server command that writes the suppression into the nearest qplan.config.json.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { addSuppressionEdits, newConfigText, taskAt, type Suppression } from '../core';
import { applyEdits } from 'jsonc-parser';
import type { Plan } from '../documents';
import { readTextFile, writeTextFile } from '../io';
import { CLIENT_COMMANDS, type Session } from '../session';
import { filePath } from '../teamConfigs';

/** The server command: arguments [uri, rule, task title, reason]. */
export const ADD_SUPPRESSION_COMMAND = 'qplan.addSuppression';

/**
 * For a qplan finding inside a task: the client command that asks why and then runs
 * ADD_SUPPRESSION_COMMAND (arguments [uri, rule, task title]). Offered only to a client that
 * declared the command: a suppression without a reason is no suppression.
 */
export function suppressAction(plan: Plan, d: Diagnostic, session: Session): CodeAction[] {
  if (!session.clientCommands.has(CLIENT_COMMANDS.suppressFinding) || typeof d.code !== 'string') return [];
  const task = taskAt(plan.model, d.range.start.line);
  if (!task) return [];
  const title = session.labels.suppress(task.title);
  return [{
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title, command: CLIENT_COMMANDS.suppressFinding, arguments: [plan.document.uri, d.code, task.title] },
  }];
}

export interface SuppressionResult {
  /** The config file's URI, written (created if there was none). */
  file?: string;
  /** Why nothing was written, for the user. */
  error?: string;
}

/**
 * Appends {rule, task, reason, file} to `suppress` in the document's config file, keeping its comments
 * and layout; creates the file in the workspace folder when there is none. A broken file is not
 * touched. The team configs are re-read and every open plan re-checked by the caller.
 */
export function addSuppression(session: Session, args: unknown[] | undefined): SuppressionResult {
  const [uri, rule, task, reason] = args ?? [];
  if (![uri, rule, task, reason].every((a) => typeof a === 'string' && a.trim())) return { error: session.labels.suppressBadArgs };
  const existing = session.teamConfigs.forUri(uri as string);
  const file = existing?.file ?? session.teamConfigs.newFileFor(uri as string);
  if (!file) return { error: session.labels.suppressNoFolder };
  // Limited to this plan (its path from the config's folder): the same task title recurs across a team's plans.
  const plan = filePath(uri as string);
  const relative = plan && path.relative(path.dirname(file), plan).split(path.sep).join('/');
  const entry: Suppression = { rule: rule as string, task: task as string, reason: (reason as string).trim(), ...(relative && !relative.startsWith('..') ? { file: relative } : {}) };
  const text = readTextFile(file);
  if (text === undefined) {
    writeTextFile(file, newConfigText(entry));
  } else {
    const edits = addSuppressionEdits(text, entry);
    if (!edits) return { error: session.labels.suppressBrokenConfig(file) };
    if (edits.length) writeTextFile(file, applyEdits(text, edits));
  }
  session.teamConfigs.invalidate();
  return { file: pathToFileURL(file).toString() };
}
