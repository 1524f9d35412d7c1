// Over the wire: a team folder named by qplan.precedentFolders joins the precedent library, its
// front matter names the city, and a plan written into it later shows up without a restart.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { buildServer, LspClient, removeDir } from './lspClient';

let client: LspClient;
let ws: string;
const draft = ['某市质量提升行动计划', '一、重点任务', '（一）推进海塘安澜工程质量提升。', '（二）培育甜瓜地理标志产品。'].join('\n');
const uri = 'untitled:draft.plan.txt';

beforeAll(async () => {
  const bundle = buildServer();
  ws = mkdtempSync(path.join(os.tmpdir(), 'qplan-folders-'));
  mkdirSync(path.join(ws, '先例'));
  writeFileSync(path.join(ws, '先例', 'a.md'), ['---', '城市: 平湖市', '所属地市: 嘉兴市', 'year: 2019', '---', '2019年质量工作要点', '一、重点任务',
    '（一）推进海塘安澜工程质量提升。实施海塘安澜工程质量提升专项行动。（牵头单位：市水利局）', ''].join('\n'));
  client = await LspClient.start(bundle, {
    workspaceFolders: [ws],
    settings: { precedentFolders: ['先例'] },
    initializationOptions: { diagnosticDelay: 0, precedentCache: path.join(ws, '.cache') },
  });
  await client.open(uri, draft);
}, 60_000);

afterAll(async () => {
  await client?.stop();
  removeDir(ws);
});

async function hover(line: number): Promise<string> {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 5 } });
  return h ? (h.contents as MarkupContent).value : '';
}

describe('qplan.precedentFolders', () => {
  it('adds the folder\'s plans, with the city and prefecture their front matter gives', async () => {
    let value = await hover(2);
    // the setting is pulled after initialized; the first hover may come before it is applied
    for (let i = 0; i < 100 && !value.includes('平湖市'); i++) value = await new Promise((r) => setTimeout(r, 50)).then(() => hover(2));
    expect(value).toContain('- 平湖市（嘉兴） · 2019年');
    expect(value).toContain('**推进海塘安澜工程质量提升**');
    expect(value).toContain('市水利局');
  });

  it('picks up a plan written into the folder later, and caches what it analysed', async () => {
    expect(await hover(3)).not.toContain('慈溪市');
    writeFileSync(path.join(ws, '先例', 'b.txt'), ['2020年慈溪市质量工作要点', '一、重点任务', '（一）培育甜瓜地理标志产品。支持甜瓜地理标志产品申报。（牵头单位：市农业农村局）', ''].join('\n'));
    let value = await hover(3);
    for (let i = 0; i < 200 && !value.includes('慈溪市'); i++) value = await new Promise((r) => setTimeout(r, 50)).then(() => hover(3));
    expect(value).toContain('- 慈溪市 · 2020年');
    expect(readdirSync(path.join(ws, '.cache', 'precedents')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the team config file\'s precedents', () => {
  it('adds the folders qplan.config.json names to the library of the plans below it', async () => {
    const team = mkdtempSync(path.join(os.tmpdir(), 'qplan-team-precedents-'));
    try {
      mkdirSync(path.join(team, 'library'));
      mkdirSync(path.join(team, 'drafts'));
      writeFileSync(path.join(team, 'qplan.config.json'), '{\n  // 团队先例\n  "precedents": ["library"]\n}\n');
      writeFileSync(path.join(team, 'library', 'c.txt'), ['2021年舟山市质量工作要点', '一、重点任务',
        '（一）推进海岛渔港质量提升。开展渔港设施质量提升行动。（牵头单位：市海洋与渔业局）', ''].join('\n'));
      const file = path.join(team, 'drafts', 'draft.plan.txt');
      const text = ['某市质量提升行动计划', '一、重点任务', '（一）推进海岛渔港质量提升。'].join('\n');
      writeFileSync(file, text);
      const teamClient = await LspClient.start(buildServer(), { workspaceFolders: [team], initializationOptions: { diagnosticDelay: 0 } });
      try {
        const draftUri = pathToFileURL(file).toString();
        await teamClient.open(draftUri, text);
        const at = async () => {
          const h = await teamClient.request<Hover | null>('textDocument/hover', { textDocument: { uri: draftUri }, position: { line: 2, character: 5 } });
          return h ? (h.contents as MarkupContent).value : '';
        };
        let value = await at();
        for (let i = 0; i < 200 && !value.includes('舟山市'); i++) value = await new Promise((r) => setTimeout(r, 50)).then(at);
        expect(value).toContain('- 舟山市 · 2021年');
        expect(value).toContain('市海洋与渔业局');
      } finally {
        await teamClient.stop();
      }
    } finally {
      removeDir(team);
    }
  });
});
