// qplan/table over the wire: the preview's rows and the export's bytes from the bundled server.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, LspClient, seed } from './lspClient';

interface Row { number: number; title: string; line: number; leads: string[]; cooperators: string[]; category?: string }
interface Result { uri: string; version: number; kind: string; title: string; rows: Row[]; content?: string; encoding?: string }

let client: LspClient;
const s000 = seed('000');
const s003 = seed('003');

beforeAll(async () => {
  client = await LspClient.start(buildServer(), { initializationOptions: { diagnosticDelay: 0 } });
  await client.open(s000.uri, s000.text);
  await client.open(s003.uri, s003.text);
}, 60_000);
afterAll(async () => client?.stop());

const table = (uri: string, kind: string, format?: string) => client.request<Result | null>('qplan/table', { textDocument: { uri }, kind, format });

describe('qplan/table', { timeout: 20_000 }, () => {
  it('gives seed 000 task rows with their units and lines, the same as the CLI reads from the file', async () => {
    const r = (await table(s000.uri, 'matrix'))!;
    expect(r.title).toBe('2016年苏州市质量强市工作行动计划任务分工表');
    expect(r.rows).toHaveLength(18);
    expect(r.rows[0]).toMatchObject({ number: 1, title: '完成全国质量强市示范城市创建工作', leads: ['市政府办公室', '市质监局'], line: 15 });
    // The line is where the task heading is: what the preview jumps to.
    expect(s000.text.split(/\r?\n/)[r.rows[17].line - 1]).toContain(r.rows[17].title);
  });

  it('follows edits: a task added to the document appears in the next answer, with the new version', async () => {
    const uri = 'untitled:draft-tables';
    await client.open(uri, '2024年某市质量强市工作行动计划\n一、重点任务\n（一）加强品牌培育。（市市场监管局牵头）\n', 1);
    expect((await table(uri, 'matrix'))!.rows.map((r) => r.title)).toEqual(['加强品牌培育']);
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '（二）提升标准水平。（市发改委牵头，市财政局配合）\n' }]);
    const after = (await table(uri, 'matrix'))!;
    expect(after.version).toBe(2);
    expect(after.rows.map((r) => [r.title, r.leads, r.cooperators])).toEqual([
      ['加强品牌培育', ['市市场监管局'], []],
      ['提升标准水平', ['市发改委'], ['市财政局']],
    ]);
  });

  it('renders Markdown, CSV with a BOM, and a .docx as base64 holding the task titles', async () => {
    const md = (await table(s000.uri, 'matrix', 'md'))!;
    expect(md.encoding).toBe('utf8');
    expect(md.content).toContain('| 序号 | 重点任务 | 牵头单位 | 配合单位 | 目标/指标 | 完成时限 |');
    const csv = (await table(s003.uri, 'targets', 'csv'))!;
    expect(csv.content!.startsWith('\uFEFF序号,类别,指标,单位,目标值,年份')).toBe(true);
    const docx = (await table(s000.uri, 'matrix', 'docx'))!;
    expect(docx.encoding).toBe('base64');
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.content!, 'base64'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('加强质量安全风险管理');
  });

  it('targets of seed 003 carry their categories', async () => {
    const r = (await table(s003.uri, 'targets'))!;
    expect(r.rows.find((row) => row.line === 141)).toMatchObject({ category: '产品质量' });
  });

  it('answers null for a document it was never sent or an unknown kind, and an empty table for binary junk', async () => {
    expect(await table('file:///nowhere.txt', 'matrix')).toBeNull();
    expect(await table(s000.uri, 'budget')).toBeNull();
    await client.open('untitled:junk', '\u0000\u0001PK\u0003\u0004\uFFFD'.repeat(200), 1);
    expect((await table('untitled:junk', 'matrix'))!.rows).toEqual([]);
  });
});
