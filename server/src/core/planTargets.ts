// Targets across the plan: each line of a goal, task or safeguard section, flattened goal
// tables, and the year in scope (sentence, governing 到20XX年, or the plan's period).
import { codeAt } from './charCodes';
import type { Heading, Period, Target, Task } from './model';
import { LineFlag, spanAt, type PlanLine } from './lines';
import { isUnitCell, isValueCell } from './noise';
import { cleanLine } from './normalize';
import type { Outline } from './outline';
import { indexRange } from './keptLists';
import { findTargets, type TargetMatch } from './targets';
import { decimalEnd, numberValue } from './targetValue';


/** Reads every target in the body of `doc` and links it to its task. */
export function collectTargets(lines: PlanLine[], outline: Outline, tasks: Task[], period: Period | null, doc: string): Target[] {
  const { headings, inTable, titleFrom } = outline;
  const targets: Target[] = [];
  const scope = new Array<number | null>(headings.length).fill(null);
  const add = (head: Heading, h: number, line: number, m: TargetMatch) => {
    const l = lines[line];
    const yearSource: Target['yearSource'] = m.year !== null ? 'text' : scope[h] !== null ? 'scope' : period ? 'period' : null;
    const year = m.year !== null ? m.year : scope[h] !== null ? scope[h] : period ? period.end : null;
    targets.push({
      line, span: spanAt(l, m.start, m.end), text: l.text.slice(m.start, m.end), metric: m.metric, value: m.value,
      valueMax: m.valueMax, unit: m.unit, comparator: m.comparator, year, yearSource, section: head.section, task: head.task,
      baseYear: m.baseYear === -1 ? (year !== null ? year - 1 : null) : m.baseYear,
    });
  };
  for (let h = 0; h < headings.length; h++) {
    const head = headings[h];
    scope[h] = head.parent >= 0 ? scope[head.parent] : null;
    if (head.section === 'context' || head.section === 'principle') continue;
    const first = targets.length;
    for (let i = head.line; i <= head.bodyEndLine; i++) {
      const l = lines[i];
      if (l.noise) continue;
      if (inTable[i]) {
        const end = tableEnd(inTable, i, head.bodyEndLine);
        if (head.section === 'goal') for (let v = goalRow(lines, i, end); v >= 0; v = goalRow(lines, v + 1, end)) add(head, h, v, row);
        i = end;
        continue;
      }
      // The line scan already knows whether a line holds a figure or a bracket at all.
      if (!(l.flags & (LineFlag.Figure | LineFlag.Relative))) continue;
      // A row pasted from a Word table keeps its cells apart with tabs; whitespace inside makes `map`.
      if (head.section === 'goal' && l.map !== null && tabRow(doc, l)) {
        add(head, h, i, row);
        continue;
      }
      // A line kept as it stands is read from the document itself (see scanLine).
      const plain = l.map === null && l.norm === l.text;
      const found = findTargets(l.text, l.norm, i === head.line ? titleFrom[h] : 0, (l.flags & LineFlag.Figure) !== 0, plain ? doc : l.norm, plain ? l.start + l.shift : 0);
      if (found.leadingYear !== null) scope[h] = found.leadingYear;
      for (let k = 0; k < found.count; k++) add(head, h, i, found.targets[k]);
    }
    // A task's targets are those of its heading's body, added together: one list of exactly their number.
    if (head.task >= 0 && targets.length > first) tasks[head.task].targets = indexRange(first, targets.length);
  }
  return targets;
}

function tableEnd(inTable: Uint8Array, from: number, last: number): number {
  let j = from;
  while (j + 1 <= last && inTable[j + 1]) j++;
  return j;
}

/**
 * A goal table flattened one cell per line (指标 / 单位 / 目标值): a text cell followed by a
 * unit cell and a value cell is one target. Category cells (产品质量) and headers are skipped.
 * Reads the first such row from `from` to `to` into `row` and returns its value cell's line,
 * or -1; the next row is looked for after that line.
 */
function goalRow(lines: PlanLine[], from: number, to: number): number {
  // The cells are the lines with text: metric, unit and value cells are three in a row.
  let mi = nextCell(lines, from, to);
  let ui = nextCell(lines, mi + 1, to);
  for (let vi = nextCell(lines, ui + 1, to); vi <= to; mi = ui, ui = vi, vi = nextCell(lines, vi + 1, to)) {
    if (isValueCell(lines[mi].norm) || !isUnitCell(lines[ui].norm) || !isValueCell(lines[vi].norm)) continue;
    fillRow(lines[mi].text, lines[ui].text, lines[vi].norm, 0, lines[vi].text.length);
    return vi;
  }
  return -1;
}

/**
 * A goal-table row pasted from Word, its cells joined by tabs (类别? 指标 单位 目标值): reads the
 * first metric, unit and value cells in a row into `row`, spanning the value cell, as goalRow does.
 */
function tabRow(doc: string, l: PlanLine): boolean {
  const raw = doc.slice(l.start, l.end);
  if (raw.indexOf('\t') < 0) return false;
  const cells = raw.split('\t').map((cell) => cleanLine(cell));
  // The cleaned line is the cells' cleaned texts one after another: where each starts in it.
  const starts = [0];
  for (const cell of cells) starts.push(starts[starts.length - 1] + cell.text.length);
  if (starts[cells.length] !== l.text.length) return false;
  for (let k = 1; k + 1 < cells.length; k++) {
    const metric = cells[k - 1].norm;
    if (!metric || isValueCell(metric) || !isUnitCell(cells[k].norm) || !isValueCell(cells[k + 1].norm)) continue;
    fillRow(cells[k - 1].text, cells[k].text, cells[k + 1].norm, starts[k + 1], starts[k + 2]);
    return true;
  }
  return false;
}

/** Sets `row` from a row's metric and unit cells as written and its value cell as `norm` reads it. */
function fillRow(metric: string, unit: string, value: string, start: number, end: number): void {
  // A value cell starts with an optional sign and a number (see isValueCell).
  const sign = value.charCodeAt(0);
  const at = sign >= 48 && sign <= 57 ? 0 : 1;
  row.start = start;
  row.end = end;
  row.metric = withoutNewMark(metric);
  row.value = numberValue(value, at, decimalEnd(value, at));
  row.unit = unit;
  row.comparator = isAbove(sign) || value.includes('以上') ? '>=' : isBelow(sign) || value.includes('以下') ? '<=' : '=';
}

/** The goal-table row `goalRow` or `tabRow` read last: one object, reused. */
const row: TargetMatch = { start: 0, end: 0, metric: '', value: null, valueMax: null, unit: '', comparator: '=', year: null, baseYear: null };

/** The first line from `from` to `to` with text, or to + 1. */
function nextCell(lines: PlanLine[], from: number, to: number): number {
  let i = from;
  while (i <= to && !lines[i].norm) i++;
  return i;
}

/** ≥ > ＞ */
function isAbove(c: number): boolean {
  return c === 0x2265 || c === 62 || c === 0xff1e;
}

/** ≤ < ＜ */
function isBelow(c: number): boolean {
  return c === 0x2264 || c === 60 || c === 0xff1c;
}

/** The metric cell without a closing (新增) or （新增）: the column says new, the metric is the same. */
function withoutNewMark(s: string): string {
  const n = s.length;
  const close = codeAt(s, n - 1);
  const open = codeAt(s, n - 4);
  return (close === 41 || close === 0xff09) && (open === 40 || open === 0xff08) && s.startsWith('新增', n - 3) ? s.slice(0, n - 4) : s;
}
