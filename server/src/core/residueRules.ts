// precedent-residue: another city's agency, slogan or district left in a draft copied from that city's plan.
import { EQUIVALENT_FORMS, OBSOLETE_NAMES } from './agencyDirectory';
import { around, insideTitle, silent, type Finding, type RuleContext } from './ruleTypes';
import { planNames } from './planNames';
import { isOwnGround, ownCity, placeMentions, type Place, type PlaceMention } from './places';

// 海关 is left out: a province's customs district is named after its capital (南京海关 serves all of 江苏).
const AGENCY_CORES = [
  ...OBSOLETE_NAMES,
  ...EQUIVALENT_FORMS.flat(),
  ...'财政局 公安局 民政局 司法局 审计局 统计局 水利局 林业局 税务局 国税局 地税局 粮食局 城管局 城市管理局 综合行政执法局 行政审批局 行政审批服务局 数据资源管理局 大数据局 医保局 医疗保障局 退役军人事务局 信访局 知识产权局 气象局 邮政管理局 宣传部 组织部 统战部 政法委 编办 科协 总工会 妇联 团委 标准化研究院 质检所 质检院 计量所 计量院 特检院 特种设备检验所 检验检测中心 质量强市工作领导小组 质量工作领导小组 质量发展委员会 市场监督管理分局 市场监管分局'.split(' '),
];
/** What makes a place name an agency or government of that place: 苏州市质监局, 苏州市人民政府, 苏州市市长质量奖. */
const AGENCY_AFTER = new RegExp(
  `^[市县区]?(?:人民政府|政府办公室|政府|市委|县委|区委|人大常委会|政协|[市县区]长质量奖|政府质量奖|${[...new Set(AGENCY_CORES)].sort((a, b) => b.length - a.length).join('|')})`,
);
/** A city's own slogan in quotes: “苏州制造”, “质量乐清”, “精致苏州”. */
const SLOGAN_AFTER = /^(?:制造|智造|服务|质量|品牌|工程|标准|精品|名牌|好品)”/;
const SLOGAN_BEFORE = /“(?:质量|品质|精致|品牌|诚信|标准)$/;
/** Words that make a mention of another city legitimate: benchmarking, cooperation, regional integration. */
const LEGIT_CONTEXT = /对标|对接|学习|借鉴|参照|比照|赶超|看齐|合作|协作|协同|联动|交流|一体化|长三角|都市圈|结对|对口|帮扶|援建|共建|携手|互认|签署|签订|考察|先进地区|等地|兄弟|联合|友好城市|沪苏|苏浙|获评|入选|评为|荣获|名单|先进经验/;

export function residueRules(ctx: RuleContext): Finding[] {
  const { model, text, options } = ctx;
  if (silent(options, 'precedent-residue')) return [];
  const own = ownCity(model, text, options);
  if (!own) return [];
  const out: Finding[] = [];
  for (const m of placeMentions(text, planNames(model, text).places)) {
    if (!m.places.length || m.places.some((p) => isOwnGround(p, own))) continue;
    const finding = classify(text, m, own);
    if (finding) out.push(finding);
  }
  return out;
}

function classify(text: string, m: PlaceMention, own: Place): Finding | null {
  const finding = residueAt(text, m, own);
  // The sentence is read only for a mention that would be reported: most are not, and it is the dearest test.
  return finding && !LEGIT_CONTEXT.test(around(text, m.start).sentence) ? finding : null;
}

/** What a mention of another place would be reported as, before its sentence is read for benchmarking or cooperation. */
function residueAt(text: string, m: PlaceMention, own: Place): Finding | null {
  const after = text.slice(m.end, m.end + 24);
  const agency = AGENCY_AFTER.exec(after);
  if (agency) {
    const span = { start: m.start, end: m.end + agency[0].length };
    return { rule: 'precedent-residue', id: 'precedent-residue.agency', span, args: { mention: text.slice(span.start, span.end), other: describe(m.places[0]), own: own.name } };
  }
  const slogan = SLOGAN_AFTER.exec(after);
  if ((slogan && text[m.start - 1] === '“') || (SLOGAN_BEFORE.test(text.slice(Math.max(0, m.start - 3), m.start)) && text[m.end] === '”')) {
    const open = text.lastIndexOf('“', m.start);
    const close = text.indexOf('”', m.end);
    const span = { start: open, end: close + 1 };
    return { rule: 'precedent-residue', id: 'precedent-residue.slogan', span, args: { mention: text.slice(open + 1, close), other: describe(m.places[0]), own: own.name } };
  }
  // A county or district of another prefecture, written with its suffix (吴中区, 昆山市), or a title 《苏州市…》.
  const county = m.wordStart && m.places.every((p) => p.county) && m.form === m.places[0].name && !/^[域划位块间级城乡场民]/.test(after);
  if (!county && text[m.start - 1] !== '《') return null; // neither a place nor a title's start: the line need not be read
  const { lineText } = around(text, m.start);
  const at = m.start - lineText.start;
  const inTitle = insideTitle(lineText.text, at);
  const titleStart = inTitle && lineText.text[at - 1] === '《';
  if (titleStart) {
    const close = lineText.text.indexOf('》', at);
    const title = lineText.text.slice(at, close > at ? close : undefined);
    return { rule: 'precedent-residue', id: 'precedent-residue.document', span: { start: m.start - 1, end: m.start + title.length + (close > at ? 1 : 0) }, args: { mention: title, other: describe(m.places[0]), own: own.name } };
  }
  if (county && !inTitle) {
    return { rule: 'precedent-residue', id: 'precedent-residue.place', span: { start: m.start, end: m.end }, args: { mention: m.form, other: describe(m.places[0]), own: own.name } };
  }
  return null;
}

/** 苏州市, or 苏州市吴中区 for a district. */
function describe(p: Place): string {
  return p.county ? `${p.prefecture}市${p.name}` : p.name;
}
