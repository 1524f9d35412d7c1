// One unit across the precedent library: how many precedent tasks it leads and cooperates on, per plan.
import { unitKey, type PrecedentDoc, type PrecedentIndex } from './precedents';

/** A unit's tasks in one precedent plan. */
export interface UnitInPlan {
  doc: PrecedentDoc;
  lead: number;
  cooperate: number;
}

/** A unit's tasks across the precedents, and the plans where it has any, most tasks first. */
export interface UnitInPrecedents {
  lead: number;
  cooperate: number;
  plans: UnitInPlan[];
}

/** Per index: unit key (市经信委 for 市经济和信息化委员会) → [doc index, lead, cooperate] per plan naming it; built on the first look-up. */
type UnitTable = Map<string, [number, number, number][]>;
const tables = new WeakMap<PrecedentIndex, UnitTable>();

function tableOf(index: PrecedentIndex): UnitTable {
  let table = tables.get(index);
  if (table) return table;
  table = new Map();
  index.docs.forEach((doc, d) => {
    const counts = new Map<string, [number, number, number]>();
    for (const task of doc.model.tasks) {
      const leads = new Set(task.leads.map(unitKey));
      for (const n of leads) (counts.get(n) ?? counts.set(n, [d, 0, 0]).get(n)!)[1]++;
      for (const n of new Set(task.cooperators.map(unitKey))) if (!leads.has(n)) (counts.get(n) ?? counts.set(n, [d, 0, 0]).get(n)!)[2]++;
    }
    for (const [name, row] of counts) {
      const rows = table!.get(name);
      if (rows) rows.push(row);
      else table!.set(name, [row]);
    }
  });
  tables.set(index, table);
  return table;
}

/**
 * How often the precedents (none from `excludeFile`, the draft itself) give `name` (or any of
 * several names: a team's aliases) a task to
 * lead or cooperate on. The table is built once per index (one pass over every task), so a
 * hover is one map look-up however large the library.
 */
export function unitInPrecedents(index: PrecedentIndex, name: string | readonly string[], excludeFile?: string): UnitInPrecedents {
  const out: UnitInPrecedents = { lead: 0, cooperate: 0, plans: [] };
  // Several names (a team's aliases) add up, per plan.
  const byDoc = new Map<number, UnitInPlan>();
  const keys = new Set((typeof name === 'string' ? [name] : name).map(unitKey));
  for (const key of keys) {
    for (const [d, lead, cooperate] of tableOf(index).get(key) ?? []) {
      const doc = index.docs[d];
      if (doc.file === excludeFile) continue;
      out.lead += lead;
      out.cooperate += cooperate;
      const plan = byDoc.get(d);
      if (plan) {
        plan.lead += lead;
        plan.cooperate += cooperate;
      } else byDoc.set(d, { doc, lead, cooperate });
    }
  }
  out.plans.push(...byDoc.values());
  out.plans.sort((a, b) => b.lead + b.cooperate - (a.lead + a.cooperate) || b.lead - a.lead);
  return out;
}
