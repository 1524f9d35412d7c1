// Over the wire: the unit hover, Find All References on a unit, the task-body hover, qplan/agencies and qplan/comparePrecedent on seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { analyzePlan, unitsOfPlan } from '../../server/src/core';
import type { AgenciesResult } from '../../server/src/features/agencies';
import type { CompareResult } from '../../server/src/features/comparePrecedent';
import { buildServer, LspClient, seed } from './lspClient';

let client: LspClient;
const s000 = seed('000');
const s002 = seed('002');
const lines000 = s000.text.split('\n');

beforeAll(async () => {
  client = await LspClient.start(buildServer(), { initializationOptions: { diagnosticDelay: 0 } });
  await client.open(s000.uri, s000.text);
  await client.open(s002.uri, s002.text);
}, 60_000);

afterAll(async () => {
  await client?.stop();
});

/** The position of the `nth` occurrence of `needle` on `line` (plus `offset`). */
function at(lines: string[], line: number, needle: string, offset = 0, nth = 0) {
  let character = -1;
  for (let i = 0; i <= nth; i++) character = lines[line].indexOf(needle, character + 1);
  expect(character).toBeGreaterThanOrEqual(0);
  return { line, character: character + offset };
}

async function hover(uri: string, position: { line: number; character: number }): Promise<{ value: string; text: string } | null> {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  if (!h) return null;
  const lines = (uri === s000.uri ? s000.text : s002.text).split('\n');
  const r = h.range!;
  return { value: (h.contents as MarkupContent).value, text: r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : '' };
}

describe('hover on a unit name in a clause', () => {
  it('seed 002 市质监局: its role here, its lead and cooperating tasks in this plan, and the precedents naming it', async () => {
    const model = analyzePlan(s002.text);
    const mine = unitsOfPlan(model).find((u) => u.name === '市质监局')!;
    const lines = s002.text.split('\n');
    const h = (await hover(s002.uri, at(lines, 12, '市质监局牵头', 1)))!;
    expect(h.text).toBe('市质监局');
    expect(h.value.split('\n')[0]).toBe('**市质监局** · 牵头单位');
    expect(h.value).toContain(`**本方案**：牵头 ${mine.lead.length} 项 · 配合 ${mine.cooperate.length} 项`);
    expect(h.value).toContain('- 牵头：(一)开展重点产品质量安全问题综合整治；(二)加强特种设备监管工作');
    // Seed 002 is never its own precedent; the other seeds with 市质监局 clauses are listed by city and number.
    const precedents = h.value.slice(h.value.indexOf('**先例'));
    expect(precedents).toMatch(/^\*\*先例（\d 份方案）\*\*：牵头 \d+ 项 · 配合 \d+ 项/);
    expect(precedents).toContain('- 苏州市 · 2016年 · 苏府〔2016〕63号：牵头');
    expect(precedents).not.toContain('落实质量纲要');
  });

  it('a cooperating unit says so; a generic one says it is no single agency', async () => {
    const coop = (await hover(s000.uri, at(lines000, 14, '各成员单位配合', 2)))!;
    expect(coop.value.split('\n')[0]).toBe('**各成员单位** · 配合单位');
    expect(coop.value).toContain('泛指其他各有关单位');
  });

  it('a unit no precedent names', async () => {
    const text = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育。培育知名品牌。（市品牌促进中心牵头）'];
    const uri = 'untitled:unit-new.plan.txt';
    await client.open(uri, text.join('\n'));
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 2, '品牌促进中心') });
    const value = (h.contents as MarkupContent).value;
    expect(value).toContain('**本方案**：牵头 1 项 · 配合 0 项');
    expect(value).toContain('- 牵头：（一）加强品牌培育');
    expect(value).toContain('**先例**：先例中未见此单位');
  });

  it('the role word of a clause still shows the clause', async () => {
    const h = (await hover(s000.uri, at(lines000, 14, '牵头,各成员')))!;
    expect(h.value).toContain('**责任分工**');
  });
});

describe('Find All References on a unit name', () => {
  it('lists every clause of seed 002 naming 市质监局, each range the name itself', async () => {
    const lines = s002.text.split('\n');
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: s002.uri }, position: at(lines, 12, '市质监局牵头', 4), context: { includeDeclaration: true },
    });
    const model = analyzePlan(s002.text);
    const clausesNaming = model.clauses.filter((c) => [...c.leads, ...c.cooperators, ...c.standing].includes('市质监局')).length;
    expect(refs.length).toBeGreaterThanOrEqual(clausesNaming);
    expect(clausesNaming).toBeGreaterThan(5);
    for (const r of refs) {
      expect(r.uri).toBe(s002.uri);
      expect(lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)).toBe('市质监局');
    }
    expect(refs.map((r) => r.range.start.line)).toContain(12);
  });

  it('nothing off a unit name', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: s000.uri }, position: at(lines000, 14, '认真总结'), context: { includeDeclaration: true },
    });
    expect(refs).toEqual([]);
  });
});

