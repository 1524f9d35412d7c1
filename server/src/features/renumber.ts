// Renumbering headings from the editor: one sibling run (a quick fix) or the whole document (a command).
import { MessageType, ShowMessageNotification, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { planRenumbering, planRunRenumbering, type OrdinalEdit } from '../core/renumber';
import type { Plan } from '../documents';
import { toTextEdit, toWorkspaceEdit } from '../lsp/convert';
import type { Session } from '../session';

/** The server command that renumbers every sibling run of a document; arguments: [uri]. */
export const RENUMBER_COMMAND = 'qplan.renumberDocument';

/** Ordinal edits for the whole document, or only the run holding heading `run`. */
export function renumberEdits(plan: Plan, run?: number): TextEdit[] {
  const edits: OrdinalEdit[] = run === undefined ? planRenumbering(plan.model, plan.text) : planRunRenumbering(plan.model, plan.text, run);
  return edits.map((e) => toTextEdit(plan.document, e.span, e.text));
}

/** The renumbering as a WorkspaceEdit, or null when every number is already right. */
export function renumberWorkspaceEdit(plan: Plan, session: Session, run?: number): WorkspaceEdit | null {
  const edits = renumberEdits(plan, run);
  return edits.length ? toWorkspaceEdit(plan.document, edits, session.documentChanges) : null;
}

export interface RenumberResult {
  applied: boolean;
  /** Ordinals rewritten. */
  changed: number;
}

/**
 * workspace/executeCommand qplan.renumberDocument [uri]: asks the client to apply the edit
 * (workspace/applyEdit) and answers how many ordinals changed. Only numerals change; a
 * document with nothing to renumber is left alone.
 */
export async function renumberDocument(session: Session, args: unknown[] | undefined): Promise<RenumberResult> {
  const first = args?.[0];
  const uri = typeof first === 'string' ? first : (first as { uri?: unknown } | undefined)?.uri;
  const plan = typeof uri === 'string' ? session.plans.get(uri) : undefined;
  if (!plan) {
    // A notification, not window/showMessageRequest: there is nothing to answer, and no reply to wait for.
    void session.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: session.labels.openDocumentFirst });
    return { applied: false, changed: 0 };
  }
  const edits = renumberEdits(plan);
  if (!edits.length) return { applied: true, changed: 0 };
  const result = await session.connection.workspace.applyEdit({
    label: session.labels.renumberDocument,
    edit: toWorkspaceEdit(plan.document, edits, session.documentChanges),
  });
  return { applied: result.applied, changed: result.applied ? edits.length : 0 };
}
