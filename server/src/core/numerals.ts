// Chinese numerals as they appear in heading ordinals and dates: 一 … 二十三, 〇/零, 二〇一六.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十 → 10, 十一 → 11, 二十二 → 22, 一百零三 → 103; null when not a numeral. */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      return null;
    }
  }
  return total + (digit < 0 ? 0 : digit);
}

/** 二〇一六 → 2016: digit-by-digit reading used in years. */
export function parseChineseDigits(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    if (!(ch in DIGIT)) return null;
    n = n * 10 + DIGIT[ch];
  }
  return s.length ? n : null;
}
