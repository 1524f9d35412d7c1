// Chinese numerals as they appear in heading ordinals and dates: 一 … 二十三, 〇/零, 二〇一六.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十 → 10, 十一 → 11, 二十二 → 22, 一百零三 → 103; null when not a numeral. */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (ALL_DIGITS.test(s)) return Number(s);
  let total = 0;
  let digit = -1;
  // By char code: no one-character string per numeral.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_OF[c];
    if (d !== NOT_A_DIGIT) {
      digit = d;
    } else if (c === 0x5341 || c === 0x767e) { // 十 百
      const unit = c === 0x5341 ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      return null;
    }
  }
  return total + (digit < 0 ? 0 : digit);
}

const ALL_DIGITS = /^\d+$/;
const NOT_A_DIGIT = 255;
const DIGIT_OF = new Uint8Array(0x10000).fill(NOT_A_DIGIT);
for (const [ch, d] of Object.entries(DIGIT)) DIGIT_OF[ch.charCodeAt(0)] = d;

/** 二〇一六 → 2016: digit-by-digit reading used in years. */
export function parseChineseDigits(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    if (!(ch in DIGIT)) return null;
    n = n * 10 + DIGIT[ch];
  }
  return s.length ? n : null;
}
