// The one place where core offsets become LSP positions and core results become LSP types.
import { DiagnosticSeverity, TextDocumentEdit, TextEdit, type Diagnostic, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as PlanDiagnostic, Severity, Span } from '../core';

/** Core offsets are UTF-16 offsets into the document text, as TextDocument's are. */
export function toPosition(doc: TextDocument, offset: number): Position {
  return doc.positionAt(offset);
}

export function toOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** From the start of line `first` to the end of line `last`'s text (before its line break). */
export function linesRange(doc: TextDocument, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: lineEnd(doc, last) };
}

/** The end of a line's text; TextDocument clamps an over-long character before the line break. */
export function lineEnd(doc: TextDocument, line: number): Position {
  return doc.positionAt(doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }));
}

/** The text of one line, without its line break. */
export function lineText(doc: TextDocument, line: number): string {
  return doc.getText(linesRange(doc, line, line));
}

export function toTextEdit(doc: TextDocument, span: Span, newText: string): TextEdit {
  return TextEdit.replace(toRange(doc, span), newText);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core finding as an editor diagnostic: the rule id is the code, so quick fixes and settings can key on it. */
export function toDiagnostic(doc: TextDocument, d: PlanDiagnostic): Diagnostic {
  return { range: toRange(doc, d.span), severity: SEVERITY[d.severity], code: d.rule, source: 'qplan', message: d.message };
}

/**
 * Edits to one document as a WorkspaceEdit: versioned when the client takes documentChanges, so
 * an edit computed for an older version is refused instead of landing in the wrong place.
 */
export function toWorkspaceEdit(doc: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (versioned) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
  return { changes: { [doc.uri]: edits } };
}
