// The document model of a quality plan: plain data, offsets into the text, no editor types.

/** A half-open range of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export type HeadingKind = 'chapter' | 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'circled' | 'bullet';

/** What a section is for; decides whether its items are tasks and what is checked. */
export type SectionKind = 'context' | 'principle' | 'goal' | 'task' | 'safeguard';

export interface Heading {
  /** 0-based line index. */
  line: number;
  kind: HeadingKind;
  /** 一 → 1, （二十二） → 22; null for bullets and damaged markers (、总体要求). */
  ordinal: number | null;
  /** The marker as written, e.g. "（一）", "1、", "——". */
  marker: string;
  /** Marker punctuation style (、 . ． for numbers; fullfull/halfhalf/… for brackets). */
  style: string;
  /** The title without the marker and trailing 。：; */
  title: string;
  /** 1-based depth in the heading tree. */
  depth: number;
  /** Index of the parent heading in PlanModel.headings, or -1. */
  parent: number;
  /** Section kind in force for this heading and its body. */
  section: SectionKind;
  /** Last line (0-based, inclusive) of the heading's own body, before any child or next heading. */
  bodyEndLine: number;
  /** Last line (0-based, inclusive) of the heading's whole subtree. */
  endLine: number;
  markerSpan: Span;
  titleSpan: Span;
  /** Index into PlanModel.tasks when this heading is a task, else -1. */
  task: number;
}

/** How a task got its responsibility: its own clause, an ancestor's, or a standing note. */
export type ClauseSource = 'own' | 'parent' | 'standing';

export interface Clause {
  line: number;
  /** Whole clause including brackets or labels. */
  span: Span;
  leads: string[];
  cooperators: string[];
  form: 'bracket' | 'label';
  /** False when the opening bracket has no closing one (seed 004's last clause). */
  closed: boolean;
  /** Units a standing note (以下均需……不再列出) adds to this and every later task. */
  standing: string[];
  /** Units listed twice in one role: for the clause-format rule. */
  duplicates: string[];
  /** Units listed both as lead and as cooperator: for the clause-format rule. */
  bothRoles: string[];
  /** Index of the heading whose body holds the clause. */
  heading: number;
}

export interface Task {
  /** Index into PlanModel.headings. */
  heading: number;
  line: number;
  endLine: number;
  title: string;
  section: SectionKind;
  leads: string[];
  cooperators: string[];
  /** Index into PlanModel.clauses of the clause that applies, or -1. */
  clause: number;
  clauseSource: ClauseSource | null;
  /** Indexes into PlanModel.targets found in the task's text. */
  targets: number[];
}

/** >= 以上/不低于/达到, <= 以下/控制在, = 保持, ~ 左右, up/down for changes from a base. */
export type Comparator = '>=' | '<=' | '=' | '~' | 'up' | 'down';

export interface Target {
  line: number;
  span: Span;
  /** The phrase the target was read from. */
  text: string;
  metric: string;
  /** 7万件 → 70000; null for a relative target (不低于GDP增长幅度). */
  value: number | null;
  valueMax: number | null;
  /** As written: %, 个, 亿元, 微克/立方米, 个百分点; "" for an index or a bare count. */
  unit: string;
  comparator: Comparator;
  /** The year in scope, or null when neither the text nor the plan period gives one. */
  year: number | null;
  /** Where the year came from: this sentence, a governing 到20XX年, or the plan's period. */
  yearSource: 'text' | 'scope' | 'period' | null;
  baseYear: number | null;
  section: SectionKind;
  /** Index into PlanModel.tasks of the task holding the target, or -1. */
  task: number;
}

