// analyzePlan: text in, document model out — one pass per concern, never throwing.
import type { PlanModel } from './model';
import { findBracketProblems, LineCheck } from './brackets';
import { readHeader } from './header';
import { readLines } from './lines';
import { findLineStarts } from './positions';
import { buildOutline } from './outline';
import { collectTargets } from './planTargets';
import { findClauses, findTasks } from './tasks';

/** Lines searched for the cover (title, number, date) when the body starts late or never. */
const MAX_HEADER_LINES = 400;

/**
 * Reads a plan as drafters and reviewers see it: cover, heading tree, tasks with their
 * responsible units, targets, and bracket problems. Any text gives a model: broken or
 * unrelated text gives an emptier one. Linear in the text's length.
 */
export function analyzePlan(text: string): PlanModel {
  try {
    return readPlan(text);
  } catch (e) {
    // A bug must not take the editor or a pipeline down: the rules see an empty plan, and
    // `failure` says why, so tests and logs can still catch it.
    return { ...emptyModel(text), failure: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
}

function readPlan(text: string): PlanModel {
  const { lines, lineStarts, marks, markCodes, checks } = readLines(text);
  const outline = buildOutline(lines);
  // While the headings just built are still in cache. Indexed: this loop runs once an analysis,
  // often unoptimized, where for-of allocates a result object per heading.
  const headings = outline.headings;
  for (let h = 0; h < headings.length; h++) if (checks[headings[h].line]) checks[headings[h].line] = LineCheck.Fresh;
  const headerEnd = Math.min(outline.bodyStart, MAX_HEADER_LINES);
  const header = readHeader(lines, headerEnd);
  const clauses = findClauses(lines, outline.headings);
  const tasks = findTasks(outline.headings, clauses);
  const targets = collectTargets(lines, outline, tasks, header.period, text);
  return {
    ...header,
    headings: outline.headings, tasks, clauses, targets, lineStarts, length: text.length,
    brackets: findBracketProblems(text, lineStarts, checks, marks, markCodes),
  };
}

function emptyModel(text: string): PlanModel {
  return {
    title: null, titleLine: -1, docNumber: null, date: null, period: null, headings: [], tasks: [], clauses: [],
    targets: [], lineStarts: findLineStarts(text), length: text.length, brackets: [],
  };
}
