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
      return {
        file,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        severity: d.severity,
        rule: d.rule,
        message: d.message,
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