export interface Period {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type RuleId =
  | 'missing-lead'
  | 'missing-target'
  | 'heading-sequence'
  | 'heading-style'
  | 'heading-level'
  | 'unbalanced-bracket'
  | 'clause-format'
  | 'multiple-leads'
  | 'obsolete-agency'
  | 'unknown-agency'
  | 'target-no-year'
  | 'target-out-of-period'
  | 'target-impossible'
  | 'target-conflict'
  | 'halfwidth-punctuation'
  | 'missing-section'
  | 'precedent-residue';

/** One replacement of a quick fix: the text of `span` becomes `newText`. */
export interface TextChange {
  span: Span;
  newText: string;
}

/**
 * A safe fix for a finding, computed by the core so editors and pipelines apply the same edit.
 * A fix offered on many findings (全文半角标点改为全角 on every mark) shares one `changes`
 * array, so a consumer listing fixes can list it once (cli/located.ts, features/codeActions.ts).
 */
export interface Fix {
  /** What the fix does, in the requested locale (改为“市市场监管局”). */
  title: string;
  changes: TextChange[];
}

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** The message in the requested locale (Chinese by default). */
  message: string;
  span: Span;
  /** Message arguments, so an editor can re-render the message in another language. */
  args: Record<string, string | number>;
  /** Safe fixes, best first; absent when no edit is safe. */
  fixes?: Fix[];
}

export interface PlanModel {
  title: string | null;
  titleLine: number;
  docNumber: string | null;
  /** ISO yyyy-mm-dd. */
  date: string | null;
  period: Period | null;
  headings: Heading[];
  tasks: Task[];
  clauses: Clause[];
  targets: Target[];
  /** Offsets where each line starts; lineStarts.length is the line count. */
  lineStarts: number[];
  /** Length of the analysed text. */
  length: number;
  /** Bracket problems seen while reading (kept here so rules need not rescan). */
  brackets: BracketProblem[];
  /** Set only when the analysis hit an internal error and returned an empty model. */
  failure?: string;
}

export interface BracketProblem {
  /** The unmatched mark as written. */
  mark: string;
  /** Offset of the unmatched mark. */
  offset: number;
  /** The mark that would balance it. */
  expected: string;
  kind: 'unclosed' | 'unopened';
}

/** Options a team or user can set; everything has a default. */
export interface AnalysisOptions {
  /** Section kinds whose tasks must name a lead unit. Default ['task']. */
  leadSections?: SectionKind[];
  /** Section kinds whose tasks should carry a target. Default ['task']. */
  targetSections?: SectionKind[];
  /** Per-rule severity, or 'off'. */
  severities?: Partial<Record<RuleId, Severity | 'off'>>;
  /** 'zh-cn' (default) or 'en'. */
  locale?: 'zh-cn' | 'en';
  /** Called when a rule hits an internal error (that rule's findings are dropped): for logs and tests. */
  onInternalError?: (error: unknown) => void;
  /** The team's agency list (config `agencies`); unknown-agency stays silent without one. */
  agencies?: AgencyEntry[];
  /** The team's city (config `city`, e.g. 宿州市), for precedent-residue when the text does not say. */
  city?: string;
  /** The plan period when the title does not say (config `period`). */
  period?: Period;
  /**
   * Required sections per document type (config `requiredSections`): the key is a word of the
   * title (行动计划, 实施方案, 规划) or '*'; each value lists section kinds (goal, task, safeguard…)
   * or heading words (保障措施).
   */
  requiredSections?: Record<string, string[]>;
  /** Findings silenced on one task, with a reason (config `suppress`). */
  suppressions?: Suppression[];
}

/** One agency of the team's list, with the other names it goes by (市市场监督管理局 for 市市场监管局). */
export interface AgencyEntry {
  name: string;
  aliases?: string[];
}

/** One finding silenced on one task: matched by rule and task title, so it survives edits elsewhere. */
export interface Suppression {
  rule: string;
  /** The task's title as the outline shows it. */
  task: string;
  /** Why; required, so a reviewer can judge it. */
  reason: string;
  /** Limits the suppression to files whose path ends with this (e.g. drafts/2026.txt). */
  file?: string;
}
