// Runs the core on one loaded plan, turning an unexpected exception into a reported failure.
import { analyzePlan, checkPlan, type AnalysisOptions, type Diagnostic, type PlanModel } from '../core';
import type { LoadedPlan } from './inputs';
import type { Run } from './run';

/** The plan's model, or undefined after reporting (exit 2) if the core threw, which it should never do. */
export function analyzeLoaded(plan: LoadedPlan, run: Run): PlanModel | undefined {
  try {
    return analyzePlan(plan.text);
  } catch (e) {
    run.fail(internal(e), plan.file);
    return undefined;
  }
}

/** The plan's diagnostics, or undefined after reporting if the core threw. */
export function checkLoaded(plan: LoadedPlan, model: PlanModel, options: AnalysisOptions, run: Run): Diagnostic[] | undefined {
  try {
    return checkPlan(model, plan.text, options);
  } catch (e) {
    run.fail(internal(e), plan.file);
    return undefined;
  }
}

function internal(e: unknown): string {
  return `分析失败（内部错误：${e instanceof Error ? e.message : String(e)}）`;
}
