// Over the wire: hovers on tasks, targets and clauses, and the semantic tokens for units and values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { buildServer, LspClient, seed } from './lspClient';

let client: LspClient;
const s000 = seed('000');
const lines = s000.text.split('\n');

beforeAll(async () => {
  client = await LspClient.start(buildServer(), { initializationOptions: { diagnosticDelay: 0 } });
  await client.open(s000.uri, s000.text);
}, 60_000);

afterAll(async () => {
  await client?.stop();
});

/** The hover's markdown at the first occurrence of `needle` on `line` (plus `offset` characters). */
async function hoverAt(line: number, needle: string, offset = 0, uri = s000.uri, text = lines): Promise<string | null> {
  const character = text[line].indexOf(needle) + offset;
  expect(character - offset).toBeGreaterThanOrEqual(0);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  // The 先例 section after the rule is the precedent library's (precedentHover.test.ts).
  return hover && (hover.contents as MarkupContent).value.split('\n\n---\n')[0];
}

describe('hover', () => {
  it('on a task heading: its lead and cooperating units and where the clause comes from', async () => {
    expect(await hoverAt(14, '完成全国', 2)).toBe([
      '**任务 (一)完成全国质量强市示范城市创建工作**',
      '',
      '- 牵头单位：市政府办公室、市质监局',
      '- 配合单位：各成员单位',
      '- 分工来源：本条自身的责任分工',
      '- 量化指标：无',
    ].join('\n'));
  });

  it('on a task heading with targets: lists them with requirement, value, unit and year', async () => {
    const value = await hoverAt(20, '(六)');
    expect(value).toContain('- 量化指标：\n  - 江苏名牌产品 不低于（≥） 80 个（2016）\n  - 中国驰名商标 不低于（≥） 5 件（2016）');
  });

  it('on a target: metric, requirement, value, unit and year with its source', async () => {
    expect(await hoverAt(20, '80个')).toBe([
      '**量化指标**',
      '',
      '- 指标：江苏名牌产品',
      '- 要求：不低于（≥）',
      '- 目标值：80',
      '- 单位：个',
      '- 年份：2016（句中写明）',
    ].join('\n'));
  });

  it('on a clause (its role words; a unit name has its own hover): whom it names', async () => {
    expect(await hoverAt(14, '牵头,各成员单位配合')).toContain('- 牵头单位：市政府办公室、市质监局\n- 配合单位：各成员单位');
  });

  it('on an inherited clause: says it comes from the parent item', async () => {
    const text = ['某市质量提升行动计划', '一、重点任务', '（一）实施三大战略。（市质监局牵头，各成员单位配合）', '1.名牌战略。推进名牌培育。'];
    const uri = 'untitled:inherit.plan.txt';
    await client.open(uri, text.join('\n'));
    expect(await hoverAt(3, '名牌战略', 0, uri, text)).toContain('- 牵头单位：市质监局\n- 配合单位：各成员单位\n- 分工来源：继承上级条目的责任分工');
  });

  it('nowhere else: the cover and section titles have no hover', async () => {
    expect(await hoverAt(0, lines[0].trim().slice(0, 2))).toBeNull();
    const section = lines.findIndex((l) => l.startsWith('一、'));
    expect(await hoverAt(section, '一、', 1)).toBeNull();
  });
});

describe('semantic tokens', () => {
  it('mark lead units, cooperating units, target values and units, with a small standard legend', async () => {
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
    expect(legend).toEqual({ tokenTypes: ['class', 'variable', 'number', 'type'], tokenModifiers: [] });
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: s000.uri } });
    const tokens: string[] = [];
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push(`${line}:${legend.tokenTypes[data[i + 3]]}:${lines[line].slice(character, character + data[i + 2])}`);
    }
    expect(tokens.filter((t) => t.startsWith('14:'))).toEqual(['14:class:市政府办公室', '14:class:市质监局', '14:variable:各成员单位']);
    expect(tokens.filter((t) => t.startsWith('20:')).slice(0, 4)).toEqual(['20:number:80', '20:type:个', '20:number:5', '20:type:件']);
  });
});
