// Bracket balance per line: （）() 《》 “” 〔〕 【】 [] — with a line's open brackets allowed to
// close on the next line, since clauses and sentences get broken across lines in real copies.
import type { BracketProblem } from './model';
import { offsetList, pushOffset, type OffsetList } from './positions';

/** How a line takes part in the check. */
export const enum LineCheck {
  Skip = 0,
  /** Checked; may close brackets left open by the line before. */
  Carry = 1,
  /** Checked; starts afresh (a heading, or after a blank line). */
  Fresh = 2,
}

// Per code unit: 0 not a mark; family * 2 + 1 for an opener, family * 2 + 2 for a closer.
const MARK = new Uint8Array(0x10000);
const PAIRS: [string, string][] = [['（', '）'], ['(', ')'], ['《', '》'], ['“', '”'], ['〔', '〕'], ['【', '】'], ['[', ']'], ['［', '］']];
const FAMILY = [0, 0, 1, 2, 3, 4, 5, 5]; // （ and ( close each other; so do [ and ［.
PAIRS.forEach(([o, c], k) => {
  MARK[o.charCodeAt(0)] = FAMILY[k] * 2 + 1;
  MARK[c.charCodeAt(0)] = FAMILY[k] * 2 + 2;
});
const CLOSER_OF = new Map(PAIRS.map(([o, c]) => [o, c]));
const OPENER_OF = new Map(PAIRS.map(([o, c]) => [c, o]));

/**
 * Checks every line flagged in `checks` (indexed like `lineStarts`). `marks` lists the offset
 * of every mark in the text, in order, and `codes` the mark at each (from the line scan), so no
 * character is read twice. Unclosed brackets are reported where they open, stray closers where they stand.
 */
export function findBracketProblems(
  text: string, lineStarts: readonly number[], checks: Uint8Array, marks: ArrayLike<number>, codes: ArrayLike<number>,
): BracketProblem[] {
  const problems: BracketProblem[] = [];
  // Unclosed openers as indexes into `marks`, innermost last; the storage is kept between lines.
  const open = offsetList();
  const found: Marks = { offsets: marks, codes };
  let carried = 0; // how many of `open` came from the line before
  let p = 0; // next entry of `marks`
  for (let line = 0; line < lineStarts.length; line++) {
    const check = checks[line];
    if (check === LineCheck.Skip && open.n === 0) { carried = 0; continue; }
    if (check !== LineCheck.Carry || carried < 0) {
      reportOpen(found, open, 0, open.n, problems);
      open.n = 0;
    } else {
      // Only brackets opened on the line just before may still close here.
      dropFirst(found, open, open.n - carried, problems);
    }
    if (check === LineCheck.Skip) { carried = 0; continue; }
    const fromBefore = open.n;
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    const start = lineStarts[line];
    while (p < marks.length && marks[p] < start) p++;
    for (; p < marks.length && marks[p] < end; p++) {
      const m = MARK[codes[p]];
      if (m === 0) continue;
      if (m & 1) { pushOffset(open, p); continue; }
      const family = (m - 2) >> 1;
      let k = open.n - 1;
      while (k >= 0 && (MARK[codes[open.at[k]]] - 1) >> 1 !== family) k--;
      if (k < 0) {
        const mark = String.fromCharCode(codes[p]);
        problems.push({ mark, offset: marks[p], expected: OPENER_OF.get(mark) ?? '', kind: 'unopened' });
        continue;
      }
      reportOpen(found, open, k + 1, open.n, problems);
      open.n = k;
    }
    // Openers carried in and still open cannot close later; what opened here may.
    dropFirst(found, open, Math.min(fromBefore, open.n), problems);
    carried = open.n;
  }
  reportOpen(found, open, 0, open.n, problems);
  return problems.sort((a, b) => a.offset - b.offset);
}

/** The line scan's marks: offsets, and the char code at each. */
interface Marks {
  offsets: ArrayLike<number>;
  codes: ArrayLike<number>;
}

/** Reports the first n of `open` and removes them, in place. */
function dropFirst(found: Marks, open: OffsetList, n: number, problems: BracketProblem[]): void {
  if (n <= 0) return;
  reportOpen(found, open, 0, n, problems);
  open.at.copyWithin(0, n, open.n);
  open.n -= n;
}

/** Reports open[from, to) (indexes into the marks) as unclosed. */
function reportOpen(found: Marks, open: OffsetList, from: number, to: number, problems: BracketProblem[]): void {
  for (let j = from; j < to; j++) {
    const mark = String.fromCharCode(found.codes[open.at[j]]);
    problems.push({ mark, offset: found.offsets[open.at[j]], expected: CLOSER_OF.get(mark) ?? '', kind: 'unclosed' });
  }
}
