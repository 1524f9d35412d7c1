// Over the wire: the team config file (severities, a broken file's diagnostic, re-reading on change),
// suppressions through the quick fix's command, and the team clause library as completions.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind, DiagnosticSeverity, InsertTextFormat, type CodeAction, type CompletionList, type Diagnostic } from 'vscode-languageserver-protocol';
import { buildServer, LspClient, removeDir } from './lspClient';

let bundle: string;
let tmp: string;
const clients: LspClient[] = [];

beforeAll(() => {
  bundle = buildServer();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-team-'));
}, 60_000);

afterAll(async () => {
  for (const c of clients) await c.stop();
  removeDir(tmp);
});

const PLAN = [
  '2024年某市质量强市工作行动计划',
  '一、重点任务',
  '（一）加强品牌培育。开展品牌创建活动。',
  '（二）提升标准水平。修订地方标准。（市市场监管局牵头）',
  '二、保障措施',
  '加强组织领导。',
  '',
].join('\n');
/** The plan without its 保障措施 part, for the clause tests that type one themselves. */
const TASKS = PLAN.slice(0, PLAN.indexOf('二、保障措施'));

/** A workspace folder with a plan in drafts/ and, when given, a qplan.config.json at its top. */
function workspace(name: string, config?: string) {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'drafts'), { recursive: true });
  const configFile = path.join(dir, 'qplan.config.json');
  if (config !== undefined) writeFileSync(configFile, config);
  const plan = path.join(dir, 'drafts/plan.txt');
  writeFileSync(plan, PLAN);
  return { dir, configFile, configUri: pathToFileURL(configFile).toString(), uri: pathToFileURL(plan).toString() };
}

async function start(dir: string, options: Parameters<typeof LspClient.start>[1] = {}): Promise<LspClient> {
  const c = await LspClient.start(bundle, { workspaceFolders: [dir], ...options, initializationOptions: { diagnosticDelay: 0, ...options.initializationOptions } });
  clients.push(c);
  return c;
}

