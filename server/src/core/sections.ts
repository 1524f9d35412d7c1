// Which kind of section a heading opens: background, principles, goals, tasks or safeguards.
import type { SectionKind } from './model';

const RULES: [RegExp, SectionKind][] = [
  [/保障措施|保障机制|组织保障|实施保障|保障条件|组织实施|措施保障|工作保障|支撑保障/, 'safeguard'],
  [/任务|重点工作|主要措施|工作措施|主要举措|重点举措|重点行动|主要内容/, 'task'],
  [/目标/, 'goal'],
  [/指导思想|基本原则|总体要求|总体思路|工作原则|指导原则|编制依据/, 'principle'],
  [/发展基础|发展现状|现实基础|工作基础|基础与|面临形势|形势|机遇|挑战|回顾|主要成效|工作成效|取得成效|存在问题|发展环境|背景/, 'context'],
];

/**
 * The section kind a heading's title names, or null when it names none. Only consulted for
 * top-level headings and for children of principle/context containers (总体要求 → 主要目标),
 * so a task titled 组织质量工作考核 under a task chapter stays a task.
 */
export function sectionOfTitle(title: string): SectionKind | null {
  for (const [re, kind] of RULES) if (re.test(title)) return kind;
  return null;
}

/** The section a heading is in, given its title and its parent's section (null at top level). */
export function classifySection(title: string, parent: SectionKind | null): SectionKind {
  if (parent === null) return sectionOfTitle(title) ?? 'task';
  if (parent === 'principle' || parent === 'context') return sectionOfTitle(title) ?? parent;
  return parent;
}
