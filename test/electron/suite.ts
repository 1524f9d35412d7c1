// Desktop VS Code checks (@vscode/test-electron): activation, commands, detection, outline, diagnostics, snippets.
// Bundled and started by run.mjs inside the extension host; it has no test framework, only node:assert.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const tests: [string, () => Promise<void>][] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push([name, fn]);
const workspace = process.env.QPLAN_TEST_WORKSPACE ?? '';
const seed = (prefix: string) => vscode.Uri.file(path.join(workspace, `${prefix}.txt`));

/** Resolves with the first event that satisfies `accept`, or rejects after `ms`: waits for the editor, never sleeps. */
function nextEvent<T>(event: vscode.Event<T>, accept: (e: T) => boolean, what: string, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, ms);
    const sub = event((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Asks until the answer is non-empty: for requests the server answers only once it has started. */
async function until<T>(what: string, ask: () => Thenable<T[] | undefined>, ms = 20_000): Promise<T[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await ask();
    if (answer?.length) return answer;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await nextEvent(vscode.languages.onDidChangeDiagnostics, () => true, what, 500).catch(() => undefined);
  }
}

/** Opens a seed and waits until detection has made it a quality-plan document. */
async function openPlan(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const switched = nextEvent(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === uri.toString() && d.languageId === 'quality-plan', `${uri.fsPath} as quality-plan`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc.languageId === 'quality-plan' ? doc : switched;
}

const names = (symbols: vscode.DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

test('activates and registers its commands', async () => {
  const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'qplan');
  assert.ok(extension, 'the qplan extension is installed');
  await extension.activate();
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['qplan.newDraft', 'qplan.renumberDocument', 'qplan.insertClauseTemplate', 'qplan.showAgency', 'qplan.compareWithPrecedent', 'qplan.insertClause', 'qplan.saveClause', 'qplan.suppressFinding']) assert.ok(commands.includes(id), id);
});

test('switches a plain-text seed to the quality-plan language', async () => {
  const doc = await openPlan(seed('000_ddecad1bf628223d'));
  assert.equal(doc.languageId, 'quality-plan');
});

test('lists the heading tree as document symbols', async () => {
  const doc = await openPlan(seed('000_ddecad1bf628223d'));
  const symbols = await until('document symbols', () =>
    vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri));
  const all = names(symbols).join('\n');
  assert.match(all, /深入推进质量强市战略/);
  assert.match(all, /加大品牌培育力度/);
});

test('publishes the lost bracket of seed 004 as an error with a Chinese message', async () => {
  const doc = await openPlan(seed('004_48dc29ba5375c5fe'));
  const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
  const find = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => code(d) === 'unbalanced-bracket');
  const found = await until('the unbalanced-bracket diagnostic', () => Promise.resolve(find()));
  assert.equal(found[0].severity, vscode.DiagnosticSeverity.Error);
  assert.match(found[0].message, /\p{Script=Han}/u);
});

test('opens a new draft from the skeleton', async () => {
  await vscode.commands.executeCommand('qplan.newDraft');
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor);
  assert.equal(editor.document.languageId, 'quality-plan');
  const text = editor.document.getText();
  for (const part of ['的通知', '一、总体要求', '二、重点任务', '三、保障措施', '任务分工表']) assert.ok(text.includes(part), part);
});

test('inserts the clause template at the given position, cursor in the lead slot', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'quality-plan', content: '（一）加强品牌培育。\n' });
  const editor = await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('qplan.insertClauseTemplate', doc.uri.toString(), { line: 0, character: 10 });
  assert.equal(doc.lineAt(0).text, '（一）加强品牌培育。（市××局牵头，各有关部门配合）');
  assert.equal(doc.getText(editor.selection), '市××局');
});

test('expands a contributed snippet by name', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'quality-plan', content: '' });
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'quality-plan', name: '指导思想' });
  assert.match(doc.getText(), /^（一）指导思想\n以习近平新时代中国特色社会主义思想为指导/);
});

/** Entry point called by VS Code's test runner in the extension host. */
export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, fn] of tests) {
    try {
      await fn();
      console.log(`  ✓ ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`  ✗ ${name}\n    ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} desktop VS Code test(s) failed: ${failures.join('; ')}`);
}
