// checkPlan: the reviewer's rules over a document model, with severities a team can change.
import type { AnalysisOptions, Diagnostic, PlanModel, RuleId, SectionKind, Severity, Span } from './model';
import { agencyRules } from './agencyRules';
import { CLAUSE_TEMPLATE } from './clauseTemplate';
import { checkLevel, checkSequence, checkStyle } from './headingRules';
import { renderMessage, type MessageId } from './messages';
import { punctuationRules } from './punctuationRules';
import { residueRules } from './residueRules';
import { MAX_PER_RULE, type FixDraft, type RuleGroup } from './ruleTypes';
import { sectionRules } from './sectionRules';
import { targetRules } from './targetRules';

/** Each rule's default severity and what it finds, for help texts, SARIF and settings. */
export const ruleInfo: Record<RuleId, { severity: Severity; zh: string; en: string }> = {
  'missing-lead': { severity: 'warning', zh: '任务没有牵头单位，也没有从上级或统一说明继承', en: 'A task with no lead unit, own or inherited' },
  'missing-target': { severity: 'information', zh: '任务没有量化指标', en: 'A task with no quantitative target' },
  'heading-sequence': { severity: 'warning', zh: '同级标题序号跳号、重复、倒序或缺失', en: 'A heading number skipped, repeated, out of order or lost' },
  'heading-style': { severity: 'warning', zh: '标题序号标点错误或同级混用', en: 'Wrong or mixed heading marker punctuation' },
  'heading-level': { severity: 'warning', zh: '标题序号用在了不当的层级', en: 'A heading marker used at the wrong depth' },
  'unbalanced-bracket': { severity: 'error', zh: '括号、书名号、引号不配对', en: 'An unmatched bracket, title mark or quote' },
  'clause-format': { severity: 'warning', zh: '责任分工格式有误：无单位、重复或既牵头又配合', en: 'A malformed responsibility clause' },
  'multiple-leads': { severity: 'information', zh: '一项任务有多个牵头单位（联合牵头易致责任不清）', en: 'More than one lead unit (joint leads dilute accountability)' },
  'obsolete-agency': { severity: 'warning', zh: '单位名称在方案成文前已因机构改革撤并（如 2023 年方案中的市质监局）', en: 'A unit name abolished before the plan\'s date (市质监局 in a 2023 plan)' },
  'unknown-agency': { severity: 'warning', zh: '单位不在团队单位名录中（可能写错，如市质检局）', en: 'A unit missing from the configured agency list (likely typo: 市质检局)' },
  'target-no-year': { severity: 'warning', zh: '量化指标没有年份，规划期也无法补足', en: 'A target with no year in scope and no plan period to supply one' },
  'target-out-of-period': { severity: 'warning', zh: '量化指标的年份不在规划期内', en: 'A target year outside the plan\'s period' },
  'target-impossible': { severity: 'warning', zh: '量化指标的数值不可能实现（100%以上、比率超过 100%）', en: 'A value that cannot be: 100%以上, a rate above 100%' },
  'target-conflict': { severity: 'warning', zh: '同一指标在方案中数值或年份不一致', en: 'The same metric with different values or years in one plan' },
  'halfwidth-punctuation': { severity: 'information', zh: '中文之间使用了半角标点 , ; : ( ) ? !', en: 'Half-width , ; : ( ) ? ! between Chinese characters' },
  'missing-section': { severity: 'information', zh: '缺少必备章节（可按文种配置）', en: 'A required section (configurable) is absent' },
  'precedent-residue': { severity: 'warning', zh: '照搬先例遗留的其他城市名称或单位', en: 'Another city\'s name or agency left over from a precedent' },
};

/** The rule groups beyond the first seven, each in its own file; a group that throws loses only its own findings. */
const RULE_GROUPS: RuleGroup[] = [agencyRules, targetRules, punctuationRules, sectionRules, residueRules];

const DEFAULT_LEAD_SECTIONS: SectionKind[] = ['task'];
const DEFAULT_TARGET_SECTIONS: SectionKind[] = ['task'];
export { MAX_PER_RULE };

/**
 * Runs every rule on a model and returns diagnostics sorted by position. Never throws. The
 * text is the one the model was read from (punctuation, residue and agency names are read from it).
 */
export function checkPlan(model: PlanModel, text: string, options: AnalysisOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const locale = options.locale ?? 'zh-cn';
  const perRule = new Map<RuleId, number>();
  const emit = (rule: RuleId, id: MessageId, span: Span, args: Record<string, string | number>, fixes?: FixDraft[]) => {
    const severity = options.severities?.[rule] ?? ruleInfo[rule].severity;
    const n = perRule.get(rule) ?? 0;
    if (severity === 'off' || n >= MAX_PER_RULE) return;
    perRule.set(rule, n + 1);
    const d: Diagnostic = { rule, severity, message: renderMessage(id, args, locale), span, args };
    if (fixes?.length) d.fixes = fixes.map((f) => ({ title: renderMessage(f.id, f.args, locale), changes: f.changes }));
    out.push(d);
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
  if (!model.failure) {
    const ctx = { model, text, options };
    for (const group of RULE_GROUPS) {
      try {
        for (const f of group(ctx)) emit(f.rule, f.id, f.span, f.args, f.fixes);
      } catch (e) {
        options.onInternalError?.(e);
      }
    }
  }
  // Team suppressions are applied by the caller (features/diagnostics.ts, cli/check.ts), which knows the file.
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
