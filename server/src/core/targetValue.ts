// What a number in a target says: its value or range, then the multiplier, unit and tail
// (以上, 左右) right after it, read in place by character code without slicing.
import { codeAt, isDigit } from './charCodes';

/**
 * The number found by `nextNumber`, in segment indexes: [start, end) in all, the first value
 * ending at firstEnd, the second (of a range: 3-5, 10~20, 1至2) starting at secondStart or -1.
 */
export const num = { start: 0, end: 0, firstEnd: 0, secondStart: -1 };
// Characters that may not come right before a number (it would be part of a code, a
// version or a date: PM2.5, 5S, 2016/3, 第3): A-Z a-z 0-9 . / · 第 □ -
const NOT_BEFORE = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) NOT_BEFORE[c] = 1;
for (let c = 65; c <= 90; c++) NOT_BEFORE[c] = NOT_BEFORE[c + 32] = 1;
for (const ch of './·第□-') NOT_BEFORE[ch.charCodeAt(0)] = 1;
// Between the two values of a range: - — – ~ ～ 至
const RANGE = new Uint8Array(0x10000);
for (const ch of '-—–~～至') RANGE[ch.charCodeAt(0)] = 1;

function digitsEnd(s: string, i: number): number {
  while (isDigit(codeAt(s, i))) i++;
  return i;
}

/** A value: digits with an optional decimal part (94.5), from i; returns its end. */
export function decimalEnd(s: string, i: number): number {
  let e = digitsEnd(s, i);
  if (codeAt(s, e) === 46 && isDigit(codeAt(s, e + 1))) e = digitsEnd(s, e + 1);
  return e;
}

/**
 * Finds the next number at or after `from` that does not continue a code or a date, and its
 * range partner, into `num` — what /(?<![A-Za-z0-9.\/·第□-])(\d+(?:\.\d+)?)(?:[-—–~～至](\d+(?:\.\d+)?))?/g
 * would match (a range also as 80%—85%), without a match array per number.
 */
export function nextNumber(s: string, from: number): boolean {
  for (let p = from; p < s.length; p++) {
    if (!isDigit(s.charCodeAt(p)) || (p > 0 && NOT_BEFORE[s.charCodeAt(p - 1)] === 1)) continue;
    const firstEnd = decimalEnd(s, p);
    num.start = p;
    num.firstEnd = firstEnd;
    // 80%—85%: the percent sign may be written on both values (then it must end the second too).
    const pct = codeAt(s, firstEnd);
    const sep = (pct === 37 || pct === 0xff05) && RANGE[codeAt(s, firstEnd + 1)] === 1 ? firstEnd + 1 : firstEnd;
    const secondEnd = RANGE[codeAt(s, sep)] === 1 && isDigit(codeAt(s, sep + 1)) ? decimalEnd(s, sep + 1) : -1;
    if (secondEnd >= 0 && (sep === firstEnd || codeAt(s, secondEnd) === pct)) {
      num.secondStart = sep + 1;
      num.end = secondEnd;
    } else {
      num.secondStart = -1;
      num.end = firstEnd;
    }
    return true;
  }
  return false;
}

/** Number(s.slice(a, b)) for digits with an optional decimal part, without the slice when short. */
export function numberValue(s: string, a: number, b: number): number {
  // Up to 15 digits the integer is exact and one division by a power of ten rounds as Number() does.
  if (b - a > 15) return Number(s.slice(a, b));
  let v = 0;
  let scale = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) { scale = 1; continue; }
    v = v * 10 + (c - 48);
    if (scale) scale *= 10;
  }
  return scale ? v / scale : v;
}

/** 19xx or 20xx, nothing more: a year, not a value. */
export function isYear(s: string, a: number, b: number): boolean {
  if (b - a !== 4) return false;
  const c0 = s.charCodeAt(a);
  const c1 = s.charCodeAt(a + 1);
  return (c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48);
}

/** 万, 亿, 千 after a number; 0 for anything else. */
export function multiplier(c: number): number {
  return c === 0x4e07 ? 1e4 : c === 0x4ebf ? 1e8 : c === 0x5343 ? 1e3 : 0;
}

