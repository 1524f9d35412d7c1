// Web-page chrome, metadata rows, adverts and file names that real copies carry around a plan.

const CHROME_WORDS = new Set([
  '政策', '正文', '打印', '关闭', '分享', '收藏', '返回顶部', '字体大小:打印', '字体大小：打印', '【打印】', '【关闭】', '0',
]);
const LABEL_WORDS = [
  '索引号', '主题分类', '发文字号', '文号', '政策文号', '发布机构', '发布部门', '发文机关', '发布时间', '发布日期', '成文日期', '生效日期',
  '实施日期', '有效性', '年度期数', '总期刊数', '主题词', '公开方式', '公开范围', '信息来源', '来源', '浏览次数', '点击数', '字体大小', '字号',
];
const METADATA_LABEL = new RegExp(`^(?:[•·●]\\s*)?(?:${LABEL_WORDS.join('|')})[:：]?`);
const CHROME_STARTS = ['您现在的位置', '当前位置', '首页[>》＞]', '扫一扫', '如果您对该文件有疑问', '附件下载', '相关链接', '相关文件', '责任编辑', '抄送[:：]', '【字体', '分享到'];
const CHROME_LINE = new RegExp(`^(?:${CHROME_STARTS.join('|')})|[(（]此件(?:公开发布|主动公开|不公开)[)）]$|印发$|\\.(?:docx?|pdf|wps|aip|ofd|txt)$`, 'i');
const ADVERT = /1[3-9]\d{9}|微信同号|免费咨询|专业代理|版权代理|客服电话|加微信|QQ[:：]?\d/;
// Cheap gates on the first and last character, so most lines never reach the set or the patterns.
const charSet = (chars: Iterable<string>) => {
  const set = new Uint8Array(0x10000);
  for (const c of chars) set[c.charCodeAt(0)] = 1;
  return set;
};
const WORD_FIRST = charSet([...CHROME_WORDS].map((w) => w[0]));
const FIRST = charSet(['•', '·', '●', ...LABEL_WORDS.map((w) => w[0]), ...CHROME_STARTS.map((w) => w[0])]);
const LAST = charSet(')）发xcfspdtXCFSPDT');
const LONGEST_CHROME_WORD = Math.max(...[...CHROME_WORDS].map((w) => w.length));

/**
 * True for a cleaned line that is page chrome, a metadata row or an advert, never plan text.
 * `mayBeAdvert` false says the line holds none of the characters an advert needs (1 微 免 …).
 */
export function isNoiseLine(norm: string, mayBeAdvert = true): boolean {
  // Chrome, metadata and adverts are short lines; plan paragraphs are not scanned for them.
  if (norm.length === 0 || norm.length > 160) return false;
  const first = norm.charCodeAt(0);
  if (norm.length <= LONGEST_CHROME_WORD && WORD_FIRST[first] === 1 && CHROME_WORDS.has(norm)) return true;
  if ((FIRST[first] === 1 || LAST[norm.charCodeAt(norm.length - 1)] === 1) && (METADATA_LABEL.test(norm) || CHROME_LINE.test(norm))) return true;
  return mayBeAdvert && ADVERT.test(norm);
}

const VALUE_START = new Set([...'≥≤<>＜＞'].map((c) => c.charCodeAt(0)));
const VALUE_CELL = /^[≥≤<>＜＞]?\d+(?:\.\d+)?(?:%|[个家件项处分名张万亿元吨]+)?(?:以上|以下|左右)?$/;
const UNIT_CELL = /^(?:%|‰|个|家|件|项|分|处|名|张|户|人|座|所|条|种|类|台|套|亿元|万元|元|吨|万吨|个百分点|[\u4e00-\u9fa5]{1,3}\/[\u4e00-\u9fa5]{1,3})$/;

/** A cell holding a value: 98%, ≥97, 5家以上, 100. */
export function isValueCell(norm: string): boolean {
  // A value starts with a digit or a comparison sign: other lines skip the pattern.
  const c = norm.charCodeAt(0);
  return ((c >= 48 && c <= 57) || VALUE_START.has(c)) && VALUE_CELL.test(norm);
}

/** A cell holding a unit: %, 个, 微克/立方米, 批次/千人. */
export function isUnitCell(norm: string): boolean {
  // The longest unit cell is 3 + / + 3 characters.
  return norm.length <= 7 && UNIT_CELL.test(norm);
}
