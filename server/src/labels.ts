// What the server itself says to users (hover labels, quick-fix titles): Chinese first, English for an English client.
import type { ClauseSource, Comparator, UnitRole } from './core';
import { englishReadReason } from './readReasons';

const zh = {
  task: '任务',
  target: '量化指标',
  clause: '责任分工',
  leads: '牵头单位',
  cooperators: '配合单位',
  none: '未明确',
  noLead: '未明确牵头单位',
  source: '分工来源',
  sources: { own: '本条自身的责任分工', parent: '继承上级条目的责任分工', standing: '统一说明（以下均需……）' } as Record<ClauseSource, string>,
  targets: '量化指标',
  noTargets: '无',
  metric: '指标',
  comparator: '要求',
  comparators: { '>=': '不低于（≥）', '<=': '不高于（≤）', '=': '保持（=）', '~': '左右（≈）', up: '提高', down: '下降' } as Record<Comparator, string>,
  value: '目标值',
  relative: '相对目标（无具体数值）',
  unit: '单位',
  year: '年份',
  yearSources: { text: '句中写明', scope: '由“到××年”统领', period: '规划期末' } as Record<string, string>,
  baseYear: '基准年',
  insertClause: '补充责任分工（填写牵头单位）',
  insertClauseText: (t: string) => `插入责任分工“${t}”`,
  insertLead: (t: string) => `补充牵头单位“${t}”`,
  renumberRun: '重新编号本级标题',
  renumberDocument: '重新编号全文标题',
  closeBracket: (mark: string) => `补上缺少的“${mark}”`,
  openDocumentFirst: '请先在编辑器中打开要重新编号的方案。',
  precedents: '先例',
  unknownCity: '城市不详',
  unknownYear: '年份不详',
  noDocNumber: '无文号',
  excerpt: '摘录',
  yearOf: (y: number) => `${y}年`,
  lacksTargets: (k: number, n: number) => (k === n ? '先例均有量化指标，本任务没有' : `先例中 ${k}/${n} 有量化指标，本任务没有`),
  lacksLead: (k: number, n: number) => (k === n ? '先例均明确牵头单位，本任务没有' : `先例中 ${k}/${n} 明确牵头单位，本任务没有`),
  precedentTable: ['城市', '年份', '指标', '比较', '数值'],
  comparatorMarks: { '>=': '≥', '<=': '≤', '=': '=', '~': '≈', up: '提高', down: '下降' } as Record<Comparator, string>,
  standing: (parts: { above: number; below: number; equal: number }) =>
    [parts.above && `高于 ${parts.above} 个`, parts.below && `低于 ${parts.below} 个`, parts.equal && `与 ${parts.equal} 个持平`]
      .filter(Boolean)
      .join('、')
      .replace(/个/, '个先例'),
  draftValue: '本方案',
  unitLens: {
    roles: { lead: '牵头单位', cooperator: '配合单位', standing: '统一说明（以下均需……）中的单位' } as Record<UnitRole, string>,
    generic: '泛指其他各有关单位，不是某一个单位',
    inDraft: '本方案',
    counts: (lead: number, cooperate: number) => `牵头 ${lead} 项 · 配合 ${cooperate} 项`,
    leadTasks: '牵头',
    cooperateTasks: '配合',
    more: (n: number) => `……等 ${n} 项`,
    inPrecedents: (plans: number) => `先例（${plans} 份方案）`,
    notInPrecedents: '先例中未见此单位',
    noTasks: '本方案的任务未列出此单位',
  },
  suppress: (task: string) => `忽略此任务上的该问题…（任务“${task}”）`,
  suppressBadArgs: '忽略问题需要：文档、规则、任务标题和原因。',
  suppressNoFolder: '未保存的文档不在任何工作区文件夹中，无处写入 qplan.config.json。',
  suppressBrokenConfig: (file: string) => `${file} 有语法错误，请先修正后再添加忽略项。`,
  clauseSaveFailed: (why: string) => `无法保存条款：${why}`,
  teamAgency: (aliases: string[]) => `团队单位名录${aliases.length ? `（又称${aliases.join('、')}）` : ''}`,
  /** A file-layer reason (PlanReadError) as the client shows it. */
  readReason: (reason: string) => reason,
  importLocalOnly: '只能导入本机上的文件',
  importFailed: '读取时内部出错（详情见输出面板中的语言服务器日志）',
  completion: {
    unitDetail: (c: { draftLead: number; draftCoop: number; precedentLead: number; precedentCoop: number }) =>
      [
        c.draftLead + c.draftCoop > 0 && `本方案${c.draftLead ? ` ${c.draftLead} 次牵头` : ''}${c.draftCoop ? ` ${c.draftCoop} 次配合` : ''}`,
        c.precedentLead + c.precedentCoop > 0 && `先例${c.precedentLead ? ` ${c.precedentLead} 次牵头` : ''}${c.precedentCoop ? ` ${c.precedentCoop} 次配合` : ''}`,
      ]
        .filter(Boolean)
        .join(' · '),
    generic: '（泛指）',
    indicatorPlans: (n: number) => `${n} 份先例设有此指标：`,
  },
};

