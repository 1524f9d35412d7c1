// snippets/quality-plan.json: well-formed, prefixes a drafter types, and a skeleton the core reads as a clean plan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan, checkPlan } from '../../server/src/core';
import { expandDefaults, parseSnippet, tabStops } from './snippetSyntax';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const raw = readFileSync(new URL('../../snippets/quality-plan.json', import.meta.url), 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const HAN = /\p{Script=Han}/u;
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const byPrefix = (p: string) => entries.find(([, s]) => prefixes(s).includes(p))?.[1];
/** Fixed values for the date variables, so expansions do not depend on the clock. */
const VARIABLES = { CURRENT_YEAR: '2025' };

describe('snippet file', () => {
  it('is plain JSON (no comments) with prefix, body and a Chinese description in every entry', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const [name, s] of entries) {
      expect(prefixes(s).length, name).toBeGreaterThan(0);
      for (const p of prefixes(s)) expect(p, name).toMatch(/^\S+$/);
      expect(typeof s.description === 'string' && HAN.test(s.description), name).toBe(true);
      const body = Array.isArray(s.body) ? s.body : [s.body];
      expect(body.length, name).toBeGreaterThan(0);
      expect(body.every((l) => typeof l === 'string'), name).toBe(true);
    }
  });

  it('has placeholders VS Code reads as meant: balanced, numbered, choices with options, known variables', () => {
    for (const [name, s] of entries) {
      const parts = parseSnippet(bodyOf(s));
      const stops = tabStops(parts);
      expect(stops.filter((t) => t.index === 0).length, `${name}: one final $0 at most`).toBeLessThanOrEqual(1);
      // A tab stop with two different defaults would show the first and silently drop the second.
      const seen = new Map<number, string>();
      for (const t of stops) {
        if (t.kind !== 'tabstop' || !t.children.length) continue;
        const text = JSON.stringify(t.children);
        expect(seen.get(t.index) ?? text, `${name}: $${t.index} defined twice`).toBe(text);
        seen.set(t.index, text);
      }
      // Numbers run 1..n without gaps, so Tab visits every field.
      const numbers = [...new Set(stops.map((t) => t.index).filter((n) => n > 0))].sort((a, b) => a - b);
      expect(numbers, name).toEqual(numbers.map((_, k) => k + 1));
    }
  });

  it('rejects the mistakes the checker is there for', () => {
    expect(() => parseSnippet('${1:市××局')).toThrow(/unclosed/);
    expect(() => parseSnippet('${1|达到|}')).toThrow(/two or more/);
    expect(() => parseSnippet('价格$')).toThrow(/starts nothing/);
    expect(() => parseSnippet('$CURRENT_YAER')).toThrow(/unknown variable/);
    expect(() => parseSnippet('a}')).toThrow(/stray/);
  });

  it('gives every snippet a pinyin-initials prefix and a Chinese one, none shared', () => {
    const all = entries.flatMap(([, s]) => prefixes(s));
    expect(new Set(all).size).toBe(all.length);
    for (const [name, s] of entries) {
      expect(prefixes(s).some((p) => /^[a-z]+$/.test(p)), `${name}: pinyin initials`).toBe(true);
      expect(prefixes(s).some((p) => HAN.test(p)), `${name}: Chinese`).toBe(true);
    }
    for (const p of ['yftz', 'zdsx', 'jbyz', 'zymb', 'zdrw', 'bzcs', 'zzld', 'jfbz', 'khpg', 'xcyd', 'rwfgb', 'zrfg']) {
      expect(byPrefix(p), p).toBeDefined();
    }
    for (const p of ['印发通知', '指导思想', '基本原则', '主要目标', '重点任务', '保障措施', '组织领导', '经费保障', '考核评估', '宣传引导', '任务分工表']) {
      expect(byPrefix(p), p).toBeDefined();
    }
  });
});

describe('snippet content', () => {
  it('offers comparators and units as choices in the goal indicators', () => {
    const choices = tabStops(parseSnippet(bodyOf(byPrefix('zymb')!))).filter((t) => t.kind === 'choice');
    expect(choices.some((c) => ['达到', '不低于', '稳定在'].every((o) => c.options.includes(o)))).toBe(true);
    expect(choices.some((c) => ['%', '个', '家', '项'].every((o) => c.options.includes(o)))).toBe(true);
  });

  it('leaves the cursor in the lead slot of every clause: the slot before 牵头 is a tab stop', () => {
    for (const p of ['zdrw', 'zrfg', 'bzcs']) {
      expect(bodyOf(byPrefix(p)!), p).toMatch(/（\$\{\d+:市[^}]*\}牵头，\$\{\d+:[^}]+\}配合）/);
    }
  });

  it('covers the four standard safeguards', () => {
    const text = expandDefaults(parseSnippet(bodyOf(byPrefix('bzcs')!)), VARIABLES);
    for (const w of ['组织领导', '经费保障', '考核评估', '宣传引导']) expect(text).toContain(w);
  });

  it('expands the draft skeleton into a plan the core reads cleanly: sections, tasks with leads, a target', () => {
    const text = expandDefaults(parseSnippet(bodyOf(snippets['质量规划草稿'])), VARIABLES);
    const model = analyzePlan(text);
    expect(model.failure).toBeUndefined();
    expect(model.title).toBe('××市质量强市建设行动计划');
    const top = model.headings.filter((h) => h.depth === 1).map((h) => `${h.marker}${h.title}`);
    expect(top).toEqual(['一、总体要求', '二、重点任务', '三、保障措施']);
    const tasks = model.tasks.filter((t) => t.section === 'task');
    expect(tasks.length).toBe(2);
    expect(tasks.every((t) => t.leads.length > 0)).toBe(true);
    expect(model.targets.length).toBeGreaterThan(0);
    // The skeleton leaves the target year as 到20××年 for the drafter: target-no-year reminds them, nothing else may fire.
    const findings = checkPlan(model, text).filter((d) => d.severity === 'error' || !['missing-target', 'target-no-year'].includes(d.rule));
    expect(findings.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    expect(checkPlan(model, text).filter((d) => d.rule === 'target-no-year')).toHaveLength(1);
  });

  it('expands every snippet without bracket errors or broken heading numbers', () => {
    for (const [name, s] of entries) {
      const text = expandDefaults(parseSnippet(bodyOf(s)), VARIABLES);
      const model = analyzePlan(text);
      const bad = checkPlan(model, text).filter((d) => ['unbalanced-bracket', 'heading-style', 'clause-format'].includes(d.rule));
      expect(bad.map((d) => d.message), name).toEqual([]);
    }
  });
});
