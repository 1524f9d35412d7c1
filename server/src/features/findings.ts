// The core's findings for one plan version under its options: computed once, read by the published
// diagnostics and by the quick fixes (the light bulb asks on every cursor move).
import { checkPlan, type AnalysisOptions, type Diagnostic } from '../core';
import type { Plan } from '../documents';
import { describeError } from '../lsp/safe';
import type { Session } from '../session';

const checked = new WeakMap<Plan, { settings: AnalysisOptions; team: object | undefined; found: Diagnostic[] }>();

/**
 * Every finding of the rules on `plan` (before the team's suppressions), under `settings` with the
 * team config over them. Cached per plan version until the settings or the team config change.
 */
export function findingsOf(plan: Plan, session: Session, settings: AnalysisOptions): Diagnostic[] {
  const uri = plan.document.uri;
  const team = session.teamConfigs.forUri(uri);
  const cached = checked.get(plan);
  if (cached && cached.settings === settings && cached.team === team) return cached.found;
  const found = checkPlan(plan.model, plan.text, {
    ...session.teamConfigs.options(uri, settings),
    locale: session.locale,
    onInternalError: (e) => session.connection.console.error(`qplan：检查 ${uri} 时规则出错：${describeError(e)}`),
  });
  checked.set(plan, { settings, team, found });
  return found;
}
