// The hover on a unit name in a clause: what it leads and cooperates on in this draft, and in the precedents.
import { tasksOfUnit, teamNames, teamUnitKey, unitInPrecedents, type AgencyEntry, type PlanModel, type PrecedentIndex, type UnitAt } from '../core';
import type { Labels } from '../labels';
import { escapeMarkdown as escape } from './markdown';
import { where } from './precedentHover';
import { headingName } from './symbols';

/** Task names listed per role before “……等 n 项”. */
const MAX_TASKS = 6;
/** Precedent plans listed. */
const MAX_PLANS = 5;

/**
 * Markdown for the unit under the cursor: its name and role in this clause; the draft's tasks it
 * leads and cooperates on (counted per task, inherited and standing responsibility included),
 * named briefly; then the precedents' counts and the plans that name it. `precedents` is
 * absent when the library is not wanted (the draft part still answers). The team's `agencies`
 * count each alias as its agency.
 */
export function unitHover(
  model: PlanModel, unit: UnitAt, labels: Labels,
  precedents?: { index: PrecedentIndex; exclude: string | undefined },
  agencies?: readonly AgencyEntry[],
): string {
  const l = labels.unitLens;
  const mine = tasksOfUnit(model, unit.name, teamUnitKey(agencies));
  const lines = [`**${escape(unit.name)}** · ${l.roles[unit.role]}`];
  if (mine.generic) lines.push('', l.generic);
  lines.push('');
  if (mine.lead.length + mine.cooperate.length === 0) lines.push(`**${l.inDraft}**：${l.noTasks}`);
  else {
    lines.push(`**${l.inDraft}**：${l.counts(mine.lead.length, mine.cooperate.length)}`, '');
    if (mine.lead.length) lines.push(`- ${l.leadTasks}：${taskNames(model, mine.lead, labels)}`);
    if (mine.cooperate.length) lines.push(`- ${l.cooperateTasks}：${taskNames(model, mine.cooperate, labels)}`);
  }
  if (precedents) {
    const found = unitInPrecedents(precedents.index, teamNames(agencies, unit.name), precedents.exclude);
    lines.push('');
    if (found.plans.length === 0) lines.push(`**${labels.precedents}**：${l.notInPrecedents}`);
    else {
      lines.push(`**${l.inPrecedents(found.plans.length)}**：${l.counts(found.lead, found.cooperate)}`, '');
      for (const p of found.plans.slice(0, MAX_PLANS)) lines.push(`- ${where(p.doc, labels)}：${l.counts(p.lead, p.cooperate)}`);
      if (found.plans.length > MAX_PLANS) lines.push(`- ${l.more(found.plans.length)}`);
    }
  }
  return lines.join('\n');
}

/** “(一)完成…；(三)加强…；……等 9 项”. */
function taskNames(model: PlanModel, tasks: number[], labels: Labels): string {
  const names = tasks.slice(0, MAX_TASKS).map((i) => {
    const h = model.headings[model.tasks[i].heading];
    return escape(h ? headingName(h) : model.tasks[i].title);
  });
  return names.join('；') + (tasks.length > MAX_TASKS ? `；${labels.unitLens.more(tasks.length)}` : '');
}
