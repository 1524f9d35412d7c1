// Over the wire: unit names in responsibility clauses and indicator names in goal sections, from this draft and the seed precedents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePlan, buildPrecedentIndex, makePrecedentDoc } from '../../server/src/core';
import { completion } from '../../server/src/features/completion';
import { labelsFor } from '../../server/src/labels';
import { buildServer, LspClient, seed } from './lspClient';

let client: LspClient;
let bundle: string;

beforeAll(async () => {
  bundle = buildServer();
  client = await LspClient.start(bundle, { initializationOptions: { diagnosticDelay: 0 } });
}, 60_000);

afterAll(async () => {
  await client?.stop();
});

let n = 0;
/** Opens `text` (a fresh untitled document) and asks for completion where `$0` stands. */
async function completeAt(c: LspClient, marked: string, trigger?: string): Promise<CompletionItem[]> {
  const at = marked.indexOf('$0');
  expect(at).toBeGreaterThanOrEqual(0);
  const text = marked.slice(0, at) + marked.slice(at + 2);
  const lines = marked.slice(0, at).split('\n');
  const uri = `untitled:completion-${n++}.plan.txt`;
  await c.open(uri, text);
  const result = await c.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: lines.at(-1)!.length },
    context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
  });
  await c.close(uri);
  return Array.isArray(result) ? result : result?.items ?? [];
}

const taskDraft = (tail: string) => ['某市质量提升行动计划', '一、重点任务', `（一）加强品牌培育。培育一批知名品牌企业。${tail}`].join('\n');

describe('unit names in a responsibility clause', () => {
  it('announces the trigger characters', () => {
    expect(client.initializeResult.capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['、', '，', '（', '：']));
  });

  it('after “（市” offers the seeds’ agencies with their counts, named agencies before generic ones', async () => {
    const items = await completeAt(client, taskDraft('（市$0'));
    const labels = items.map((i) => i.label);
    expect(labels).toContain('市质监局');
    expect(labels).toContain('市经信委');
    const zj = items.find((i) => i.label === '市质监局')!;
    expect(zj.detail).toMatch(/^先例 \d+ 次牵头( \d+ 次配合)?$/);
    expect(zj.textEdit).toMatchObject({ newText: '市质监局', range: { start: { line: 2, character: taskDraft('（').split('\n')[2].length } } });
    const generic = labels.indexOf('各成员单位');
    expect(generic).toBeGreaterThan(labels.indexOf('市质监局'));
    expect(generic).toBeGreaterThan(labels.indexOf('市经信委'));
    if (process.env.QPLAN_SHOW_COMPLETION) console.log(items.slice(0, 8).map((i) => `${i.label}  ${i.detail}`).join('\n'));
  });

  it('counts the draft’s own clauses too', async () => {
    const text = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育。培育知名品牌。（市经信委牵头，市质监局配合）', '（二）推进标准化。制定标准。（市质监局、$0'].join('\n');
    const items = await completeAt(client, text, '、');
    const zj = items.find((i) => i.label === '市质监局')!;
    expect(zj.detail).toMatch(/^本方案 1 次配合 · 先例 \d+ 次牵头/);
    expect(items.find((i) => i.label === '市经信委')!.detail).toMatch(/^本方案 1 次牵头 · 先例/);
  });

  it('after 牵头单位： likewise', async () => {
    const items = await completeAt(client, taskDraft('\n牵头单位：$0'), '：');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['市质监局', '市经信委']));
  });

  it('a seed is never its own precedent: opened as seed 000, its units count only in 本方案', async () => {
    const s000 = seed('000');
    await client.open(s000.uri, s000.text);
    const lines = s000.text.split('\n');
    const line = lines.findIndex((l) => l.includes('(市财政局牵头'));
    const character = lines[line].indexOf('(市财政局牵头') + 1;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: s000.uri }, position: { line, character } });
    const jxw = list.items.find((i) => i.label === '市经信委');
    expect(jxw?.detail).toMatch(/^本方案 \d+ 次牵头/);
    expect(jxw?.detail).not.toContain('先例');
    await client.close(s000.uri);
  });
});

