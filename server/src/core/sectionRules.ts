// missing-section: a section the document type requires (主要目标, 重点任务, 保障措施) is absent.
import type { PlanModel, SectionKind } from './model';
import { lineSpan, type Finding, type RuleContext } from './ruleTypes';

/**
 * Default requirements by a word of the title. A five-year 规划 and an 实施方案 set goals, tasks and
 * safeguards; a yearly 行动计划 often states its targets inside the tasks (seeds 000, 002), so only
 * tasks and safeguards are required of it. Anything else is not checked unless the team says so.
 */
export const DEFAULT_REQUIRED_SECTIONS: Record<string, string[]> = {
  规划: ['goal', 'task', 'safeguard'],
  实施方案: ['goal', 'task', 'safeguard'],
  行动计划: ['task', 'safeguard'],
  实施意见: ['task', 'safeguard'],
};

const KIND_NAMES: Record<SectionKind, string> = { context: '发展基础', principle: '指导思想', goal: '主要目标', task: '重点任务', safeguard: '保障措施' };
const KINDS = new Set(Object.keys(KIND_NAMES));

export function sectionRules(ctx: RuleContext): Finding[] {
  const { model, text, options } = ctx;
  // A text without an outline is not a plan to hold to a structure.
  if (model.headings.filter((h) => h.kind !== 'bullet').length < 2) return [];
  const table = options.requiredSections ?? DEFAULT_REQUIRED_SECTIONS;
  const title = model.title ?? '';
  const keys = Object.keys(table).filter((k) => k === '*' || (k !== '' && title.includes(k)));
  if (!keys.length) return [];
  const required = [...new Set(keys.flatMap((k) => table[k] ?? []))];
  const missing = required.filter((r) => !present(model, r));
  if (!missing.length) return [];
  const docType = keys.find((k) => k !== '*') ?? '方案';
  const requiredText = required.map((r) => `“${label(r)}”`).join('、');
  const line = model.titleLine >= 0 ? model.titleLine : 0;
  const span = lineSpan(model, text, line);
  return missing.map((r) => ({ rule: 'missing-section', id: 'missing-section', span, args: { section: label(r), docType, required: requiredText } }));
}

/** A section kind is present when a heading is in it; a heading word when a heading title contains it. */
function present(model: PlanModel, requirement: string): boolean {
  if (KINDS.has(requirement)) return model.headings.some((h) => h.section === requirement && h.kind !== 'bullet');
  return model.headings.some((h) => h.title.includes(requirement));
}

function label(requirement: string): string {
  return KINDS.has(requirement) ? KIND_NAMES[requirement as SectionKind] : requirement;
}
