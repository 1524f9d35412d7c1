// Folder expansion: every plan file below a folder, sorted, without hidden, vendored or lock files.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlanFiles, PlanReadError } from '../../server/src/io';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'qplan-list-'));
  const files = [
    'b.txt',
    'a.md',
    'C.DOCX',
    'sub/z.doc',
    'sub/deeper/y.txt',
    'sub/notes.pdf',
    'sub/photo.png',
    'sub/~$draft.docx', // Word's lock file beside an open document
    '.hidden.txt',
    '.drafts/x.txt',
    'node_modules/pkg/readme.md',
    '.git/info.txt',
    'README',
  ];
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '一、总体要求\n');
  }
  symlinkSync(root, path.join(root, 'sub', 'loop')); // must not walk forever
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('listPlanFiles', () => {
  it('yields every plan file below a folder, sorted, skipping hidden, node_modules, .git and lock files', () => {
    const rel = listPlanFiles(root).map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(rel).toEqual(['C.DOCX', 'a.md', 'b.txt', 'sub/deeper/y.txt', 'sub/notes.pdf', 'sub/z.doc']);
  });

  it('keeps the folder as given as the prefix of what it yields', () => {
    const rel = path.relative(process.cwd(), root);
    expect(listPlanFiles(rel)[0]).toBe(path.join(rel, 'C.DOCX'));
  });

  it('yields a file, whatever its extension, and a missing path as themselves', () => {
    expect(listPlanFiles(path.join(root, 'sub/notes.pdf'))).toEqual([path.join(root, 'sub/notes.pdf')]);
    expect(listPlanFiles(path.join(root, 'missing.txt'))).toEqual([path.join(root, 'missing.txt')]);
  });

  it('yields nothing for a folder without plans', () => {
    mkdirSync(path.join(root, 'empty'));
    expect(listPlanFiles(path.join(root, 'empty'))).toEqual([]);
  });

  // root reads every folder, so the failure cannot be staged there.
  it.skipIf(process.getuid?.() === 0)('reports a folder it cannot list instead of failing silently', () => {
    const locked = path.join(root, 'locked');
    mkdirSync(locked, { mode: 0o000 });
    const problems: PlanReadError[] = [];
    listPlanFiles(root, problems);
    expect(problems.map((p) => p.file)).toEqual([locked]);
  });
});
