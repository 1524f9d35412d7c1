// Unit names inside responsibility clauses, with their spans and roles: for unit hovers, references and the agency lens.
import type { Clause, PlanModel, Span } from './model';
import { cleanLine, rawEnd, rawIndex } from './normalize';
import { unitKey, type UnitKeyOf } from './precedents/units';
import { isGenericUnit } from './responsibility';

/** How a clause names a unit: lead (牵头/负责/first 责任单位), cooperator, or a standing note's unit (以下均需……). */
export type UnitRole = 'lead' | 'cooperator' | 'standing';

/** One unit name as written in a clause. */
export interface ClauseUnit {
  name: string;
  role: UnitRole;
  /** Where the name is written, in document offsets (whitespace inside a name is covered). */
  span: Span;
}

/** A unit under an offset, with the index of its clause in PlanModel.clauses. */
export interface UnitAt extends ClauseUnit {
  clause: number;
}

/**
 * The units a clause names, in the order written, each with its role and span. The clause's
 * analysed lists say who is named; this finds where: the clause's text is cleaned as the
 * analysis cleaned it (whitespace and line breaks out), each name is looked for in it, longer
 * names first so 市政府办公室 is not read as 市政府. A name that is both lead and cooperator
 * (a clause-format finding) counts as lead, as the model does.
 */
export function unitsInClause(text: string, clause: Clause): ClauseUnit[] {
  const { start, end } = clause.span;
  if (end <= start || end > text.length) return [];
  const line = cleanLine(text, start, end);
  const roles = new Map<string, UnitRole>();
  for (const n of clause.standing) roles.set(n, 'standing');
  for (const n of clause.cooperators) roles.set(n, 'cooperator');
  for (const n of clause.leads) roles.set(n, 'lead');
  const names = [...roles.keys()].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  const taken = new Uint8Array(line.text.length);
  const found: { at: number; name: string }[] = [];
  for (const name of names) {
    for (let at = line.text.indexOf(name); at >= 0; at = line.text.indexOf(name, at + 1)) {
      if (taken.subarray(at, at + name.length).some((x) => x === 1)) continue;
      taken.fill(1, at, at + name.length);
      found.push({ at, name });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return found.map(({ at, name }) => ({
    name,
    role: roles.get(name)!,
    span: { start: start + rawIndex(line, at), end: start + rawEnd(line, at + name.length) },
  }));
}

/**
 * The unit name under `offset`, if it is inside a clause's unit name. With `touching`, a cursor
 * just after a name also counts (a caret at a word's end, as references and commands get it);
 * a hover is over a character and leaves it off.
 */
export function unitAt(model: PlanModel, text: string, offset: number, touching = false): UnitAt | null {
  for (let k = 0; k < model.clauses.length; k++) {
    const c = model.clauses[k];
    if (offset < c.span.start || offset > c.span.end) continue;
    const units = unitsInClause(text, c);
    const hit = units.find((u) => u.span.start <= offset && offset < u.span.end)
      ?? (touching ? units.find((u) => u.span.end === offset) : undefined);
    if (hit) return { ...hit, clause: k };
  }
  return null;
}

/** Every place in the draft's clauses that names `name`, in document order. */
export function unitMentions(model: PlanModel, text: string, name: string, keyOf: UnitKeyOf = unitKey): (ClauseUnit & { clause: number })[] {
  const out: (ClauseUnit & { clause: number })[] = [];
  const key = keyOf(name);
  model.clauses.forEach((c, k) => {
    const named = (n: string) => keyOf(n) === key;
    if (!c.leads.some(named) && !c.cooperators.some(named) && !c.standing.some(named)) return;
    for (const u of unitsInClause(text, c)) if (named(u.name)) out.push({ ...u, clause: k });
  });
  return out;
}

/** What one unit answers for in a plan: the indexes of the tasks it leads and those it cooperates on. */
export interface UnitTasks {
  name: string;
  lead: number[];
  cooperate: number[];
  /** 各成员单位, 各有关部门 …: everyone else, not one agency. */
  generic: boolean;
}

/**
 * Every unit named by the plan's tasks (their own, inherited or standing responsibility), with
 * the tasks it leads and cooperates on; named agencies first, then by how many tasks, then by name.
 */
export function unitsOfPlan(model: PlanModel, keyOf: UnitKeyOf = unitKey): UnitTasks[] {
  // One entry per unit however it is written (市经信委, 市经济和信息化委员会): the first spelling names it.
  const byKey = new Map<string, UnitTasks>();
  const of = (name: string) => {
    const key = keyOf(name);
    let u = byKey.get(key);
    if (!u) byKey.set(key, (u = { name, lead: [], cooperate: [], generic: isGenericUnit(name) }));
    return u;
  };
  model.tasks.forEach((t, i) => {
    const leads = new Set(t.leads.map(of));
    for (const u of leads) u.lead.push(i);
    for (const u of new Set(t.cooperators.map(of))) if (!leads.has(u)) u.cooperate.push(i);
  });
  const count = (u: UnitTasks) => u.lead.length + u.cooperate.length;
  return [...byKey.values()].sort((a, b) => Number(a.generic) - Number(b.generic) || count(b) - count(a) || b.lead.length - a.lead.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The tasks one unit leads and cooperates on in a plan (empty lists when the plan never names it). */
export function tasksOfUnit(model: PlanModel, name: string, keyOf: UnitKeyOf = unitKey): UnitTasks {
  const u: UnitTasks = { name, lead: [], cooperate: [], generic: isGenericUnit(name) };
  const key = keyOf(name);
  const named = (n: string) => keyOf(n) === key;
  model.tasks.forEach((t, i) => {
    if (t.leads.some(named)) u.lead.push(i);
    else if (t.cooperators.some(named)) u.cooperate.push(i);
  });
  return u;
}

/** The task whose heading or body holds `line` (0-based), or undefined (a section title, the cover, a goal). */
export function taskAtLine(model: PlanModel, line: number): number | undefined {
  // Tasks are leaves in document order, so at most one holds a line; the last starting at or before it is the candidate.
  let lo = 0;
  let hi = model.tasks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (model.tasks[mid].line <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  return line <= model.tasks[found].endLine ? found : undefined;
}
