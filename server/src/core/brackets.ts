// Bracket balance per line: （）() 《》 “” 〔〕 【】 [] — with a line's open brackets allowed to
// close on the next line, since clauses and sentences get broken across lines in real copies.
import type { BracketProblem } from './model';

const PAIRS: Record<string, string> = { '（': '）', '(': ')', '《': '》', '“': '”', '〔': '〕', '【': '】', '[': ']', '［': '］' };
const FAMILY: Record<string, string> = {
  '（': 'paren', '(': 'paren', '）': 'paren', ')': 'paren', '《': 'book', '》': 'book', '“': 'quote', '”': 'quote',
  '〔': 'tortoise', '〕': 'tortoise', '【': 'lenticular', '】': 'lenticular', '[': 'square', ']': 'square', '［': 'square', '］': 'square',
};
const MARKS = /[（()）《》“”〔〕【】[\]［］]/g;

interface Open {
  mark: string;
  offset: number;
}

/**
 * Scans the given line ranges (in order) in one pass over the text. `carry` says whether a
 * line may close the previous line's brackets (false for headings and after blank lines).
 */
export function findBracketProblems(text: string, lines: { start: number; end: number; carry: boolean }[]): BracketProblem[] {
  const problems: BracketProblem[] = [];
  const stack: Open[] = [];
  let carried = 0;
  let li = -1;
  const enterLine = (next: number) => {
    while (li < next) {
      // Brackets carried into the line just finished and still open are reported now.
      if (li >= 0 && carried > 0) {
        for (const o of stack.splice(0, Math.min(carried, stack.length))) report(o, problems);
      }
      li++;
      if (li < lines.length && !lines[li].carry) flushUnclosed(stack, problems);
      carried = stack.length;
    }
  };
  MARKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKS.exec(text)) !== null) {
    let target = Math.max(li, 0);
    while (target < lines.length && lines[target].end <= m.index) target++;
    if (target >= lines.length) break;
    if (m.index < lines[target].start) continue;
    enterLine(target);
    const mark = m[0];
    if (mark in PAIRS) { stack.push({ mark, offset: m.index }); continue; }
    const fam = FAMILY[mark];
    let k = stack.length - 1;
    while (k >= 0 && FAMILY[stack[k].mark] !== fam) k--;
    if (k < 0) {
      problems.push({ mark, offset: m.index, expected: openerOf(mark), kind: 'unopened' });
      continue;
    }
    for (let j = stack.length - 1; j > k; j--) report(stack[j], problems);
    stack.length = k;
    carried = Math.min(carried, k);
  }
  enterLine(lines.length);
  flushUnclosed(stack, problems);
  return problems.sort((a, b) => a.offset - b.offset);
}

function flushUnclosed(stack: Open[], problems: BracketProblem[]): void {
  for (const o of stack) report(o, problems);
  stack.length = 0;
}

function report(o: Open, problems: BracketProblem[]): void {
  problems.push({ mark: o.mark, offset: o.offset, expected: PAIRS[o.mark], kind: 'unclosed' });
}

function openerOf(close: string): string {
  for (const [o, c] of Object.entries(PAIRS)) if (c === close) return o;
  return '';
}
