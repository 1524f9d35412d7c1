// Offsets to 1-based line/column (UTF-16 code units), the only position form the CLI prints.

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
}

/** Splits text into line start offsets, reading CRLF, CR and LF as line ends. */
export function findLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The usual case, LF only: indexOf is far quicker than a regex loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  const re = /\r\n?|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
  return starts;
}

/** The 0-based line holding an offset, by binary search over line starts. */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The 1-based line and column of an offset. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  const line = lineIndexAt(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line] + 1 };
}

/**
 * Offsets in a typed array that doubles when full: pushing onto a number[] costs far more. A
 * plain object, not a class: V8 drops a class instance's hidden class once no instance is
 * alive (after every analysis), and with it the optimised code of each function that read one.
 */
export interface OffsetList {
  at: Int32Array;
  n: number;
}

/** An empty list. */
export function offsetList(): OffsetList {
  return { at: new Int32Array(64), n: 0 };
}

/** Offsets with the char code found at each: what a later pass needs of a character, without reading the text again. */
export interface MarkList extends OffsetList {
  code: Uint16Array;
}

/** An empty list. */
export function markList(): MarkList {
  return { at: new Int32Array(64), code: new Uint16Array(64), n: 0 };
}

/** Appends `offset` and its char code, doubling the storage when it is full. */
export function pushMark(list: MarkList, offset: number, code: number): void {
  if (list.n === list.at.length) growMarks(list);
  list.at[list.n] = offset;
  list.code[list.n++] = code;
}

// Apart from pushMark, which stays small enough to be inlined into the line scan.
function growMarks(list: MarkList): void {
  const at = new Int32Array(list.at.length * 2);
  at.set(list.at);
  list.at = at;
  const codes = new Uint16Array(at.length);
  codes.set(list.code);
  list.code = codes;
}

/** Appends `offset`, doubling the storage when it is full. */
export function pushOffset(list: OffsetList, offset: number): void {
  if (list.n === list.at.length) {
    const bigger = new Int32Array(list.at.length * 2);
    bigger.set(list.at);
    list.at = bigger;
  }
  list.at[list.n++] = offset;
}
