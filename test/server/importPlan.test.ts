// qplan/importPlan over the wire: a Word or GB18030 plan read by the server as qplan reads it, for a new draft.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, LspClient, removeDir, root } from './lspClient';

type Result = { text: string; format: string; encoding: string } | { error: string };

let client: LspClient;
let tmp: string;
const fixture = (name: string) => path.join(root, 'test/fixtures/io', name);
const importPlan = (file: string) => client.request<Result>('qplan/importPlan', { uri: pathToFileURL(file).toString() });

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-import-'));
  client = await LspClient.start(buildServer());
}, 60_000);
afterAll(async () => {
  await client?.stop();
  removeDir(tmp);
});

describe('qplan/importPlan', { timeout: 20_000 }, () => {
  it('reads a .docx with Word\'s automatic numbering written into the text', async () => {
    const r = await importPlan(fixture('numbered-plan.docx'));
    expect(r).toMatchObject({ format: 'docx', encoding: 'word' });
    expect((r as { text: string }).text.split('\n').slice(2, 6)).toEqual([
      '一、总体要求', '到2026年，全市质量整体水平进一步提升。', '二、重点任务', '（一）加强品牌建设。培育一批知名品牌企业。（市市场监管局牵头，市发展改革委配合）',
    ]);
  });

  it('reads a GB18030 text plan in its own encoding', async () => {
    const text = readFileSync(fixture('plan-excerpt.txt'), 'utf8');
    const file = path.join(tmp, 'gb.txt');
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    expect(await importPlan(file)).toEqual({ text, format: 'text', encoding: 'gb18030' });
  });

  it('reads a PDF, and a broken one gives its reason and leaves the server answering', async () => {
    const r = await importPlan(fixture('seed002-indented.pdf'));
    expect(r).toMatchObject({ format: 'pdf' });
    expect((r as { text: string }).text).toContain('\n一、强化重点产品质量安全监管\n');
    const broken = path.join(tmp, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    expect(await importPlan(broken)).toEqual({ error: expect.stringMatching(/^不是有效的 PDF 文件/) });
    expect(await importPlan(fixture('numbered-plan.docx'))).toMatchObject({ format: 'docx' });
  });

  it('gives the reason, in Chinese, for a file it cannot read, and refuses what is not a local file', async () => {
    const broken = path.join(tmp, 'broken.docx');
    writeFileSync(broken, 'PK\u0003\u0004 not a zip');
    expect(await importPlan(broken)).toEqual({ error: expect.stringMatching(/^不是有效的 Word 文件/) });
    expect(await importPlan(path.join(tmp, 'missing.docx'))).toEqual({ error: expect.stringMatching(/不存在/) });
    expect(await client.request<Result>('qplan/importPlan', { uri: 'vscode-vfs://github/a/b.docx' })).toEqual({ error: '只能导入本机上的文件' });
    expect(await client.request<Result>('qplan/importPlan', {})).toEqual({ error: '只能导入本机上的文件' });
  });
});

describe('qplan/importPlan for an English client', { timeout: 20_000 }, () => {
  it('gives the reasons in English', async () => {
    const english = await LspClient.start(buildServer(), { locale: 'en' });
    try {
      const ask = (uri: string) => english.request<Result>('qplan/importPlan', { uri });
      expect(await ask(pathToFileURL(path.join(tmp, 'missing.docx')).toString())).toEqual({ error: 'the file does not exist' });
      const broken = path.join(tmp, 'broken-en.docx');
      writeFileSync(broken, 'PK\u0003\u0004 not a zip');
      expect(await ask(pathToFileURL(broken).toString())).toEqual({ error: expect.stringMatching(/^it is not a valid Word file \(/) });
      expect(await ask('vscode-vfs://github/a/b.docx')).toEqual({ error: 'only a file on this computer can be imported' });
    } finally {
      await english.stop();
    }
  });
});
