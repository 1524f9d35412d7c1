// The team config file: every field read into options, problems placed on the offending text, defaults kept.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits } from 'jsonc-parser';
import { addSuppressionEdits, checkPlan, newConfigText, parseTeamConfig, teamConfigOptions, withTeamConfig, type ConfigProblem } from '../../server/src/core';
import { plan } from './helpers';

/** Problems as "text-at-offset → Chinese message" so the position is checked with the words. */
const placed = (text: string, problems: ConfigProblem[]) =>
  problems.map((p) => `${p.severity} ${JSON.stringify(text.slice(p.offset, p.offset + Math.max(p.length, 1)))} ${p.zh}`);

const FULL = `{
  "$schema": "./client/schemas/qplan.config.schema.json",
  // 宿州市质量强市工作专班
  "city": "宿州市",
  "period": { "start": 2021, "end": 2025 },
  "agencies": ["市市场监管局", { "name": "市发展改革委", "aliases": ["市发改委"] }],
  "rules": { "missing-target": "off", "missing-lead": "error", "heading-style": "warn" },
  "leadSections": ["task", "safeguard"],
  "targetSections": ["goal"],
  "requiredSections": { "行动计划": ["task", "保障措施"], "*": ["goal"] },
  "precedents": ["precedents", "../shared/plans"],
  "clauses": "team/clauses",
  "suppress": [
    { "rule": "missing-target", "task": "加强组织领导", "reason": "保障措施无法量化", "file": "drafts/2026.txt" },
  ],
  "locale": "zh-cn",
}`;

