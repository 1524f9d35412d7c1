// Structural checks every PlanModel and diagnostic list must pass, whatever text produced them.
import type { Diagnostic, PlanModel, Span } from '../../server/src/core';

/** Every rule id in cli-contract.md; a diagnostic with any other id is a bug. */
export const KNOWN_RULES: ReadonlySet<string> = new Set([
  'missing-lead',
  'missing-target',
  'heading-sequence',
  'heading-style',
  'heading-level',
  'unbalanced-bracket',
  'clause-format',
  'multiple-leads',
  'obsolete-agency',
  'unknown-agency',
  'target-no-year',
  'target-out-of-period',
  'target-impossible',
  'target-conflict',
  'halfwidth-punctuation',
  'missing-section',
  'precedent-residue',
]);

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint']);
const SECTIONS: ReadonlySet<string> = new Set(['context', 'principle', 'goal', 'task', 'safeguard']);

function fail(message: string): never {
  throw new Error(message);
}

function isIndex(value: unknown, length: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

/** An index into a list of `length` items, or -1 for "none". */
function isIndexOrNone(value: unknown, length: number): boolean {
  return value === -1 || isIndex(value, length);
}

function checkSpan(span: Span | undefined, textLength: number, where: string): void {
  if (span === undefined || span === null) fail(`${where}: span missing`);
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > textLength) {
    fail(`${where}: span ${start}..${end} outside [0, ${textLength}]`);
  }
}

function checkLine(line: unknown, lineCount: number, where: string): void {
  if (!isIndex(line, lineCount)) fail(`${where}: line ${String(line)} not in [0, ${lineCount})`);
}

/** Throws a descriptive Error when `model` or `diagnostics` break an invariant for `text`. */
export function checkInvariants(text: string, model: PlanModel, diagnostics: Diagnostic[]): void {
  const n = text.length;
  // The core may catch its own exceptions and return an empty model marked `failure`: a safety
  // net for users, but still a bug here.
  const failure = (model as { failure?: string }).failure;
  if (failure !== undefined) fail(`analysis failed internally: ${failure}`);
  if (model.length !== n) fail(`model.length ${model.length} !== text.length ${n}`);

  const { lineStarts } = model;
  if (!Array.isArray(lineStarts) || lineStarts.length === 0 || lineStarts[0] !== 0) fail('lineStarts must start with 0');
  for (let i = 1; i < lineStarts.length; i++) {
    if (!(lineStarts[i] > lineStarts[i - 1]) || lineStarts[i] > n) fail(`lineStarts[${i}] = ${lineStarts[i]} not increasing within [0, ${n}]`);
  }
  const lines = lineStarts.length;
  if (model.titleLine !== -1) checkLine(model.titleLine, lines, 'titleLine');

  const { headings, tasks, clauses, targets } = model;
  headings.forEach((h, i) => {
    const at = `headings[${i}]`;
    checkLine(h.line, lines, at);
    checkLine(h.bodyEndLine, lines, `${at}.bodyEndLine`);
    checkLine(h.endLine, lines, `${at}.endLine`);
    if (h.bodyEndLine < h.line || h.endLine < h.bodyEndLine) fail(`${at}: line ${h.line} bodyEndLine ${h.bodyEndLine} endLine ${h.endLine} out of order`);
    if (!(h.parent === -1 || (isIndex(h.parent, headings.length) && h.parent < i))) fail(`${at}: parent ${h.parent} must be -1 or an earlier heading`);
    if (!Number.isInteger(h.depth) || h.depth < 1) fail(`${at}: depth ${h.depth}`);
    if (!isIndexOrNone(h.task, tasks.length)) fail(`${at}: task ${h.task} out of range`);
    if (!SECTIONS.has(h.section)) fail(`${at}: section ${h.section}`);
    checkSpan(h.markerSpan, n, `${at}.markerSpan`);
    checkSpan(h.titleSpan, n, `${at}.titleSpan`);
  });

  tasks.forEach((t, i) => {
    const at = `tasks[${i}]`;
    if (!isIndex(t.heading, headings.length)) fail(`${at}: heading ${t.heading} not a heading index`);
    if (headings[t.heading].task !== i) fail(`${at}: headings[${t.heading}].task is ${headings[t.heading].task}, not ${i}`);
    checkLine(t.line, lines, at);
    checkLine(t.endLine, lines, `${at}.endLine`);
    if (t.endLine < t.line) fail(`${at}: endLine ${t.endLine} before line ${t.line}`);
    if (!isIndexOrNone(t.clause, clauses.length)) fail(`${at}: clause ${t.clause} out of range`);
    for (const k of t.targets) if (!isIndex(k, targets.length)) fail(`${at}: target ${k} out of range`);
    if (!SECTIONS.has(t.section)) fail(`${at}: section ${t.section}`);
  });

  clauses.forEach((c, i) => {
    const at = `clauses[${i}]`;
    checkLine(c.line, lines, at);
    checkSpan(c.span, n, at);
    if (!isIndexOrNone(c.heading, headings.length)) fail(`${at}: heading ${c.heading} out of range`);
  });

  targets.forEach((g, i) => {
    const at = `targets[${i}]`;
    checkLine(g.line, lines, at);
    checkSpan(g.span, n, at);
    if (!isIndexOrNone(g.task, tasks.length)) fail(`${at}: task ${g.task} out of range`);
    if (g.value !== null && !Number.isFinite(g.value)) fail(`${at}: value ${g.value} not finite`);
    if (g.valueMax !== null && !Number.isFinite(g.valueMax)) fail(`${at}: valueMax ${g.valueMax} not finite`);
  });

  model.brackets.forEach((b, i) => {
    if (!isIndex(b.offset, n)) fail(`brackets[${i}]: offset ${b.offset} not in [0, ${n})`);
  });

  diagnostics.forEach((d, i) => {
    const at = `diagnostics[${i}] (${d.rule})`;
    if (!KNOWN_RULES.has(d.rule)) fail(`${at}: unknown rule id`);
    if (!SEVERITIES.has(d.severity)) fail(`${at}: severity ${d.severity}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') fail(`${at}: empty message`);
    checkSpan(d.span, n, at);
  });
}
