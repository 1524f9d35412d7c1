// What a grammar cannot colour: which unit in a clause leads and which cooperates, and a target's value and unit.
import type { PlanModel, Span, Target } from './model';

export type HighlightKind = 'lead' | 'cooperator' | 'value' | 'unit';

export interface Highlight {
  span: Span;
  kind: HighlightKind;
}

/**
 * Lead and cooperating unit names inside every responsibility clause, and the value and unit
 * of every target, sorted by offset and never overlapping. A name the clause does not spell
 * as the model does (folded characters) is skipped rather than guessed.
 */
export function findHighlights(model: PlanModel, text: string): Highlight[] {
  const out: Highlight[] = [];
  for (const c of model.clauses) {
    const roles: [string, HighlightKind][] = [
      ...c.leads.map((u): [string, HighlightKind] => [u, 'lead']),
      ...[...c.cooperators, ...c.standing].map((u): [string, HighlightKind] => [u, 'cooperator']),
    ];
    out.push(...markNames(text, c.span, roles));
  }
  for (const t of model.targets) out.push(...targetParts(text, t));
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Every occurrence of each name inside `within`; longer names first, so 市市场监管局 is not cut to 市场监管局. */
function markNames(text: string, within: Span, roles: [string, HighlightKind][]): Highlight[] {
  const body = text.slice(within.start, within.end);
  const taken: Highlight[] = [];
  const sorted = [...roles].sort((a, b) => b[0].length - a[0].length);
  for (const [name, kind] of sorted) {
    if (!name) continue;
    for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length)) {
      const span = { start: within.start + at, end: within.start + at + name.length };
      if (!taken.some((h) => h.span.start < span.end && span.start < h.span.end)) taken.push({ span, kind });
    }
  }
  return taken;
}

// A number as targets write it: 95 98.5 3-5 1—2 7万; the unit follows it.
const VALUE_BEFORE_UNIT = /\d+(?:[.．]\d+)?(?:\s*[-—–~～至到]\s*\d+(?:[.．]\d+)?)?[万亿千百]*$/;
const LAST_VALUE = /\d+(?:[.．]\d+)?(?:\s*[-—–~～至到]\s*\d+(?:[.．]\d+)?)?[万亿千百]*(?!.*\d)/;

/** The value and unit of one target, found in its phrase: the unit as the model read it, the number just before it. */
function targetParts(text: string, t: Target): Highlight[] {
  if (t.value === null) return [];
  const phrase = text.slice(t.span.start, t.span.end);
  if (!t.unit) {
    const m = LAST_VALUE.exec(phrase);
    return m ? [{ span: { start: t.span.start + m.index, end: t.span.start + m.index + m[0].length }, kind: 'value' }] : [];
  }
  for (let at = phrase.lastIndexOf(t.unit); at > 0; at = phrase.lastIndexOf(t.unit, at - 1)) {
    const m = VALUE_BEFORE_UNIT.exec(phrase.slice(0, at));
    if (!m) continue;
    const start = t.span.start + m.index;
    return [
      { span: { start, end: start + m[0].length }, kind: 'value' },
      { span: { start: t.span.start + at, end: t.span.start + at + t.unit.length }, kind: 'unit' },
    ];
  }
  return [];
}
