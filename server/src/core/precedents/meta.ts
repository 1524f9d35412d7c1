// Metadata a team gives a precedent where its text does not say: front matter at the top of a
// .txt/.md, or a sidecar JSON file next to it (read by the caller, parsed here).
import type { PrecedentMeta } from './doc';

/** What front matter left of the text, and what it said. */
export interface FrontMatter {
  meta: PrecedentMeta;
  /** The text with the front matter's lines blanked (same line count, so line numbers still map). */
  text: string;
  /** One line of Chinese per key that could not be used (unknown key, bad year). */
  problems: string[];
}

/** Keys a team may write, English or Chinese, and the field each fills. */
const KEYS: Record<string, keyof PrecedentMeta> = {
  city: 'city', 城市: 'city', 地区: 'city',
  year: 'year', 年份: 'year', 年度: 'year',
  level: 'level', 层级: 'level', 级别: 'level',
  docnumber: 'docNumber', 文号: 'docNumber', 发文字号: 'docNumber',
  prefecture: 'prefecture', 上级城市: 'prefecture', 所属地市: 'prefecture',
};

/**
 * Reads YAML-like front matter (`---` on the first line, `key: value` lines, `---`): city, year,
 * level, docNumber and prefecture, in English or Chinese (城市, 年份, 层级, 文号, 所属地市). Its
 * lines become empty lines, so the analysis never sees them and line numbers stay the file's.
 * Text without front matter comes back unchanged.
 */
export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  const first = lines[0]?.replace(/^\ufeff/, '').trim();
  if (first !== '---') return { meta: {}, text, problems: [] };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.trim()));
  if (end < 0 || end > 40) return { meta: {}, text, problems: [] };
  const fields: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const line of lines.slice(1, end)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = line.match(/^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$/);
    if (!m) {
      problems.push(`前言行无法识别：${line.trim()}`);
      continue;
    }
    fields[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  const { meta, problems: more } = metaFromFields(fields);
  const blanked = lines.map((l, i) => (i <= end ? (l.endsWith('\r') ? '\r' : '') : l)).join('\n');
  return { meta, text: blanked, problems: [...problems, ...more] };
}

/**
 * Reads a sidecar file's JSON ({city, year, level, docNumber, prefecture}, Chinese keys too).
 * Malformed JSON gives one problem and no metadata; it never throws.
 */
export function readSidecarMeta(json: string): { meta: PrecedentMeta; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (e) {
    return { meta: {}, problems: [`元数据文件不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { meta: {}, problems: ['元数据文件应为一个 JSON 对象'] };
  return metaFromFields(raw as Record<string, unknown>);
}

function metaFromFields(fields: Record<string, unknown>): { meta: PrecedentMeta; problems: string[] } {
  const meta: PrecedentMeta = {};
  const problems: string[] = [];
  for (const [rawKey, value] of Object.entries(fields)) {
    const key = KEYS[rawKey.trim().toLowerCase()] ?? KEYS[rawKey.trim()];
    if (!key) {
      problems.push(`未知的元数据项：${rawKey}`);
      continue;
    }
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (key === 'year') {
      if (!/^\d{4}$/.test(text)) problems.push(`年份应为四位数字：${text}`);
      else meta.year = Number(text);
    } else if (text !== '') {
      meta[key] = text;
    }
  }
  return { meta, problems };
}

/** Sidecar metadata overrides front matter, key by key. */
export function mergeMeta(frontMatter: PrecedentMeta, sidecar: PrecedentMeta): PrecedentMeta {
  return { ...frontMatter, ...sidecar };
}
