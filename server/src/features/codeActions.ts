// Quick fixes for the core's findings: add a responsibility clause, renumber a heading run, close a bracket,
// and apply the fixes the core computed itself (current agency names, full-width punctuation, aligned targets).
import { CodeActionKind, TextEdit, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Diagnostic as PlanDiagnostic, TextChange } from '../core';
import { CLAUSE_SNIPPET, CLAUSE_TEMPLATE, clauseInsertOffset, leadInsertion } from '../core/clauseTemplate';
import type { Plan } from '../documents';
import { lineText, toOffset, toPosition, toTextEdit, toWorkspaceEdit } from '../lsp/convert';
import { CLIENT_COMMANDS, type Session } from '../session';
import { renumberWorkspaceEdit } from './renumber';
import { findingsOf } from './findings';
import { suppressAction } from './suppress';

/** The source action that renumbers the whole document (Source Action… menu, not the light bulb). */
export const RENUMBER_ALL_KIND = `${CodeActionKind.Source}.qplan.renumber`;

/**
 * The fixes for the qplan diagnostics in the request, plus the whole-document renumbering as
 * a source action. A diagnostic from an older version that no longer matches the model gets
 * no fix rather than a wrong one.
 */
export async function codeActions(plan: Plan, params: CodeActionParams, session: Session): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const qplan = params.context.diagnostics.filter((d) => d.source === 'qplan');
    const found = qplan.some((d) => !LOCAL_FIXES.has(String(d.code))) ? findingsOf(plan, session, await session.settings.get(plan.document.uri)) : [];
    // A fix several findings share (全文半角标点改为全角) is offered once per request.
    const offered = new Set<readonly TextChange[]>();
    for (const d of qplan) out.push(...(LOCAL_FIXES.has(String(d.code)) ? fixesFor(plan, d, session) : coreFixes(plan, d, found, offered, session)), ...suppressAction(plan, d, session));
  }
  if (wants(RENUMBER_ALL_KIND)) {
    const edit = renumberWorkspaceEdit(plan, session);
    if (edit) out.push({ title: session.labels.renumberDocument, kind: RENUMBER_ALL_KIND, edit });
  }
  return out;
}

/** Rules whose fixes are built here from the model; every other rule's fixes come with the core's diagnostic. */
const LOCAL_FIXES = new Set(['missing-lead', 'heading-sequence', 'unbalanced-bracket']);

/**
 * The fixes the core attached to the finding the editor shows: matched by rule and exact range, so
 * a diagnostic from an older version that no longer lines up gets no fix rather than a wrong one.
 */
function coreFixes(plan: Plan, d: Diagnostic, found: PlanDiagnostic[], offered: Set<readonly TextChange[]>, session: Session): CodeAction[] {
  const { document } = plan;
  const start = toOffset(document, d.range.start);
  const end = toOffset(document, d.range.end);
  const match = found.find((f) => f.rule === d.code && f.span.start === start && f.span.end === end);
  if (!match?.fixes) return [];
  const fixes = match.fixes;
  return fixes.flatMap((fix, k) => {
    if (offered.has(fix.changes)) return [];
    offered.add(fix.changes);
    const edits = fix.changes.map((c) => toTextEdit(document, c.span, c.newText));
    const action = quickFix(fix.title, d, toWorkspaceEdit(document, edits, session.documentChanges));
    // Two successors (市工信局 or 市经信局) are the drafter's choice: neither is preferred.
    action.isPreferred = fixes.length === 1 || (k === 0 && match.rule === 'halfwidth-punctuation');
    return [action];
  });
}

function fixesFor(plan: Plan, d: Diagnostic, session: Session): CodeAction[] {
  switch (d.code) {
    case 'missing-lead': return missingLead(plan, d, session);
    case 'heading-sequence': return renumberRun(plan, d, session);
    case 'unbalanced-bracket': return closeBracket(plan, d, session);
    default: return [];
  }
}

/**
 * A task with no clause gets one at the end of its paragraph: through the client's snippet
 * command when the client declared it in initializationOptions.clientCommands (arguments: uri,
 * position, snippet; the cursor lands in the lead slot), else as plain text for any client.
 * A clause that names only cooperators gets a lead slot inside it instead.
 */
function missingLead(plan: Plan, d: Diagnostic, session: Session): CodeAction[] {
  const { document, model, text } = plan;
  const at = toOffset(document, d.range.start);
  const heading = model.headings.find((h) => h.titleSpan.start === at && h.task >= 0);
  if (!heading) return [];
  const { labels } = session;
  const lead = leadInsertion(model, text, heading.task);
  if (lead !== -1) {
    const edit = [TextEdit.insert(toPosition(document, lead.offset), lead.text)];
    return [quickFix(labels.insertLead(lead.text), d, toWorkspaceEdit(document, edit, session.documentChanges))];
  }
  const offset = clauseInsertOffset(model, text, heading.task);
  if (offset < 0) return [];
  const position = toPosition(document, offset);
  if (session.clientCommands.has(CLIENT_COMMANDS.insertClauseTemplate)) {
    const fix = quickFix(labels.insertClause, d);
    fix.command = { title: labels.insertClause, command: CLIENT_COMMANDS.insertClauseTemplate, arguments: [document.uri, position, CLAUSE_SNIPPET] };
    return [fix];
  }
  const edit = [TextEdit.insert(position, CLAUSE_TEMPLATE)];
  return [quickFix(labels.insertClauseText(CLAUSE_TEMPLATE), d, toWorkspaceEdit(document, edit, session.documentChanges))];
}

/** Renumbers the sibling run the misnumbered heading belongs to, and nothing else. */
function renumberRun(plan: Plan, d: Diagnostic, session: Session): CodeAction[] {
  const at = toOffset(plan.document, d.range.start);
  const heading = plan.model.headings.findIndex((h) => h.markerSpan.start === at);
  const edit = heading >= 0 ? renumberWorkspaceEdit(plan, session, heading) : null;
  return edit ? [quickFix(session.labels.renumberRun, d, edit)] : [];
}

/** An opening mark never closed gets its closer at the end of its line; a stray closer is left for the drafter (no deleting). */
function closeBracket(plan: Plan, d: Diagnostic, session: Session): CodeAction[] {
  const { document, model } = plan;
  const at = toOffset(document, d.range.start);
  const problem = model.brackets.find((b) => b.offset === at && b.kind === 'unclosed');
  if (!problem) return [];
  const line = toPosition(document, problem.offset).line;
  const end = { line, character: lineText(document, line).trimEnd().length };
  const edit = [TextEdit.insert(end, problem.expected)];
  return [quickFix(session.labels.closeBracket(problem.expected), d, toWorkspaceEdit(document, edit, session.documentChanges))];
}

function quickFix(title: string, diagnostic: Diagnostic, edit?: CodeAction['edit']): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, ...(edit ? { edit } : {}) };
}
