// qplan matrix and qplan targets as a drafter runs them: the built bundle on the seeds, every format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/program';
import { Run } from '../../server/src/cli/run';
import { buildBundle, bundle, qplan, root } from './run-qplan';

const SEED_000 = 'seeds/000_ddecad1bf628223d.txt';
const SEED_003 = 'seeds/003_c1b3376c57d80b19.txt';

interface AnalyzedTask { line: number; title: string; leads: string[]; cooperators: string[] }
let tmp: string;
let tasks000: AnalyzedTask[];

beforeAll(() => {
  buildBundle();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-tables-'));
  tasks000 = JSON.parse(qplan(['analyze', '--format', 'json', SEED_000]).stdout)[0].tasks;
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The text of every <w:t> in a .docx's body, paragraph by paragraph. */
async function docxText(bytes: Uint8Array): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

describe('qplan matrix', { timeout: 30_000 }, () => {
  it('json: seed 000 has the 18 tasks of qplan analyze, each with its lead and cooperating units', () => {
    const r = qplan(['matrix', '--format', 'json', SEED_000]);
    expect(r.status).toBe(0);
    const [table] = JSON.parse(r.stdout);
    expect(table.title).toBe('2016年苏州市质量强市工作行动计划任务分工表');
    expect(tasks000).toHaveLength(18);
    expect(table.rows.map((t: AnalyzedTask) => [t.line, t.title, t.leads, t.cooperators]))
      .toEqual(tasks000.map((t) => [t.line, t.title, t.leads, t.cooperators]));
  });

  it('md (the default): a title, the Chinese header and one row per task under its section', () => {
    const r = qplan(['matrix', SEED_000]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# 2016年苏州市质量强市工作行动计划任务分工表\n\n\| 序号 \| 重点任务 \| 牵头单位 \| 配合单位 \| 目标\/指标 \| 完成时限 \|\n/);
    expect(r.stdout).toContain('|  | **三、提高重点领域质量管理水平** |');
    for (const t of tasks000) expect(r.stdout).toContain(`${t.title} | ${t.leads.join('、')} | ${t.cooperators.join('、')} |`);
  });

  it('csv: UTF-8 with a BOM, CRLF records, a header and 18 rows', () => {
    const r = spawnSync(process.execPath, [bundle, 'matrix', '--format', 'csv', SEED_000], { cwd: root });
    expect(r.status).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.stdout.toString('utf8').slice(1);
    const records = text.split('\r\n').filter(Boolean);
    expect(records[0]).toBe('序号,所属部分,重点任务,牵头单位,配合单位,目标/指标,完成时限,行号');
    expect(records).toHaveLength(19);
  });

  it('docx --out: a Word file whose document.xml holds every task title, landscape, with a repeated header row', async () => {
    const out = path.join(tmp, '分工表.docx');
    const r = qplan(['matrix', '--format', 'docx', '--out', out, SEED_000]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const { xml, text } = await docxText(readFileSync(out));
    expect(text).toContain('2016年苏州市质量强市工作行动计划任务分工表');
    for (const t of tasks000) expect(text).toContain(t.title);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  it('docx to a pipe writes the bytes; to a terminal it refuses with exit 2 and says to use --out', async () => {
    const r = spawnSync(process.execPath, [bundle, 'matrix', '--format', 'docx', SEED_000], { cwd: root });
    expect(r.status).toBe(0);
    expect((await docxText(r.stdout)).text).toContain('加强质量安全风险管理');

    const err: string[] = [];
    const bytes: Uint8Array[] = [];
    const run = new Run({ stdout: () => {}, stderr: (s) => err.push(s), stdoutBytes: (b) => bytes.push(b), stdoutIsTerminal: true, stdin: process.stdin });
    expect(await runCli(['matrix', '--format', 'docx', path.join(root, SEED_000)], run)).toBe(2);
    expect(bytes).toHaveLength(0);
    expect(err.join('')).toContain('--out');
  });

  it('exit 2 for an unreadable file, a bad format, or several plans in one CSV', () => {
    const missing = qplan(['matrix', 'no/such/plan.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no/such/plan.txt');
    const bad = qplan(['matrix', '--format', 'xlsx', SEED_000]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('xlsx');
    const several = qplan(['matrix', '--format', 'csv', 'seeds']);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('请指定单个文件');
    const unwritable = qplan(['matrix', '--out', path.join(tmp, 'no-dir', 'x.md'), SEED_000]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toContain('所在文件夹不存在');
  });

  it('reads standard input', () => {
    const r = qplan(['matrix', '-'], { input: '2024年某市质量强市工作行动计划\n一、重点任务\n（一）加强品牌培育。2024年6月底前完成。（市市场监管局牵头，市商务局配合）\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| 1 | （一）加强品牌培育 | 市市场监管局 | 市商务局 |  | 2024年6月底前 |');
  });
});

describe('qplan targets', { timeout: 30_000 }, () => {
  it('json: seed 003 lists the targets qplan analyze finds outside the background, with the goal table categories', () => {
    const analyzed = JSON.parse(qplan(['analyze', SEED_003]).stdout)[0].targets.filter((t: { section: string }) => t.section !== 'context');
    const r = qplan(['targets', '--format', 'json', SEED_003]);
    expect(r.status).toBe(0);
    const [table] = JSON.parse(r.stdout);
    expect(table.rows.map((t: { line: number; metric: string }) => [t.line, t.metric]))
      .toEqual(analyzed.map((t: { line: number; metric: string }) => [t.line, t.metric]));
    expect(table.rows.find((t: { line: number }) => t.line === 141)).toMatchObject({ category: '产品质量', value: '≥97', unit: '%', year: 2025 });
  });

  it('md and csv carry the same rows', () => {
    const md = qplan(['targets', SEED_003]);
    const csv = qplan(['targets', '--format', 'csv', SEED_003]);
    expect(md.status).toBe(0);
    expect(csv.status).toBe(0);
    expect(md.stdout).toContain('| 序号 | 类别 | 指标 | 单位 | 目标值 | 年份 |');
    expect(md.stdout).toContain('| 工程质量 | 建筑节能标准执行率 | % | 100 | 2025 |');
    expect(csv.stdout).toContain('工程质量,建筑节能标准执行率,%,100,2025,100,');
    expect(csv.stdout.split('\r\n').filter(Boolean).length).toBe(md.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length + 1);
  });
  it('reads a goal table that is a real Word table, category spanning two rows included', () => {
    const r = qplan(['targets', 'test/fixtures/io/goal-table.docx']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toEqual([
      '| 1 | 产品质量 | 主要工业产品质量合格率 | % | ≥97 | 2025 |',
      '| 2 | 产品质量 | 食品评价性抽检合格率 | % | ≥98.5 | 2025 |',
      '| 3 | 工程质量 | 工程质量一次验收合格率 | % | 100 | 2025 |',
    ]);
  });
});