// Longest first: the first that matches is taken.
const UNITS = [
  '个百分点', '百分点', '微克/立方米', '毫克/立方米', '毫克/升', '批次/千人', '万吨/日', '吨/日', '万千瓦', '平方公里', '万平方米',
  '平方米', '立方米', '万亩', '万吨', '万元', '亿元', '万人次', '万人', '人次', '公里', '千米', '分贝', '小时', '个', '家', '件', '项',
  '分', '名', '张', '次', '批次', '处', '条', '座', '所', '户', '种', '类', '台', '套', '辆', '床', '篇', '部', '场', '倍', '天', '吨',
  '亩', '元', '人', '%', '‰',
];
/** What may follow a unit after a slash: 起/万人, 件/日. */
const PER = ['万人', '千人', '人', '户', '日', '年', '平方公里'];
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST.get(u.charCodeAt(0));
  if (list) list.push(u);
  else UNITS_BY_FIRST.set(u.charCodeAt(0), [u]);
}

/**
 * The end of the unit at i, or -1: what
 * /(?:个百分点|…|%|‰)(?:\/(?:万人|千人|人|户|日|年|平方公里))?/y matches there.
 */
export function unitEnd(s: string, i: number): number {
  const list = UNITS_BY_FIRST.get(codeAt(s, i));
  if (!list) return -1;
  for (const u of list) {
    if (!s.startsWith(u, i)) continue;
    const e = i + u.length;
    if (codeAt(s, e) === 47) for (const p of PER) if (s.startsWith(p, e + 1)) return e + 1 + p.length; // /
    return e;
  }
  return -1;
}

/** s.slice(a, b) for a unit read by `unitEnd`: the listed word itself when written as listed, not a copy. */
export function unitText(s: string, a: number, b: number): string {
  const list = UNITS_BY_FIRST.get(codeAt(s, a));
  if (list) for (const u of list) if (u.length === b - a && s.startsWith(u, a)) return u;
  return s.slice(a, b);
}

const table = (chars: string) => {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
};
// 个 家 件 … : a unit that counts things, so 万 before it is a multiplier (5万家).
const COUNT_UNIT = table('个家件项名张户人次台套辆床处所座条种类篇部场');
// Right after a number, these make it a date, a term, an ordinal or a code: 2016年, 3月, 5S.
const NOT_A_UNIT = table('年月日号期届级星代版·ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');

/** A count unit at i: 个, 家, …, 批次. */
export function isCountUnitAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  return COUNT_UNIT[c] === 1 || (c === 0x6279 && codeAt(s, i + 1) === 0x6b21); // 批次
}

/** What makes the number before i no value: 年 月 日 …, 季度, 周年, 世纪, a Latin letter or digit. */
export function isNotAUnitAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  if (NOT_A_UNIT[c] === 1) return true;
  const d = codeAt(s, i + 1);
  return (c === 0x5b63 && d === 0x5ea6) || (c === 0x5468 && d === 0x5e74) || (c === 0x4e16 && d === 0x7eaa); // 季度 周年 世纪
}

/** The words after a value and unit that qualify it, first match taken. */
const TAILS = ['及以上', '以上', '及以下', '以下', '左右', '以内', '之内', '多'];

/** The tail at i (one of TAILS), or ''. */
export function tailAt(s: string, i: number): string {
  const c = codeAt(s, i);
  // Every tail starts with 及 以 左 之 多.
  if (c !== 0x53ca && c !== 0x4ee5 && c !== 0x5de6 && c !== 0x4e4b && c !== 0x591a) return '';
  for (const t of TAILS) if (s.startsWith(t, i)) return t;
  return '';
}

/** A segment that is only a value, as a table cell is: /^[≥≤<>＜＞]?\d+(?:\.\d+)?%?(?:以上|以下)?$/. */
export function isBareValue(s: string): boolean {
  let i = 0;
  const c = codeAt(s, 0);
  if (c === 0x2265 || c === 0x2264 || c === 60 || c === 62 || c === 0xff1c || c === 0xff1e) i++; // ≥ ≤ < > ＜ ＞
  if (!isDigit(codeAt(s, i))) return false;
  i = decimalEnd(s, i);
  if (codeAt(s, i) === 37) i++; // %
  if (s.startsWith('以上', i) || s.startsWith('以下', i)) i += 2;
  return i === s.length;
}