const SEVERITY = ['', 'Error', 'Warning', 'Information', 'Hint'];
const rules = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line} ${d.code} ${SEVERITY[d.severity!]}`);

describe('the team config file', () => {
  it('sets severities for the plans below it, over the editor settings', async () => {
    const w = workspace('severities', '{\n  // 审核处要求\n  "rules": { "missing-lead": "error", "missing-target": "off" }\n}\n');
    const c = await start(w.dir, { settings: { severity: { 'missing-lead': 'hint', 'heading-style': 'off' } } });
    await c.open(w.uri, PLAN);
    expect(rules((await c.diagnosticsFor(w.uri, 1)).diagnostics)).toEqual(['2 missing-lead Error']);
  });

  it('gives a broken file one diagnostic at the error, in Chinese, and checks the plans with defaults', async () => {
    const w = workspace('broken', '{\n  "rules": { "missing-target": "off" }\n  "city": "宿州市"\n}\n');
    const c = await start(w.dir);
    await c.open(w.uri, PLAN);
    expect(rules((await c.diagnosticsFor(w.uri, 1)).diagnostics)).toEqual(['2 missing-lead Warning', '2 missing-target Information', '3 missing-target Information']);
    const onFile = (await c.diagnosticsFor(w.configUri)).diagnostics;
    expect(onFile).toHaveLength(1);
    expect(onFile[0]).toMatchObject({
      range: { start: { line: 2, character: 2 } },
      severity: DiagnosticSeverity.Error,
      source: 'qplan',
      message: '配置文件不是有效的 JSON：此处应为逗号“,”。已按默认设置检查。',
    });
  });

  it('is re-read when it changes: the plans are re-checked and the file’s problem cleared', async () => {
    const w = workspace('changes', '{ "rules": { "missing-target": "off" ');
    const c = await start(w.dir);
    await c.open(w.uri, PLAN);
    await c.diagnosticsFor(w.uri, 1);
    expect((await c.diagnosticsFor(w.configUri)).diagnostics).toHaveLength(1);
    const mark = c.diagnostics.length;
    writeFileSync(w.configFile, '{ "rules": { "missing-target": "off" } }');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: w.configUri, type: 2 }] });
    expect(rules((await c.diagnosticsFor(w.uri, 1, mark)).diagnostics)).toEqual(['2 missing-lead Warning']);
    expect((await c.diagnosticsFor(w.configUri, undefined, mark)).diagnostics).toEqual([]);
  });

  it('warns about a field of the wrong type at its value and applies the rest', async () => {
    const w = workspace('field', '{ "rules": { "missing-target": "off" }, "leadSections": "task" }');
    const c = await start(w.dir, { locale: 'en' });
    await c.open(w.uri, PLAN);
    expect(rules((await c.diagnosticsFor(w.uri, 1)).diagnostics)).toEqual(['2 missing-lead Warning']);
    const [problem] = (await c.diagnosticsFor(w.configUri)).diagnostics;
    expect(problem.severity).toBe(DiagnosticSeverity.Warning);
    expect(problem.message).toBe('"leadSections" must be an array of context, principle, goal, task, safeguard');
    expect(problem.range.start.character).toBe('{ "rules": { "missing-target": "off" }, "leadSections": '.length);
  });

  it('is found above the workspace folder too, as qplan check finds it', async () => {
    const w = workspace('above', '{ "rules": { "missing-lead": "off", "missing-target": "off" } }');
    const c = await start(path.join(w.dir, 'drafts'));
    await c.open(w.uri, PLAN);
    expect((await c.diagnosticsFor(w.uri, 1)).diagnostics).toEqual([]);
  });

  it('is ignored when the client says the workspace is not trusted', async () => {
    const w = workspace('untrusted', '{ "rules": { "missing-lead": "off", "missing-target": "off" } }');
    const c = await start(w.dir, { initializationOptions: { teamConfig: false } });
    await c.open(w.uri, PLAN);
    expect(rules((await c.diagnosticsFor(w.uri, 1)).diagnostics)).toHaveLength(3);
  });
});

describe('the team agency list in the unit hover', () => {
  it('counts an alias as its agency: 市场监管部门 is 市市场监管局', async () => {
    const w = workspace('agency-aliases', '{ "agencies": [{ "name": "市市场监管局", "aliases": ["市场监管部门"] }] }');
    const text = ['2024年某市质量强市工作行动计划', '一、重点任务', '（一）加强品牌培育。（市市场监管局牵头）', '（二）推进标准化。（市场监管部门牵头）', '二、保障措施', '加强组织领导。', ''].join('\n');
    const c = await start(w.dir);
    await c.open(w.uri, text);
    const h = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: w.uri }, position: { line: 3, character: text.split('\n')[3].indexOf('市场监管部门') + 2 } });
    expect(h?.contents.value).toContain('牵头 2 项');
    const refs = await c.request<unknown[]>('textDocument/references', { textDocument: { uri: w.uri }, position: { line: 2, character: 12 }, context: { includeDeclaration: true } });
    expect(refs).toHaveLength(2);
  });
});

describe('suppressions', () => {
  const codeActions = (c: LspClient, uri: string, diagnostics: Diagnostic[]) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });

  it('offer a quick fix that asks the client for a reason, then write the entry and silence only that finding', async () => {
    const config = '{\n  // 宿州市质量强市办\n  "city": "宿州市"\n}\n';
    const w = workspace('suppress', config);
    const c = await start(w.dir, { initializationOptions: { clientCommands: ['qplan.suppressFinding'] } });
    await c.open(w.uri, PLAN);
    const target = (await c.diagnosticsFor(w.uri, 1)).diagnostics.find((d) => d.code === 'missing-target' && d.range.start.line === 2)!;
    const fix = (await codeActions(c, w.uri, [target])).find((a) => a.command?.command === 'qplan.suppressFinding');
    expect(fix?.title).toBe('忽略此任务上的该问题…（任务“加强品牌培育”）');
    expect(fix?.command?.arguments).toEqual([w.uri, 'missing-target', '加强品牌培育']);

    const mark = c.diagnostics.length;
    const result = await c.request<{ file?: string }>('workspace/executeCommand', { command: 'qplan.addSuppression', arguments: [...fix!.command!.arguments!, '品牌培育以活动为主'] });
    expect(result.file).toBe(w.configUri);
    const written = readFileSync(w.configFile, 'utf8');
    expect(written).toContain('// 宿州市质量强市办');
    expect(written).toContain('{ "rule": "missing-target", "task": "加强品牌培育", "reason": "品牌培育以活动为主", "file": "drafts/plan.txt" }');
    expect(rules((await c.diagnosticsFor(w.uri, 1, mark)).diagnostics)).toEqual(['2 missing-lead Warning', '3 missing-target Information']);

    // Lines inserted above the task: still silenced.
    const mark2 = c.diagnostics.length;
    await c.change(w.uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '为推进质量强市建设，制定本计划。\n\n' }]);
    expect(rules((await c.diagnosticsFor(w.uri, 2, mark2)).diagnostics)).toEqual(['4 missing-lead Warning', '5 missing-target Information']);
  });

  it('mark a suppression for this plan that silences nothing (the task was renamed) on the config file', async () => {
    const w = workspace('suppress-unused', JSON.stringify({ suppress: [
      { rule: 'missing-target', task: '加强品牌培育', reason: '活动为主', file: 'drafts/plan.txt' },
      { rule: 'missing-target', task: '提升标准水平', reason: '另有文件', file: 'other/plan.txt' },
    ] }, null, 2));
    const c = await start(w.dir);
    await c.open(w.uri, PLAN);
    await c.diagnosticsFor(w.uri, 1);
    expect((await c.diagnosticsFor(w.configUri)).diagnostics).toEqual([]);
    const mark = c.diagnostics.length;
    await c.change(w.uri, 2, [{ range: { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } }, text: '加快' }]);
    await c.diagnosticsFor(w.uri, 2, mark);
    const [unused] = (await c.diagnosticsFor(w.configUri, undefined, mark)).diagnostics;
    expect(unused).toMatchObject({ severity: DiagnosticSeverity.Information, range: { start: { line: 2, character: 4 } } });
    expect(unused.message).toBe('忽略项未起作用：drafts/plan.txt 中任务“加强品牌培育”没有 missing-target 问题（任务改了标题，或问题已解决），可删除此项。');
    // Closing the plan withdraws the judgement: nothing open names that file any more.
    const mark2 = c.diagnostics.length;
    await c.close(w.uri);
    await c.waitUntil('config problems cleared', () => c.diagnostics.slice(mark2).some((d) => d.uri === w.configUri && d.diagnostics.length === 0));
  });

  it('create qplan.config.json at the workspace folder when there is none', async () => {
    const w = workspace('suppress-new');
    const c = await start(w.dir, { initializationOptions: { clientCommands: ['qplan.suppressFinding'] } });
    await c.open(w.uri, PLAN);
    await c.diagnosticsFor(w.uri, 1);
    const result = await c.request<{ file?: string }>('workspace/executeCommand', { command: 'qplan.addSuppression', arguments: [w.uri, 'missing-lead', '加强品牌培育', '联合发文另有分工'] });
    expect(result.file).toBe(w.configUri);
    expect(JSON.parse(readFileSync(w.configFile, 'utf8').replace(/^\s*\/\/.*$/m, '')).suppress).toEqual([{ rule: 'missing-lead', task: '加强品牌培育', reason: '联合发文另有分工', file: 'drafts/plan.txt' }]);
  });

  it('are not offered to a client that cannot ask for a reason, and a broken file is never rewritten', async () => {
    const w = workspace('suppress-broken', '{ "city": "宿州市" "x": 1 }');
    const c = await start(w.dir);
    await c.open(w.uri, PLAN);
    const diagnostics = (await c.diagnosticsFor(w.uri, 1)).diagnostics;
    expect((await codeActions(c, w.uri, diagnostics)).filter((a) => a.command?.command === 'qplan.suppressFinding')).toEqual([]);
    const result = await c.request<{ error?: string }>('workspace/executeCommand', { command: 'qplan.addSuppression', arguments: [w.uri, 'missing-lead', '加强品牌培育', '原因'] });
    expect(result.error).toContain('有语法错误');
    expect(readFileSync(w.configFile, 'utf8')).toBe('{ "city": "宿州市" "x": 1 }');
  });
});

describe('the clause library', () => {
  const complete = (c: LspClient, uri: string, line: number, character: number) =>
    c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 1 } });

  it('offers clauses by prefix with a preview, lists them for the insert command, and saves a new one', async () => {
    const w = workspace('clauses', '{ "clauses": "team/clauses" }');
    mkdirSync(path.join(w.dir, 'team/clauses'), { recursive: true });
    writeFileSync(path.join(w.dir, 'team/clauses/zzld.md'), '---\nprefix: zzld\ndescription: 保障措施·组织领导\ntitle: 加强组织领导\n---\n（一）加强组织领导。成立由${1:市政府分管领导}任组长的领导小组。\n');
    const c = await start(w.dir);
    const text = `${TASKS}二、保障措施\nzz`;
    await c.open(w.uri, text);
    const list = await complete(c, w.uri, 5, 2);
    expect(list.items.map((i) => i.label)).toEqual(['zzld']);
    const [item] = list.items;
    expect(item).toMatchObject({ kind: CompletionItemKind.Snippet, detail: '保障措施·组织领导', insertTextFormat: InsertTextFormat.Snippet });
    expect(item.textEdit).toEqual({ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 2 } }, newText: '（一）加强组织领导。成立由${1:市政府分管领导}任组长的领导小组。' });
    expect((item.documentation as { value: string }).value).toBe('**加强组织领导**\n\n（一）加强组织领导。成立由市政府分管领导任组长的领导小组。');
    // A word no prefix starts: nothing.
    await c.change(w.uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 2 } }, text: 'qq' }]);
    expect((await complete(c, w.uri, 5, 2)).items).toEqual([]);

    const listed = await c.request<{ folder: string; clauses: { prefix: string; preview: string }[] }>('qplan/clauses', { uri: w.uri });
    expect(listed.folder).toBe(path.join(w.dir, 'team/clauses'));
    expect(listed.clauses.map((x) => `${x.prefix} ${x.preview}`)).toEqual(['zzld （一）加强组织领导。成立由市政府分管领导任组长的领导小组。']);

    const saved = await c.request<{ file?: string }>('qplan/saveClause', { uri: w.uri, prefix: 'jfbz', description: '经费保障', body: '各级财政要加大投入，经费$100万元。' });
    expect(saved.file).toBe(path.join(w.dir, 'team/clauses/jfbz.md'));
    await c.change(w.uri, 3, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 2 } }, text: 'jf' }]);
    const after = await complete(c, w.uri, 5, 2);
    expect(after.items.map((i) => `${i.label} ${i.detail}`)).toEqual(['jfbz 经费保障']);
    expect((after.items[0].documentation as { value: string }).value).toBe('各级财政要加大投入，经费$100万元。');
  });

  it('puts the team’s agencies first among the unit names in a responsibility clause', async () => {
    const w = workspace('agencies', '{ "agencies": ["市营商环境局", { "name": "市发展改革委", "aliases": ["市发改委"] }, "市市场监管局"] }');
    const c = await start(w.dir);
    await c.open(w.uri, PLAN);
    const line = PLAN.split('\n')[3];
    const list = await complete(c, w.uri, 3, line.lastIndexOf('（') + 1);
    expect(list.items.slice(0, 3).map((i) => `${i.label} ${i.detail}`)).toEqual([
      '市营商环境局 团队单位名录',
      expect.stringMatching(/^市发展改革委 团队单位名录（又称市发改委）( · 先例 .*)?$/),
      expect.stringMatching(/^市市场监管局 团队单位名录 · 本方案 1 次牵头/),
    ]);
    const sorted = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    expect(sorted.slice(0, 3)).toEqual(['市营商环境局', '市发展改革委', '市市场监管局']);
    expect(list.items.filter((i) => i.label === '市市场监管局')).toHaveLength(1);
    expect(list.items.length).toBeGreaterThan(10); // the precedents' units are still offered after them
  });

  it('defaults to .qplan/clauses in the workspace folder, and stays out of responsibility clauses', async () => {
    const w = workspace('clauses-default');
    mkdirSync(path.join(w.dir, '.qplan/clauses'), { recursive: true });
    writeFileSync(path.join(w.dir, '.qplan/clauses/经费保障.txt'), '各级财政要加大投入。');
    const c = await start(w.dir);
    await c.open(w.uri, `${TASKS}经费`);
    expect((await complete(c, w.uri, 5, 2)).items.map((i) => i.label)).toEqual(['经费保障']);
    // Inside （市市场监管局牵头） the unit completion answers, not the library.
    const inClause = await complete(c, w.uri, 3, PLAN.split('\n')[3].indexOf('牵头'));
    expect(inClause.items.some((i) => i.kind === CompletionItemKind.Snippet)).toBe(false);
  });
});
