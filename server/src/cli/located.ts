// Core diagnostics (offsets) as the CLI prints them: file plus 1-based line and column, UTF-16.
import { positionAt, type Diagnostic, type PlanModel, type RuleId, type Severity } from '../core';

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

/** Places each diagnostic in the file, sorted by position (end column exclusive, like LSP and SARIF). */
export function locateDiagnostics(file: string, model: PlanModel, diagnostics: readonly Diagnostic[]): LocatedDiagnostic[] {
  const clamp = (offset: number) => Math.max(0, Math.min(offset, model.length));
  return diagnostics
    .map((d) => {
      const start = clamp(d.span.start);
      const end = Math.max(start, clamp(d.span.end));
      const from = positionAt(model.lineStarts, start);
      const to = positionAt(model.lineStarts, end);
      const fixes = d.fixes?.map((f) => ({
        title: f.title,
        changes: f.changes.map((c) => {
          const a = positionAt(model.lineStarts, clamp(c.span.start));
          const b = positionAt(model.lineStarts, clamp(c.span.end));
          return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText: c.newText };
        }),
      }));
      return {
        file,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        severity: d.severity,
        rule: d.rule,
        message: d.message,
        ...(fixes ? { fixes } : {}),
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