export type Labels = typeof zh;

const en: Labels = {
  task: 'Task',
  target: 'Target',
  clause: 'Responsibility clause',
  leads: 'Lead',
  cooperators: 'Cooperating',
  none: 'not named',
  noLead: 'no lead unit',
  source: 'Clause from',
  sources: { own: 'the task’s own clause', parent: 'a parent item’s clause', standing: 'a standing note (以下均需……)' },
  targets: 'Targets',
  noTargets: 'none',
  metric: 'Metric',
  comparator: 'Requirement',
  comparators: { '>=': 'at least (≥)', '<=': 'at most (≤)', '=': 'kept at (=)', '~': 'about (≈)', up: 'increase', down: 'decrease' },
  value: 'Value',
  relative: 'relative target (no number)',
  unit: 'Unit',
  year: 'Year',
  yearSources: { text: 'stated in the sentence', scope: 'from a governing “到××年”', period: 'end of the plan period' },
  baseYear: 'Base year',
  insertClause: 'Add a responsibility clause (fill in the lead unit)',
  insertClauseText: (t) => `Insert responsibility clause "${t}"`,
  insertLead: (t) => `Add a lead unit "${t}"`,
  renumberRun: 'Renumber the headings at this level',
  renumberDocument: 'Renumber all headings',
  closeBracket: (mark) => `Insert the missing "${mark}"`,
  openDocumentFirst: 'Open the plan to renumber in an editor first.',
  precedents: 'Precedents',
  unknownCity: 'city unknown',
  unknownYear: 'year unknown',
  noDocNumber: 'no document number',
  excerpt: 'Excerpt',
  yearOf: (y) => String(y),
  lacksTargets: (k, n) => (k === n ? 'All precedents set a quantified target; this task has none' : `${k} of ${n} precedents set a quantified target; this task has none`),
  lacksLead: (k, n) => (k === n ? 'All precedents name a lead unit; this task does not' : `${k} of ${n} precedents name a lead unit; this task does not`),
  precedentTable: ['City', 'Year', 'Metric', 'Req.', 'Value'],
  comparatorMarks: { '>=': '≥', '<=': '≤', '=': '=', '~': '≈', up: 'increase', down: 'decrease' },
  standing: (parts) =>
    [parts.above && `above ${parts.above} precedent(s)`, parts.below && `below ${parts.below}`, parts.equal && `equal to ${parts.equal}`]
      .filter(Boolean)
      .join(', '),
  draftValue: 'This plan',
  unitLens: {
    roles: { lead: 'Lead unit', cooperator: 'Cooperating unit', standing: 'Unit of a standing note (以下均需……)' },
    generic: 'Generic “every other unit”, not one agency',
    inDraft: 'This plan',
    counts: (lead, cooperate) => `leads ${lead} · cooperates on ${cooperate}`,
    leadTasks: 'Leads',
    cooperateTasks: 'Cooperates',
    more: (n) => `… ${n} in all`,
    inPrecedents: (plans) => `Precedents (${plans} plan(s))`,
    notInPrecedents: 'No precedent names this unit',
    noTasks: 'No task of this plan names this unit',
  },
  suppress: (task) => `Ignore this finding on this task… (task "${task}")`,
  suppressBadArgs: 'Ignoring a finding needs the document, rule, task title and reason.',
  suppressNoFolder: 'An unsaved document outside any workspace folder has no place for qplan.config.json.',
  suppressBrokenConfig: (file) => `${file} has a syntax error; fix it before adding a suppression.`,
  clauseSaveFailed: (why) => `Could not save the clause: ${why}`,
  teamAgency: (aliases) => `team agency list${aliases.length ? ` (also ${aliases.join(', ')})` : ''}`,
  readReason: englishReadReason,
  importLocalOnly: 'only a file on this computer can be imported',
  importFailed: 'an internal error occurred while reading it (the language server log in the Output panel has the details)',
  completion: {
    unitDetail: (c) =>
      [
        c.draftLead + c.draftCoop > 0 && `this plan:${c.draftLead ? ` leads ${c.draftLead}` : ''}${c.draftCoop ? ` cooperates ${c.draftCoop}` : ''}`,
        c.precedentLead + c.precedentCoop > 0 && `precedents:${c.precedentLead ? ` leads ${c.precedentLead}` : ''}${c.precedentCoop ? ` cooperates ${c.precedentCoop}` : ''}`,
      ]
        .filter(Boolean)
        .join(' · '),
    generic: ' (generic)',
    indicatorPlans: (n) => `Set by ${n} precedent plan(s):`,
  },
};

export function labelsFor(locale: 'zh-cn' | 'en'): Labels {
  return locale === 'en' ? en : zh;
}
