// The team config file (qplan.config.json, JSON with comments): parsed and validated into typed
// options plus a list of problems with offsets, so an editor can mark the very character.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { AgencyEntry, AnalysisOptions, Period, RuleId, SectionKind, Severity, Suppression } from './model';
import { ruleInfo } from './rules';

/** The name the server and `qplan check` look for, walking up from a plan's folder. */
export const TEAM_CONFIG_NAME = 'qplan.config.json';
/** Where the clause library lives when the file does not say, relative to the config file. */
export const DEFAULT_CLAUSES_DIR = '.qplan/clauses';

export interface TeamConfig {
  city?: string;
  period?: Period;
  agencies?: AgencyEntry[];
  /** `rules`: rule id → severity or off. */
  severities?: Partial<Record<RuleId, Severity | 'off'>>;
  leadSections?: SectionKind[];
  targetSections?: SectionKind[];
  requiredSections?: Record<string, string[]>;
  /** Precedent folders as written (relative to the config file's folder). */
  precedents?: string[];
  /** The clause library folder as written (relative to the config file's folder). */
  clauses?: string;
  suppress?: Suppression[];
  locale?: 'zh-cn' | 'en';
}

/** Something wrong in the file: where, how bad, and what to do, in Chinese and English. */
export interface ConfigProblem {
  offset: number;
  length: number;
  /** error: the file is unusable (syntax) and defaults apply; warning: one field or entry ignored; information: an entry with no effect. */
  severity: 'error' | 'warning' | 'information';
  zh: string;
  en: string;
}

export interface ParsedTeamConfig {
  config: TeamConfig;
  problems: ConfigProblem[];
  /** True when the file could not be read as JSON at all; `config` is then empty (all defaults). */
  broken: boolean;
  /** Where each entry of `config.suppress` is written, in the same order (for "this one is unused"). */
  suppressSpans?: { offset: number; length: number }[];
}

const LEVELS: Record<string, Severity | 'off'> = {
  off: 'off', error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information', hint: 'hint',
};
export const SECTION_KINDS: readonly SectionKind[] = ['context', 'principle', 'goal', 'task', 'safeguard'];
const KEYS = ['$schema', 'city', 'period', 'agencies', 'rules', 'leadSections', 'targetSections', 'requiredSections', 'precedents', 'clauses', 'suppress', 'locale'];

/** Full-width marks a Chinese keyboard slips into JSON, with the half-width one JSON needs. */
const FULLWIDTH: Record<string, string> = { '，': ',', '：': ':', '“': '"', '”': '"', '｛': '{', '｝': '}', '【': '[', '】': ']', '［': '[', '］': ']' };

const SYNTAX: Record<number, [string, string]> = {
  1: ['无效的字符', 'invalid symbol'],
  2: ['数字格式无效', 'invalid number format'],
  3: ['此处应为属性名（用半角双引号括起）', 'property name expected'],
  4: ['此处应为一个值', 'value expected'],
  5: ['此处应为冒号“:”', 'colon expected'],
  6: ['此处应为逗号“,”', 'comma expected'],
  7: ['缺少右花括号“}”', 'closing brace expected'],
  8: ['缺少右方括号“]”', 'closing bracket expected'],
  9: ['此处应已结束（多余的内容）', 'end of file expected'],
  10: ['无效的注释', 'invalid comment token'],
  11: ['注释没有结束（缺少 */）', 'unexpected end of comment'],
  12: ['字符串没有结束（缺少右引号）', 'unexpected end of string'],
  13: ['数字没有结束', 'unexpected end of number'],
  14: ['无效的 Unicode 转义', 'invalid unicode escape'],
  15: ['无效的转义字符', 'invalid escape character'],
  16: ['字符串中有无效字符（如未转义的换行）', 'invalid character in string'],
};

/**
 * Reads the text of a qplan.config.json. Never throws. A syntax error makes the whole file
 * unusable: one error problem (the first, which is the cause; later ones are its echoes) and an
 * empty config. A field of the wrong shape is a warning and only that field (or entry) falls
 * back to its default; an unknown key is a warning and ignored.
 */
