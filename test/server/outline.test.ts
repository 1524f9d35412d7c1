// Over the wire: document symbols, folding, selection ranges and workspace symbols from the bundled server.
import { copyFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range, type SelectionRange, type WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { buildServer, LspClient, removeDir, seed, seeds } from './lspClient';

let client: LspClient;
let folder: string;

beforeAll(async () => {
  const bundle = buildServer();
  folder = mkdtempSync(path.join(os.tmpdir(), 'qplan-ws-'));
  copyFileSync(seed('000').file, path.join(folder, '苏州2016.plan.txt'));
  copyFileSync(seed('004').file, path.join(folder, '乐清2015.qplan'));
  writeFileSync(path.join(folder, '某县.md'), iconv.encode('某县质量提升行动计划\n一、重点任务\n（一）打造区域公用品牌。（县市场监管局牵头）\n', 'gb18030'));
  writeFileSync(path.join(folder, 'README.md'), '# 说明\n1. 安装\n2. 品牌使用\n');
  client = await LspClient.start(bundle, { workspaceFolders: [folder], initializationOptions: { diagnosticDelay: 0 } });
  for (const name of seeds) {
    const s = seed(name.slice(0, 3));
    await client.open(s.uri, s.text);
  }
}, 60_000);

afterAll(async () => {
  await client?.stop();
  if (folder) removeDir(folder);
});

const symbolsOf = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
const flatten = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...flatten(s.children ?? [])]);
const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const textOf = (text: string, r: Range) => {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
};

describe('document symbols', () => {
  it('give every heading of every seed, in a tree', async () => {
    const counts: Record<string, number> = {};
    for (const name of seeds) counts[name.slice(0, 3)] = flatten(await symbolsOf(seed(name.slice(0, 3)).uri)).length;
    // The heading counts README.md lists for the seeds, checked by hand.
    expect(counts).toEqual({ '000': 21, '001': 25, '002': 30, '003': 55, '004': 25 });
  });

  it('name each heading as written (marker and title) and put the lead units in the detail', async () => {
    const roots = await symbolsOf(seed('000').uri);
    expect(roots.map((s) => s.name)).toEqual(['一、深入推进质量强市战略', '二、开展质量品牌提升行动', '三、提高重点领域质量管理水平']);
    const task = roots[1].children![0];
    expect(task).toMatchObject({ name: '(六)加大品牌培育力度', detail: '市经信委、市质监局、市工商局、市发改委', kind: SymbolKind.Event });
    expect(roots[1].kind).toBe(SymbolKind.Module);
  });

  it('say when a task names no lead unit', async () => {
    const all = flatten(await symbolsOf(seed('001').uri));
    expect(all.find((s) => s.name === '1.名牌战略')).toMatchObject({ detail: '（未明确牵头单位）', kind: SymbolKind.Event });
    expect(all.find((s) => s.name === '(一)实施三大战略,推进质量强市建设')).toMatchObject({ detail: '', kind: SymbolKind.Namespace });
  });

  it('nest ranges: selection inside range, children inside parents, selection = marker + title', async () => {
    for (const name of seeds) {
      const s = seed(name.slice(0, 3));
      const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
        for (const sym of list) {
          expect(within(sym.selectionRange, sym.range), sym.name).toBe(true);
          if (parent) expect(within(sym.range, parent.range), sym.name).toBe(true);
          expect(textOf(s.text, sym.selectionRange).replace(/\s/g, '')).toBe(sym.name.replace(/\s/g, ''));
          check(sym.children ?? [], sym);
        }
      };
      check(await symbolsOf(s.uri));
    }
  });
});

describe('folding ranges', () => {
  it('fold each section from its heading to its last non-blank line', async () => {
    const s = seed('004');
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: s.uri } });
    const lines = s.text.split('\n');
    const span = (heading: string) => ranges.filter((r) => lines[r.startLine].trim().startsWith(heading)).map((r) => [r.startLine, r.endLine]);
    expect(span('二、主要任务')).toEqual([[36, 74]]);
    expect(span('(一)深入实施“三强”战略')).toEqual([[38, 44]]);
    for (const r of ranges) {
      expect(r.endLine).toBeGreaterThan(r.startLine);
      expect(lines[r.endLine].trim()).not.toBe('');
    }
  });

  it('cover every heading whose subtree spans lines, in every seed', async () => {
    for (const name of seeds) {
      const s = seed(name.slice(0, 3));
      const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: s.uri } });
      const symbols = flatten(await symbolsOf(s.uri)).filter((x) => x.range.end.line > x.range.start.line);
      expect(ranges.map((r) => r.startLine).sort(), name).toEqual(symbols.map((x) => x.range.start.line).sort());
    }
  });
});

describe('selection ranges', () => {
  it('grow sentence → paragraph → task → section → document', async () => {
    const text = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育', '大力推动品牌建设。制定推动品牌提升的行动计划。', '（二）强化标准引领。'].join('\n');
    const uri = 'untitled:selection.plan.txt';
    await client.open(uri, text);
    const [chain] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri }, positions: [{ line: 3, character: 12 }],
    });
    const steps: string[] = [];
    for (let r: SelectionRange | undefined = chain; r; r = r.parent) steps.push(textOf(text, r.range));
    expect(steps).toEqual([
      '制定推动品牌提升的行动计划。',
      '大力推动品牌建设。制定推动品牌提升的行动计划。',
      '（一）加强品牌培育\n大力推动品牌建设。制定推动品牌提升的行动计划。',
      text.split('\n').slice(1).join('\n'),
      text,
    ]);
  });
});

describe('workspace symbols', () => {
  const search = (query: string) => client.request<WorkspaceSymbol[]>('workspace/symbol', { query });

  const fileOf = (s: WorkspaceSymbol) => path.basename(decodeURIComponent('range' in s.location ? s.location.uri : ''));

  it('find headings in plan files on disk (.plan.txt, .qplan, GB18030 .md) and in open documents', async () => {
    const found = await search('品牌');
    expect(found.map(fileOf)).toEqual(expect.arrayContaining(['苏州2016.plan.txt', '乐清2015.qplan', '某县.md', seeds[0]]));
    expect(found.find((s) => s.name === '（一）打造区域公用品牌')).toMatchObject({ kind: SymbolKind.Event, containerName: '一、重点任务' });
    // A README with a numbered list is no plan: it has no 一、 heading.
    expect(found.map(fileOf)).not.toContain('README.md');
  });

  it('match the query characters in order and return nothing for a miss', async () => {
    expect((await search('品牌培育')).map((s) => s.name)).toContain('(六)加大品牌培育力度');
    expect(await search('不存在的标题zzz')).toEqual([]);
  });

  it('follow a file edited on disk (cache by mtime)', async () => {
    const file = path.join(folder, '某县.md');
    writeFileSync(file, iconv.encode('某县质量提升行动计划\n一、重点任务\n（一）培育质量标杆企业。（县经信局牵头）\n', 'gb18030'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect((await search('标杆')).map((s) => s.name)).toContain('（一）培育质量标杆企业');
  });
});
