// What a reviewer checks of a plan, as plain strings: the same plan read from two copies compares equal.
import type { PlanModel } from '../../server/src/core';

/** Title and number, headings with their markers, tasks with their units, targets with value and year. */
export function reviewed(m: PlanModel) {
  return {
    title: m.title,
    docNumber: m.docNumber,
    headings: m.headings.map((h) => `${h.marker}${h.title}`),
    tasks: m.tasks.map((t) => `${t.title}：${t.leads.join('、')}/${t.cooperators.join('、')}`),
    targets: m.targets.map((t) => `${t.metric}${t.comparator}${t.value}${t.unit}@${t.year}`),
  };
}
