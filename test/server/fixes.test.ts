// Over the wire: quick fixes and the renumber command, checked by applying their edits to the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, buildServer, editsFor, LspClient, seed } from './lspClient';

let bundle: string;
/** A client that declared the snippet command, like the VS Code extension. */
let vscodeLike: LspClient;
/** A client that did not, like any other editor. */
let plain: LspClient;

beforeAll(async () => {
  bundle = buildServer();
  vscodeLike = await LspClient.start(bundle, { initializationOptions: { diagnosticDelay: 0, clientCommands: ['qplan.insertClauseTemplate'] } });
  plain = await LspClient.start(bundle, { initializationOptions: { diagnosticDelay: 0 } });
}, 60_000);

afterAll(async () => {
  await vscodeLike?.stop();
  await plain?.stop();
});

let nextUri = 0;
/** Opens `text` under a fresh uri and returns its first diagnostics. */
async function openPlan(c: LspClient, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = `untitled:fix-${nextUri++}.plan.txt`;
  await c.open(uri, text);
  return { uri, diagnostics: (await c.diagnosticsFor(uri, 1)).diagnostics };
}

function actionsFor(c: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

const applied = (text: string, edit: WorkspaceEdit | undefined, uri: string) => applyEdits(text, editsFor(edit, uri));

/** Seed 000 with two runs misnumbered: （三） written as （五） under 一、, and （十三） as （十五） under 三、. */
const original = seed('000').text;
const broken = original.replace('(三)组织质量工作考核', '(五)组织质量工作考核').replace('(十三)加强食品', '(十五)加强食品');

describe('missing-lead', () => {
  it('offers the snippet command at the end of the task paragraph to a client that has it', async () => {
    const s = seed('001');
    const { uri, diagnostics } = await openPlan(vscodeLike, s.text);
    const lead = diagnostics.find((d) => d.code === 'missing-lead')!;
    const [action] = await actionsFor(vscodeLike, uri, [lead]);
    expect(action.kind).toBe('quickfix');
    expect(action.edit).toBeUndefined();
    expect(action.command?.command).toBe('qplan.insertClauseTemplate');
    const [target, position, snippet] = action.command!.arguments!;
    expect(target).toBe(uri);
    const line = s.text.split('\n')[19];
    expect(position).toEqual({ line: 19, character: line.length });
    expect(line.endsWith('。')).toBe(true);
    expect(snippet).toBe('（${1:市××局}牵头，${2:各有关部门}配合）');
  });

  it('gives any other client a plain edit that adds the clause, after which the warning is gone', async () => {
    const s = seed('001');
    const { uri, diagnostics } = await openPlan(plain, s.text);
    const lead = diagnostics.find((d) => d.code === 'missing-lead' && String(d.message).includes('名牌战略'))!;
    const [action] = await actionsFor(plain, uri, [lead]);
    expect(action.title).toBe('插入责任分工“（市××局牵头，各有关部门配合）”');
    const fixed = applied(s.text, action.edit, uri);
    expect(fixed.split('\n')[19]).toBe(`${s.text.split('\n')[19]}（市××局牵头，各有关部门配合）`);
    await plain.change(uri, 2, [{ text: fixed }]);
    const after = (await plain.diagnosticsFor(uri, 2)).diagnostics;
    expect(after.filter((d) => String(d.message).includes('“名牌战略”'))).toEqual([]);
  });

  it('opens a lead slot inside a clause that lists only cooperators', async () => {
    const text = '某市质量提升行动计划\n一、重点任务\n（一）加强品牌培育。大力推动品牌建设。（各成员单位配合）\n';
    const { uri, diagnostics } = await openPlan(plain, text);
    const [action] = await actionsFor(plain, uri, diagnostics.filter((d) => d.code === 'missing-lead'));
    expect(applied(text, action.edit, uri).split('\n')[2]).toBe('（一）加强品牌培育。大力推动品牌建设。（市××局牵头，各成员单位配合）');
  });
});

describe('heading-sequence', () => {
  it('renumbers only the misnumbered heading’s own run', async () => {
    const { uri, diagnostics } = await openPlan(plain, broken);
    const sequence = diagnostics.filter((d) => d.code === 'heading-sequence');
    expect(sequence.map((d) => d.range.start.line)).toEqual(expect.arrayContaining([16, 28]));
    const first = sequence.find((d) => d.range.start.line === 16)!;
    const [action] = await actionsFor(plain, uri, [first]);
    expect(action.title).toBe('重新编号本级标题');
    const fixed = applied(broken, action.edit, uri);
    expect(fixed).toBe(broken.replace('(五)组织质量工作考核', '(三)组织质量工作考核'));
  });

  it('offers the whole-document renumbering as a source action', async () => {
    const { uri, diagnostics } = await openPlan(plain, broken);
    const actions = await actionsFor(plain, uri, diagnostics, ['source']);
    expect(actions.map((a) => [a.kind, a.title])).toEqual([['source.qplan.renumber', '重新编号全文标题']]);
    expect(applied(broken, actions[0].edit, uri)).toBe(original);
  });
});

describe('unbalanced-bracket', () => {
  it('inserts the missing closer at the end of the line, and nothing else', async () => {
    const s = seed('004');
    const { uri, diagnostics } = await openPlan(plain, s.text);
    const bracket = diagnostics.filter((d) => d.code === 'unbalanced-bracket');
    const [action] = await actionsFor(plain, uri, bracket);
    expect(action.title).toBe('补上缺少的“)”');
    const fixed = applied(s.text, action.edit, uri);
    expect(fixed.split('\n')[74]).toBe(`${s.text.split('\n')[74].trimEnd()})${s.text.split('\n')[74].slice(s.text.split('\n')[74].trimEnd().length)}`);
    expect(fixed.length).toBe(s.text.length + 1);
  });

  it('offers nothing for a stray closer (fixes never delete) or a diagnostic that no longer matches', async () => {
    const text = '某市质量提升行动计划\n一、重点任务\n（一）加强品牌培育。大力推动）。（市质监局牵头）\n';
    const { uri, diagnostics } = await openPlan(plain, text);
    const stray = diagnostics.filter((d) => d.code === 'unbalanced-bracket');
    expect(stray).toHaveLength(1);
    expect(await actionsFor(plain, uri, stray)).toEqual([]);
    const moved = { ...stray[0], range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } } };
    expect(await actionsFor(plain, uri, [moved])).toEqual([]);
  });
});

