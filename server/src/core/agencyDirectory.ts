// A dated directory of municipal agency names that institutional reforms abolished, with their successors.
// Sources: the 2008-2010 and 2013-2014 State Council reforms as carried out by cities, and the 2018
// reform (local bodies formed late 2018 – early 2019). Names are the core without the 市/县/区 prefix.

export interface ObsoleteAgency {
  /** Names as written, short and full forms. */
  names: string[];
  /** The reform year; a plan dated after this year should not use the name. */
  abolished: number;
  /** Successor names, most usual first; the short form is used for a short old name. */
  successors: string[];
  /** The successors' full forms, used when the old name was written in full. */
  fullSuccessors?: string[];
  /** Old names written in full (the rest are short forms). */
  fullNames?: string[];
  /** Cities where the name survived the reform (北京 kept its 住房和城乡建设委员会). */
  keptIn?: string[];
}

export const OBSOLETE_AGENCIES: ObsoleteAgency[] = [
  {
    names: ['质监局', '质量技术监督局', '质量技监局', '工商局', '工商行政管理局', '工商管理局', '食药监局', '食品药品监管局', '食品药品监督管理局', '食药局'],
    fullNames: ['质量技术监督局', '工商行政管理局', '工商管理局', '食品药品监督管理局'],
    abolished: 2018, successors: ['市场监管局'], fullSuccessors: ['市场监督管理局'],
  },
  { names: ['物价局'], abolished: 2018, successors: ['发展改革委', '市场监管局'] },
  { names: ['环保局', '环境保护局'], fullNames: ['环境保护局'], abolished: 2018, successors: ['生态环境局'] },
  {
    names: ['国土局', '国土资源局', '规划局', '城乡规划局', '规划和国土资源局'],
    fullNames: ['国土资源局', '城乡规划局', '规划和国土资源局'],
    abolished: 2018, successors: ['自然资源和规划局', '自然资源局'],
  },
  {
    names: ['经信委', '经济和信息化委', '经济和信息化委员会', '经贸委', '经济贸易委员会', '经委'],
    fullNames: ['经济和信息化委员会', '经济贸易委员会'],
    abolished: 2018, successors: ['工信局', '经信局'], fullSuccessors: ['工业和信息化局', '经济和信息化局'],
    keptIn: ['上海', '重庆'],
  },
  {
    names: ['农委', '农业委员会', '农业局', '农林局'],
    fullNames: ['农业委员会'],
    abolished: 2018, successors: ['农业农村局'],
    keptIn: ['上海'],
  },
  {
    names: ['旅游局', '旅游委', '旅发委', '旅游发展委员会', '文广新局', '文广局', '文化广电新闻出版局', '新闻出版广电局', '文化局'],
    fullNames: ['旅游发展委员会', '文化广电新闻出版局', '新闻出版广电局'],
    abolished: 2018, successors: ['文化广电和旅游局', '文化和旅游局'],
  },
  { names: ['安监局', '安全生产监督管理局', '安全监管局'], fullNames: ['安全生产监督管理局'], abolished: 2018, successors: ['应急管理局'] },
  {
    names: ['卫计委', '卫生计生委', '卫生和计划生育委员会', '卫计局', '卫生计生局', '卫生和计划生育局'],
    fullNames: ['卫生和计划生育委员会', '卫生和计划生育局'],
    abolished: 2018, successors: ['卫健委'], fullSuccessors: ['卫生健康委员会'],
  },
  {
    names: ['卫生局', '人口计生委', '人口和计划生育委员会', '计生委', '人口计生局', '计生局'],
    fullNames: ['人口和计划生育委员会'],
    abolished: 2014, successors: ['卫生计生委'], fullSuccessors: ['卫生和计划生育委员会'],
  },
  {
    names: ['人事局', '劳动保障局', '劳动和社会保障局', '劳动局'],
    fullNames: ['劳动和社会保障局'],
    abolished: 2010, successors: ['人社局'], fullSuccessors: ['人力资源和社会保障局'],
  },
  { names: ['出入境检验检疫局', '检验检疫局'], abolished: 2018, successors: ['海关'] },
  { names: ['监察局'], abolished: 2018, successors: ['监委'], fullSuccessors: ['监察委员会'] },
  { names: ['法制办', '政府法制办', '法制办公室'], abolished: 2018, successors: ['司法局'] },
  { names: ['海洋与渔业局', '海洋渔业局'], abolished: 2018, successors: ['自然资源和规划局', '农业农村局'] },
  {
    names: ['住建委', '住房和城乡建设委员会', '城乡建设委员会', '建委'],
    fullNames: ['住房和城乡建设委员会', '城乡建设委员会'],
    abolished: 2018, successors: ['住建局'], fullSuccessors: ['住房和城乡建设局'],
    keptIn: ['北京', '天津', '重庆', '上海'],
  },
];

