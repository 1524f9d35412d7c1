// The 任务分工表: one row per task with its units, targets and deadline, grouped under its parent headings.
import type { Heading, PlanModel, SectionKind } from '../model';
import { taskDeadline, type DeadlineSource } from './deadline';

export interface TaskMatrixRow {
  /** 序号: 1, 2, 3… over the whole table (bullet tasks have no ordinal of their own). */
  number: number;
  /** The plan's own marker as written: （一）, 1., ——; "" for a bullet, which numbers nothing. */
  marker: string;
  title: string;
  /** The parent headings, marker and title each (一、深入推进质量强市战略), outermost first. */
  group: string[];
  leads: string[];
  cooperators: string[];
  /** The task's targets as written in the text. */
  targets: string[];
  deadline: string;
  deadlineSource: DeadlineSource | null;
  /** 1-based line of the task heading, for jumping to it. */
  line: number;
  endLine: number;
  section: SectionKind;
}

export interface TaskMatrix {
  /** The plan's title, or null. */
  planTitle: string | null;
  /** The table's title: 《plan》任务分工表. */
  title: string;
  rows: TaskMatrixRow[];
}

/** The table's name after the plan's: 2016年苏州市质量强市工作行动计划任务分工表. */
export function tableTitle(planTitle: string | null, name: string): string {
  return planTitle ? `${planTitle}${name}` : name;
}

/** The 任务分工表 of a plan: every task of the model, in order; `text` is the analysed text. */
export function buildTaskMatrix(model: PlanModel, text: string): TaskMatrix {
  const rows = model.tasks.map((task, i): TaskMatrixRow => {
    const heading = model.headings[task.heading] as Heading | undefined;
    const targets = task.targets.map((t) => model.targets[t]).filter((t) => t !== undefined);
    const deadline = taskDeadline(linesText(model, text, task.line, task.endLine), targets.map((t) => t.year), model.period);
    return {
      number: i + 1,
      marker: heading && heading.kind !== 'bullet' ? heading.marker : '',
      title: task.title,
      group: heading ? ancestors(model, heading) : [],
      leads: [...task.leads],
      cooperators: [...task.cooperators],
      targets: targets.map((t) => t.text),
      deadline: deadline.text,
      deadlineSource: deadline.source,
      line: task.line + 1,
      endLine: task.endLine + 1,
      section: task.section,
    };
  });
  return { planTitle: model.title, title: tableTitle(model.title, '任务分工表'), rows };
}

/** Marker plus title of every heading above `heading`, outermost first. */
function ancestors(model: PlanModel, heading: Heading): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  for (let p = heading.parent; p >= 0 && !seen.has(p); p = model.headings[p]?.parent ?? -1) {
    seen.add(p);
    const h = model.headings[p];
    if (!h) break;
    out.unshift(headingLabel(h));
  }
  return out;
}

/** 一、深入推进质量强市战略; a bullet's dash is left out. */
export function headingLabel(h: Heading): string {
  return h.kind === 'bullet' ? h.title : `${h.marker}${h.title}`;
}

/** The text of 0-based lines first..last inclusive. */
export function linesText(model: PlanModel, text: string, first: number, last: number): string {
  const start = model.lineStarts[first] ?? text.length;
  const end = model.lineStarts[last + 1] ?? text.length;
  return text.slice(start, Math.max(start, end));
}