describe('qplan.renumberDocument', () => {
  it('renumbers every run through workspace/applyEdit, changing nothing but ordinals', async () => {
    const { uri } = await openPlan(vscodeLike, broken);
    const mark = vscodeLike.appliedEdits.length;
    const result = await vscodeLike.request('workspace/executeCommand', { command: 'qplan.renumberDocument', arguments: [uri] });
    expect(result).toEqual({ applied: true, changed: 2 });
    const [request] = vscodeLike.appliedEdits.slice(mark);
    expect(request.label).toBe('重新编号全文标题');
    // Versioned, so a client refuses the edit if the document moved on meanwhile.
    expect(request.edit.documentChanges?.[0]).toMatchObject({ textDocument: { uri, version: 1 } });
    const edits = editsFor(request.edit, uri);
    expect(edits.map((e) => e.newText)).toEqual(['三', '十三']);
    expect(applyEdits(broken, edits)).toBe(original);
  });

  it('leaves a correctly numbered document alone and refuses a document it does not have', async () => {
    const { uri } = await openPlan(vscodeLike, original);
    const mark = vscodeLike.appliedEdits.length;
    expect(await vscodeLike.request('workspace/executeCommand', { command: 'qplan.renumberDocument', arguments: [uri] })).toEqual({ applied: true, changed: 0 });
    expect(await vscodeLike.request('workspace/executeCommand', { command: 'qplan.renumberDocument', arguments: [] })).toEqual({ applied: false, changed: 0 });
    expect(vscodeLike.appliedEdits.length).toBe(mark);
    expect(vscodeLike.logs.map((l) => l.message)).toContain('请先在编辑器中打开要重新编号的方案。');
  });
});

describe('fixes computed by the core', () => {
  const draft = '2023年某市质量强市工作行动计划\n一、重点任务\n（一）加强品牌培育,大力推动品牌建设。（市质监局牵头，各成员单位配合）\n二、保障措施\n';

  it('replaces an obsolete unit with its current name, after which the warning is gone', async () => {
    const { uri, diagnostics } = await openPlan(plain, draft);
    const obsolete = diagnostics.filter((d) => d.code === 'obsolete-agency');
    expect(obsolete.map((d) => d.message)).toEqual(['“市质监局”已在 2018 年机构改革中撤并，职能划入“市市场监管局”；本方案为 2023 年，请改用现名。']);
    const actions = await actionsFor(plain, uri, obsolete);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([['改为“市市场监管局”', 'quickfix', true]]);
    const fixed = applied(draft, actions[0].edit, uri);
    expect(fixed.split('\n')[2]).toBe('（一）加强品牌培育,大力推动品牌建设。（市市场监管局牵头，各成员单位配合）');
    await plain.change(uri, 2, [{ text: fixed }]);
    expect((await plain.diagnosticsFor(uri, 2)).diagnostics.filter((d) => d.code === 'obsolete-agency')).toEqual([]);
  });

  it('converts half-width punctuation to full width, one mark or all of them', async () => {
    const { uri, diagnostics } = await openPlan(plain, draft);
    const half = diagnostics.filter((d) => d.code === 'halfwidth-punctuation');
    expect(half).toHaveLength(1);
    const actions = await actionsFor(plain, uri, half);
    expect(actions.map((a) => a.title)).toEqual(['改为全角“，”']);
    expect(applied(draft, actions[0].edit, uri).split('\n')[2]).toBe('（一）加强品牌培育，大力推动品牌建设。（市质监局牵头，各成员单位配合）');
  });

  it('offers the whole-file conversion once when the request covers several marks', async () => {
    const text = draft.replace('（市质监局牵头，', '(市质监局牵头;');
    const { uri, diagnostics } = await openPlan(plain, text);
    const half = diagnostics.filter((d) => d.code === 'halfwidth-punctuation');
    expect(half.length).toBeGreaterThan(1);
    const titles = (await actionsFor(plain, uri, half)).map((a) => a.title);
    expect(titles.filter((t) => t.startsWith('全文半角标点改为全角'))).toHaveLength(1);
    expect(titles.filter((t) => t.startsWith('改为全角'))).toHaveLength(half.length);
  });

  it('offers nothing for a diagnostic whose range no longer matches a finding', async () => {
    const { uri, diagnostics } = await openPlan(plain, draft);
    const moved = diagnostics.filter((d) => d.code === 'obsolete-agency').map((d) => ({ ...d, range: { start: d.range.start, end: { ...d.range.end, character: d.range.end.character + 1 } } }));
    expect(await actionsFor(plain, uri, moved)).toEqual([]);
  });
});