export function parseTeamConfig(text: string): ParsedTeamConfig {
  const source = text.replace(/^\ufeff/, '');
  const shift = text.length - source.length;
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const e = errors[0] ?? { error: 4, offset: 0, length: 0 };
    return { config: {}, problems: [syntaxProblem(source, e, shift)], broken: true };
  }
  const problems: ConfigProblem[] = [];
  const warn = (node: Node, zh: string, en: string) =>
    problems.push({ offset: node.offset + shift, length: node.length, severity: 'warning', zh, en });
  if (root.type !== 'object') {
    warn(root, '配置文件应为一个 JSON 对象 { … }，已按默认设置检查', 'The config file must be a JSON object; defaults apply');
    return { config: {}, problems, broken: false };
  }
  const config: TeamConfig = {};
  const spans: { offset: number; length: number }[] = [];
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (!KEYS.includes(key)) {
      warn(keyNode, `未知的配置项“${key}”，已忽略`, `Unknown setting "${key}", ignored`);
      continue;
    }
    readField(key, value, config, warn, (n) => spans.push({ offset: n.offset + shift, length: n.length }));
  }
  return { config, problems, broken: false, ...(config.suppress ? { suppressSpans: spans } : {}) };
}

type Warn = (node: Node, zh: string, en: string) => void;

function readField(key: string, v: Node, config: TeamConfig, warn: Warn, suppressed: (n: Node) => void): void {
  switch (key) {
    case 'city':
      if (isText(v)) config.city = v.value.trim();
      else warn(v, '“city”应为城市名称，如 "宿州市"', '"city" must be a city name, e.g. "宿州市"');
      return;
    case 'locale':
      if (v.value === 'zh-cn' || v.value === 'en') config.locale = v.value;
      else warn(v, '“locale”应为 "zh-cn" 或 "en"', '"locale" must be "zh-cn" or "en"');
      return;
    case 'clauses':
      if (isText(v)) config.clauses = v.value.trim();
      else warn(v, '“clauses”应为条款库文件夹（相对于本配置文件），如 ".qplan/clauses"', '"clauses" must be a folder path relative to this file');
      return;
    case 'period':
      config.period = readPeriod(v, warn);
      if (!config.period) delete config.period;
      return;
    case 'agencies': {
      const list = arrayOf(v, warn, '“agencies”应为单位名称的数组', '"agencies" must be an array of unit names');
      const out: AgencyEntry[] = [];
      for (const item of list) {
        const entry = readAgency(item, warn);
        if (entry) out.push(entry);
      }
      if (v.type === 'array') config.agencies = out;
      return;
    }
    case 'rules':
      readRules(v, config, warn);
      return;
    case 'leadSections':
    case 'targetSections': {
      if (v.type !== 'array') {
        warn(v, `“${key}”应为数组，元素取 ${SECTION_KINDS.join('、')}`, `"${key}" must be an array of ${SECTION_KINDS.join(', ')}`);
        return;
      }
      const kinds: SectionKind[] = [];
      for (const item of v.children ?? []) {
        if (SECTION_KINDS.includes(item.value)) kinds.push(item.value);
        else warn(item, `章节类型 ${JSON.stringify(item.value)} 无效，可用 ${SECTION_KINDS.join('、')}`, `Invalid section kind ${JSON.stringify(item.value)}`);
      }
      config[key] = kinds;
      return;
    }
    case 'requiredSections': {
      if (v.type !== 'object') {
        warn(v, '“requiredSections”应为对象，如 { "行动计划": ["task", "保障措施"] }', '"requiredSections" must be an object, e.g. { "行动计划": ["task", "保障措施"] }');
        return;
      }
      const out: Record<string, string[]> = {};
      for (const prop of v.children ?? []) {
        const [k, list] = prop.children ?? [];
        if (!k || !list) continue;
        const words = arrayOf(list, warn, '应为章节类型或标题用词的数组，如 ["task", "保障措施"]', 'must be an array of section kinds or heading words')
          .filter((item) => (isText(item) ? true : (warn(item, '应为章节类型或标题用词（字符串）', 'must be a string'), false)))
          .map((item) => String(item.value).trim());
        if (list.type === 'array') out[String(k.value)] = words;
      }
      config.requiredSections = out;
      return;
    }
    case 'precedents': {
      const dirs = arrayOf(v, warn, '“precedents”应为文件夹路径的数组（相对于本配置文件）', '"precedents" must be an array of folder paths');
      const out = dirs.filter((d) => (isText(d) ? true : (warn(d, '应为文件夹路径（字符串）', 'must be a folder path'), false))).map((d) => String(d.value).trim());
      if (v.type === 'array') config.precedents = out;
      return;
    }
    case 'suppress': {
      const list = arrayOf(v, warn, '“suppress”应为数组，每项形如 { "rule": …, "task": …, "reason": … }', '"suppress" must be an array of { rule, task, reason }');
      const out: Suppression[] = [];
      for (const item of list) {
        const s = readSuppression(item, warn);
        if (s) {
          out.push(s);
          suppressed(item);
        }
      }
      if (v.type === 'array') config.suppress = out;
      return;
    }
  }
}

