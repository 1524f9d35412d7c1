// Findings a team silenced on one task: matched by rule and task title (not line), so they survive edits elsewhere.
import { lineIndexAt } from './positions';
import type { Diagnostic, PlanModel, Suppression, Task } from './model';

export interface SuppressionResult {
  /** The diagnostics no suppression applies to, in their order. */
  kept: Diagnostic[];
  /** The ones silenced, each with the suppression that did it. */
  suppressed: { diagnostic: Diagnostic; suppression: Suppression }[];
  /** Indexes into the suppressions list of those that silenced something here. */
  used: Set<number>;
}

/**
 * Drops the diagnostics a suppression names: same rule, inside a task whose title is the
 * suppression's task (compared without spaces, heading marker or closing punctuation), in a file
 * whose path ends with the suppression's `file` when it has one. A diagnostic belongs to the
 * innermost task whose lines (heading to endLine) contain its start. `file` is the plan's path
 * (any separator) or undefined for an unnamed document, which only file-less suppressions match.
 */
export function applySuppressions(model: PlanModel, diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[] | undefined, file?: string): SuppressionResult {
  const result: SuppressionResult = { kept: [], suppressed: [], used: new Set() };
  const active = (suppressions ?? []).map((s, i) => ({ s, i, task: taskKey(s.task) })).filter(({ s }) => fileMatches(s.file, file));
  if (active.length === 0) {
    result.kept = [...diagnostics];
    return result;
  }
  for (const d of diagnostics) {
    const task = taskAt(model, lineIndexAt(model.lineStarts, d.span.start));
    const key = task && taskKey(task.title);
    const hit = key ? active.find(({ s, task: t }) => s.rule === d.rule && t === key) : undefined;
    if (hit) {
      result.suppressed.push({ diagnostic: d, suppression: hit.s });
      result.used.add(hit.i);
    } else {
      result.kept.push(d);
    }
  }
  return result;
}

/**
 * The file-limited suppressions that silenced nothing in the files they name: indexes into
 * `suppressions`. `checked` lists each checked file with the indexes it used. Only a suppression
 * with `file` can be judged (one without may be meant for a plan not checked now).
 */
export function unusedSuppressions(suppressions: readonly Suppression[] | undefined, checked: readonly { file: string | undefined; used: ReadonlySet<number> }[]): number[] {
  const out: number[] = [];
  (suppressions ?? []).forEach((s, i) => {
    if (!s.file) return;
    const named = checked.filter((c) => fileMatches(s.file, c.file));
    if (named.length > 0 && !named.some((c) => c.used.has(i))) out.push(i);
  });
  return out;
}

/** The innermost task whose heading line..endLine holds `line`, or undefined. */
export function taskAt(model: PlanModel, line: number): Task | undefined {
  let found: Task | undefined;
  for (const t of model.tasks) {
    if (t.line <= line && line <= t.endLine && (!found || t.line >= found.line)) found = t;
  }
  return found;
}

/** A task title as compared: no spaces, no leading heading marker, no closing 。：；. */
export function taskKey(title: string): string {
  // String(): a suppression read from a hand-edited file may hold any JSON value here.
  return String(title ?? '')
    .replace(/\s+/g, '')
    .replace(/^(?:第[一二三四五六七八九十百]+[章节条]|[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+[、.．]|[①-⑳]|——)/, '')
    .replace(/[。：:；;，,]+$/, '');
}

/** Whether a suppression limited to files ending with `suffix` applies to `file`: whole path segments only. */
export function fileMatches(suffix: string | undefined, file: string | undefined): boolean {
  if (!suffix) return true;
  if (!file) return false;
  const want = suffix.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  const have = file.replace(/\\/g, '/');
  return have === want || have.endsWith(`/${want}`);
}

