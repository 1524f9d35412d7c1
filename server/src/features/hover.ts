// Hover: who answers for a task and what it must reach; what a target requires; whom a clause names; what a unit answers for.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { headingSpan, taskAtLine, unitAt, type AgencyEntry, type Clause, type PlanModel, type PrecedentIndex, type Target, type Task } from '../core';
import type { Plan } from '../documents';
import type { Labels } from '../labels';
import { toOffset, toRange } from '../lsp/convert';
import { escapeMarkdown as escape } from './markdown';
import { targetPrecedents, taskPrecedents } from './precedentHover';
import { headingName } from './symbols';
import { unitHover } from './unitHover';

/** The precedent library as a hover reads it: the index, and the file that is the draft itself (never its own precedent). */
export interface HoverPrecedents {
  index: PrecedentIndex;
  exclude: string | undefined;
}

/**
 * The hover at a position: a target under the cursor first, then a unit name in a clause, then
 * the rest of a clause, then a task's heading or any line of its body (the same task hover).
 * With `precedents`, task, target and unit hovers end with what earlier plans say.
 */
export function hover(plan: Plan, position: Position, labels: Labels, precedents?: HoverPrecedents, agencies?: readonly AgencyEntry[]): Hover | null {
  const { document, model } = plan;
  const offset = toOffset(document, position);
  const inside = (s: { start: number; end: number }) => s.start <= offset && offset < s.end;
  const target = model.targets.find((t) => inside(t.span));
  if (target) {
    const more = precedents ? targetPrecedents(precedents.index, target, precedents.exclude, labels) : [];
    return markdown([describeTarget(target, labels), ...more].join('\n'), toRange(document, target.span));
  }
  const unit = unitAt(model, plan.text, offset);
  if (unit) return markdown(unitHover(model, unit, labels, precedents, agencies), toRange(document, unit.span));
  const clause = model.clauses.find((c) => inside(c.span));
  if (clause) return markdown(describeClause(clause, labels), toRange(document, clause.span));
  const t = taskAtLine(model, position.line);
  if (t === undefined) return null;
  const task = model.tasks[t];
  const heading = model.headings[task.heading];
  const headingText = headingSpan(heading);
  // On the heading, the marker and title; on a body line, that line's text (never its blank margins).
  const span = inside(headingText) ? headingText : lineTextSpan(plan, position.line);
  if (!span || !(span.start <= offset && offset <= span.end)) return null;
  const more = precedents ? taskPrecedents(precedents.index, model, plan.text, task, precedents.exclude, labels) : [];
  return markdown([describeTask(model, task, `${labels.task} ${headingName(heading)}`, labels), ...more].join('\n'), toRange(document, span));
}

/** The non-blank text of a line as a span, or null for a blank line. */
function lineTextSpan(plan: Plan, line: number): { start: number; end: number } | null {
  const from = plan.model.lineStarts[line];
  if (from === undefined) return null;
  const next = plan.model.lineStarts[line + 1] ?? plan.text.length;
  const raw = plan.text.slice(from, next);
  const start = raw.search(/\S/);
  if (start < 0) return null;
  return { start: from + start, end: from + raw.trimEnd().length };
}

function describeTask(model: PlanModel, task: Task, title: string, labels: Labels): string {
  const lines = [`**${escape(title)}**`, ''];
  lines.push(`- ${labels.leads}：${units(task.leads, labels)}`);
  lines.push(`- ${labels.cooperators}：${units(task.cooperators, labels)}`);
  lines.push(`- ${labels.source}：${task.clauseSource ? labels.sources[task.clauseSource] : labels.none}`);
  const targets = task.targets.map((i) => model.targets[i]).filter(Boolean);
  lines.push(`- ${labels.targets}：${targets.length ? '' : labels.noTargets}`);
  for (const t of targets) lines.push(`  - ${escape(t.metric)} ${summary(t, labels)}`);
  return lines.join('\n');
}

function describeTarget(t: Target, labels: Labels): string {
  const lines = [`**${labels.target}**`, ''];
  lines.push(`- ${labels.metric}：${escape(t.metric)}`);
  lines.push(`- ${labels.comparator}：${labels.comparators[t.comparator]}`);
  lines.push(`- ${labels.value}：${t.value === null ? labels.relative : value(t)}`);
  if (t.unit) lines.push(`- ${labels.unit}：${escape(t.unit)}`);
  lines.push(`- ${labels.year}：${t.year === null ? labels.none : `${t.year}（${labels.yearSources[t.yearSource ?? ''] ?? ''}）`}`);
  if (t.baseYear !== null) lines.push(`- ${labels.baseYear}：${t.baseYear}`);
  return lines.join('\n');
}

function describeClause(c: Clause, labels: Labels): string {
  return [
    `**${labels.clause}**`,
    '',
    `- ${labels.leads}：${units(c.leads, labels)}`,
    `- ${labels.cooperators}：${units([...c.cooperators, ...c.standing], labels)}`,
  ].join('\n');
}

/** “≥ 80 个（2016）” for the task hover's list of targets. */
function summary(t: Target, labels: Labels): string {
  const amount = t.value === null ? labels.relative : `${value(t)}${t.unit ? ` ${escape(t.unit)}` : ''}`;
  return `${labels.comparators[t.comparator]} ${amount}${t.year === null ? '' : `（${t.year}）`}`;
}

function value(t: Target): string {
  return t.valueMax === null ? String(t.value) : `${t.value}—${t.valueMax}`;
}

function units(list: string[], labels: Labels): string {
  return list.length ? list.map(escape).join('、') : labels.none;
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