describe('parseTeamConfig', () => {
  it('reads every field of a full file with comments and trailing commas, with no problem', () => {
    const { config, problems, broken } = parseTeamConfig(FULL);
    expect(problems).toEqual([]);
    expect(broken).toBe(false);
    expect(config).toEqual({
      city: '宿州市',
      period: { start: 2021, end: 2025 },
      agencies: [{ name: '市市场监管局' }, { name: '市发展改革委', aliases: ['市发改委'] }],
      severities: { 'missing-target': 'off', 'missing-lead': 'error', 'heading-style': 'warning' },
      leadSections: ['task', 'safeguard'],
      targetSections: ['goal'],
      requiredSections: { 行动计划: ['task', '保障措施'], '*': ['goal'] },
      precedents: ['precedents', '../shared/plans'],
      clauses: 'team/clauses',
      suppress: [{ rule: 'missing-target', task: '加强组织领导', reason: '保障措施无法量化', file: 'drafts/2026.txt' }],
      locale: 'zh-cn',
    });
  });

  it('fills the AnalysisOptions fields the rules read', () => {
    const options = teamConfigOptions(parseTeamConfig(FULL).config);
    expect(options.city).toBe('宿州市');
    expect(options.period).toEqual({ start: 2021, end: 2025 });
    expect(options.agencies?.[1]).toEqual({ name: '市发展改革委', aliases: ['市发改委'] });
    expect(options.requiredSections).toEqual({ 行动计划: ['task', '保障措施'], '*': ['goal'] });
    expect(options.suppressions).toHaveLength(1);
    expect(options.severities).toEqual({ 'missing-target': 'off', 'missing-lead': 'error', 'heading-style': 'warning' });
  });

  it('is what checkPlan obeys: a rule the file turns off is silent, one it raises is an error', () => {
    const m = plan('2024年某市质量强市工作行动计划', '一、重点任务', '（一）加强品牌培育。', '二、保障措施', '加强组织领导。');
    const options = teamConfigOptions(parseTeamConfig('{ "rules": { "missing-target": "off", "missing-lead": "error" } }').config);
    expect(checkPlan(m, m.text).map((d) => `${d.rule} ${d.severity}`)).toEqual(['missing-lead warning', 'missing-target information']);
    expect(checkPlan(m, m.text, options).map((d) => `${d.rule} ${d.severity}`)).toEqual(['missing-lead error']);
  });

  it('gives one error at the first syntax error and falls back to defaults entirely', () => {
    const text = '{\n  "city": "宿州市"\n  "rules": { "missing-target": "off" }\n}';
    const { config, problems, broken } = parseTeamConfig(text);
    expect(broken).toBe(true);
    expect(config).toEqual({});
    expect(placed(text, problems)).toEqual(['error "\\"rules\\"" 配置文件不是有效的 JSON：此处应为逗号“,”。已按默认设置检查。']);
  });

  it('names the full-width comma or colon a Chinese keyboard slipped in', () => {
    const text = '{ "city"： "宿州市" }';
    const [p] = parseTeamConfig(text).problems;
    expect(text.slice(p.offset, p.offset + p.length)).toBe('：');
    expect(p.zh).toContain('JSON 须用半角标点：此处是全角“：”，应为“:”');
  });

  it('reports an unclosed file and an empty one without throwing', () => {
    for (const text of ['{ "rules": { "missing-lead": "off" }', '', '   ', '\ufeff{', 'null']) {
      const r = parseTeamConfig(text);
      expect(r.config).toEqual({});
      expect(r.problems.length, JSON.stringify(text)).toBe(1);
      expect(r.problems[0].offset).toBeLessThanOrEqual(text.length);
    }
    expect(parseTeamConfig('{ "rules": {} ').problems[0].zh).toContain('缺少右花括号“}”');
  });

  it('accepts a byte-order mark and keeps offsets in the text as given', () => {
    const text = '\ufeff{ "locale": "zh" }';
    const [p] = parseTeamConfig(text).problems;
    expect(text.slice(p.offset, p.offset + p.length)).toBe('"zh"');
  });

  it('warns about each field of the wrong type, at its value, and keeps the rest of the file', () => {
    const text = `{
  "city": 3,
  "period": { "start": 2025, "end": 2021 },
  "agencies": ["市市场监管局", 7, { "aliases": ["x"] }],
  "rules": { "missing-lead": true, "no-such-rule": "off", "missing-target": "off" },
  "leadSections": ["task", "tasks"],
  "targetSections": "task",
  "requiredSections": { "行动计划": "保障措施", "规划": ["goal", 1] },
  "precedents": "precedents",
  "clauses": [],
  "suppress": [{ "rule": "missing-target", "task": "加强品牌培育" }, { "rule": "missing-lead", "task": "加强组织领导", "reason": "另有文件明确" }, "x"],
  "locale": "zh",
  "extra": 1
}`;
    const { config, problems, broken } = parseTeamConfig(text);
    expect(broken).toBe(false);
    expect(placed(text, problems)).toEqual([
      'warning "3" “city”应为城市名称，如 "宿州市"',
      'warning "{ \\"start\\": 2025, \\"end\\": 2021 }" “period”的起始年份晚于结束年份',
      'warning "7" 单位应为名称，或 { "name": "市市场监管局", "aliases": ["市市场监督管理局"] }',
      'warning "{ \\"aliases\\": [\\"x\\"] }" 单位应为名称，或 { "name": "市市场监管局", "aliases": ["市市场监督管理局"] }',
      'warning "true" 规则“missing-lead”的级别 true 无效，可用 off、error、warning、information、hint',
      'warning "\\"no-such-rule\\"" 未知的规则“no-such-rule”，已忽略',
      'warning "\\"tasks\\"" 章节类型 "tasks" 无效，可用 context、principle、goal、task、safeguard',
      'warning "\\"task\\"" “targetSections”应为数组，元素取 context、principle、goal、task、safeguard',
      'warning "\\"保障措施\\"" 应为章节类型或标题用词的数组，如 ["task", "保障措施"]',
      'warning "1" 应为章节类型或标题用词（字符串）',
      'warning "\\"precedents\\"" “precedents”应为文件夹路径的数组（相对于本配置文件）',
      'warning "[]" “clauses”应为条款库文件夹（相对于本配置文件），如 ".qplan/clauses"',
      'warning "{ \\"rule\\": \\"missing-target\\", \\"task\\": \\"加强品牌培育\\" }" 这项忽略没有写原因（“reason”），未生效：请写明为何可以忽略，供审核时判断',
      'warning "\\"x\\"" 每项忽略应为 { "rule": "missing-target", "task": "任务标题", "reason": "原因" }',
      'warning "\\"zh\\"" “locale”应为 "zh-cn" 或 "en"',
      'warning "\\"extra\\"" 未知的配置项“extra”，已忽略',
    ]);
    // What was right still applies; what was wrong is left at its default.
    expect(config).toEqual({
      agencies: [{ name: '市市场监管局' }],
      severities: { 'missing-target': 'off' },
      leadSections: ['task'],
      requiredSections: { 规划: ['goal'] },
      suppress: [{ rule: 'missing-lead', task: '加强组织领导', reason: '另有文件明确' }],
    });
  });

  it('warns when the file is JSON but not an object', () => {
    const { config, problems } = parseTeamConfig('["missing-lead"]');
    expect(config).toEqual({});
    expect(problems.map((p) => p.zh)).toEqual(['配置文件应为一个 JSON 对象 { … }，已按默认设置检查']);
  });

  it('reads the old --config format (rules, leadSections, targetSections, locale) as it was', () => {
    const { config, problems } = parseTeamConfig('{ "rules": { "missing-target": "off" }, "leadSections": ["task", "safeguard"], "locale": "en" }');
    expect(problems).toEqual([]);
    expect(teamConfigOptions(config)).toEqual({ severities: { 'missing-target': 'off' }, leadSections: ['task', 'safeguard'], locale: 'en' });
  });
});

