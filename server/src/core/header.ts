// The plan's identity from its cover: own title (not the notice's), document number, date, period.
import type { Period } from './model';
import { parseChineseDigits, parseChineseNumber } from './numerals';

const PLAN_WORD = /(?:计划|方案|规划|意见|纲要|办法|要点|措施|决定|实施细则)(?:[(（][^()（）]*[)）])?$/;
const NOTICE = /(?:的)?通知$|^关于印发/;
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,10}?)[〔\[［(（【]?((?:19|20)\d{2})[〕\]］)）】]?(\d{1,4})号/;
const ISO_DATE = /((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/;
const CN_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
const DATE_FIELD = /^(?:[•·●])?(成文日期|发布日期|发布时间)[:：]?/;

/** A cleaned line as the cover reader needs it (a `PlanLine` is one). */
export interface HeaderLine {
  norm: string;
  text: string;
  noise: boolean;
}

export interface Header {
  title: string | null;
  titleLine: number;
  docNumber: string | null;
  date: string | null;
  period: Period | null;
}

/**
 * Reads the cover: `lines[0, count)` are the cleaned lines before the first heading. The plan title is
 * the last short line naming a plan that is not the notice; failing that, 《X》 from the notice.
 */
export function readHeader(lines: readonly HeaderLine[], count: number): Header {
  let titleAt = -1;
  let noticeAt = -1;
  for (let k = 0; k < count; k++) {
    const l = lines[k];
    if (l.noise || l.norm.length < 4 || l.norm.length > 70 || /[。；;]|^[《“]/.test(l.norm)) continue;
    const bare = l.norm.replace(/^#+|\*\*/g, '');
    if (NOTICE.test(bare)) { if (noticeAt < 0) noticeAt = k; continue; }
    if (PLAN_WORD.test(bare) && !/^(?:为|根据|现将|经)/.test(bare)) titleAt = k;
  }
  let title: string | null = null;
  let titleLine = -1;
  if (titleAt >= 0) {
    title = lines[titleAt].text.replace(/^#+|\*\*/g, '');
    titleLine = titleAt;
    // A title split over two lines: 2016年苏州市质量强市 / 工作行动计划.
    const prev = titleAt > 0 ? lines[titleAt - 1] : null;
    if (prev && !prev.noise && isTitleFragment(prev.norm)) {
      title = prev.text.replace(/^#+|\*\*/g, '') + title;
      titleLine = titleAt - 1;
    }
  } else if (noticeAt >= 0) {
    const notice = lines[noticeAt];
    const quoted = /《([^《》]+)》/.exec(notice.text);
    title = quoted ? quoted[1] : notice.text.replace(/^#+|\*\*/g, '');
    titleLine = noticeAt;
  }
  return { title, titleLine, docNumber: findDocNumber(lines, count), date: findDate(lines, count), period: title ? readPeriod(title) : null };
}

function isTitleFragment(norm: string): boolean {
  return norm.length >= 4 && norm.length <= 30 && !/[。；;，,：:]/.test(norm) && !NOTICE.test(norm) &&
    !PLAN_WORD.test(norm) && /(?:19|20)\d{2}年|[市县区省]/.test(norm) && !/人民政府$|办公室$/.test(norm) && parseDate(norm) === null;
}

function findDocNumber(lines: readonly HeaderLine[], count: number): string | null {
  for (let k = 0; k < count; k++) {
    const l = lines[k];
    if (/^(?:为|根据|现将)|《/.test(l.norm)) continue;
    const m = DOC_NUMBER.exec(l.norm.replace(/^.*?(?:文号|字号)[:：]?/, ''));
    if (m && /[发办府字函委局]$/.test(m[1])) return `${m[1]}〔${m[2]}〕${m[3]}号`;
  }
  return null;
}

/** The signing date: a line that is only a date beats a 成文日期 field, which beats 发布日期. */
function findDate(lines: readonly HeaderLine[], count: number): string | null {
  let field: string | null = null;
  let fieldRank = 9;
  for (let k = 0; k < count; k++) {
    const l = lines[k];
    const f = DATE_FIELD.exec(l.norm);
    if (f) {
      const rank = f[1] === '成文日期' ? 1 : 2;
      const d = parseDate(l.norm.slice(f[0].length));
      if (d && rank < fieldRank) { field = d; fieldRank = rank; }
      continue;
    }
    if (/^(?:(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/.test(l.norm)) {
      const d = parseDate(l.norm);
      if (d) return d;
    }
  }
  return field;
}

/** 2016年4月25日, 2016-04-25, 2023/2/24, 二〇一六年四月二十五日 → ISO; null when not a real date. */
export function parseDate(s: string): string | null {
  let y: number | null = null;
  let mo: number | null = null;
  let d: number | null = null;
  const m = ISO_DATE.exec(s);
  if (m) { y = Number(m[1]); mo = Number(m[2]); d = Number(m[3]); } else {
    const c = CN_DATE.exec(s);
    if (!c) return null;
    y = parseChineseDigits(c[1]); mo = parseChineseNumber(c[2]); d = parseChineseNumber(c[3]);
  }
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 五年规划 number → years: 十四五 → 2021–2025. */
export function fiveYearPeriod(n: number): Period {
  const start = 2006 + 5 * (n - 11);
  return { start, end: start + 4 };
}

/** The plan period from its title: （2023—2025年）, 2011~2020年, “十四五”, or an annual plan's year. */
export function readPeriod(title: string): Period | null {
  const range = /((?:19|20)\d{2})\s*年?\s*[—\-–~～至到]+\s*((?:19|20)\d{2})/.exec(title);
  if (range) return { start: Number(range[1]), end: Number(range[2]) };
  const fy = /十([一二三四五六])五/.exec(title);
  if (fy) return fiveYearPeriod(10 + (parseChineseNumber(fy[1]) ?? 0));
  const year = /((?:19|20)\d{2})年/.exec(title);
  if (year) return { start: Number(year[1]), end: Number(year[1]) };
  return null;
}
