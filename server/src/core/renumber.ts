// Renumbering headings: which ordinals to rewrite so every sibling run counts 1, 2, 3 …, touching nothing else.
import type { Heading, PlanModel, Span } from './model';
import { formatMarker, toChineseNumber } from './markers';

/** Rewrite the ordinal inside one heading marker: `span` covers only the numeral (empty for a lost one). */
export interface OrdinalEdit {
  span: Span;
  text: string;
  /** Index into PlanModel.headings. */
  heading: number;
}

/** The numeral inside a marker as written: 一 十二 3 １２ ①. */
const NUMERAL = /[〇零一二三四五六七八九十百]+|[0-9]+|[０-９]+|[①-⑳]/;
const FULLWIDTH_ZERO = 0xff10;

/**
 * Every ordinal edit that makes the document's heading numbers run 1, 2, 3 … within each
 * sibling run (same parent, same marker kind), as the heading-sequence rule counts them.
 * A run whose first number carries on from the run before it at the same depth (行动计划
 * numbering tasks across chapters) keeps carrying on. Bullets are never numbered; a lost
 * numeral (、总体要求) is put back. Brackets, separators and titles are left as written.
 */
export function planRenumbering(model: PlanModel, text: string): OrdinalEdit[] {
  const out: OrdinalEdit[] = [];
  for (const step of countRuns(model.headings)) {
    const edit = ordinalEdit(model.headings[step.heading], step.heading, step.want, text);
    if (edit) out.push(edit);
  }
  return out;
}

/** The edits of planRenumbering that fall in the sibling run holding `heading` (empty for a bullet). */
export function planRunRenumbering(model: PlanModel, text: string, heading: number): OrdinalEdit[] {
  const h = model.headings[heading];
  if (!h || h.kind === 'bullet') return [];
  const key = runKey(h);
  return planRenumbering(model, text).filter((e) => runKey(model.headings[e.heading]) === key);
}

function runKey(h: Heading): string {
  return `${h.parent}|${h.kind}`;
}

interface Step {
  heading: number;
  want: number;
}

/** Walks the headings in document order the way checkSequence does, giving each its wanted ordinal. */
function countRuns(headings: Heading[]): Step[] {
  const steps: Step[] = [];
  const lastInRun = new Map<string, number>();
  // Last number at each (kind, depth), as written and as renumbered: a run carries on when its
  // first number follows either, so fixing an earlier run does not break the carry-over.
  const lastWritten = new Map<string, number>();
  const lastWanted = new Map<string, number>();
  headings.forEach((h, k) => {
    if (h.kind === 'bullet') return;
    const run = runKey(h);
    const level = `${h.kind}|${h.depth}`;
    const prev = lastInRun.get(run);
    let want: number;
    if (prev !== undefined) want = prev + 1;
    else {
      const carried = h.ordinal !== null && h.ordinal !== 1 && lastWanted.has(level) &&
        (h.ordinal === lastWritten.get(level)! + 1 || h.ordinal === lastWanted.get(level)! + 1);
      want = carried ? lastWanted.get(level)! + 1 : 1;
    }
    steps.push({ heading: k, want });
    lastInRun.set(run, want);
    lastWanted.set(level, want);
    lastWritten.set(level, h.ordinal ?? want);
  });
  return steps;
}

/** The edit that gives `h` the ordinal `want`, or null when it already has it or cannot be written. */
function ordinalEdit(h: Heading, heading: number, want: number, text: string): OrdinalEdit | null {
  if (h.ordinal === want) return null;
  const written = text.slice(h.markerSpan.start, h.markerSpan.end);
  if (h.ordinal === null) {
    // A first-level heading that lost its numeral (、总体要求): the numeral goes before the 、.
    if (h.kind !== 'cn') return null;
    return { span: { start: h.markerSpan.start, end: h.markerSpan.start }, text: toChineseNumber(want), heading };
  }
  const m = NUMERAL.exec(written);
  if (!m) return null;
  const numeral = writeNumeral(m[0], want, h);
  if (numeral === null || numeral === m[0]) return null;
  const start = h.markerSpan.start + m.index;
  return { span: { start, end: start + m[0].length }, text: numeral, heading };
}

/** `want` written the way `like` is: Chinese, ASCII or full-width digits, or a circled number. */
function writeNumeral(like: string, want: number, h: Heading): string | null {
  const c = like.charCodeAt(0);
  if (c >= 0x2460 && c <= 0x2473) return want <= 20 ? formatMarker('circled', want) : null;
  if (c >= 48 && c <= 57) return String(want);
  if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) {
    return [...String(want)].map((d) => String.fromCharCode(FULLWIDTH_ZERO + Number(d))).join('');
  }
  return h.kind === 'num' || h.kind === 'num-paren' ? String(want) : toChineseNumber(want);
}
