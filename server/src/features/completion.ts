// Completion: unit names inside a responsibility clause, precedent indicator names in a goal section; nothing elsewhere.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import type { PrecedentIndex, Target } from '../core';
import type { Plan } from '../documents';
import type { Labels } from '../labels';
import { lineText, toOffset } from '../lsp/convert';
import { indicatorChoices, unitChoices, type IndicatorChoice, type UnitChoice } from './completionSources';
import { escapeMarkdown as escape } from './markdown';

/** Characters after which the client asks again: unit separators, an opening bracket, a label's colon. */
export const COMPLETION_TRIGGERS = ['、', '，', ',', '（', '(', '：', ':'];

/** The precedent library as completion reads it (the draft's own file is never its own precedent). */
export interface CompletionPrecedents {
  index: PrecedentIndex;
  exclude: string | undefined;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
/** Shown in an item's detail before “…”. */
const MAX_DETAIL_VALUES = 4;
/** Rows in an indicator item's documentation. */
const MAX_DOC_ROWS = 8;

/** Labels that open a list of units (牵头单位：…); the rest of the line up to 。； is the clause. */
const UNIT_LABEL = /(?:牵头单位|牵头部门|主办单位|责任单位|责任部门|负责单位|主责单位|实施单位|配合单位|协助单位|协办单位|参与单位|参加单位|配合部门|协同单位|协作单位)[:：][^。；;]*$/;
/** A unit name being typed: the characters back to the last separator. */
const UNIT_WORD = /[^\s、，,；;：:（()）。]*$/;
/** An indicator name being typed: Han characters only, and not many. */
const METRIC_WORD = /[\u3400-\u9fff]{0,12}$/;

/**
 * Completion items at `position`: unit names when the cursor is in a responsibility clause (an
 * analysed clause, an unclosed bracket that reads like one, or after 牵头单位： and the like);
 * indicator names at the start of a line, or after 、，；, in a goal section; otherwise none.
 * `precedents` is only awaited where something is offered, so typing plain text never builds the index.
 */
export async function completion(plan: Plan, position: Position, labels: Labels, precedents: () => Promise<CompletionPrecedents>): Promise<CompletionList> {
  const { document, model } = plan;
  const line = lineText(document, position.line);
  // A client may send a character past the line's end; the line's end is where the cursor is.
  const at = { line: position.line, character: Math.min(position.character, line.length) };
  const before = line.slice(0, at.character);
  if (inClause(plan, at, before)) {
    const range = replace(at, UNIT_WORD.exec(before)![0]);
    const { index, exclude } = await precedents();
    return { isIncomplete: false, items: unitChoices(model, index, exclude).map((c, i) => unitItem(c, i, range, labels)) };
  }
  if (atIndicatorStart(plan, at, before)) {
    const range = replace(at, METRIC_WORD.exec(before)![0]);
    const { index, exclude } = await precedents();
    return { isIncomplete: false, items: indicatorChoices(index, exclude).map((c, i) => indicatorItem(c, i, range, labels)) };
  }
  return EMPTY;
}

/** Whether the cursor is inside a responsibility clause, written or being written. */
function inClause(plan: Plan, position: Position, before: string): boolean {
  const offset = toOffset(plan.document, position);
  // An analysed clause: inside its brackets, or anywhere after a label up to its end.
  const clause = plan.model.clauses.find((c) => c.span.start < offset && (offset < c.span.end || (offset === c.span.end && (c.form === 'label' || !c.closed))));
  if (clause) return true;
  if (UNIT_LABEL.test(before)) return true;
  return openClauseBracket(before);
}

/**
 * An opening bracket on this line, not closed before the cursor, not a heading's marker, whose
 * text so far reads like the start of a clause: nothing yet, unit names and separators only,
 * a unit's first character (市 区 县 省 各), or a role word.
 */
function openClauseBracket(before: string): boolean {
  let depth = 0;
  let open = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i];
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return false;
  if (/^\s*$/.test(before.slice(0, open))) return false; // （一） being typed at the start of a line
  const inside = before.slice(open + 1);
  if (inside.length > 40 || /[。；;！？!?]/.test(inside)) return false;
  if (inside === '') return /[。；;，,]\s*$/.test(before.slice(0, open)); // a clause follows a sentence
  return /^[市区县省各]/.test(inside) || /牵头|配合|负责|参加|参与|协助/.test(inside) || /^[^，,]*[、，,][^、，,]*$/.test(inside) && /[局委办部厅院会室处站队所司行]/.test(inside);
}

