// Over the wire: diagnostics as published while typing, their settings and locale, and a server that survives garbage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { analyzePlan, checkPlan } from '../../server/src/core';
import { buildServer, LspClient, seed, seeds } from './lspClient';

let bundle: string;
const clients: LspClient[] = [];

beforeAll(() => {
  bundle = buildServer();
}, 60_000);

afterAll(async () => {
  for (const c of clients) await c.stop();
});

async function start(options: Parameters<typeof LspClient.start>[1] = {}): Promise<LspClient> {
  const c = await LspClient.start(bundle, options);
  clients.push(c);
  return c;
}

const summary = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`;

describe('diagnostics', () => {
  it('are what the core finds, for every seed, with the rule id as code and qplan as source', async () => {
    const c = await start();
    for (const name of seeds) {
      const s = seed(name.slice(0, 3));
      await c.open(s.uri, s.text);
      const published = await c.diagnosticsFor(s.uri, 1);
      expect(published.diagnostics.every((d) => d.source === 'qplan')).toBe(true);
      const model = analyzePlan(s.text);
      const core = checkPlan(model, s.text).map((d) => `${d.rule} ${d.message}`);
      expect(published.diagnostics.map((d) => `${d.code} ${d.message}`), name).toEqual(core);
    }
  });

  it('report seed 004’s lost bracket as its one error, on line 75', async () => {
    const c = await start();
    const s = seed('004');
    await c.open(s.uri, s.text);
    const errors = (await c.diagnosticsFor(s.uri, 1)).diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map(summary)).toEqual(['74:239 unbalanced-bracket “(”缺少对应的“)”。']);
  });

  it('warn in Chinese about tasks with no lead unit in seeds 001 and 003, naming the task', async () => {
    const c = await start();
    for (const [prefix, task] of [['001', '名牌战略'], ['003', '开展制造业质量标准提升行动']]) {
      const s = seed(prefix);
      await c.open(s.uri, s.text);
      const leads = (await c.diagnosticsFor(s.uri, 1)).diagnostics.filter((d) => d.code === 'missing-lead');
      expect(leads.length).toBeGreaterThan(0);
      expect(leads.every((d) => d.severity === DiagnosticSeverity.Warning)).toBe(true);
      expect(leads[0].message).toBe(`任务“${task}”未明确牵头单位。请在段末补充责任分工，如“（市××局牵头，各有关部门配合）”。`);
      // The range is the task's title, where the drafter looks.
      expect(s.text.split('\n')[leads[0].range.start.line].slice(leads[0].range.start.character, leads[0].range.end.character)).toBe(task);
    }
  });

  it('are in English for an English client', async () => {
    const c = await start({ locale: 'en-US' });
    const s = seed('001');
    await c.open(s.uri, s.text);
    const lead = (await c.diagnosticsFor(s.uri, 1)).diagnostics.find((d) => d.code === 'missing-lead');
    expect(lead?.message).toBe('Task "名牌战略" names no lead unit. Add a responsibility clause at the end of the paragraph, e.g. "（市××局牵头，各有关部门配合）".');
  });
});

describe('settings', () => {
  it('set severities per rule, turn rules off, and widen leadSections; a change re-publishes', async () => {
    const c = await start({ settings: { severity: { 'missing-lead': 'error', 'missing-target': 'off', 'no-such-rule': 'error' } } });
    const s = seed('001');
    await c.open(s.uri, s.text);
    const first = (await c.diagnosticsFor(s.uri, 1)).diagnostics;
    expect(first.filter((d) => d.code === 'missing-target')).toEqual([]);
    const leads = first.filter((d) => d.code === 'missing-lead');
    expect(leads.every((d) => d.severity === DiagnosticSeverity.Error)).toBe(true);

    const mark = c.diagnostics.length;
    c.settings = { severity: { 'missing-lead': 'hint' }, leadSections: ['task', 'safeguard', 'bogus'] };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = (await c.diagnosticsFor(s.uri, 1, mark)).diagnostics.filter((d) => d.code === 'missing-lead');
    expect(again.every((d) => d.severity === DiagnosticSeverity.Hint)).toBe(true);
    // 保障措施 has four items without a clause in seed 001.
    expect(again.length).toBe(leads.length + 4);
    expect(again.map((d) => d.message)).toContain('任务“加强组织领导”未明确牵头单位。请在段末补充责任分工，如“（市××局牵头，各有关部门配合）”。');
  });
});

describe('while typing', () => {
  it('re-publishes after a change, for the new version', async () => {
    const c = await start({ initializationOptions: { diagnosticDelay: 0 } });
    const s = seed('004');
    await c.open(s.uri, s.text);
    expect((await c.diagnosticsFor(s.uri, 1)).diagnostics.some((d) => d.code === 'unbalanced-bracket')).toBe(true);
    // Close seed 004's lost bracket: the error goes away.
    const line = s.text.split('\n')[74];
    await c.change(s.uri, 2, [{ range: { start: { line: 74, character: line.length }, end: { line: 74, character: line.length } }, text: ')' }]);
    const after = await c.diagnosticsFor(s.uri, 2);
    expect(after.diagnostics.some((d) => d.code === 'unbalanced-bracket')).toBe(false);
  });

  it('publish once for a burst of keystrokes (debounced), for the last version', async () => {
    const c = await start();
    const s = seed('003');
    await c.open(s.uri, s.text);
    await c.diagnosticsFor(s.uri, 1);
    const mark = c.diagnostics.length;
    for (let v = 2; v <= 6; v++) await c.change(s.uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '字' }]);
    await c.diagnosticsFor(s.uri, 6, mark);
    expect(c.diagnostics.slice(mark).map((d) => d.version)).toEqual([6]);
  });

  it('clears a closed document’s problems', async () => {
    const c = await start({ initializationOptions: { diagnosticDelay: 0 } });
    const s = seed('001');
    await c.open(s.uri, s.text);
    await c.diagnosticsFor(s.uri, 1);
    const mark = c.diagnostics.length;
    await c.close(s.uri);
    await c.waitUntil('empty diagnostics after close', () => c.diagnostics.slice(mark).some((d) => d.uri === s.uri && d.diagnostics.length === 0));
  });
});

describe('robustness', () => {
  it('answers every request on garbage and binary-ish text, logs no internal error, and keeps serving', async () => {
    const c = await start({ initializationOptions: { diagnosticDelay: 0 } });
    let garbage = '\u0000\u0001\uFFFD\uD800（（（《“【\r\r\n一、\n（一）\n1.\n①\n——\n';
    for (let i = 0; i < 2000; i++) garbage += String.fromCharCode((i * 7919) % 0xffff) + (i % 50 === 0 ? '\n' : '');
    garbage += '）'.repeat(500) + '\n' + '（市局牵头'.repeat(300);
    const uri = 'untitled:garbage.txt';
    await c.open(uri, garbage);
    await c.diagnosticsFor(uri, 1);
    const doc = { textDocument: { uri } };
    const position = { line: 2, character: 1 };
    expect(Array.isArray(await c.request('textDocument/documentSymbol', doc))).toBe(true);
    expect(Array.isArray(await c.request('textDocument/foldingRange', doc))).toBe(true);
    expect(Array.isArray(await c.request('textDocument/selectionRange', { ...doc, positions: [position, { line: 9999, character: 9999 }] }))).toBe(true);
    await c.request('textDocument/hover', { ...doc, position });
    expect(await c.request('textDocument/semanticTokens/full', doc)).toHaveProperty('data');
    const range = { start: position, end: position };
    const bogus = { range, code: 'heading-sequence', source: 'qplan', message: '?' };
    expect(Array.isArray(await c.request('textDocument/codeAction', { ...doc, range, context: { diagnostics: [bogus] } }))).toBe(true);
    await c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, text: '' }]);
    await c.diagnosticsFor(uri, 2);
    // Requests about a document the client never opened get empty answers.
    expect(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.txt' } })).toEqual([]);
    expect(await c.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position })).toBeNull();
    expect(c.logs.filter((l) => l.type === 1)).toEqual([]);
    const s = seed('000');
    await c.open(s.uri, s.text);
    expect((await c.diagnosticsFor(s.uri, 1)).diagnostics.length).toBeGreaterThan(0);
    expect((await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri } })).length).toBe(3);
  });
});
