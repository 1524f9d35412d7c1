// The 主要指标表: one row per target of the plan (goals, tasks, safeguards; not the background's figures).
import type { Comparator, PlanModel, SectionKind, Target } from '../model';
import { linesText, tableTitle } from './taskMatrix';

export interface TargetTableRow {
  number: number;
  /** 类别: the category cell of a goal table, else the heading the target sits under. */
  category: string;
  metric: string;
  unit: string;
  /** 目标值 without the unit: ≥97, 7万, 90～95, 较2013年下降13. */
  value: string;
  year: number | null;
  /** The phrase the target was read from. */
  text: string;
  comparator: Comparator;
  line: number;
  section: SectionKind;
}

export interface TargetTable {
  planTitle: string | null;
  title: string;
  rows: TargetTableRow[];
}

/** Header cells of a flattened goal table, never a category. */
const HEADER_CELL = /^(?:类别|类型|分类|领域|序号|指标|主要指标|指标名称|具体指标|单位|计量单位|目标值|\d{4}年目标值?|属性|指标属性|现状值|基期值)$/;

/**
 * The targets table of a plan. Figures in the background sections (发展基础: what was achieved)
 * are not targets of this plan and are left out; everything else is listed in text order.
 */
export function buildTargetTable(model: PlanModel, text: string): TargetTable {
  const rows: TargetTableRow[] = [];
  // Looked up per target: sets and a sorted list keep the table linear in the plan's size.
  const lines = { targets: new Set(model.targets.map((t) => t.line)), headings: new Set(model.headings.map((h) => h.line)) };
  const headingLines = model.headings.map((h) => h.line);
  let tableCategory: { line: number; name: string } | undefined;
  let rowCategory: string | undefined;
  for (const target of model.targets) {
    if (target.section === 'context') continue;
    let category: string | undefined;
    const lineText = linesText(model, text, target.line, target.line);
    const pasted = lineText.includes('\t');
    if (!pasted) rowCategory = undefined;
    if (pasted) {
      // A row pasted from a Word table: its category cell, or the one above when left empty (a merged cell).
      const found = rowCategoryCell(lineText.split('\t').map((cell) => cell.replace(/\s+/g, '')), target.unit);
      rowCategory = found === '' ? rowCategory : found;
      category = rowCategory;
    } else if (isTableCell(target, lineText)) {
      const found = tableCategoryAbove(model, text, target.line, lines);
      if (found === null) tableCategory = undefined;
      else if (found !== undefined) tableCategory = { line: target.line, name: found };
      category = tableCategory?.name;
    } else {
      tableCategory = undefined;
    }
    rows.push({
      number: rows.length + 1,
      category: category ?? headingAbove(model, headingLines, target.line),
      metric: target.metric,
      unit: target.unit,
      value: formatValue(target),
      year: target.year,
      text: target.text,
      comparator: target.comparator,
      line: target.line + 1,
      section: target.section,
    });
  }
  return { planTitle: model.title, title: tableTitle(model.title, '主要指标表'), rows };
}

/**
 * A value cell of a flattened table: the line is the value alone (≥97, 100, 95%以上). A sentence
 * whose metric was tidied (“品质工程” → 品质工程) is not one.
 */
function isTableCell(t: Target, line: string): boolean {
  return line.trim() === t.text.trim() && !/\p{Script=Han}/u.test(t.text.replace(/及?以[上下]|左右/g, ''));
}

/**
 * The category cell of a table row whose value cell is on `line` (rows read 类别? 指标 单位 目标值,
 * one cell a line): the non-empty line above the metric cell when it is a short name. Undefined
 * when the row continues the previous category; null when the row starts a table without categories.
 */
function tableCategoryAbove(model: PlanModel, text: string, line: number, known: { targets: Set<number>; headings: Set<number> }): string | null | undefined {
  let seen = 0;
  for (let i = line - 1; i >= 0 && i >= line - 12; i--) {
    const cell = linesText(model, text, i, i).trim();
    if (!cell) continue;
    if (++seen < 3) continue; // unit, metric
    if (known.targets.has(i)) return undefined; // the previous row's value
    if (known.headings.has(i)) return null; // the table starts right under a heading
    if (HEADER_CELL.test(cell.normalize('NFKC').replace(/\s+/g, ''))) return null;
    if (cell.length <= 12 && !/\d/.test(cell)) return cell;
    return undefined;
  }
  return null;
}

/**
 * The category cell of a tab-joined row (类别? 指标 单位 目标值, perhaps after a 序号 cell): the last
 * cell before the metric that holds a name; "" when those cells are empty or row numbers (a merged
 * category cell); undefined when there are none.
 */
function rowCategoryCell(cells: string[], unit: string): string | undefined {
  const metricAt = cells.indexOf(unit) - 1;
  if (metricAt < 1) return undefined;
  for (let k = metricAt - 1; k >= 0; k--) {
    if (cells[k] === '' || /^\d+$/.test(cells[k])) continue;
    return /\d/.test(cells[k]) || HEADER_CELL.test(cells[k]) ? undefined : cells[k];
  }
  return '';
}

/** Title of the last heading at or above `line` (binary search; headings are in line order); "" before the first. */
function headingAbove(model: PlanModel, headingLines: readonly number[], line: number): string {
  let lo = 0;
  let hi = headingLines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headingLines[mid] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? model.headings[lo - 1].title : '';
}

/** 目标值 as a table shows it: comparator sign, the number as written (万/亿 kept), no unit. */
export function formatValue(t: Target): string {
  if (t.value === null) {
    const at = t.metric ? t.text.indexOf(t.metric) : -1;
    return at >= 0 ? t.text.slice(at + t.metric.length).replace(/^[为是达到]+/, '') || t.text : t.text;
  }
  const number = (v: number) => scaled(v, t);
  const amount = t.valueMax !== null ? `${number(t.value)}～${number(t.valueMax)}` : number(t.value);
  const base = t.baseYear !== null ? `较${t.baseYear}年` : '';
  switch (t.comparator) {
    case '>=': return `≥${amount}`;
    case '<=': return `≤${amount}`;
    case '~': return `${amount}左右`;
    case 'up': return `${base}${/增长|增加/.test(t.text) ? '增长' : '提高'}${amount}`;
    case 'down': return `${base}${/减少/.test(t.text) ? '减少' : '下降'}${amount}`;
    default: return amount;
  }
}

/** 70000 → 7万 when the text wrote 万 (and 亿 likewise); float noise trimmed. */
function scaled(v: number, t: Target): string {
  const clean = (n: number) => String(Number(n.toPrecision(12)));
  if (!t.unit.includes('亿') && /亿/.test(t.text) && v >= 1e8) return `${clean(v / 1e8)}亿`;
  if (!t.unit.includes('万') && /万/.test(t.text) && v >= 1e4) return `${clean(v / 1e4)}万`;
  return clean(v);
}
