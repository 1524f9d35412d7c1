// The 先例 part of task and target hovers: similar precedent tasks, and the same indicator across precedents.
import { findSameIndicator, findSimilarTasks, placeLabel, taskText, type Excerpt, type PlanModel, type PrecedentDoc, type PrecedentIndex, type Target, type Task } from '../core';
import type { Labels } from '../labels';
import { escapeMarkdown as escape } from './markdown';

/** At most this many rows in a target's precedent table. */
const MAX_TABLE_ROWS = 8;
/** At most this many targets listed per precedent task. */
const MAX_TASK_TARGETS = 3;

/**
 * Markdown lines on the top 3 precedent tasks most like `task` (none from `exclude`, the draft's own
 * file): where each comes from, its title, units, targets and an excerpt with the shared wording
 * in bold; then what the precedents have that the task lacks. Empty when nothing is similar enough.
 */
export function taskPrecedents(index: PrecedentIndex, model: PlanModel, text: string, task: Task, exclude: string | undefined, labels: Labels): string[] {
  const found = findSimilarTasks(index, taskText(model, text, task), { top: 3, excludeFile: exclude });
  if (found.length === 0) return [];
  const lines = ['', '---', '', `**${labels.precedents}**`, ''];
  for (const { doc, task: p, excerpt } of found) {
    lines.push(`- ${where(doc, labels)}：**${escape(p.title)}**`);
    lines.push(`  - ${labels.leads}：${list(p.leads, labels)}；${labels.cooperators}：${list(p.cooperators, labels)}`);
    const targets = p.targets.map((i) => doc.model.targets[i]).filter((t): t is Target => t !== undefined);
    if (targets.length > 0) {
      const shown = targets.slice(0, MAX_TASK_TARGETS).map((t) => `${escape(t.metric)} ${labels.comparatorMarks[t.comparator]} ${amount(t)}`);
      lines.push(`  - ${labels.targets}：${shown.join('；')}${targets.length > MAX_TASK_TARGETS ? ' …' : ''}`);
    }
    lines.push(`  - ${labels.excerpt}：${boldExcerpt(excerpt)}`);
  }
  const n = found.length;
  const withTargets = found.filter((r) => r.task.targets.length > 0).length;
  const withLead = found.filter((r) => r.task.leads.length > 0).length;
  const lacks: string[] = [];
  if (task.targets.length === 0 && withTargets > 0) lacks.push(labels.lacksTargets(withTargets, n));
  if (task.leads.length === 0 && withLead > 0) lacks.push(labels.lacksLead(withLead, n));
  if (lacks.length > 0) lines.push('', lacks.join('；'));
  return lines;
}

/**
 * Markdown lines on `target`'s indicator across the precedents (sameIndicator on the metric): a
 * table of city, year, metric, comparator and value, and where the draft's value stands among the
 * comparable ones (same unit, both numeric). Empty when no precedent has the indicator.
 */
export function targetPrecedents(index: PrecedentIndex, target: Target, exclude: string | undefined, labels: Labels): string[] {
  const rows: { doc: PrecedentDoc; t: Target }[] = [];
  const seen = new Set<string>();
  for (const { doc, target: t } of findSameIndicator(index, target.metric, exclude)) {
    const key = `${doc.file}\u0000${t.metric}\u0000${t.comparator}\u0000${t.value}\u0000${t.unit}\u0000${t.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ doc, t });
  }
  if (rows.length === 0) return [];
  const [city, year, metric, comparator, value] = labels.precedentTable;
  const lines = ['', '---', '', `**${labels.precedents}**`, '', `| ${city} | ${year} | ${metric} | ${comparator} | ${value} |`, '|---|---|---|---|---|'];
  for (const { doc, t } of rows.slice(0, MAX_TABLE_ROWS)) {
    const y = t.year ?? doc.year;
    lines.push(`| ${escape(placeLabel(doc) ?? labels.unknownCity)} | ${y === null ? labels.unknownYear : y} | ${escape(t.metric)} | ${labels.comparatorMarks[t.comparator]} | ${amount(t)} |`);
  }
  if (rows.length > MAX_TABLE_ROWS) lines.push(`| … | | | | |`);
  const standing = { above: 0, below: 0, equal: 0 };
  if (target.value !== null) {
    for (const { t } of rows) {
      if (t.value === null || t.unit !== target.unit) continue;
      if (target.value > t.value) standing.above++;
      else if (target.value < t.value) standing.below++;
      else standing.equal++;
    }
  }
  const stands = labels.standing(standing);
  if (stands) lines.push('', `${labels.draftValue} ${amount(target)}：${stands}`);
  return lines;
}

/** “苏州市 · 2016年 · 苏府〔2016〕63号”; a county-level place with its prefecture: “乐清市（温州） · …”. */
export function where(doc: PrecedentDoc, labels: Labels): string {
  return [placeLabel(doc) ?? labels.unknownCity, doc.year === null ? labels.unknownYear : labels.yearOf(doc.year), doc.docNumber ?? labels.noDocNumber].map(escape).join(' · ');
}

function amount(t: Target): string {
  if (t.value === null) return '—';
  const v = t.valueMax === null ? String(t.value) : `${t.value}—${t.valueMax}`;
  return escape(`${v}${t.unit ? ` ${t.unit}` : ''}`);
}

function list(units: readonly string[], labels: Labels): string {
  return units.length ? units.map(escape).join('、') : labels.none;
}

/** The excerpt escaped, its shared runs in bold (they are ideographs, letters or digits, so ** always closes). */
export function boldExcerpt(excerpt: Excerpt): string {
  let out = '';
  let at = 0;
  for (const m of excerpt.marks) {
    out += escape(excerpt.text.slice(at, m.start)) + '**' + escape(excerpt.text.slice(m.start, m.end)) + '**';
    at = m.end;
  }
  return out + escape(excerpt.text.slice(at));
}
