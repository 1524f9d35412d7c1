// Expand selection: sentence → paragraph → task → each enclosing section → whole document.
import type { Position, Range, SelectionRange } from 'vscode-languageserver';
import type { Heading } from '../core';
import type { Plan } from '../documents';
import { lineText, linesRange, toPosition } from '../lsp/convert';
import { lastTextLine, sentenceAround } from './lines';

/** One chain per position, innermost first; each range strictly contains the one before. */
export function selectionRanges(plan: Plan, positions: Position[]): SelectionRange[] {
  return positions.map((p) => chain(rangesAround(plan, p)));
}

function rangesAround({ document, model }: Plan, p: Position): Range[] {
  const text = lineText(document, p.line);
  const [start, end] = sentenceAround(text, Math.min(p.character, text.length));
  const ranges: Range[] = [
    { start: { line: p.line, character: start }, end: { line: p.line, character: end } },
    { start: { line: p.line, character: text.length - text.trimStart().length }, end: { line: p.line, character: text.trimEnd().length } },
  ];
  for (const h of enclosing(model.headings, p.line)) {
    ranges.push(linesRange(document, h.line, lastTextLine(document, h.line, h.endLine)));
  }
  ranges.push({ start: { line: 0, character: 0 }, end: toPosition(document, document.getText().length) });
  return ranges;
}

/** The headings whose subtrees hold `line`, deepest first. Parent links only ever point back, so this ends. */
function enclosing(headings: Heading[], line: number): Heading[] {
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const out: Heading[] = [];
  for (let i = found; i >= 0; i = headings[i].parent < i ? headings[i].parent : -1) {
    if (headings[i].endLine >= line) out.push(headings[i]);
  }
  return out;
}

/** Links ranges into a SelectionRange, dropping any that does not strictly grow the one inside it. */
function chain(ranges: Range[]): SelectionRange {
  const kept: Range[] = [];
  for (const r of ranges) {
    const inner = kept[kept.length - 1];
    if (!inner || (contains(r, inner) && !same(r, inner))) kept.push(r);
  }
  let result: SelectionRange | undefined;
  for (let i = kept.length - 1; i >= 0; i--) result = { range: kept[i], parent: result };
  return result!;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const same = (a: Range, b: Range) => before(a.start, b.start) && before(b.start, a.start) && before(a.end, b.end) && before(b.end, a.end);
