// Over the wire: task and target hovers end with what the bundled seed plans (the precedent library) say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyzePlan, buildPrecedentIndex, makePrecedentDoc } from '../../server/src/core';
import { boldExcerpt, targetPrecedents, taskPrecedents } from '../../server/src/features/precedentHover';
import { labelsFor } from '../../server/src/labels';
import { escapeMarkdown } from '../../server/src/features/markdown';
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

/** The hover's markdown at the first occurrence of `needle` on line `line` of `text` (plus `offset`). */
async function hoverAt(c: LspClient, uri: string, text: string, line: number, needle: string, offset = 0): Promise<string | null> {
  const character = text.split('\n')[line].indexOf(needle);
  expect(character).toBeGreaterThanOrEqual(0);
  const hover = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: character + offset } });
  return hover && (hover.contents as MarkupContent).value;
}

const brandDraft = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育。培育一批知名品牌企业。'].join('\n');
const brandUri = 'untitled:brand.plan.txt';

describe('precedents in the task hover', () => {
  it('a new draft task about 品牌培育 shows Suzhou 2016 加大品牌培育力度 with its units, targets and marked excerpt', async () => {
    await client.open(brandUri, brandDraft);
    const value = (await hoverAt(client, brandUri, brandDraft, 2, '加强品牌培育'))!;
    if (process.env.QPLAN_SHOW_HOVER) console.log(value);
    expect(value).toContain('**先例**');
    const first = value.slice(value.indexOf('**先例**')).split('\n').find((l) => l.startsWith('- '))!;
    expect(first).toBe('- 苏州市 · 2016年 · 苏府〔2016〕63号：**加大品牌培育力度**');
    expect(value).toContain('市经信委');
    expect(value).toContain('江苏名牌产品 ≥ 80 个');
    expect(value).toMatch(/摘录：加大\*\*品牌培育\*\*力度/);
    // The draft task has neither a target nor a lead; the precedents do.
    expect(value).toMatch(/先例(均|中 \d\/3 )有量化指标，本任务没有/);
    expect(value).toMatch(/先例(均|中 \d\/3 )明确牵头单位，本任务没有/);
  });

  it('a seed is never its own precedent', async () => {
    const s000 = seed('000');
    await client.open(s000.uri, s000.text);
    const value = (await hoverAt(client, s000.uri, s000.text, 20, '(六)'))!;
    expect(value).toContain('**先例**');
    expect(value).not.toContain('苏州市 · 2016年');
    expect(value).not.toContain('苏府〔2016〕63号');
  });

  it('the same text under another name is not its own precedent either', async () => {
    const s000 = seed('000');
    const uri = 'untitled:copy-of-000.txt';
    await client.open(uri, s000.text);
    expect(await hoverAt(client, uri, s000.text, 20, '(六)')).not.toContain('苏府〔2016〕63号');
  });
});

const targetDraft = ['某市质量提升行动计划（2024—2026年）', '一、主要目标', '到2026年，主要工业产品质量抽检合格率达到97%以上。'].join('\n');
const targetUri = 'untitled:target.plan.txt';

describe('precedents in the target hover', () => {

  it('tabulates the indicator across precedents and places the draft value among them', async () => {
    await client.open(targetUri, targetDraft);
    const value = (await hoverAt(client, targetUri, targetDraft, 2, '97%'))!;
    if (process.env.QPLAN_SHOW_HOVER) console.log(value);
    expect(value).toContain('| 城市 | 年份 | 指标 | 比较 | 数值 |');
    expect(value).toMatch(/\| 宿州市 \| \d{4} \| 主要工业产品(质量)?抽检合格率 \| ≥ \| 97 % \|/);
    expect(value).not.toContain('化妆品');
    expect(value).toContain('本方案 97 %：与 2 个先例持平');
  });
});

describe('English client', () => {
  it('labels the precedent section in English', async () => {
    const en = await LspClient.start(bundle, { locale: 'en', initializationOptions: { diagnosticDelay: 0 } });
    try {
      await en.open(brandUri, brandDraft);
      const value = (await hoverAt(en, brandUri, brandDraft, 2, '加强品牌培育'))!;
      expect(value).toContain('**Precedents**');
      expect(value).toContain('苏州市 · 2016 · 苏府〔2016〕63号');
      expect(value).toMatch(/precedents (set a quantified target|name a lead unit)/);
    } finally {
      await en.stop();
    }
  }, 30_000);
});

describe('one index per session', () => {
  // Hover latency is measured in the benchmark (bench/lsp.mjs), never asserted in a unit test.
  it('every hover, on seeds and drafts alike, queries the index built once', async () => {
    const s003 = seed('003');
    await client.open(s003.uri, s003.text);
    const lines = s003.text.split('\n');
    const headings = lines.flatMap((l, i) => (i > 255 && /^\s*——/.test(l) ? [i] : []));
    expect(headings.length).toBeGreaterThan(10);
    for (const line of headings) await hoverAt(client, s003.uri, s003.text, line, '——');
    await hoverAt(client, brandUri, brandDraft, 2, '加强品牌培育');
    await hoverAt(client, targetUri, targetDraft, 2, '97%');
    expect(client.logs.filter((l) => l.message.includes('先例库已建立'))).toHaveLength(1);
    expect(client.logs.find((l) => l.message.includes('先例库已建立'))!.message).toMatch(/5 份方案/);
  });
});

describe('escaping precedent text', () => {
  it('makes Markdown marks, HTML and line breaks literal', () => {
    expect(escapeMarkdown('**粗体** [链接](http://x) <img src=x> `代码` a|b ~~删~~ &lt;\n# 标题')).toBe(
      '\\*\\*粗体\\*\\* \\[链接\\](http://x) \\<img src=x\\> \\`代码\\` a\\|b \\~\\~删\\~\\~ \\&lt; # 标题',
    );
  });

  it('bolds only the shared runs of an excerpt and escapes the rest', () => {
    expect(boldExcerpt({ text: '加大品牌培育*力度*[x](y)', marks: [{ start: 2, end: 6 }] })).toBe('加大**品牌培育**\\*力度\\*\\[x\\](y)');
  });

  it('a hostile precedent cannot inject links, HTML or table cells into the hover', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>市质量提升行动计划',
      '一、重点任务',
      '（一）加大品牌培育力度[点我](http://evil.example)。培育**知名**品牌企业<script>x</script>，到2025年名牌产品达到80|个以上。（市经信委`x`牵头，各成员单位配合）',
    ].join('\n');
    const index = buildPrecedentIndex([makePrecedentDoc('hostile.txt', hostile, { city: '坏|市<b>', year: 2020, docNumber: '[文号](javascript:x)' })]);
    const draftText = ['某市质量提升行动计划', '一、重点任务', '（一）加强品牌培育。到2025年名牌产品达到90个。'].join('\n');
    const draft = analyzePlan(draftText);
    const lines = taskPrecedents(index, draft, draftText, draft.tasks[0], undefined, labelsFor('zh-cn')).join('\n');
    expect(lines).toContain('**先例**');
    expect(lines).not.toMatch(/(?<!\\)[<[`|]/); // every < [ ` | is escaped
    expect(lines).toContain('坏\\|市\\<b\\>');
    const table = targetPrecedents(index, draft.targets[0], undefined, labelsFor('zh-cn'));
    const rows = table.filter((l) => l.startsWith('| ') && !l.startsWith('| 城市'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(7); // five cells, no injected column
  });
});