/** Short and full forms of current agencies that teams write either way, for matching an agency list. */
export const EQUIVALENT_FORMS: string[][] = [
  ['市场监管局', '市场监督管理局'],
  ['发改委', '发展改革委', '发展和改革委员会', '发改局', '发展和改革局', '发展改革局'],
  ['工信局', '工业和信息化局'],
  ['经信局', '经济和信息化局'],
  ['生态环境局', '生态环境保护局'],
  ['自然资源和规划局', '自然资源局'],
  ['住建局', '住房和城乡建设局', '住房城乡建设局'],
  ['农业农村局', '农业和农村局'],
  ['卫健委', '卫生健康委', '卫生健康委员会', '卫生健康局'],
  ['人社局', '人力资源和社会保障局', '人力资源社会保障局'],
  ['文化广电和旅游局', '文化和旅游局', '文广旅局', '文旅局'],
  ['应急管理局', '应急局'],
  ['科技局', '科学技术局'],
  ['教育局', '教育体育局', '教体局'],
  ['交通运输局', '交通局'],
  ['商务局', '商务和投资促进局'],
  ['国资委', '国有资产监督管理委员会'],
  ['市政府办公室', '市政府办', '政府办公室', '政府办'],
];

export interface ObsoleteHit {
  entry: ObsoleteAgency;
  /** The name current in `year`, following the chain of reforms (卫生局 → 卫生计生委 → 卫健委). */
  successors: string[];
}

const byName = new Map<string, ObsoleteAgency>();
for (const e of OBSOLETE_AGENCIES) for (const n of e.names) byName.set(n, e);

/** All abolished names, longest first, for one alternation. */
export const OBSOLETE_NAMES: string[] = [...byName.keys()].sort((a, b) => b.length - a.length);

/**
 * The entry when `name` (a core name without prefix) was abolished before `year`, with the
 * successors current in that year; null when the name was still valid then, or survived in the
 * city `city` names (a city name, or the opening of the text when the city is not known).
 */
export function obsoleteAt(name: string, year: number, city: string | null): ObsoleteHit | null {
  const entry = byName.get(name);
  if (!entry || year <= entry.abolished) return null;
  if (city && entry.keptIn?.some((c) => city.includes(c))) return null;
  const full = entry.fullNames?.includes(name) ?? false;
  let successors = full && entry.fullSuccessors ? entry.fullSuccessors : entry.successors;
  // A successor abolished in turn (卫生局 → 卫生计生委 → 卫健委) is replaced by its own successor.
  for (let i = 0; i < 3; i++) {
    const next = successors.flatMap((s) => {
      const e = byName.get(s);
      return e && year > e.abolished ? e.successors : [s];
    });
    if (next.join() === successors.join()) break;
    successors = next;
  }
  return { entry, successors };
}

/** The canonical form of a current agency's core name (发展改革委 → 发改委), or the name itself. */
export function canonicalForm(core: string): string {
  for (const forms of EQUIVALENT_FORMS) if (forms.includes(core)) return forms[0];
  return core;
}
