// The plan model as the public JSON of `qplan analyze` and `qplan outline`: 1-based lines, stable field names.
import type { Comparator, HeadingKind, PlanModel, SectionKind, Span, ClauseSource } from './model';
import { positionAt } from './positions';

/** One heading in `qplan analyze`; the first five fields are the contract, the rest are additions. */
export interface HeadingJson {
  line: number;
  kind: HeadingKind;
  ordinal: number | null;
  title: string;
  depth: number;
  /** 1-based column (UTF-16) of the marker. */
  column: number;
  marker: string;
  section: SectionKind;
  /** 1-based last line of the heading's subtree. */
  endLine: number;
}

export interface TaskJson {
  line: number;
  endLine: number;
  title: string;
  leads: string[];
  cooperators: string[];
  section: SectionKind;
  /** own: the task's clause; parent: an ancestor's; standing: a standing note's; null: none. */
  clauseSource: ClauseSource | null;
}

export interface TargetJson {
  line: number;
  text: string;
  metric: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  comparator: Comparator;
  year: number | null;
  /** 1-based column (UTF-16) where the target phrase starts. */
  column: number;
  baseYear: number | null;
  yearSource: 'text' | 'scope' | 'period' | null;
  section: SectionKind;
}

/** The object `qplan analyze --format json` prints for one file. */
export interface AnalysisJson {
  file: string;
  title: string | null;
  docNumber: string | null;
  date: string | null;
  period: { start: number; end: number } | null;
  /** 1-based line of the plan's own title, null when there is none. */
  titleLine: number | null;
  headings: HeadingJson[];
  tasks: TaskJson[];
  targets: TargetJson[];
}

/** The model of one plan as the `qplan analyze` JSON object (cli-contract.md), lines 1-based. */
export function toAnalysisJson(model: PlanModel, file: string): AnalysisJson {
  const column = (span: Span) => positionAt(model.lineStarts, span.start).column;
  return {
    file,
    title: model.title,
    docNumber: model.docNumber,
    date: model.date,
    period: model.period ? { start: model.period.start, end: model.period.end } : null,
    titleLine: model.title === null || model.titleLine < 0 ? null : model.titleLine + 1,
    headings: model.headings.map((h) => ({
      line: h.line + 1,
      kind: h.kind,
      ordinal: h.ordinal,
      title: h.title,
      depth: h.depth,
      column: column(h.markerSpan),
      marker: h.marker,
      section: h.section,
      endLine: h.endLine + 1,
    })),
    tasks: model.tasks.map((t) => ({
      line: t.line + 1,
      endLine: t.endLine + 1,
      title: t.title,
      leads: [...t.leads],
      cooperators: [...t.cooperators],
      section: t.section,
      clauseSource: t.clauseSource,
    })),
    targets: model.targets.map((t) => ({
      line: t.line + 1,
      text: t.text,
      metric: t.metric,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      comparator: t.comparator,
      year: t.year,
      column: column(t.span),
      baseYear: t.baseYear,
      yearSource: t.yearSource,
      section: t.section,
    })),
  };
}

/** One heading in the outline tree, with its sub-headings. */
export interface OutlineNode {
  line: number;
  column: number;
  kind: HeadingKind;
  ordinal: number | null;
  marker: string;
  title: string;
  depth: number;
  section: SectionKind;
  /** True when the heading is a task (an item to assign and track). */
  task: boolean;
  /** The task's lead and cooperating units; empty for headings that are not tasks. */
  leads: string[];
  cooperators: string[];
  children: OutlineNode[];
}

export interface Outline {
  title: string | null;
  titleLine: number | null;
  children: OutlineNode[];
}

/**
 * The heading tree of a plan, lines 1-based. Children follow the model's parent links; a
 * heading whose parent link does not point to an earlier heading becomes a root, so a damaged
 * model still yields a tree.
 */
export function toOutline(model: PlanModel): Outline {
  const nodes: OutlineNode[] = model.headings.map((h) => {
    const task = h.task >= 0 ? model.tasks[h.task] : undefined;
    return {
      line: h.line + 1,
      column: positionAt(model.lineStarts, h.markerSpan.start).column,
      kind: h.kind,
      ordinal: h.ordinal,
      marker: h.marker,
      title: h.title,
      depth: h.depth,
      section: h.section,
      task: task !== undefined,
      leads: task ? [...task.leads] : [],
      cooperators: task ? [...task.cooperators] : [],
      children: [],
    };
  });
  const roots: OutlineNode[] = [];
  model.headings.forEach((h, i) => {
    if (h.parent >= 0 && h.parent < i) nodes[h.parent].children.push(nodes[i]);
    else roots.push(nodes[i]);
  });
  return {
    title: model.title,
    titleLine: model.title === null || model.titleLine < 0 ? null : model.titleLine + 1,
    children: roots,
  };
}