function readPeriod(v: Node, warn: Warn): Period | undefined {
  const shape = ['“period”应为 { "start": 2023, "end": 2025 }', '"period" must be { "start": 2023, "end": 2025 }'] as const;
  if (v.type !== 'object') return void warn(v, ...shape);
  const start = property(v, 'start');
  const end = property(v, 'end');
  for (const [name, n] of [['start', start], ['end', end]] as const) {
    if (!n) return void warn(v, `“period”缺少“${name}”，应为 { "start": 2023, "end": 2025 }`, `"period" lacks "${name}"`);
    if (!isYear(n.value)) return void warn(n, `“${name}”应为 1949 至 2100 之间的年份`, `"${name}" must be a year between 1949 and 2100`);
  }
  if (start!.value > end!.value) return void warn(v, '“period”的起始年份晚于结束年份', '"period" starts after it ends');
  return { start: start!.value, end: end!.value };
}

function readAgency(item: Node, warn: Warn): AgencyEntry | undefined {
  if (isText(item)) return { name: item.value.trim() };
  const shape = ['单位应为名称，或 { "name": "市市场监管局", "aliases": ["市市场监督管理局"] }', 'An agency must be a name or { "name", "aliases" }'] as const;
  if (item.type !== 'object') return void warn(item, ...shape);
  const name = property(item, 'name');
  if (!name || !isText(name)) return void warn(name ?? item, ...shape);
  const entry: AgencyEntry = { name: name.value.trim() };
  const aliases = property(item, 'aliases');
  if (aliases) {
    const list = arrayOf(aliases, warn, '“aliases”应为名称的数组', '"aliases" must be an array of names');
    entry.aliases = list.filter((a) => (isText(a) ? true : (warn(a, '别名应为名称（字符串）', 'an alias must be a string'), false))).map((a) => String(a.value).trim());
  }
  return entry;
}

function readRules(v: Node, config: TeamConfig, warn: Warn): void {
  if (v.type !== 'object') {
    warn(v, '“rules”应为对象，如 { "missing-target": "off" }', '"rules" must be an object, e.g. { "missing-target": "off" }');
    return;
  }
  const severities: Partial<Record<RuleId, Severity | 'off'>> = {};
  for (const prop of v.children ?? []) {
    const [k, level] = prop.children ?? [];
    if (!k || !level) continue;
    const id = String(k.value);
    if (!isRule(id)) {
      warn(k, `未知的规则“${id}”，已忽略`, `Unknown rule "${id}", ignored`);
      continue;
    }
    const known = typeof level.value === 'string' ? LEVELS[level.value.toLowerCase()] : undefined;
    if (!known) {
      warn(level, `规则“${id}”的级别 ${JSON.stringify(level.value ?? null)} 无效，可用 off、error、warning、information、hint`, `Invalid level for rule "${id}"`);
      continue;
    }
    severities[id] = known;
  }
  config.severities = severities;
}

