// The heading tree: which lines are headings, their depth, parent, section kind and extent.
import type { Heading, Span } from './model';
import { emptyHeadingMatch, KIND_RANK, matchHeading, splitTitle, tidyTitle } from './headings';
import { LineFlag, readableText, spanAt, type PlanLine } from './lines';
import { isUnitCell, isValueCell } from './noise';
import { classifySection, sectionOfTitle } from './sections';

/** Heading kinds that a flattened table's numbered rows can imitate. */
const WEAK = new Set(['num', 'num-paren', 'circled', 'bullet']);
const APPENDIX = /^(?:#+)?附件[0-9一二三四五六七八九十]*(?:[:：]|$)/;
const ROW_NUMBER = /^\d{1,3}[.、．]?$/;

export interface Outline {
  headings: Heading[];
  /** First line of the body (the first heading), or lines.length when there is none. */
  bodyStart: number;
  /** Line after the body: an 附件 line, or lines.length. */
  bodyEnd: number;
  /** Lines that belong to flattened tables. */
  inTable: Uint8Array;
  /** Per heading, the cleaned-text index where its title starts on its own line. */
  titleFrom: Int32Array;
}

/** Finds the headings of the plan body and builds the tree by marker rank. */
export function buildOutline(lines: PlanLine[]): Outline {
  const inTable = findTables(lines);
  const headings: Heading[] = [];
  // Per heading, sized for the most headings there can be (one a line): typed arrays, not grown lists.
  const titleFrom = new Int32Array(lines.length);
  const ranks = new Uint8Array(lines.length);
  const stack: number[] = [];
  // Lines that are empty or noise, for the extents: the loop reads every line before bodyEnd.
  const blank = new Uint8Array(lines.length);
  const m = emptyHeadingMatch();
  let bodyStart = lines.length;
  let bodyEnd = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.noise || line.norm.length === 0) { blank[i] = 1; continue; }
    // The line scan knows whether the line's start may open a heading or an 附件 line.
    if ((line.flags & LineFlag.Opening) === 0) continue;
    const first = line.norm.charCodeAt(0);
    if (bodyStart < lines.length && (first === 0x23 || first === 0x9644) && APPENDIX.test(line.norm)) { bodyEnd = i; break; } // # 附
    if (!matchHeading(line.text, line.norm, m, (line.flags & LineFlag.DigitEnd) !== 0)) continue;
    const { kind, markerStart, markerEnd } = m;
    if (bodyStart === lines.length && kind === 'bullet') continue;
    if (inTable[i] && WEAK.has(kind)) continue;
    const ownTitle = tidyTitle(line.text.slice(m.titleStart, m.titleEnd));
    // "1." alone on a line is a table's row number, not a heading.
    if (!ownTitle && kind !== 'bullet' && WEAK.has(kind)) continue;
    if (bodyStart === lines.length) bodyStart = i;
    const { ordinal, style } = m;
    let titleLine = line;
    let titleStart = m.titleStart;
    let titleEnd = m.titleEnd;
    // A bullet alone on its line takes its title from the next line.
    if (!ownTitle && kind === 'bullet' && i + 1 < lines.length && lines[i + 1].norm && !matchHeading(lines[i + 1].text, lines[i + 1].norm, m, (lines[i + 1].flags & LineFlag.DigitEnd) !== 0)) {
      titleLine = lines[i + 1];
      const bounds = splitTitle(titleLine.norm, 0);
      titleStart = bounds[0];
      titleEnd = bounds[1];
    }
    // Without a map the readable title is the plain slice already tidied.
    const title = titleLine === line && !line.map ? ownTitle : tidyTitle(readableText(titleLine, titleStart, titleEnd));
    const rank = KIND_RANK[kind];
    // Ranks kept beside the headings: a rank looked up by kind name per comparison costs more.
    while (stack.length && ranks[stack[stack.length - 1]] >= rank) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    headings.push({
      line: i, kind, ordinal, marker: line.text.slice(markerStart, markerEnd), style, title, depth: stack.length + 1, parent,
      section: classifySection(title, parent >= 0 ? headings[parent].section : null),
      bodyEndLine: i, endLine: i,
      markerSpan: spanAt(line, markerStart, markerEnd),
      titleSpan: spanAt(titleLine, titleStart, titleEnd),
      task: -1,
    });
    titleFrom[headings.length - 1] = markerEnd;
    ranks[headings.length - 1] = rank;
    stack.push(headings.length - 1);
  }
  setExtents(headings, ranks, blank, bodyEnd);
  return { headings, bodyStart, bodyEnd, inTable, titleFrom: titleFrom.subarray(0, headings.length) };
}

/** Body end = before the next heading; subtree end = before the next heading that is not a descendant. */
function setExtents(headings: Heading[], ranks: Uint8Array, blank: Uint8Array, bodyEnd: number): void {
  const lastText = (from: number, to: number) => {
    let k = to;
    while (k > from && blank[k] === 1) k--;
    return k;
  };
  for (let h = 0; h < headings.length; h++) {
    const next = h + 1 < headings.length ? headings[h + 1].line : bodyEnd;
    headings[h].bodyEndLine = lastText(headings[h].line, next - 1);
  }
  // A heading's subtree ends where the next heading of its rank or higher starts.
  const open: number[] = [];
  const close = (h: number, before: number) => {
    headings[h].endLine = Math.max(headings[h].bodyEndLine, lastText(headings[h].line, before - 1));
  };
  for (let h = 0; h < headings.length; h++) {
    while (open.length && ranks[open[open.length - 1]] >= ranks[h]) close(open.pop()!, headings[h].line);
    open.push(h);
  }
  while (open.length) close(open.pop()!, bodyEnd);
}

/** A heading's marker and title together: what the editor selects, links to or hovers for it. */
export function headingSpan(h: Heading): Span {
  return { start: h.markerSpan.start, end: Math.max(h.markerSpan.end, h.titleSpan.end) };
}

/** A section heading such as 四、保障措施 is a container, never a task in itself. */
export function isSectionTitle(h: Heading): boolean {
  return h.parent < 0 && h.title.length <= 10 && sectionOfTitle(h.title) !== null;
}

/**
 * Flattened tables: runs of at least four short cell-like lines of which a third or more
 * hold values, units or row numbers (98%, ≥97, 5 家以上, %, 1.). Numbered rows inside them are not headings.
 */
function findTables(lines: PlanLine[]): Uint8Array {
  const inTable = new Uint8Array(lines.length);
  // A flattened table cell: short, no sentence punctuation (the line scan's flag says which).
  const cellLike = (l: PlanLine) => l.norm.length > 0 && l.norm.length <= 26 && (l.flags & LineFlag.Punct) === 0;
  let i = 0;
  while (i < lines.length) {
    if (!cellLike(lines[i])) { i++; continue; }
    let j = i + 1;
    while (j < lines.length && (cellLike(lines[j]) || lines[j].norm.length === 0)) j++;
    // Only a run of four lines or more may be a table: the cells are read only then.
    if (j - i >= 4 && countValues(lines, i, j) * 3 >= j - i) inTable.fill(1, i, j);
    i = j;
  }
  return inTable;
}

/** How many of lines[from, to) hold a value, a unit or a row number. */
function countValues(lines: PlanLine[], from: number, to: number): number {
  let values = 0;
  for (let k = from; k < to; k++) {
    const norm = lines[k].norm;
    if (isValueCell(norm) || isUnitCell(norm) || ROW_NUMBER.test(norm)) values++;
  }
  return values;
}