/** Whether the cursor starts an indicator in a goal section: at the line's start (after any heading marker) or after 、，；. */
function atIndicatorStart(plan: Plan, position: Position, before: string): boolean {
  const { model } = plan;
  let heading = -1;
  for (let i = 0; i < model.headings.length && model.headings[i].line <= position.line; i++) heading = i;
  if (heading < 0) return false;
  const h = model.headings[heading];
  if (h.section !== 'goal') return false;
  let start = 0;
  if (h.line === position.line) {
    // On a goal heading itself only its bullet items (1、 ——) take indicators, never the section title.
    if (h.task >= 0 || h.parent < 0 || model.headings[h.parent].section !== 'goal') return false;
    start = h.markerSpan.end - model.lineStarts[h.line];
    if (position.character < start) return false;
  }
  const word = METRIC_WORD.exec(before)![0];
  const lead = before.slice(start, before.length - word.length);
  return /^\s*$/.test(lead) || /[、，,；;：:]\s*$/.test(lead);
}

function replace(position: Position, word: string): Range {
  return { start: { line: position.line, character: position.character - word.length }, end: position };
}

function unitItem(c: UnitChoice, rank: number, range: Range, labels: Labels): CompletionItem {
  return {
    label: c.name,
    kind: CompletionItemKind.Reference,
    detail: labels.completion.unitDetail(c.counts) + (c.generic ? labels.completion.generic : ''),
    sortText: String(rank).padStart(5, '0'),
    filterText: c.name,
    textEdit: { range, newText: c.name },
  };
}

/**
 * The metric's name as plain text: precedents phrase the requirement differently (达到…以上,
 * 不低于, 控制在…以内, 下降…), so the rest of the sentence is the drafter's, as in the zymb snippet.
 */
function indicatorItem(c: IndicatorChoice, rank: number, range: Range, labels: Labels): CompletionItem {
  const values = c.rows.slice(0, MAX_DETAIL_VALUES).map(({ doc, target }) => [doc.city ?? labels.unknownCity, yearOf(target, doc.year), valueText(target, labels)].filter(Boolean).join(' '));
  const detail = values.join('；') + (c.rows.length > MAX_DETAIL_VALUES ? '；…' : '');
  const [city, year, metric, comparator, value] = labels.precedentTable;
  const doc = [`**${escape(c.metric)}**`, '', labels.completion.indicatorPlans(c.plans), '', `| ${city} | ${year} | ${metric} | ${comparator} | ${value} |`, '|---|---|---|---|---|'];
  for (const { doc: d, target: t } of c.rows.slice(0, MAX_DOC_ROWS)) {
    const y = yearOf(t, d.year);
    doc.push(`| ${escape(d.city ?? labels.unknownCity)} | ${y || labels.unknownYear} | ${escape(t.metric)} | ${labels.comparatorMarks[t.comparator]} | ${t.value === null ? '—' : escape(amount(t))} |`);
  }
  if (c.rows.length > MAX_DOC_ROWS) doc.push('| … | | | | |');
  return {
    label: c.metric,
    kind: CompletionItemKind.Field,
    detail,
    documentation: { kind: MarkupKind.Markdown, value: doc.join('\n') },
    sortText: String(rank).padStart(5, '0'),
    filterText: c.metric,
    textEdit: { range, newText: c.metric },
  };
}

function yearOf(t: Target, docYear: number | null): string {
  const y = t.year ?? docYear;
  return y === null ? '' : String(y);
}

function amount(t: Target): string {
  const v = t.valueMax === null ? String(t.value) : `${t.value}—${t.valueMax}`;
  return `${v}${t.unit}`;
}

/** “≥97%”, “提高”: plain text for the detail line. */
function valueText(t: Target, labels: Labels): string {
  const mark = labels.comparatorMarks[t.comparator];
  return t.value === null ? mark : `${mark.length === 1 ? mark : `${mark} `}${amount(t)}`;
}
