// package.json as VS Code reads it: titles and descriptions resolve in every language, settings are
// valid JSON Schema in step with the core's rules, referenced files exist, the .vsix holds only what it needs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseJsonc } from 'jsonc-parser';
import { parseTeamConfig, ruleInfo, SECTION_KINDS as CORE_SECTION_KINDS } from '../../server/src/core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(new URL(file, `file://${root}`), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, any>;
const exists = (file: string) => existsSync(new URL(file.replace(/^\.\//, ''), `file://${root}`));

const pkg = json('package.json');
const contributes = pkg.contributes;
const properties: Record<string, any> = contributes.configuration.properties;
const nlsFiles = readdirSync(root).filter((f) => /^package\.nls(\.[a-z-]+)?\.json$/.test(f)).sort();
const nls = Object.fromEntries(nlsFiles.map((f) => [f, json(f)])) as Record<string, Record<string, string>>;
const HAN = /\p{Script=Han}/u;
const SECTION_KINDS = ['context', 'principle', 'goal', 'task', 'safeguard'];

/** Every "%key%" string anywhere in the manifest. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) nlsKeys(v, out);
  }
  return out;
}

/** A manifest string as a user with `file`'s language sees it. */
const resolve = (value: string, file: string) => value.replace(/^%(.+)%$/, (_, k: string) => nls[file][k] ?? `<missing ${k}>`);

describe('localization', () => {
  it('has the English default and the Chinese translation, with exactly the same keys', () => {
    expect(nlsFiles).toEqual(['package.nls.json', 'package.nls.zh-cn.json']);
    expect(Object.keys(nls['package.nls.zh-cn.json']).sort()).toEqual(Object.keys(nls['package.nls.json']).sort());
  });

  it('resolves every %key% of the manifest in every nls file, and uses every key', () => {
    const used = nlsKeys(pkg);
    for (const file of nlsFiles) {
      for (const key of used) expect(nls[file][key], `${file}: ${key}`).toEqual(expect.any(String));
      expect(Object.keys(nls[file]).filter((k) => !used.has(k)), `${file}: unused keys`).toEqual([]);
    }
  });

  it('is Chinese in the Chinese file and English in the default one', () => {
    for (const [key, zh] of Object.entries(nls['package.nls.zh-cn.json'])) {
      expect(HAN.test(zh), `zh-cn ${key}: ${zh}`).toBe(true);
      expect(zh, key).not.toBe(nls['package.nls.json'][key]);
    }
    for (const [key, en] of Object.entries(nls['package.nls.json'])) expect(en, key).toMatch(/[A-Za-z]{3}/);
  });

  it('titles the commands in Chinese as the drafter knows them', () => {
    const titles = Object.fromEntries(contributes.commands.map((c: any) => [c.command, resolve(c.title, 'package.nls.zh-cn.json')]));
    expect(titles).toEqual({
      'qplan.newDraft': '新建质量规划草稿',
      'qplan.renumberDocument': '全文重新编号',
      'qplan.insertClauseTemplate': '插入责任分工条款',
      'qplan.showAgency': '查看单位分工',
      'qplan.compareWithPrecedent': '对比先例',
      'qplan.showTaskMatrix': '生成任务分工表',
      'qplan.showTargetTable': '生成主要指标表',
      'qplan.exportTaskMatrix': '导出任务分工表…',
      'qplan.exportTargetTable': '导出主要指标表…',
      'qplan.insertClause': '插入团队条款…',
      'qplan.saveClause': '将所选内容保存为团队条款…',
      'qplan.importPlan': '导入方案文件为草稿…',
    });
    for (const c of contributes.commands) {
      expect(c.title, c.command).toMatch(/^%.+%$/);
      expect(resolve(c.category, 'package.nls.zh-cn.json')).toBe('质量规划');
    }
  });

  it('has every runtime message of the client in both l10n bundles, placeholders kept', () => {
    const sources = readdirSync(new URL('client/src/', `file://${root}`)).map((f) => read(`client/src/${f}`)).join('\n');
    const messages = new Set([...sources.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1')));
    expect(messages.size).toBeGreaterThan(3);
    const l10nDir = pkg.l10n.replace(/^\.\//, '');
    const base = json(`${l10nDir}/bundle.l10n.json`);
    const zh = json(`${l10nDir}/bundle.l10n.zh-cn.json`);
    expect(Object.keys(base).sort()).toEqual([...messages].sort());
    expect(Object.keys(zh).sort()).toEqual([...messages].sort());
    for (const m of messages) {
      expect(HAN.test(zh[m]), m).toBe(true);
      expect(zh[m].match(/\{\d+\}/g) ?? [], m).toEqual(m.match(/\{\d+\}/g) ?? []);
    }
  });
});

describe('settings', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });

  it('describes every setting, and every enum value, in words', () => {
    for (const [name, schema] of Object.entries(properties)) {
      expect(schema.description ?? schema.markdownDescription, name).toMatch(/^%.+%$/);
      const enums = [schema, schema.items, ...Object.values(schema.properties ?? {})].filter((s: any) => s?.enum);
      for (const s of enums) expect(s.enumDescriptions?.length, `${name} enumDescriptions`).toBe(s.enum.length);
    }
    for (const name of Object.keys(properties)) expect(name).toMatch(/^qplan\./);
  });

  it('is valid JSON Schema whose defaults validate', () => {
    for (const [name, schema] of Object.entries(properties)) {
      const validate = ajv.compile(schema);
      expect(validate(schema.default), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('lists every rule of the core with its default severity, and refuses unknown rules and levels', () => {
    const severity = properties['qplan.severity'];
    expect(Object.keys(severity.properties).sort()).toEqual(Object.keys(ruleInfo).sort());
    for (const [rule, info] of Object.entries(ruleInfo)) {
      expect(severity.properties[rule].default, rule).toBe(info.severity);
      expect(severity.default[rule], rule).toBe(info.severity);
      expect(severity.properties[rule].enum).toEqual(['error', 'warning', 'information', 'hint', 'off']);
    }
    const validate = ajv.compile(severity);
    expect(validate({ 'missing-lead': 'error', 'missing-target': 'off' })).toBe(true);
    expect(validate({ 'missing-lead': 'fatal' })).toBe(false);
    expect(validate({ 'no-such-rule': 'error' })).toBe(false);
  });

  it('offers the core section kinds for leadSections and targetSections', () => {
    for (const name of ['qplan.leadSections', 'qplan.targetSections']) {
      expect(properties[name].items.enum, name).toEqual(SECTION_KINDS);
      expect(properties[name].default, name).toEqual(['task']);
      const validate = ajv.compile(properties[name]);
      expect(validate(['task', 'safeguard'])).toBe(true);
      expect(validate(['tasks'])).toBe(false);
    }
  });

  it('has detection on by default for plain text and Markdown, and a trace setting the client library reads', () => {
    expect(properties['qplan.detection.enabled'].default).toBe(true);
    expect(properties['qplan.detection.languages'].default).toEqual(['plaintext', 'markdown']);
    expect(properties['qplan.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
  });

  it('restricts in untrusted workspaces only settings that exist', () => {
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    for (const name of restricted) expect(properties[name], name).toBeDefined();
  });

  it('guesses the encoding of plan files (GB18030/GBK), wraps their long paragraphs, and does not box Chinese punctuation or no-break spaces', () => {
    expect(contributes.configurationDefaults['[quality-plan]']).toEqual({
      'files.autoGuessEncoding': true,
      'editor.wordWrap': 'on',
      // （）〔〕× look like ASCII ()x to the confusable check, and a plan is full of them.
      'editor.unicodeHighlight.ambiguousCharacters': false,
      // Web copies carry U+00A0; boxing every one of them is noise in a plan.
      'editor.unicodeHighlight.invisibleCharacters': false,
    });
  });
});

describe('contributions', () => {
  it('declares the quality-plan language with its files, aliases and bracket pairs', () => {
    const [language] = contributes.languages;
    expect(language.id).toBe('quality-plan');
    // VS Code names a language by its first alias: localized, so each UI shows its own name.
    expect(language.aliases[0]).toBe('%language.name%');
    expect(resolve(language.aliases[0], 'package.nls.zh-cn.json')).toBe('质量规划');
    expect(resolve(language.aliases[0], 'package.nls.json')).toBe('Quality Plan');
    expect(language.aliases).toEqual(expect.arrayContaining(['质量规划', 'Quality Plan']));
    expect(language.extensions).toContain('.qplan');
    expect(language.filenamePatterns).toEqual(expect.arrayContaining(['*.plan.txt', '*.plan.md']));
    const config = json(language.configuration);
    const pairs = config.brackets.map((b: string[]) => b.join(''));
    expect(pairs).toEqual(expect.arrayContaining(['（）', '《》', '“”', '〔〕', '【】']));
    for (const p of config.autoClosingPairs) expect(pairs).toContain(p.open + p.close);
  });

  it('points at files that exist, with the grammar scope the grammar declares', () => {
    const [grammar] = contributes.grammars;
    expect(json(grammar.path).scopeName).toBe(grammar.scopeName);
    expect(grammar.scopeName).toBe('text.quality-plan');
    const [snippets] = contributes.snippets;
    expect(snippets.language).toBe('quality-plan');
    for (const file of [grammar.path, snippets.path, contributes.languages[0].configuration, pkg.l10n, pkg.main, pkg.icon]) {
      expect(exists(file), file).toBe(true);
    }
    expect(pkg.main).toBe('./client/out/extension.js');
    expect(read('client/out/extension.js')).toContain('server/out/server.js');
  });

  it('activates on plan, plain-text and Markdown documents; commands activate implicitly', () => {
    expect(pkg.activationEvents).toEqual(expect.arrayContaining(['onLanguage:quality-plan', 'onLanguage:plaintext', 'onLanguage:markdown']));
    expect(pkg.activationEvents).not.toContain('*');
    // VS Code >= 1.74 activates on a contributed command by itself.
    expect(pkg.engines.vscode).toMatch(/^\^1\.(7[4-9]|[89]\d|\d{3})\./);
  });

  it('shows the commands only where they apply', () => {
    const when = Object.fromEntries(contributes.menus.commandPalette.map((m: any) => [m.command, m.when]));
    expect(when['qplan.renumberDocument']).toContain('editorLangId == quality-plan');
    expect(when['qplan.insertClauseTemplate']).toContain('editorLangId == quality-plan');
    expect(when['qplan.newDraft']).toBeUndefined();
    const ids = new Set(contributes.commands.map((c: any) => c.command));
    for (const menu of Object.values(contributes.menus) as any[]) for (const m of menu) expect(ids.has(m.command), m.command).toBe(true);
  });
});

describe('the team config schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const [validation] = contributes.jsonValidation;
  const schema = json(validation.url);
  const validate = ajv.compile(schema);
  const example = read('docs/example/qplan.config.json');

  it('is contributed for qplan.config.json, which VS Code opens as JSON with comments', () => {
    expect(validation.fileMatch).toBe('qplan.config.json');
    expect(exists(validation.url)).toBe(true);
    expect(contributes.languages.find((l: any) => l.id === 'jsonc')?.filenames).toEqual(['qplan.config.json']);
  });

  it('describes every field in Chinese first, then English', () => {
    for (const [key, field] of Object.entries(schema.properties as Record<string, any>)) {
      if (key === '$schema') continue;
      const [zh, en] = String(field.description).split(' — ');
      expect(zh, key).toMatch(/\p{Script=Han}/u);
      expect(en, key).toMatch(/^[A-Z][a-z]/);
    }
  });

  it('lists every rule of the core with the five levels, and the core section kinds', () => {
    for (const rule of Object.keys(ruleInfo)) expect(schema.properties.rules.properties[rule]?.enum, rule).toEqual(['error', 'warning', 'information', 'hint', 'off']);
    expect(schema.properties.leadSections.items.enum).toEqual(CORE_SECTION_KINDS);
  });

  it('accepts the documented example, which the core also reads without a problem', () => {
    const value = parseJsonc(example);
    expect(validate(value), ajv.errorsText(validate.errors)).toBe(true);
    expect(parseTeamConfig(example).problems).toEqual([]);
  });

  it('refuses what the core warns about: a wrong level, an unknown key, a suppression with no reason', () => {
    for (const bad of [{ rules: { 'missing-lead': 'fatal' } }, { citty: '宿州市' }, { suppress: [{ rule: 'missing-lead', task: '加强组织领导' }] }, { period: { start: 2021 } }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
      expect(parseTeamConfig(JSON.stringify(bad)).problems.length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });
});

describe('packaging', () => {
  it('has what vsce needs and packs only the runtime files', () => {
    expect(pkg.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(pkg.license).toBeTruthy();
    expect(pkg.scripts.package).toMatch(/vsce package --ignoreFile client\/\.vscodeignore --no-dependencies/);
    const vsce = fileURLToPath(new URL('node_modules/@vscode/vsce/vsce', `file://${root}`));
    const files = execFileSync(process.execPath, [vsce, 'ls', '--ignoreFile', 'client/.vscodeignore', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n').map((l) => l.trim()).filter(Boolean).sort();
    expect(files).toEqual(expect.arrayContaining([
      'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md',
      'client/out/extension.js', 'server/out/server.js', 'client/l10n/bundle.l10n.zh-cn.json', pkg.icon,
      'syntaxes/quality-plan.tmLanguage.json', 'syntaxes/language-configuration.json', 'snippets/quality-plan.json',
      'client/schemas/qplan.config.schema.json',
    ]));
    expect(files.filter((f) => f.startsWith('seeds/')).length).toBe(5);
    expect(files.filter((f) => /node_modules|\/src\/|^test\/|\.map$|\.ts$|^bench\/|^\.ci\//.test(f))).toEqual([]);
    expect(files.length).toBeLessThan(25);
  }, 30_000);
});
