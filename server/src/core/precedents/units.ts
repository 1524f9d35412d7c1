// Unit names as compared across plans: the same agency under its full name and its abbreviations
// (市经济和信息化委员会 = 市经济和信息化委 = 市经信委). Only abbreviation rules, no directory of
// agencies: which agencies exist in which year is the team config's business.
import type { AgencyEntry } from '../model';

/** Full wordings and their usual abbreviations, longest first where one contains another. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/经济和信息化/g, '经信'],
  [/经济与信息化/g, '经信'],
  [/质量技术监督/g, '质监'],
  [/发展和改革/g, '发改'],
  [/发展改革/g, '发改'],
  [/市场监督管理/g, '市场监管'],
  [/住房和城乡建设/g, '住建'],
  [/住房城乡建设/g, '住建'],
  [/工商行政管理/g, '工商'],
  [/食品药品监督管理/g, '食药监'],
  [/食品药品监管/g, '食药监'],
  [/人力资源和社会保障/g, '人社'],
  [/安全生产监督管理/g, '安监'],
  [/出入境检验检疫/g, '检验检疫'],
  [/科学技术/g, '科技'],
  [/环境保护/g, '环保'],
  [/卫生和计划生育/g, '卫计'],
  [/卫生健康/g, '卫健'],
  [/文化广电和旅游/g, '文广旅'],
  [/文化和旅游/g, '文旅'],
  [/交通运输/g, '交通'],
];

/**
 * A unit's comparison key: whitespace dropped, full wordings abbreviated, 委员会 → 委, 人民政府 → 政府.
 * Two names with the same key are the same agency: unitKey('市经济和信息化委员会') ===
 * unitKey('市经信委'); 市质量技术监督局 and 市质监局 likewise. Names it does not know stay as written.
 */
export function unitKey(name: string): string {
  let key = name.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  for (const [full, short] of ABBREVIATIONS) key = key.replace(full, short);
  return key.replace(/委员会$/, '委').replace(/人民政府/g, '政府');
}

/** True when two unit names stand for the same agency by the abbreviation rules. */
export function sameUnit(a: string, b: string): boolean {
  return unitKey(a) === unitKey(b);
}

/** A unit's key also folding one team's aliases (config `agencies`): 市市场监督管理局 → the key of 市市场监管局. */
export type UnitKeyOf = (name: string) => string;

/** unitKey, with each alias of the team's list keyed as its agency's name; plain unitKey without a list. */
export function teamUnitKey(agencies: readonly AgencyEntry[] | undefined): UnitKeyOf {
  if (!agencies?.length) return unitKey;
  const canonical = new Map<string, string>();
  for (const a of agencies) for (const alias of a.aliases ?? []) canonical.set(unitKey(alias), unitKey(a.name));
  return (name) => {
    const key = unitKey(name);
    return canonical.get(key) ?? key;
  };
}

/** The names a unit goes by in the team's list (itself and its aliases), or just the name. */
export function teamNames(agencies: readonly AgencyEntry[] | undefined, name: string): string[] {
  const keyOf = teamUnitKey(agencies);
  const key = keyOf(name);
  const entry = agencies?.find((a) => keyOf(a.name) === key);
  return entry ? [...new Set([name, entry.name, ...(entry.aliases ?? [])])] : [name];
}
