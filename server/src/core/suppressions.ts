// Team suppressions: one rule silenced on one task (config `suppress`), found by the task's title so it survives edits elsewhere.
import type { Diagnostic, PlanModel, Suppression } from './model';

/** Trims what drafters vary without meaning another task: spaces, trailing 。：；. */
function normalTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(/[。：:；;，,]+$/, '');
}

/**
 * Drops the diagnostics a suppression names: same rule, inside the subtree of a heading whose title
 * is the suppression's task. A suppression's `file` is the caller's to check (the core does not
 * know paths): pass only the suppressions that apply to this document.
 */
export function applySuppressions(model: PlanModel, found: Diagnostic[], suppressions: readonly Suppression[] | undefined): Diagnostic[] {
  if (!suppressions?.length || !found.length) return found;
  const ranges: { rule: string; start: number; end: number }[] = [];
  for (const s of suppressions) {
    const title = normalTitle(String(s.task ?? ''));
    if (!title || !s.rule) continue;
    for (const h of model.headings) {
      if (normalTitle(h.title) !== title) continue;
      const start = model.lineStarts[h.line] ?? 0;
      const end = model.lineStarts[h.endLine + 1] ?? model.length;
      ranges.push({ rule: s.rule, start, end });
    }
  }
  if (!ranges.length) return found;
  return found.filter((d) => !ranges.some((r) => r.rule === d.rule && d.span.start >= r.start && d.span.start < r.end));
}