describe('indicator names in a goal section', () => {
  const goalDraft = (tail: string) => ['某市质量提升行动计划（2024—2026年）', '一、总体要求', '坚持质量第一。', '二、主要目标', tail].join('\n');

  it('after “到2025年，” offers 主要工业产品质量抽检合格率 with the precedent values', async () => {
    const items = await completeAt(client, goalDraft('到2025年，$0'), '，');
    const item = items.find((i) => i.label === '主要工业产品质量抽检合格率' || i.label === '主要工业产品抽检合格率');
    expect(item).toBeDefined();
    expect(item!.detail).toContain('97');
    expect(item!.detail).toMatch(/宿州市 \d{4} ≥97%/);
    expect((item!.documentation as MarkupContent).value).toContain('| 城市 | 年份 | 指标 | 比较 | 数值 |');
    // near-duplicate wordings collapse into one item
    expect(items.filter((i) => /^主要工业产品(质量)?抽检合格率$/.test(i.label as string))).toHaveLength(1);
    if (process.env.QPLAN_SHOW_COMPLETION) console.log(items.slice(0, 8).map((i) => `${i.label}  ${i.detail}`).join('\n'));
  });

  it('at the start of a goal line, and after 、 while a name is being typed', async () => {
    expect((await completeAt(client, goalDraft('$0'))).length).toBeGreaterThan(0);
    const items = await completeAt(client, goalDraft('到2025年，品牌$0'));
    expect(items[0].textEdit).toMatchObject({ range: { start: { line: 4, character: '到2025年，'.length } } });
  });
});

describe('nowhere else', () => {
  it('plain body text of a task, the goal heading itself and a background paragraph offer nothing', async () => {
    expect(await completeAt(client, taskDraft('培育$0'))).toEqual([]);
    expect(await completeAt(client, taskDraft('培育，$0'), '，')).toEqual([]);
    expect(await completeAt(client, ['某市质量提升行动计划', '一、主要目标$0'].join('\n'))).toEqual([]);
    expect(await completeAt(client, ['某市质量提升行动计划', '一、重点任务', '（$0'].join('\n'), '（')).toEqual([]);
    expect(await completeAt(client, ['某市质量提升行动计划', '一、发展现状', '我市质量工作取得成效，$0'].join('\n'), '，')).toEqual([]);
  });
});

describe('the index is built only where completion offers something', () => {
  it('typing plain text does not read the precedents; a clause does, once', async () => {
    const fresh = await LspClient.start(bundle, { initializationOptions: { diagnosticDelay: 0 } });
    try {
      const built = () => fresh.logs.filter((l) => l.message.includes('先例库已建立')).length;
      expect(await completeAt(fresh, taskDraft('培育$0'))).toEqual([]);
      expect(built()).toBe(0);
      expect((await completeAt(fresh, taskDraft('（市$0'))).length).toBeGreaterThan(0);
      await fresh.waitUntil('the library log', () => built() === 1);
      await completeAt(fresh, taskDraft('（$0'));
      expect(built()).toBe(1);
    } finally {
      await fresh.stop();
    }
  }, 30_000);
});

describe('English client', () => {
  it('describes the counts in English', async () => {
    const en = await LspClient.start(bundle, { locale: 'en', initializationOptions: { diagnosticDelay: 0 } });
    try {
      const items = await completeAt(en, taskDraft('（市$0'));
      expect(items.find((i) => i.label === '市质监局')!.detail).toMatch(/^precedents: leads \d+/);
    } finally {
      await en.stop();
    }
  }, 30_000);
});

describe('escaping precedent text', () => {
  it('an indicator item’s documentation keeps a hostile precedent’s marks literal; its detail is plain text', async () => {
    const hostile = ['<b>坏</b>市质量提升行动计划', '一、主要目标', '到2025年，名牌[产品](http://evil.example)数量达到80|个以上。'].join('\n');
    const index = buildPrecedentIndex([makePrecedentDoc('hostile.txt', hostile, { city: '坏|市<b>', year: 2020 })]);
    const text = ['某市质量提升行动计划', '一、主要目标', '到2025年，'].join('\n');
    const document = TextDocument.create('untitled:d', 'quality-plan', 1, text);
    const plan = { document, version: 1, text, model: analyzePlan(text) };
    const { items } = await completion(plan, { line: 2, character: '到2025年，'.length }, labelsFor('zh-cn'), async () => ({ index, exclude: undefined }));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const doc = (item.documentation as MarkupContent).value;
      expect(doc).not.toMatch(/(?<!\\)[<[`]/);
      for (const row of doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 城市'))) expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
      expect(item.detail).toContain('坏|市<b>');
    }
  });
});
