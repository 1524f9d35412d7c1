// Tasks and who answers for them: each task's own clause, else its parent's, else a standing note.
import type { Clause, Heading, Span, Task } from './model';
import { endOffsetAt, LineFlag, offsetAt, spanAt, type PlanLine } from './lines';
import { isSectionTitle } from './outline';
import { kept, NO_ITEMS } from './keptLists';
import { emptyClauseMatch, findClause, type ClauseMatch } from './responsibility';

/** A line can hold a clause only if it ends in a closing bracket or names a role. */
function mayHoldClause(line: PlanLine): boolean {
  // The line scan's flags say how the line ends, and whether it holds a role character at all.
  if (line.flags & LineFlag.CloseEnd) return true;
  if ((line.flags & LineFlag.Role) === 0) return false;
  const norm = line.norm;
  return norm.includes('单位') || norm.includes('部门') || norm.includes('牵头') || norm.includes('负责') || norm.includes('配合');
}

const OPEN_AT_END = /[(（][^)）]*$/;

/** A clause closes its item: only the last few text lines of a body are searched. */
const CLAUSE_LINES = 3;

/** Finds each heading's own clause: the last one closing its own body, before any child heading. */
export function findClauses(lines: PlanLine[], headings: Heading[]): Clause[] {
  const clauses: Clause[] = [];
  const m = emptyClauseMatch();
  for (let h = 0; h < headings.length; h++) {
    const head = headings[h];
    let seen = 0;
    for (let i = head.bodyEndLine; i >= head.line && seen < CLAUSE_LINES; i--) {
      if (lines[i].noise || lines[i].norm.length === 0) continue;
      seen++;
      const c = clauseOnLine(lines, i, i > head.line, h, m);
      if (c) { clauses.push(c); break; }
    }
  }
  return clauses;
}

/** The clause on line i, read with `m` (a match reused from line to line), or null. */
function clauseOnLine(lines: PlanLine[], i: number, mayJoinPrevious: boolean, heading: number, m: ClauseMatch): Clause | null {
  const line = lines[i];
  if (line.noise || !mayHoldClause(line)) return null;
  if (findClause(line.text, line.norm, m)) return toClause(m, i, spanAt(line, m.start, m.end), heading);
  // A clause broken across two lines: "（市质监局、" / "市工商局牵头）".
  const prev = lines[i - 1];
  if (!mayJoinPrevious || !prev || prev.noise || !(prev.flags & LineFlag.Mark) || !OPEN_AT_END.test(prev.norm)) return null;
  if (!findClause(prev.text + line.text, prev.norm + line.norm, m) || m.start >= prev.text.length) return null;
  return toClause(m, i - 1, { start: offsetAt(prev, m.start), end: endOffsetAt(line, m.end - prev.text.length) }, heading);
}

function toClause(c: ClauseMatch, line: number, span: Span, heading: number): Clause {
  // The model keeps every clause to its end: its lists at their exact length, or the shared empty one.
  return {
    line, span, leads: kept(c.leads), cooperators: kept(c.cooperators), form: c.form,
    closed: c.closed, standing: kept(c.standing), duplicates: kept(c.duplicates), bothRoles: kept(c.bothRoles), heading,
  };
}

/**
 * Tasks are the leaf items of task and safeguard sections. Each gets its own clause's units,
 * else its nearest ancestor's, else those of a standing note made earlier in the document;
 * a standing note's units also join the cooperators of tasks that have their own clause.
 */
export function findTasks(headings: Heading[], clauses: Clause[]): Task[] {
  const hasChild = new Uint8Array(headings.length);
  // Indexed loops: they run once an analysis, often unoptimized, where for-of allocates per item.
  for (let h = 0; h < headings.length; h++) if (headings[h].parent >= 0) hasChild[headings[h].parent] = 1;
  const clauseOf = new Int32Array(headings.length).fill(-1);
  for (let k = 0; k < clauses.length; k++) clauseOf[clauses[k].heading] = k;
  const standingFrom = clauses.filter((c) => c.standing.length).sort((a, b) => a.line - b.line);
  const standingUnits = new Set<string>();
  let next = 0;
  const tasks: Task[] = [];
  for (let h = 0; h < headings.length; h++) {
    const head = headings[h];
    if (hasChild[h] || (head.section !== 'task' && head.section !== 'safeguard') || isSectionTitle(head)) continue;
    let clause = clauseOf[h];
    let source: Task['clauseSource'] = clause >= 0 ? 'own' : null;
    for (let p = head.parent; clause < 0 && p >= 0; p = headings[p].parent) {
      if (clauseOf[p] >= 0) { clause = clauseOf[p]; source = 'parent'; }
    }
    const c = clause >= 0 ? clauses[clause] : null;
    // The clause's own lists, shared by its tasks: nothing changes a model's lists once it is built.
    let leads: string[] = c ? c.leads : NO_ITEMS;
    let cooperators: string[] = c ? c.cooperators : NO_ITEMS;
    // Notes are few; the cap keeps a pathological document linear.
    for (; next < standingFrom.length && standingFrom[next].line <= head.endLine; next++) {
      for (const u of standingFrom[next].standing) if (standingUnits.size < 50) standingUnits.add(u);
    }
    if (standingUnits.size === 0) {
      // Nothing to merge: a clause's cooperators are already unique.
    } else if (!leads.length && !cooperators.length) {
      leads = [...standingUnits];
      source = 'standing';
    } else {
      cooperators = [...new Set([...cooperators, ...[...standingUnits].filter((u) => !leads.includes(u))])];
    }
    head.task = tasks.length;
    tasks.push({
      heading: h, line: head.line, endLine: head.endLine, title: head.title, section: head.section,
      // `collectTargets` gives a task with targets a list of its own.
      leads, cooperators, clause, clauseSource: source, targets: NO_ITEMS,
    });
  }
  return tasks;
}
