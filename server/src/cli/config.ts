// Reads the --config file ({ "rules": {...}, "leadSections": [...] }) into the core's AnalysisOptions.
import fs from 'node:fs';
import { ruleInfo, type AnalysisOptions, type RuleId, type SectionKind, type Severity } from '../core';

/** A config file that cannot be used; the message is one line of Chinese naming the file. */
export class ConfigError extends Error {}

export interface LoadedConfig {
  options: AnalysisOptions;
  /** Things ignored but worth telling: unknown rule ids or keys. */
  warnings: string[];
}

const SEVERITIES: Record<string, Severity | 'off'> = {
  off: 'off',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
};

const SECTIONS: readonly SectionKind[] = ['context', 'principle', 'goal', 'task', 'safeguard'];

/** Keys the file may hold; later issues extend the format, so others are warned about, not refused. */
const KNOWN_KEYS = new Set(['$schema', 'rules', 'leadSections', 'targetSections', 'locale']);

/** Reads and validates a config file; throws ConfigError when it cannot be used as a whole. */
export function loadConfig(file: string): LoadedConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '不存在' : code === 'EISDIR' ? '是文件夹' : `无法读取（${code ?? String(e)}）`;
    throw new ConfigError(`配置文件 ${file} ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new ConfigError(`配置文件 ${file} 不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  return parseConfig(json, file);
}

/** Validates parsed config JSON; `file` only names it in messages. */
export function parseConfig(json: unknown, file: string): LoadedConfig {
  const bad = (what: string) => new ConfigError(`配置文件 ${file}：${what}`);
  if (!isObject(json)) throw bad('应为一个 JSON 对象');
  const options: AnalysisOptions = {};
  const warnings: string[] = [];

  for (const key of Object.keys(json)) {
    if (!KNOWN_KEYS.has(key)) warnings.push(`配置文件 ${file}：未知的配置项 "${key}"，已忽略`);
  }

  if (json.rules !== undefined) {
    if (!isObject(json.rules)) throw bad('"rules" 应为对象，如 { "missing-target": "off" }');
    const severities: Partial<Record<RuleId, Severity | 'off'>> = {};
    for (const [id, value] of Object.entries(json.rules)) {
      const level = typeof value === 'string' ? SEVERITIES[value] : undefined;
      if (level === undefined) {
        throw bad(`规则 "${id}" 的级别 ${JSON.stringify(value)} 无效（可用 off、error、warning、information、hint）`);
      }
      if (!Object.prototype.hasOwnProperty.call(ruleInfo, id)) {
        warnings.push(`配置文件 ${file}：未知的规则 "${id}"，已忽略`);
        continue;
      }
      severities[id as RuleId] = level;
    }
    options.severities = severities;
  }

  for (const key of ['leadSections', 'targetSections'] as const) {
    const value = json[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((v): v is SectionKind => SECTIONS.includes(v as SectionKind))) {
      throw bad(`"${key}" 应为数组，元素取 ${SECTIONS.join('、')}`);
    }
    options[key] = [...value];
  }

  if (json.locale !== undefined) {
    if (json.locale !== 'zh-cn' && json.locale !== 'en') throw bad('"locale" 应为 "zh-cn" 或 "en"');
    options.locale = json.locale;
  }
  return { options, warnings };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