describe('hover on a task body', () => {
  it('a body line shows the same task and precedent hover as the heading, over that line', async () => {
    const text = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育。', '培育一批知名品牌企业，打造区域品牌。', '', '二、保障措施'];
    const uri = 'untitled:body.plan.txt';
    await client.open(uri, text.join('\n'));
    const onHeading = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 2, '加强') });
    const onBody = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 3, '知名品牌') });
    const value = (onBody.contents as MarkupContent).value;
    expect(value).toBe((onHeading.contents as MarkupContent).value);
    expect(value).toContain('**任务 （一）加强品牌培育**');
    expect(value).toContain('苏州市 · 2016年 · 苏府〔2016〕63号：**加大品牌培育力度**');
    expect(onBody.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: text[3].length } });
    // Blank lines and section titles are no task's.
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 1 } })).toBeNull();
  });

  it('seed 000: body text of a task (after its heading on the same line) shows that task', async () => {
    const h = (await hover(s000.uri, at(lines000, 14, '认真总结推广')))!;
    expect(h.value).toContain('**任务 (一)完成全国质量强市示范城市创建工作**');
    expect(h.value).toContain('**先例**');
  });
});

describe('qplan/agencies', () => {
  it('every unit of seed 000 with its counts and tasks; the unit under the cursor is current', async () => {
    const result = await client.request<AgenciesResult>('qplan/agencies', { textDocument: { uri: s000.uri }, position: at(lines000, 14, '市质监局牵头', 2) });
    expect(result.current).toBe('市质监局');
    const expected = unitsOfPlan(analyzePlan(s000.text));
    expect(result.units.map((u) => [u.name, u.lead, u.cooperate])).toEqual(expected.map((u) => [u.name, u.lead.length, u.cooperate.length]));
    const zj = result.units.find((u) => u.name === '市质监局')!;
    expect(zj.tasks).toHaveLength(zj.lead + zj.cooperate);
    expect(zj.tasks[0]).toMatchObject({ name: '(一)完成全国质量强市示范城市创建工作', role: 'lead' });
    expect(lines000[zj.tasks[0].range.start.line]).toMatch(/^\(一\)完成全国/);
    // In a task's body, off any unit name: the task's first lead; outside any task: none.
    const inBody = await client.request<AgenciesResult>('qplan/agencies', { textDocument: { uri: s000.uri }, position: at(lines000, 20, '品牌建设') });
    expect(inBody.current).toBe('市经信委');
    expect((await client.request<AgenciesResult>('qplan/agencies', { textDocument: { uri: s000.uri }, position: { line: 0, character: 0 } })).current).toBeNull();
    // Generic units come after every named agency.
    const firstGeneric = result.units.findIndex((u) => u.generic);
    expect(firstGeneric).toBeGreaterThan(0);
    expect(result.units.slice(firstGeneric).every((u) => u.generic)).toBe(true);
  });
});

describe('qplan/comparePrecedent', () => {
  it('a 品牌 task: the whole draft task, and Suzhou 2016 加大品牌培育力度 first, with its full text', async () => {
    const text = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育。', '培育一批知名品牌企业。（市市场监管局牵头）'];
    const uri = 'untitled:compare.plan.txt';
    await client.open(uri, text.join('\n'));
    const r = await client.request<CompareResult>('qplan/comparePrecedent', { textDocument: { uri }, position: { line: 3, character: 3 } });
    // The whole task, clause included, one sentence a line so the diff pairs sentences.
    expect(r.task).toMatchObject({ name: '（一）加强品牌培育', text: '（一）加强品牌培育。\n培育一批知名品牌企业。\n（市市场监管局牵头）' });
    expect(r.precedents.length).toBeGreaterThan(0);
    expect(r.precedents.length).toBeLessThanOrEqual(3);
    expect(r.precedents[0]).toMatchObject({ where: '苏州市 · 2016年 · 苏府〔2016〕63号', name: expect.stringMatching(/加大品牌培育力度$/) });
    expect(r.precedents[0].text).toMatch(/^\([一二三四五六七八九十]+\)加大品牌培育力度。\n/);
    expect(r.precedents[0].text).toContain('市经信委');
    const scores = r.precedents.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('a seed task never compares with its own seed', async () => {
    const r = await client.request<CompareResult>('qplan/comparePrecedent', { textDocument: { uri: s000.uri }, position: at(lines000, 14, '认真') });
    expect(r.task?.name).toBe('(一)完成全国质量强市示范城市创建工作');
    expect(r.precedents.every((p) => !p.where.includes('苏府〔2016〕63号'))).toBe(true);
  });

  it('off any task: no task, nothing to compare', async () => {
    const r = await client.request<CompareResult>('qplan/comparePrecedent', { textDocument: { uri: s000.uri }, position: { line: 0, character: 0 } });
    expect(r).toEqual({ task: null, precedents: [] });
  });
});
