// The --config file: what it accepts, what it warns about, what it refuses.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/src/cli/config';

describe('parseConfig', () => {
  it('maps rules and sections to AnalysisOptions, accepting eslint-style warn/info', () => {
    const { options, warnings } = parseConfig(
      { rules: { 'missing-target': 'off', 'missing-lead': 'error', 'heading-style': 'warn', 'multiple-leads-typo': 'info' }, leadSections: ['task', 'safeguard'], targetSections: ['goal'], locale: 'en' },
      'qplan.json',
    );
    expect(options).toEqual({
      severities: { 'missing-target': 'off', 'missing-lead': 'error', 'heading-style': 'warning' },
      leadSections: ['task', 'safeguard'],
      targetSections: ['goal'],
      locale: 'en',
    });
    expect(warnings).toEqual(['配置文件 qplan.json：未知的规则 "multiple-leads-typo"，已忽略']);
  });

  it('warns about keys a later version may define, without refusing the file', () => {
    expect(parseConfig({ agencies: ['市市场监管局'] }, 'c.json')).toEqual({
      options: {},
      warnings: ['配置文件 c.json：未知的配置项 "agencies"，已忽略'],
    });
  });

  it('refuses what cannot be meant', () => {
    const bad: [unknown, string][] = [
      [[], '配置文件 c.json：应为一个 JSON 对象'],
      [{ rules: ['missing-lead'] }, '配置文件 c.json："rules" 应为对象，如 { "missing-target": "off" }'],
      [{ rules: { 'missing-lead': true } }, '配置文件 c.json：规则 "missing-lead" 的级别 true 无效（可用 off、error、warning、information、hint）'],
      [{ leadSections: ['tasks'] }, '配置文件 c.json："leadSections" 应为数组，元素取 context、principle、goal、task、safeguard'],
      [{ locale: 'zh' }, '配置文件 c.json："locale" 应为 "zh-cn" 或 "en"'],
    ];
    for (const [json, message] of bad) {
      expect(() => parseConfig(json, 'c.json')).toThrow(new ConfigError(message));
    }
  });
});
