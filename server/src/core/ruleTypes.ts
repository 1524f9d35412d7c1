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
  const from = Math.max(0, offset - WINDOW);
  const nl = text.slice(from, offset).lastIndexOf('\n');
  const lineStart = nl >= 0 ? from + nl + 1 : from;
  const next = text.slice(offset, offset + WINDOW).indexOf('\n');
  const lineEnd = next >= 0 ? offset + next : Math.min(text.length, offset + WINDOW);
  const line = text.slice(lineStart, lineEnd);
  const at = offset - lineStart;
  let s = at;
  while (s > 0 && !'。；;！？!?'.includes(line[s - 1])) s--;
  let e = at;
  while (e < line.length && !'。；;！？!?'.includes(line[e])) e++;
  return { sentence: line.slice(s, e), lineText: { start: lineStart, text: line } };
}

/** True when position `at` of a line is inside a 《…》 title. */
export function insideTitle(line: string, at: number): boolean {
  const open = line.lastIndexOf('《', at);
  return open >= 0 && line.lastIndexOf('》', at - 1) < open;
}
