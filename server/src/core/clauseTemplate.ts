// The responsibility clause a drafter adds to a task that names no lead unit, and where it goes.
import type { PlanModel } from './model';

/** The clause as plain text, for editors that cannot take a snippet. */
export const CLAUSE_TEMPLATE = '（市××局牵头，各有关部门配合）';
/** The same clause as a VS Code snippet: the cursor lands in the lead slot, Tab moves to the cooperators. */
export const CLAUSE_SNIPPET = '（${1:市××局}牵头，${2:各有关部门}配合）';
/** What goes into a clause that lists only cooperators, right after its opening bracket or before its label. */
export const LEAD_TEMPLATE = { bracket: '市××局牵头，', label: '牵头单位：市××局；' };

/**
 * Where a task's responsibility clause belongs: the end of the task's own paragraph (its last
 * non-blank body line, before any child heading), after the closing 。, as every clause in the
 * seeds is written: “……工作机制。（市政府办公室、市质监局牵头，各成员单位配合）”.
 * Returns -1 for an index that is not a task.
 */
export function clauseInsertOffset(model: PlanModel, text: string, task: number): number {
  const t = model.tasks[task];
  const h = t ? model.headings[t.heading] : undefined;
  if (!h) return -1;
  const { lineStarts } = model;
  for (let line = Math.min(h.bodyEndLine, lineStarts.length - 1); line >= h.line; line--) {
    let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    // \s covers line breaks and the ideographic space U+3000 alike.
    while (end > lineStarts[line] && /\s/.test(text[end - 1])) end--;
    if (end > lineStarts[line]) return end;
  }
  return h.titleSpan.end;
}

/**
 * Where the lead goes in a clause that names only cooperators: after the opening bracket of
 * “（市教育局配合）”, or before a label line “配合单位：……”. Returns -1 when the task has no own clause.
 */
export function leadInsertion(model: PlanModel, text: string, task: number): { offset: number; text: string } | -1 {
  const t = model.tasks[task];
  if (!t || t.clauseSource !== 'own' || t.clause < 0) return -1;
  const c = model.clauses[t.clause];
  if (!c) return -1;
  if (c.form === 'label') return { offset: c.span.start, text: LEAD_TEMPLATE.label };
  const open = text.slice(c.span.start, c.span.end).search(/[（(〔【\[]/);
  return open < 0 ? -1 : { offset: c.span.start + open + 1, text: LEAD_TEMPLATE.bracket };
}
