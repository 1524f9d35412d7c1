// What a rule group sees and returns: the plan, its text and the team's options in; findings out.
import { lineIndexAt } from './positions';
import type { AnalysisOptions, PlanModel, RuleId, Span, TextChange } from './model';
import type { MessageId } from './messages';

export interface RuleContext {
  model: PlanModel;
  /** The text the model was read from. */
  text: string;
  options: AnalysisOptions;
}

/** A fix before its title is rendered in the user's language. */
export interface FixDraft {
  id: MessageId;
  args: Record<string, string | number>;
  changes: TextChange[];
}

/** A finding before severity and language are applied. */
export interface Finding {
  rule: RuleId;
  id: MessageId;
  span: Span;
  args: Record<string, string | number>;
  fixes?: FixDraft[];
}

/** Past this many findings of one rule a document is not a plan; more would only flood the editor. */
export const MAX_PER_RULE = 2000;

/** A group of related rules over one plan. */
export type RuleGroup = (ctx: RuleContext) => Finding[];

/** Whether the team turned a rule off: checkPlan would drop all its findings, so they need not be sought. */
export function silent(options: AnalysisOptions, rule: RuleId): boolean {
  return options.severities?.[rule] === 'off';
}

/**
 * The year the plan speaks from: the year of its document number (the year it was issued, even
 * when a web copy is dated by its later repost), else its own date, else its period's start (the
 * model's, else the team's).
 */
export function planYear(model: PlanModel, options: AnalysisOptions): number | null {
  const issued = /(?:19|20)\d{2}/.exec(model.docNumber ?? '');
  if (issued) return Number(issued[0]);
  const fromDate = model.date ? Number(model.date.slice(0, 4)) : NaN;
  if (Number.isFinite(fromDate) && fromDate > 1900) return fromDate;
  return (model.period ?? options.period)?.start ?? null;
}

/** The line (0-based) holding an offset. */
export function lineOf(model: PlanModel, offset: number): number {
  return lineIndexAt(model.lineStarts, offset);
}

/** The span of a whole line without its line break. */
export function lineSpan(model: PlanModel, text: string, line: number): Span {
  const start = model.lineStarts[line] ?? 0;
  const next = model.lineStarts[line + 1] ?? text.length;
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end };
}

/** How far around an offset the helpers below look: a sentence or title is never longer, and a 100 000-character line stays linear. */
const WINDOW = 300;

/** The sentence (between 。；！？ or line ends) holding an offset, and the part of its line around it (start offset and text). */
export function around(text: string, offset: number): { sentence: string; lineText: { start: number; text: string } } {
  // Read by character code: no one-character strings for the thousands of findings of a large plan.
  const from = Math.max(0, offset - WINDOW);
  let lineStart = offset;
  while (lineStart > from && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const limit = Math.min(text.length, offset + WINDOW);
  let next = offset;
  while (next < limit && text.charCodeAt(next) !== 10) next++;
  const lineEnd = next < limit ? next : limit;
  let s = Math.min(offset, lineEnd);
  while (s > lineStart && !endsSentence(text.charCodeAt(s - 1))) s--;
  let e = Math.min(offset, lineEnd);
  while (e < lineEnd && !endsSentence(text.charCodeAt(e))) e++;
  return { sentence: text.slice(s, e), lineText: { start: lineStart, text: text.slice(lineStart, lineEnd) } };
}

/** 。；;！？!? */
function endsSentence(k: number): boolean {
  return k === 0x3002 || k === 0xff1b || k === 0x3b || k === 0xff01 || k === 0xff1f || k === 0x21 || k === 0x3f;
}

/** True when position `at` of a line is inside a 《…》 title. */
export function insideTitle(line: string, at: number): boolean {
  const open = line.lastIndexOf('《', at);
  return open >= 0 && line.lastIndexOf('》', at - 1) < open;
}
