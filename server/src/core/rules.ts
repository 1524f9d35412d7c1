// checkPlan: the reviewer's rules over a document model, with severities a team can change.
import type { AnalysisOptions, Diagnostic, PlanModel, RuleId, SectionKind, Severity, Span } from './model';
import { CLAUSE_TEMPLATE } from './clauseTemplate';
import { checkLevel, checkSequence, checkStyle } from './headingRules';
import { renderMessage, type MessageId } from './messages';

/** Each rule's default severity and what it finds, for help texts, SARIF and settings. */
export const ruleInfo: Record<RuleId, { severity: Severity; zh: string; en: string }> = {
  'missing-lead': { severity: 'warning', zh: '任务没有牵头单位，也没有从上级或统一说明继承', en: 'A task with no lead unit, own or inherited' },
  'missing-target': { severity: 'information', zh: '任务没有量化指标', en: 'A task with no quantitative target' },
  'heading-sequence': { severity: 'warning', zh: '同级标题序号跳号、重复、倒序或缺失', en: 'A heading number skipped, repeated, out of order or lost' },
  'heading-style': { severity: 'warning', zh: '标题序号标点错误或同级混用', en: 'Wrong or mixed heading marker punctuation' },
  'heading-level': { severity: 'warning', zh: '标题序号用在了不当的层级', en: 'A heading marker used at the wrong depth' },
  'unbalanced-bracket': { severity: 'error', zh: '括号、书名号、引号不配对', en: 'An unmatched bracket, title mark or quote' },
  'clause-format': { severity: 'warning', zh: '责任分工格式有误：无单位、重复或既牵头又配合', en: 'A malformed responsibility clause' },
};

const DEFAULT_LEAD_SECTIONS: SectionKind[] = ['task'];
const DEFAULT_TARGET_SECTIONS: SectionKind[] = ['task'];
/** Past this many findings of one rule a document is not a plan; more would only flood the editor. */
export const MAX_PER_RULE = 2000;

/**
 * Runs every rule on a model and returns diagnostics sorted by position. Never throws. The
 * text is the one the model was read from; today's rules need only the model.
 */
export function checkPlan(model: PlanModel, _text: string, options: AnalysisOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const locale = options.locale ?? 'zh-cn';
  const perRule = new Map<RuleId, number>();
  const emit = (rule: RuleId, id: MessageId, span: Span, args: Record<string, string | number>) => {
    const severity = options.severities?.[rule] ?? ruleInfo[rule].severity;
    const n = perRule.get(rule) ?? 0;
    if (severity === 'off' || n >= MAX_PER_RULE) return;
    perRule.set(rule, n + 1);
    out.push({ rule, severity, message: renderMessage(id, args, locale), span, args });
  };
  try {
    const { headings, tasks, clauses } = model;
    const leadSections = options.leadSections ?? DEFAULT_LEAD_SECTIONS;
    const targetSections = options.targetSections ?? DEFAULT_TARGET_SECTIONS;
    // Never the clock: the same plan must give the same messages in any year.
    const yearHint = model.period?.end ?? '20XX';
    for (const t of tasks) {
      const span = headings[t.heading].titleSpan;
      if (!t.leads.length && leadSections.includes(t.section)) {
        // The example is the clause the quick fix inserts, so the message and the fix agree.
        emit('missing-lead', t.cooperators.length ? 'missing-lead.coop-only' : 'missing-lead', span, { task: t.title, clause: CLAUSE_TEMPLATE });
      }
      if (!t.targets.length && targetSections.includes(t.section)) emit('missing-target', 'missing-target', span, { task: t.title, year: yearHint });
    }
    for (const f of [...checkSequence(headings), ...checkStyle(headings), ...checkLevel(headings)]) {
      const h = headings[f.heading];
      emit(f.rule, f.id, { start: h.markerSpan.start, end: h.markerSpan.end }, f.args);
    }
    for (const b of model.brackets) {
      emit('unbalanced-bracket', b.kind === 'unclosed' ? 'unbalanced-bracket.unclosed' : 'unbalanced-bracket.unopened',
        { start: b.offset, end: b.offset + b.mark.length }, { mark: b.mark, expected: b.expected });
    }
    for (const c of clauses) {
      if (!c.leads.length && !c.cooperators.length && !c.standing.length) emit('clause-format', 'clause-format.empty', c.span, {});
      for (const unit of c.duplicates) emit('clause-format', 'clause-format.duplicate', c.span, { unit });
      for (const unit of c.bothRoles) emit('clause-format', 'clause-format.both-roles', c.span, { unit });
    }
  } catch (e) {
    // Rules run on every keystroke; a rule bug loses findings, never the editor.
    options.onInternalError?.(e);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
