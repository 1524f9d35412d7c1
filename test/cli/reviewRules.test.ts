// The reviewer's rules through the qplan command: every rule id in SARIF, and fixes a pipeline can apply.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, qplan } from './run-qplan';

/** The rule ids of cli-contract.md, written out: a rule that disappears from the tool fails here. */
const CONTRACT_RULES = [
  'missing-lead', 'missing-target', 'heading-sequence', 'heading-style', 'heading-level', 'unbalanced-bracket', 'clause-format',
  'multiple-leads', 'obsolete-agency', 'unknown-agency', 'target-no-year', 'target-out-of-period', 'target-impossible',
  'target-conflict', 'halfwidth-punctuation', 'missing-section', 'precedent-residue',
];

const DRAFT = '2023年宿州市质量强市工作行动计划\n一、重点任务\n（一）加强品牌培育,扩大“苏州制造”影响力，产品质量合格率达到120%。（市质监局、市经信委牵头，各成员单位配合）\n二、保障措施\n';

beforeAll(() => buildBundle(), 120_000);

describe('qplan check with the reviewer rules', () => {
  it('lists every rule of the contract in SARIF, each result with its rule index, valid against the schema', () => {
    const r = qplan(['check', '--format', 'sarif', '-'], { input: DRAFT });
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'sarif-2.1.0.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { uri: true, 'uri-reference': true, 'date-time': true, uuid: true } });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const rules: { id: string }[] = log.runs[0].tool.driver.rules;
    expect(rules.map((x) => x.id).sort()).toEqual([...CONTRACT_RULES].sort());
    const results: { ruleId: string; ruleIndex: number; fixes?: unknown[] }[] = log.runs[0].results;
    expect(new Set(results.map((x) => x.ruleId))).toEqual(new Set(['multiple-leads', 'obsolete-agency', 'target-impossible', 'halfwidth-punctuation', 'precedent-residue']));
    for (const x of results) expect(rules[x.ruleIndex].id).toBe(x.ruleId);
    expect(results.find((x) => x.ruleId === 'obsolete-agency' )!.fixes).toHaveLength(1);
  });

  it('gives the fixes in JSON at 1-based positions that replace exactly the old name', () => {
    const r = qplan(['check', '--format', 'json', '-'], { input: DRAFT });
    const found = JSON.parse(r.stdout) as { rule: string; fixes?: { title: string; changes: { line: number; column: number; endColumn: number; newText: string }[] }[] }[];
    const obsolete = found.filter((d) => d.rule === 'obsolete-agency');
    expect(obsolete.map((d) => d.fixes!.map((f) => f.title))).toEqual([['改为“市市场监管局”'], ['改为“市工信局”', '改为“市经信局”']]);
    const line = DRAFT.split('\n')[2];
    const c = obsolete[0].fixes![0].changes[0];
    expect(c.line).toBe(3);
    expect(line.slice(c.column - 1, c.endColumn - 1)).toBe('质监局');
    expect(c.newText).toBe('市场监管局');
  });

  it('lists the whole-file punctuation fix once, so a file with thousands of half-width marks still prints', () => {
    // 20 000 half-width marks beside as many full-width ones: 2 000 per-mark findings, each of which
    // offers the fix-all. Repeating it on every finding ran the command out of memory.
    const input = '（一）任务。（市质监局负责;以下均需各县区政府落实,不再列出）\n'.repeat(10_000);
    for (const format of ['json', 'sarif']) {
      const r = qplan(['check', '--format', format, '-'], { input });
      // Information-level findings only: the check passes (it used to abort out of memory).
      expect(r.status, r.stderr).toBe(0);
      const log = JSON.parse(r.stdout);
      // Changes per fix of each finding: `changes` in JSON, one artifact's `replacements` in SARIF.
      const sizes: number[][] = format === 'json'
        ? log.map((d: { fixes?: { changes: unknown[] }[] }) => (d.fixes ?? []).map((f) => f.changes.length))
        : log.runs[0].results.map((d: { fixes?: { artifactChanges: { replacements: unknown[] }[] }[] }) => (d.fixes ?? []).map((f) => f.artifactChanges[0].replacements.length));
      const fixAll = sizes.flat().filter((n) => n > 1);
      expect(fixAll, format).toEqual([20_000]);
      // Every per-mark finding keeps its own one-mark fix.
      expect(sizes.filter((fixes) => fixes.includes(1)), format).toHaveLength(2_000);
    }
  });

  it('takes new rule severities from --config, and "off" silences a rule', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qplan-rules-'));
    const config = path.join(dir, 'qplan.json');
    writeFileSync(config, '{ "rules": { "multiple-leads": "off", "halfwidth-punctuation": "error" } }');
    const off = qplan(['check', '--format', 'json', '--config', config, 'seeds/000_ddecad1bf628223d.txt']);
    rmSync(dir, { recursive: true, force: true });
    const found = JSON.parse(off.stdout) as { rule: string; severity: string }[];
    expect(found.filter((d) => d.rule === 'multiple-leads')).toEqual([]);
    expect(found.filter((d) => d.rule === 'halfwidth-punctuation').map((d) => d.severity)).toEqual(['error']);
    expect(off.status).toBe(1);
  });
});
