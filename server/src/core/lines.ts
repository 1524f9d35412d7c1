// The document as cleaned lines with their raw offsets: the one form every later pass reads.
import type { Span } from './model';
import { cleanLine, rawEnd, rawIndex, type CleanLine } from './normalize';
import { isNoiseLine } from './noise';
import { findLineStarts } from './positions';

export interface PlanLine extends CleanLine {
  /** Offset of the raw line's first character in the document. */
  start: number;
  /** Offset just past the raw line's last character, before its line end. */
  end: number;
  noise: boolean;
}

export interface PlanLines {
  lines: PlanLine[];
  lineStarts: number[];
}

/** Cleans every line once. Linear in the text's length. */
export function readLines(text: string): PlanLines {
  const lineStarts = findLineStarts(text);
  const lines: PlanLine[] = new Array(lineStarts.length);
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const c = cleanLine(text, start, end);
    // One object literal, so every line shares a single hidden class.
    lines[i] = { text: c.text, norm: c.norm, map: c.map, shift: c.shift, start, end, noise: isNoiseLine(c.norm) };
  }
  return { lines, lineStarts };
}

/** The document span of a cleaned-text range [a, b); an empty range is empty at a's offset. */
export function spanAt(line: PlanLine, a: number, b: number): Span {
  const start = offsetAt(line, a);
  return { start, end: b > a ? Math.max(start, endOffsetAt(line, b)) : start };
}

/**
 * The cleaned text of [a, b) as a reader wants it shown: whitespace between Chinese
 * characters stays out, but one space comes back between Latin words (ISO 9001, VS Code).
 */
export function readableText(line: PlanLine, a: number, b: number): string {
  const { text, map } = line;
  if (!map) return text.slice(a, b);
  let out = '';
  let from = a;
  for (let i = a; i + 1 < b; i++) {
    if (map[i + 1] > map[i] + 1 && isLatin(text.charCodeAt(i)) && isLatin(text.charCodeAt(i + 1))) {
      out += text.slice(from, i + 1) + ' ';
      from = i + 1;
    }
  }
  return out + text.slice(from, b);
}

function isLatin(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Document offset of a cleaned-text index on a line. */
export function offsetAt(line: PlanLine, i: number): number {
  return line.start + rawIndex(line, i);
}

/** Document offset just past a cleaned-text range ending at `end`. */
export function endOffsetAt(line: PlanLine, end: number): number {
  return line.start + rawEnd(line, end);
}
