// The precedents' targets grouped by normalized metric name, so a target hover compares its metric
// with each distinct name once instead of with every target of every plan.
import type { Target } from '../model';
import type { PrecedentDoc } from './doc';
import { normalizeIndicator, sameNormalizedIndicator } from './indicators';

/** A precedent target with the plan it comes from. */
export interface IndicatorRow {
  doc: PrecedentDoc;
  target: Target;
}

interface Row extends IndicatorRow {
  /** Order of addition: results come back in the library's order. */
  seq: number;
}

export class IndicatorTable {
  /** Normalized metric name → its rows. */
  private readonly byName = new Map<string, Row[]>();
  /** Last character of a normalized name → the names ending in it (sameIndicator needs equal endings). */
  private readonly byEnding = new Map<string, Set<string>>();
  private readonly namesOf = new Map<PrecedentDoc, Set<string>>();
  private seq = 0;

  add(doc: PrecedentDoc): void {
    const names = new Set<string>();
    for (const target of doc.model.targets) {
      const name = normalizeIndicator(target.metric);
      if (name.length === 0) continue;
      let rows = this.byName.get(name);
      if (!rows) {
        this.byName.set(name, (rows = []));
        const end = name.at(-1)!;
        let set = this.byEnding.get(end);
        if (!set) this.byEnding.set(end, (set = new Set()));
        set.add(name);
      }
      rows.push({ doc, target, seq: this.seq++ });
      names.add(name);
    }
    this.namesOf.set(doc, names);
  }

  remove(doc: PrecedentDoc): void {
    for (const name of this.namesOf.get(doc) ?? []) {
      const rows = this.byName.get(name)!.filter((r) => r.doc !== doc);
      if (rows.length > 0) this.byName.set(name, rows);
      else {
        this.byName.delete(name);
        this.byEnding.get(name.at(-1)!)?.delete(name);
      }
    }
    this.namesOf.delete(doc);
  }

  /** Every precedent target measuring the same as `metric` (sameIndicator), in library order, none from `excludeFile`. */
  find(metric: string, excludeFile?: string): IndicatorRow[] {
    const name = normalizeIndicator(metric);
    if (name.length === 0) return [];
    const rows: Row[] = [];
    for (const other of this.byEnding.get(name.at(-1)!) ?? []) {
      if (!sameNormalizedIndicator(name, other)) continue;
      for (const r of this.byName.get(other)!) if (r.doc.file !== excludeFile) rows.push(r);
    }
    rows.sort((a, b) => a.seq - b.seq);
    return rows.map(({ doc, target }) => ({ doc, target }));
  }
}
