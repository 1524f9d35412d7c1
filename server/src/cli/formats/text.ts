// `qplan check --format text`: one line per diagnostic, then a one-line summary.
import type { Severity } from '../../core';
import type { LocatedDiagnostic } from '../located';

export const SEVERITY_ZH: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  information: '信息',
  hint: '提示',
};

/** `file:line:col  严重性  rule  message` for one diagnostic. */
export function formatDiagnosticLine(d: LocatedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${SEVERITY_ZH[d.severity]}  ${d.rule}  ${d.message}`;
}

/** 共 5 个文件，12 个问题（错误 1，警告 11，信息 0，提示 0）; files that could not be read are not counted. */
export function formatSummary(fileCount: number, diagnostics: readonly LocatedDiagnostic[]): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const parts = (['error', 'warning', 'information', 'hint'] as const).map((s) => `${SEVERITY_ZH[s]} ${count(s)}`);
  return `共 ${fileCount} 个文件，${diagnostics.length} 个问题（${parts.join('，')}）`;
}
