// The agency lens: every clause naming a unit (Find All References), and every unit of the draft with its tasks (qplan/agencies).
import type { Location, Position, Range, TextDocumentIdentifier } from 'vscode-languageserver';
import { headingSpan, taskAtLine, teamUnitKey, unitAt, unitMentions, unitsOfPlan, type AgencyEntry, type UnitRole } from '../core';
import type { Plan } from '../documents';
import { toOffset, toRange } from '../lsp/convert';
import { headingName } from './symbols';

/** The custom request behind the 查看单位分工 command (client/src/agencyLens.ts). */
export const AGENCIES_REQUEST = 'qplan/agencies';

export interface AgenciesParams {
  textDocument: TextDocumentIdentifier;
  /** The cursor: on a unit name, `current` names that unit; in a task, its first lead. */
  position?: Position;
}

/** A task as the lens lists it: its marker and title, where that is, and the unit's role in it. */
export interface AgencyTask {
  name: string;
  range: Range;
  role: Exclude<UnitRole, 'standing'>;
}

export interface AgencyEntryResult {
  name: string;
  /** 各成员单位 and the like. */
  generic: boolean;
  lead: number;
  cooperate: number;
  /** Lead tasks first, then cooperating ones, each in document order. */
  tasks: AgencyTask[];
}

export interface AgenciesResult {
  /** The unit under the cursor, else the first lead of the task holding it, else null. */
  current: string | null;
  units: AgencyEntryResult[];
}

/**
 * Find All References on a unit name in a clause: every clause of the draft that names the same
 * unit, each location the name itself. Nothing off a unit name.
 */
export function unitReferences(plan: Plan, position: Position, agencies?: readonly AgencyEntry[]): Location[] {
  const { document, model, text } = plan;
  const unit = unitAt(model, text, toOffset(document, position), true);
  if (!unit) return [];
  return unitMentions(model, text, unit.name, teamUnitKey(agencies)).map((u) => ({ uri: document.uri, range: toRange(document, u.span) }));
}

/** Every unit the draft's tasks name (own, inherited or standing responsibility), with the tasks it leads and cooperates on. */
export function agencies(plan: Plan, position: Position | undefined, team?: readonly AgencyEntry[]): AgenciesResult {
  const { document, model } = plan;
  const keyOf = teamUnitKey(team);
  const units = unitsOfPlan(model, keyOf);
  // The entry of the unit at the cursor, however it is spelt there.
  const at = position ? currentUnit(plan, position) : null;
  const current = at === null ? null : (units.find((u) => keyOf(u.name) === keyOf(at))?.name ?? at);
  const task = (i: number, role: AgencyTask['role']): AgencyTask => {
    const h = model.headings[model.tasks[i].heading];
    return { name: headingName(h), range: toRange(document, headingSpan(h)), role };
  };
  return {
    current,
    units: units.map((u) => ({
      name: u.name,
      generic: u.generic,
      lead: u.lead.length,
      cooperate: u.cooperate.length,
      tasks: [...u.lead.map((i) => task(i, 'lead')), ...u.cooperate.map((i) => task(i, 'cooperator'))],
    })),
  };
}

/** The unit name under the cursor, else the first lead unit of the task the cursor is in. */
function currentUnit({ document, model, text }: Plan, position: Position): string | null {
  const unit = unitAt(model, text, toOffset(document, position), true);
  if (unit) return unit.name;
  const t = taskAtLine(model, position.line);
  return t === undefined ? null : model.tasks[t].leads[0] ?? null;
}
