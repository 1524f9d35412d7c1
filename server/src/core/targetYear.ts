// The years a target's segment states: its own year (2025年, “十四五”末) and the year it is
// compared with (较2020年, 较上年), read at the 年 or 五 they need, without match arrays.
import { codeAt, isDigit } from './charCodes';
import { fiveYearPeriod } from './header';
import { parseChineseNumber } from './numerals';
import { isYear, numberValue } from './targetValue';

/** The year found by `yearIn` and the index its phrase starts at in the segment. */
export const segmentYear = { year: 0, at: 0 };

const FIVE_YEAR = /(?:到|至|在)?[“"]?十([一二三四五])五[”"]?(?:期间|末|时期|期末)/g;

/**
 * Whether the segment states a year, into `segmentYear`: the first of a year phrase (到2025年,
 * see `yearPhraseAt`) and a five-year-plan phrase (十四五末). `digits` and `five` say whether
 * it holds a digit and a 五.
 */
export function yearIn(seg: string, digits: boolean, five: boolean): boolean {
  // Each pattern only when its key characters are there: 19xx年 or 20xx年, 十?五.
  const at = digits ? yearPhraseAt(seg) : -1;
  let f: RegExpExecArray | null = null;
  if (five && hasFiveYearPlan(seg)) {
    FIVE_YEAR.lastIndex = 0;
    f = FIVE_YEAR.exec(seg);
  }
  if (f && (at < 0 || f.index < at)) {
    segmentYear.year = fiveYearPeriod(10 + (parseChineseNumber(f[1]) ?? 0)).end;
    segmentYear.at = f.index;
    return true;
  }
  if (at < 0) return false;
  segmentYear.at = at;
  return true;
}

/**
 * Where the first match of
 * /(?<![较比与自从于0-9])(?:到|至|在)?((?:19|20)\d{2})年(?:底|末|前)?(?!\d{0,2}月|以来)/
 * starts in s, or -1; its year goes to `segmentYear.year`. Each match ends at its own 年 and
 * starts at most five characters before it, after the 年 before: trying the 年 in order finds
 * the first match.
 */
function yearPhraseAt(s: string): number {
  for (let j = s.indexOf('年', 4); j >= 0; j = s.indexOf('年', j + 1)) {
    const d = j - 4;
    if (!isYear(s, d, j) || !isDigit(s.charCodeAt(d + 2)) || !isDigit(s.charCodeAt(d + 3))) continue;
    // (?:底|末|前)? may give up its character, so a phrase that holds one always ends well.
    const c = codeAt(s, j + 1);
    if (c !== 0x5e95 && c !== 0x672b && c !== 0x524d && isMonthOrSinceAt(s, j + 1)) continue; // 底 末 前
    const p = codeAt(s, d - 1);
    let at = -1;
    if ((p === 0x5230 || p === 0x81f3 || p === 0x5728) && NOT_BEFORE_YEAR[codeAt(s, d - 2)] === 0) at = d - 1; // 到 至 在
    else if (NOT_BEFORE_YEAR[p] === 0) at = d;
    if (at < 0) continue;
    segmentYear.year = numberValue(s, d, j);
    return at;
  }
  return -1;
}

/** \d{0,2}月 or 以来 at i: the year is a date (2016年3月) or a start (2015年以来). */
function isMonthOrSinceAt(s: string, i: number): boolean {
  for (let k = i; k <= i + 2; k++) {
    const c = codeAt(s, k);
    if (c === 0x6708) return true; // 月
    if (!isDigit(c)) break;
  }
  return codeAt(s, i) === 0x4ee5 && codeAt(s, i + 1) === 0x6765; // 以来
}

// What may not come right before a year phrase: 较 比 与 自 从 于 0-9.
const NOT_BEFORE_YEAR = new Uint8Array(0x10000);
for (const ch of '较比与自从于0123456789') NOT_BEFORE_YEAR[ch.charCodeAt(0)] = 1;

/** Whether some 五 has 十 two characters before it (十四五). */
function hasFiveYearPlan(seg: string): boolean {
  for (let j = seg.indexOf('五', 2); j >= 0; j = seg.indexOf('五', j + 1)) if (seg.charCodeAt(j - 2) === 0x5341) return true;
  return false;
}

/**
 * The year the segment's first /(?:较|比|与)((?:19|20)\d{2}|上)年/ compares with: the year,
 * -1 for 较上年 (the year before the target's, resolved by the caller), or null.
 */
export function baseYearIn(seg: string): number | null {
  for (let j = seg.indexOf('年', 2); j >= 0; j = seg.indexOf('年', j + 1)) {
    if (seg.charCodeAt(j - 1) === 0x4e0a && isComparing(seg.charCodeAt(j - 2))) return -1; // 上年
    if (j >= 5 && isYear(seg, j - 4, j) && isDigit(seg.charCodeAt(j - 2)) && isDigit(seg.charCodeAt(j - 1)) && isComparing(seg.charCodeAt(j - 5))) {
      return numberValue(seg, j - 4, j);
    }
  }
  return null;
}

/** 较 比 与 */
function isComparing(c: number): boolean {
  return c === 0x8f83 || c === 0x6bd4 || c === 0x4e0e;
}
