// Core diagnostics (offsets) as the CLI prints them: file plus 1-based line and column, UTF-16.
import { positionAt, type Diagnostic, type PlanModel, type RuleId, type Severity, type TextChange } from '../core';

/** One diagnostic of `qplan check --format json`: the shape fixed by cli-contract.md. */
export interface LocatedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** Safe fixes, when the rule has one: each a title and replacements at 1-based positions. */
  fixes?: LocatedFix[];
}

export interface LocatedFix {
  title: string;
  changes: { line: number; column: number; endLine: number; endColumn: number; newText: string }[];
}

/**
 * Places each diagnostic in the file, sorted by position (end column exclusive, like LSP and SARIF).
 * A fix the core shares between findings (全文半角标点改为全角 on every mark) is listed once, on the
 * first finding: repeated, 2 000 findings × 20 000 changes would not fit in any output.
 */
export function locateDiagnostics(file: string, model: PlanModel, diagnostics: readonly Diagnostic[]): LocatedDiagnostic[] {
  const clamp = (offset: number) => Math.max(0, Math.min(offset, model.length));
  const located = diagnostics
    .map((d) => {
      const start = clamp(d.span.start);
      const end = Math.max(start, clamp(d.span.end));
      const from = positionAt(model.lineStarts, start);
      const to = positionAt(model.lineStarts, end);
      const diagnostic: LocatedDiagnostic = {
        file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity: d.severity, rule: d.rule, message: d.message,
      };
      return { diagnostic, fixes: d.fixes };
    })
    .sort((a, b) => a.diagnostic.line - b.diagnostic.line || a.diagnostic.column - b.diagnostic.column || a.diagnostic.rule.localeCompare(b.diagnostic.rule));
  const listed = new Set<readonly TextChange[]>();
  for (const { diagnostic, fixes } of located) {
    if (!fixes) continue;
    const unlisted = fixes.filter((f) => !listed.has(f.changes));
    for (const f of unlisted) listed.add(f.changes);
    if (unlisted.length) diagnostic.fixes = unlisted.map((f) => ({ title: f.title, changes: f.changes.map((c) => locateChange(model.lineStarts, clamp, c)) }));
  }
  return located.map((l) => l.diagnostic);
}

function locateChange(lineStarts: readonly number[], clamp: (offset: number) => number, c: TextChange): LocatedFix['changes'][number] {
  const a = positionAt(lineStarts, clamp(c.span.start));
  const b = positionAt(lineStarts, clamp(c.span.end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText: c.newText };
}
