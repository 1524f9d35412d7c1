// qplan check with a team config: --config, qplan.config.json found by walking up, suppressions.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, lines, qplan, root, SEED_000, SEED_004, type JsonDiagnostic } from './run-qplan';

let tmp: string;

beforeAll(() => {
  buildBundle();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-config-'));
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A config file in the temporary folder, from text or an object. */
const config = (name: string, json: unknown) => {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};
/** "1:column" of `needle` in a one-line config file. */
const at = (file: string, needle: string) => `1:${readFileSync(file, 'utf8').indexOf(needle) + 1}`;

describe('qplan check --config', { timeout: 30_000 }, () => {

  it('changes severities, turns rules off and warns about unknown rule ids, at their place, without failing', () => {
    const file = config('team.json', {
      rules: { 'unbalanced-bracket': 'warning', 'missing-target': 'off', 'no-such-rule': 'error' },
      leadSections: ['task', 'safeguard'],
    });
    const r = qplan(['check', '--format', 'json', '--config', file, SEED_004]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`qplan: 警告：${file}:${at(file, '"no-such-rule"')}: 未知的规则“no-such-rule”，已忽略\n`);
    const diags = JSON.parse(r.stdout) as JsonDiagnostic[];
    expect(diags.find((d) => d.rule === 'unbalanced-bracket')?.severity).toBe('warning');
    expect(diags.some((d) => d.rule === 'missing-target')).toBe(false);
    // 保障措施 (safeguard) items of seed 004 carry no clause: now they must.
    const safeguard = lines(SEED_004).findIndex((l) => l.includes('(一)加强组织领导')) + 1;
    expect(diags.some((d) => d.rule === 'missing-lead' && d.line === safeguard)).toBe(true);
  });

  it('makes a rule an error, and so the exit status 1', () => {
    const strict = config('strict.json', { rules: { 'missing-lead': 'error' } });
    expect(qplan(['check', SEED_000]).status).toBe(0);
    const r = qplan(['check', '-c', strict, 'seeds/001_69752e7f9544ae63.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/  错误  missing-lead  /);
  });

  it('refuses a config file that is not there with exit 2, before checking anything', () => {
    const r = qplan(['check', '--config', path.join(tmp, 'missing.json'), SEED_004]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^qplan: 配置文件 .*missing\.json 不存在\n$/);
    expect(r.stdout).toBe('');
  });

  it('reports a broken config in one positioned line, exits 2, and still checks with the defaults', () => {
    const file = config('bad-json.json', '{\n  "rules": { "unbalanced-bracket": "off" }\n  "city": "宿州市"\n}');
    const r = qplan(['check', '--format', 'json', '--config', file, SEED_004]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`qplan: ${file}:3:3: 配置文件不是有效的 JSON：此处应为逗号“,”。已按默认设置检查。\n`);
    // The rule the broken file meant to turn off is still on: defaults, not half a file.
    expect((JSON.parse(r.stdout) as JsonDiagnostic[]).filter((d) => d.rule === 'unbalanced-bracket')).toHaveLength(1);
  });

  it('warns about a field of the wrong type and keeps the rest of the file', () => {
    const file = config('bad-level.json', { rules: { 'missing-lead': 'fatal', 'missing-target': 'off' }, leadSections: 'task' });
    const r = qplan(['check', '--format', 'json', '--config', file, SEED_004]);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `qplan: 警告：${file}:${at(file, '"fatal"')}: 规则“missing-lead”的级别 "fatal" 无效，可用 off、error、warning、information、hint`,
      `qplan: 警告：${file}:${at(file, '"task"')}: “leadSections”应为数组，元素取 context、principle、goal、task、safeguard`,
    ]);
    expect((JSON.parse(r.stdout) as JsonDiagnostic[]).some((d) => d.rule === 'missing-target')).toBe(false);
  });
});

describe('qplan check: the team config file found by walking up', { timeout: 30_000 }, () => {
  /** A team folder: qplan.config.json at the top, a draft two folders down. */
  const team = (name: string, configText: string | null) => {
    const dir = path.join(tmp, name);
    mkdirSync(path.join(dir, 'drafts/2016'), { recursive: true });
    if (configText !== null) writeFileSync(path.join(dir, 'qplan.config.json'), configText);
    copyFileSync(path.join(root, SEED_004), path.join(dir, 'drafts/2016/plan.txt'));
    return dir;
  };

  it('applies the nearest qplan.config.json above each file: a rule off, comments allowed', () => {
    const dir = team('walk-off', '{\n  // 本市不要求每项任务都有指标\n  "rules": { "missing-target": "off", "unbalanced-bracket": "warning" }\n}\n');
    const r = qplan(['check', '--format', 'json', 'drafts'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const diags = JSON.parse(r.stdout) as JsonDiagnostic[];
    expect(diags.length).toBeGreaterThan(0);
    expect(diags.some((d) => d.rule === 'missing-target')).toBe(false);
    // The same file without the config has them.
    const plain = JSON.parse(qplan(['check', '--format', 'json', path.join(dir, 'drafts/2016/plan.txt'), '--config', config('empty.json', '{}')]).stdout) as JsonDiagnostic[];
    expect(plain.some((d) => d.rule === 'missing-target')).toBe(true);
  });

  it('silences one finding on one task with a suppression, and only that one', () => {
    const plain = JSON.parse(qplan(['check', '--format', 'json', SEED_004]).stdout) as JsonDiagnostic[];
    const bracket = plain.find((d) => d.rule === 'unbalanced-bracket')!;
    const [model] = JSON.parse(qplan(['analyze', '--format', 'json', SEED_004]).stdout) as { tasks: { line: number; endLine: number; title: string }[] }[];
    const title = model.tasks.find((t) => t.line <= bracket.line && bracket.line <= t.endLine)?.title;
    expect(title).toBe('加快社会质量诚信体系建设');
    const suppress = [{ rule: 'unbalanced-bracket', task: title, reason: '原文如此，已报送更正' }];
    const dir = team('walk-suppress', JSON.stringify({ suppress }, null, 2));
    const r = qplan(['check', '--format', 'json', 'drafts'], { cwd: dir });
    expect(r.status).toBe(0);
    const diags = JSON.parse(r.stdout) as JsonDiagnostic[];
    expect(diags.some((d) => d.rule === 'unbalanced-bracket')).toBe(false);
    expect(diags).toHaveLength(plain.length - 1);
    // In SARIF the finding is kept for the record, marked suppressed with the team's reason, and the log still validates.
    const log = JSON.parse(qplan(['check', '--format', 'sarif', 'drafts'], { cwd: dir }).stdout);
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'sarif-2.1.0.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false, allErrors: true, formats: { uri: true, 'uri-reference': true, 'date-time': true, uuid: true } }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const marked = log.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(marked.map((x: { ruleId: string; suppressions: { kind: string; justification: string }[] }) => [x.ruleId, x.suppressions])).toEqual([
      ['unbalanced-bracket', [{ kind: 'external', justification: '原文如此，已报送更正' }]],
    ]);
    expect(log.runs[0].results).toHaveLength(plain.length);
  });

  it('warns, at its place, about a suppression that silenced nothing in the file it names, and only then', () => {
    const text = JSON.stringify({ suppress: [
      { rule: 'missing-lead', task: '已改名的任务', reason: '旧条目', file: 'drafts/2016/plan.txt' },
      { rule: 'missing-lead', task: '别的方案里的任务', reason: '不在本次检查中', file: 'drafts/2017/plan.txt' },
    ] }, null, 2);
    const dir = team('walk-unused', text);
    const r = qplan(['check', 'drafts'], { cwd: dir });
    expect(r.status).toBe(1);
    const entry = text.indexOf('{', text.indexOf('['));
    const where = `${text.slice(0, entry).split('\n').length}:${entry - text.lastIndexOf('\n', entry)}`;
    expect(r.stderr).toBe(`qplan: 警告：qplan.config.json:${where}: 忽略项未起作用：drafts/2016/plan.txt 中任务“已改名的任务”没有 missing-lead 问题（任务改了标题，或问题已解决），可删除此项。\n`);
  });

  it('reports a broken qplan.config.json with its path and position, and checks with defaults', () => {
    const dir = team('walk-broken', '{ "rules"： { "missing-target": "off" } }');
    const r = qplan(['check', 'drafts'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('qplan: qplan.config.json:1:10: 配置文件不是有效的 JSON：无效的字符（JSON 须用半角标点：此处是全角“：”，应为“:”）。已按默认设置检查。\n');
    expect(r.stdout).toMatch(/missing-target/);
    expect(r.stdout).toMatch(/unbalanced-bracket/);
  });

  it('applies the documented example: its file-limited suppression silences the missing lead it names', () => {
    const r = qplan(['check', '--format', 'json', 'docs/example/drafts']);
    expect(r.stderr).toBe('');
    const task = lines('docs/example/drafts/2026.plan.txt').findIndex((l) => l.includes('营造质量文化氛围')) + 1;
    const rest = (JSON.parse(r.stdout) as JsonDiagnostic[]).map((d) => `${d.line} ${d.rule} ${d.severity}`);
    expect(rest).toEqual([`${task} missing-target information`]);
    // Without the file's suppressions (an empty --config), 营造质量文化氛围 lacks its lead unit as well.
    const plain = (JSON.parse(qplan(['check', '--format', 'json', '--config', config('none.json', '{ "leadSections": ["task", "safeguard"] }'), 'docs/example/drafts']).stdout) as JsonDiagnostic[]).map((d) => `${d.line} ${d.rule}`);
    expect(plain).toEqual([`${task} missing-lead`, `${task} missing-target`]);
  });

  it('uses --config instead of the file found by walking up', () => {
    const dir = team('walk-explicit', '{ "rules": { "missing-target": "off" } }');
    const r = qplan(['check', '--format', 'json', '--config', config('keep.json', '{}'), 'drafts'], { cwd: dir });
    expect((JSON.parse(r.stdout) as JsonDiagnostic[]).some((d) => d.rule === 'missing-target')).toBe(true);
  });
});