describe('withTeamConfig', () => {
  it('lets the file win over editor settings rule by rule, and leaves settings the file does not touch', () => {
    const settings = { severities: { 'missing-lead': 'hint', 'heading-style': 'off' }, leadSections: ['safeguard'] } as const;
    const config = parseTeamConfig('{ "rules": { "missing-lead": "error" }, "city": "宿州市" }').config;
    expect(withTeamConfig({ ...settings, severities: { ...settings.severities }, leadSections: [...settings.leadSections] }, config)).toEqual({
      severities: { 'missing-lead': 'error', 'heading-style': 'off' },
      leadSections: ['safeguard'],
      city: '宿州市',
    });
  });
});

describe('addSuppressionEdits', () => {
  const entry = { rule: 'missing-target', task: '加强品牌培育', reason: '指标在附件' };
  const apply = (text: string) => {
    const edits = addSuppressionEdits(text, entry);
    return edits && applyEdits(text, edits);
  };

  it('appends to an existing list on a line of its own, comments and other entries untouched', () => {
    const text = '{\n    // 团队配置\n    "city": "宿州市", // 本市\n    "suppress": [\n        // 已审\n        { "rule": "missing-lead", "task": "加强组织领导", "reason": "另有文件" }\n    ]\n}\n';
    expect(apply(text)).toBe(text.replace('另有文件" }', '另有文件" },\n        { "rule": "missing-target", "task": "加强品牌培育", "reason": "指标在附件" }'));
    expect(parseTeamConfig(apply(text)!).config.suppress).toHaveLength(2);
  });

  it('adds the list when the file has none, keeping the comments', () => {
    const out = apply('{\n  // 本市\n  "city": "宿州市"\n}\n')!;
    expect(out).toContain('// 本市');
    expect(parseTeamConfig(out)).toMatchObject({ problems: [], config: { city: '宿州市', suppress: [entry] } });
  });

  it('fills an empty list, adds nothing twice, and refuses to touch a broken file', () => {
    expect(parseTeamConfig(apply('{ "suppress": [] }')!).config.suppress).toEqual([entry]);
    const once = apply('{}')!;
    expect(addSuppressionEdits(once, entry)).toEqual([]);
    expect(addSuppressionEdits('{ "city": "宿州市" "x": 1 }', entry)).toBeUndefined();
    expect(addSuppressionEdits('{ "suppress": {} }', entry)).toBeUndefined();
  });

  it('creates a new file that parses with no problem', () => {
    expect(parseTeamConfig(newConfigText(entry))).toMatchObject({ problems: [], config: { suppress: [entry] } });
  });
});

describe('never fails', () => {
  it('reads any text, or any mangling of a good file, without throwing; problems point inside the text', () => {
    const mangled = fc.tuple(fc.nat(FULL.length), fc.nat(40), fc.string({ maxLength: 8 })).map(([at, cut, put]) => FULL.slice(0, at) + put + FULL.slice(at + cut));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json(), mangled), (text) => {
      const { config, problems, broken } = parseTeamConfig(text);
      for (const p of problems) {
        expect(p.offset).toBeGreaterThanOrEqual(0);
        expect(p.offset + p.length).toBeLessThanOrEqual(text.length);
        expect(p.zh).toMatch(/\p{Script=Han}/u);
      }
      if (broken) expect(config).toEqual({});
      expect(() => teamConfigOptions(config)).not.toThrow();
    }), { numRuns: 500 });
  });
});
