// What completion offers, gathered once per precedent index: unit names with their counts, indicators grouped across plans.
import { isGenericUnit, normalizeIndicator, sameIndicator, type PlanModel, type PrecedentDoc, type PrecedentIndex, type Target } from '../core';

/** How often a unit leads and cooperates, in this draft and in the precedents. */
export interface UnitCounts {
  draftLead: number;
  draftCoop: number;
  precedentLead: number;
  precedentCoop: number;
}

/** A unit name as completion offers it. */
export interface UnitChoice {
  name: string;
  counts: UnitCounts;
  /** 各成员单位 and the like: offered, but after every named agency. */
  generic: boolean;
}

/** One indicator across the precedents: the wording most plans use, and every precedent value. */
export interface IndicatorChoice {
  metric: string;
  /** Distinct (plan, value) rows, in library order. */
  rows: { doc: PrecedentDoc; target: Target }[];
  /** How many precedent plans set it. */
  plans: number;
}

type PrecedentUnits = Map<string, { lead: number; coop: number }>;

// Both tables depend only on the index and the excluded file, so they are built once per pair
// (the index lives for the session; a draft that is a seed excludes that seed).
const unitCache = new WeakMap<PrecedentIndex, Map<string, PrecedentUnits>>();
const indicatorCache = new WeakMap<PrecedentIndex, Map<string, IndicatorChoice[]>>();

function cached<T>(cache: WeakMap<PrecedentIndex, Map<string, T>>, index: PrecedentIndex, exclude: string | undefined, build: () => T): T {
  let byExclude = cache.get(index);
  if (!byExclude) cache.set(index, (byExclude = new Map()));
  const key = exclude ?? '';
  let value = byExclude.get(key);
  if (value === undefined) byExclude.set(key, (value = build()));
  return value;
}

/** Every lead and cooperating unit of every precedent task (the draft's own file excluded), counted per task. */
function precedentUnits(index: PrecedentIndex, exclude: string | undefined): PrecedentUnits {
  return cached(unitCache, index, exclude, () => {
    const units: PrecedentUnits = new Map();
    const add = (name: string, role: 'lead' | 'coop') => {
      const u = units.get(name) ?? { lead: 0, coop: 0 };
      u[role]++;
      units.set(name, u);
    };
    for (const doc of index.docs) {
      if (doc.file === exclude) continue;
      for (const task of doc.model.tasks) {
        for (const n of new Set(task.leads)) add(n, 'lead');
        for (const n of new Set(task.cooperators)) add(n, 'coop');
      }
    }
    return units;
  });
}

/**
 * Unit names for a responsibility clause: this draft's clauses and the precedents' tasks,
 * de-duplicated, named agencies before generic ones, then by how often they are used overall.
 * The team's own agency list (issue 5) is to join here as a third source, ranked first; until
 * the shared config file exists there is no such list, so nothing is offered in its name.
 */
export function unitChoices(model: PlanModel, index: PrecedentIndex, exclude: string | undefined): UnitChoice[] {
  const choices = new Map<string, UnitChoice>();
  const choice = (name: string) => {
    let c = choices.get(name);
    if (!c) choices.set(name, (c = { name, counts: { draftLead: 0, draftCoop: 0, precedentLead: 0, precedentCoop: 0 }, generic: isGenericUnit(name) }));
    return c;
  };
  for (const clause of model.clauses) {
    for (const n of clause.leads) choice(n).counts.draftLead++;
    for (const n of clause.cooperators) choice(n).counts.draftCoop++;
  }
  for (const [name, u] of precedentUnits(index, exclude)) {
    const c = choice(name);
    c.counts.precedentLead += u.lead;
    c.counts.precedentCoop += u.coop;
  }
  const total = (c: UnitChoice) => c.counts.draftLead + c.counts.draftCoop + c.counts.precedentLead + c.counts.precedentCoop;
  return [...choices.values()]
    .filter((c) => c.name.length > 0)
    .sort((a, b) => Number(a.generic) - Number(b.generic) || total(b) - total(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The precedents' indicators (the draft's own file excluded), near-duplicates collapsed with
 * sameIndicator; each named by its most frequent wording (the first written on a tie), most widely used first.
 */
export function indicatorChoices(index: PrecedentIndex, exclude: string | undefined): IndicatorChoice[] {
  return cached(indicatorCache, index, exclude, () => {
    type Group = { first: string; names: Map<string, number>; rows: IndicatorChoice['rows']; docs: Set<string>; seen: Set<string> };
    const groups: Group[] = [];
    const byName = new Map<string, Group>();
    // sameIndicator needs the same last character of the normalized names, so only that bucket is searched.
    const byEnding = new Map<string, Group[]>();
    for (const doc of index.docs) {
      if (doc.file === exclude) continue;
      for (const target of doc.model.targets) {
        const metric = target.metric.trim();
        if (metric.length < 2) continue;
        let group = byName.get(metric);
        if (!group) {
          const ending = normalizeIndicator(metric).at(-1) ?? '';
          const bucket = byEnding.get(ending) ?? [];
          byEnding.set(ending, bucket);
          group = bucket.find((g) => sameIndicator(g.first, metric));
          if (!group) {
            group = { first: metric, names: new Map(), rows: [], docs: new Set(), seen: new Set() };
            groups.push(group);
            bucket.push(group);
          }
          byName.set(metric, group);
        }
        group.names.set(metric, (group.names.get(metric) ?? 0) + 1);
        group.docs.add(doc.file);
        const key = `${doc.file}\u0000${target.comparator}\u0000${target.value}\u0000${target.valueMax}\u0000${target.unit}\u0000${target.year}`;
        if (group.seen.has(key)) continue;
        group.seen.add(key);
        group.rows.push({ doc, target });
      }
    }
    return groups
      .map((g) => ({ metric: [...g.names].sort((a, b) => b[1] - a[1])[0][0], rows: g.rows, plans: g.docs.size }))
      .sort((a, b) => b.plans - a.plans || b.rows.length - a.rows.length || (a.metric < b.metric ? -1 : 1));
  });
}