function readSuppression(item: Node, warn: Warn): Suppression | undefined {
  if (item.type !== 'object') {
    return void warn(item, '每项忽略应为 { "rule": "missing-target", "task": "任务标题", "reason": "原因" }', 'A suppression must be { rule, task, reason }');
  }
  const fields: Record<string, string> = {};
  for (const name of ['rule', 'task', 'reason', 'file']) {
    const n = property(item, name);
    if (n && !(isText(n) && n.value.trim())) return void warn(n, `“${name}”应为非空文字`, `"${name}" must be non-empty text`);
    if (n) fields[name] = n.value.trim();
  }
  for (const name of ['rule', 'task', 'reason']) {
    if (!fields[name]) {
      const zh = name === 'reason' ? '这项忽略没有写原因（“reason”），未生效：请写明为何可以忽略，供审核时判断' : `这项忽略缺少“${name}”，未生效`;
      return void warn(item, zh, `This suppression lacks "${name}" and is not applied`);
    }
  }
  if (!isRule(fields.rule)) warn(property(item, 'rule')!, `未知的规则“${fields.rule}”`, `Unknown rule "${fields.rule}"`);
  return { rule: fields.rule, task: fields.task, reason: fields.reason, ...(fields.file ? { file: fields.file } : {}) };
}

/** The options a team config contributes to the analysis (precedent and clause folders are the server's and CLI's). */
export function teamConfigOptions(config: TeamConfig): AnalysisOptions {
  const out: AnalysisOptions = {};
  if (config.severities) out.severities = { ...config.severities };
  if (config.leadSections) out.leadSections = [...config.leadSections];
  if (config.targetSections) out.targetSections = [...config.targetSections];
  if (config.locale) out.locale = config.locale;
  if (config.agencies) out.agencies = config.agencies;
  if (config.city) out.city = config.city;
  if (config.period) out.period = config.period;
  if (config.requiredSections) out.requiredSections = config.requiredSections;
  if (config.suppress) out.suppressions = config.suppress;
  return out;
}

/**
 * Layers the team file over options from elsewhere (editor settings): what the file sets wins,
 * rule by rule, so the editor shows what `qplan check` in the pipeline reports.
 */
export function withTeamConfig(base: AnalysisOptions, config: TeamConfig): AnalysisOptions {
  const team = teamConfigOptions(config);
  return { ...base, ...team, severities: { ...base.severities, ...team.severities } };
}

/** The problem placed on a file-limited suppression that silenced nothing in its file (see unusedSuppressions). */
export function unusedSuppressionProblem(parsed: ParsedTeamConfig, index: number): ConfigProblem | undefined {
  const s = parsed.config.suppress?.[index];
  const span = parsed.suppressSpans?.[index];
  if (!s || !span) return undefined;
  return {
    ...span,
    severity: 'information',
    zh: `忽略项未起作用：${s.file} 中任务“${s.task}”没有 ${s.rule} 问题（任务改了标题，或问题已解决），可删除此项。`,
    en: `This suppression has no effect: task "${s.task}" in ${s.file} has no ${s.rule} finding (renamed, or fixed); it can be removed.`,
  };
}

function syntaxProblem(source: string, e: ParseError, shift: number): ConfigProblem {
  const [zh, en] = SYNTAX[e.error] ?? ['JSON 格式有误', 'invalid JSON'];
  const ch = source[e.offset] ?? '';
  const wide = FULLWIDTH[ch];
  const hint = wide ? `（JSON 须用半角标点：此处是全角“${ch}”，应为“${wide}”）` : '';
  return {
    offset: e.offset + shift,
    length: Math.max(e.length, wide ? 1 : 0),
    severity: 'error',
    zh: `配置文件不是有效的 JSON：${zh}${hint}。已按默认设置检查。`,
    en: `The config file is not valid JSON: ${en}${wide ? ` (full-width "${ch}" where JSON needs "${wide}")` : ''}. Defaults apply.`,
  };
}

function arrayOf(v: Node, warn: Warn, zh: string, en: string): Node[] {
  if (v.type === 'array') return v.children ?? [];
  warn(v, zh, en);
  return [];
}

function property(obj: Node, name: string): Node | undefined {
  const prop = obj.children?.find((p) => p.children?.[0]?.value === name);
  return prop?.children?.[1];
}

function isText(n: Node): n is Node & { value: string } {
  return n.type === 'string' && String(n.value).trim() !== '';
}

function isYear(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2100;
}

function isRule(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(ruleInfo, id);
}
