// Shared fixture helpers for core tests: build a plan from lines, read positions back.
import { analyzePlan, checkPlan, positionAt, type AnalysisOptions, type PlanModel } from '../../server/src/core';

/** A plan from lines joined by \n, analysed; `failure` must never be set. */
export function plan(...lines: string[]): PlanModel & { text: string } {
  const text = lines.join('\n');
  const model = analyzePlan(text);
  if (model.failure) throw new Error(model.failure);
  return { ...model, text };
}

/** Diagnostics as "line:col rule message" strings, 1-based, for compact assertions. */
export function diagnostics(lines: string[], options?: AnalysisOptions): string[] {
  const m = plan(...lines);
  return checkPlan(m, m.text, options).map((d) => {
    const p = positionAt(m.lineStarts, d.span.start);
    return `${p.line}:${p.column} ${d.rule} ${d.message}`;
  });
}

/** The text a span covers. */
export function spanText(m: { text: string }, span: { start: number; end: number }): string {
  return m.text.slice(span.start, span.end);
}

/** A small task section with one task whose body is `body`. */
export function taskPlan(body: string): PlanModel & { text: string } {
  return plan('2024年某市质量强市工作行动计划', '一、重点任务', `（一）加强品牌培育。${body}`);
}
