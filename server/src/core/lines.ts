// The document as cleaned lines with their raw offsets: the one form every later pass reads.
import type { Span } from './model';
import { charTable, cleanNextLine, FOLDS, PAREN, RECORD, rawEnd, rawIndex, SPACE, type CleanLine, type CleanScan } from './normalize';
import { LineCheck } from './brackets';
import { mayStartHeading } from './headings';
import { isNoiseLine } from './noise';
import { markList } from './positions';

export interface PlanLine extends CleanLine {
  /** Offset of the raw line's first character in the document. */
  start: number;
  /** Offset just past the raw line's last character, before its line end. */
  end: number;
  noise: boolean;
  /** `LineFlag` bits: which kinds of character the line holds, so later passes skip it cheaply. */
  flags: number;
}

/**
 * What a line holds, from the one scan that cleans it. Each bit is a superset test for a later
 * pass: a line without the bit cannot give that pass anything.
 */
export const enum LineFlag {
  /** A bracket, title mark or quote that the bracket check pairs (listed in `PlanLines.marks`). */
  Mark = RECORD,
  /** What a target or a year mostly needs: a digit, 五 (十四五), 零 (为零). */
  Figure = 16,
  /** What an advert needs: a 1 (phone numbers) or 微 免 专 版 客 加 Q. */
  Advert = 32,
  /** What a clause's role words need: 单 (单位) 部 (部门) 牵 (牵头) 负 (负责) 配 (配合). */
  Role = 64,
  /** What the other targets need: 全 (全覆盖), 于 (不低于…水平); common, so only a hint. */
  Relative = 128,
  /** What a masked title or number needs: an opening 《 〔 [ ［ ( （. */
  Opener = 256,
  /** Sentence punctuation (。；;，,：:！？): a line without any may be a flattened table cell. */
  Punct = 512,
  // The bits below come from a line's first and last characters (`edgeFlags`), read while the
  // scan has them in cache: later passes then read only the lines that may matter to them.
  /** A start that may be a heading marker's (see `mayStartHeading`) or 附 (附件, where the body ends). */
  Opening = 1024,
  /** A last character that is a digit, as a table of contents row's page number is. */
  DigitEnd = 2048,
  /** A close: the line ends in ） or ), perhaps followed by one of 。；;，, (as a clause does). */
  CloseEnd = 4096,
}

// Each flag's characters, as `norm` reads them (a traditional or full-width form gets the flag too).
const LINE_TABLE = charTable([
  ['（）()《》“”〔〕【】[]［］', LineFlag.Mark],
  ['0123456789五零', LineFlag.Figure],
  ['1微免专版客加Q', LineFlag.Advert],
  ['单部牵负配', LineFlag.Role],
  ['全于', LineFlag.Relative],
  ['《〔[［(（', LineFlag.Opener],
  ['。；;，,：:！？', LineFlag.Punct],
]);

/** The scan's own cleaning bits (space, bracket, fold) left out: a line's flags are `LineFlag` bits only, however it was cleaned. */
const LINE_BITS = ~(SPACE | PAREN | FOLDS);

export interface PlanLines {
  lines: PlanLine[];
  lineStarts: number[];
  /** Document offsets of every bracket, title mark and quote, in order. */
  marks: Int32Array;
  /** The char code at each of `marks`: the bracket check need not read the text again. */
  markCodes: Uint16Array;
  /**
   * Per line, how the bracket check treats it: lines with a mark are checked, carrying what the
   * line before left open unless that line is empty; headings are made fresh later.
   */
  checks: Uint8Array;
}

/** Cleans every line once, in one read of its characters (the lines are counted first, by indexOf). Linear in the text's length. */
export function readLines(text: string): PlanLines {
  // Arrays sized once: grown line by line, they are copied over and over.
  const count = countLines(text);
  const lineStarts: number[] = new Array(count);
  const lines: PlanLine[] = new Array(count);
  const checks = new Uint8Array(count);
  const c: CleanScan = { text: '', norm: '', map: null, shift: 0, flags: 0 };
  const marks = markList();
  let previousEmpty = true;
  for (let i = 0, start = 0; i < count; i++) {
    const end = cleanNextLine(text, start, LINE_TABLE, c, marks);
    // One object literal, so every line shares a single hidden class.
    const noise = isNoiseLine(c.norm, (c.flags & LineFlag.Advert) !== 0);
    lines[i] = { text: c.text, norm: c.norm, map: c.map, shift: c.shift, start, end, noise, flags: (c.flags & LINE_BITS) | edgeFlags(c.norm) };
    lineStarts[i] = start;
    // A line with no bracket at all only closes what is open, as a skipped line does.
    if (!noise && c.flags & LineFlag.Mark) checks[i] = previousEmpty ? LineCheck.Fresh : LineCheck.Carry;
    previousEmpty = c.norm.length === 0;
    // CRLF, CR and LF each end a line, as `findLineStarts` reads them.
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { lines, lineStarts, marks: marks.at.subarray(0, marks.n), markCodes: marks.code.subarray(0, marks.n), checks };
}

/** The `LineFlag` bits read from the first and last characters of a cleaned line. */
function edgeFlags(norm: string): number {
  const n = norm.length;
  if (n === 0) return 0;
  const first = norm.charCodeAt(0);
  const last = norm.charCodeAt(n - 1);
  let flags = mayStartHeading(norm) || first === 0x9644 ? LineFlag.Opening : 0; // 附
  if (last >= 48 && last <= 57) flags |= LineFlag.DigitEnd;
  if (isClose(last) || (n >= 2 && isClose(norm.charCodeAt(n - 2)) && isLineEndMark(last))) flags |= LineFlag.CloseEnd;
  return flags;
}

/** ） or ). */
const isClose = (c: number) => c === 0x29 || c === 0xff09;
/** 。；;，, */
const isLineEndMark = (c: number) => c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff0c || c === 0x2c;

/** How many lines `text` has, its line ends read as `findLineStarts` reads them (by indexOf, far quicker than a loop). */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  // A CR ends a line unless an LF follows it, already counted.
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
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
