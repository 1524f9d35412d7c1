// Writes heading markers back out (（五）, 3., ①), for messages and later for renumbering.
import type { HeadingKind } from './model';

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 22 → 二十二, 105 → 一百零五. */
export function toChineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  const rest = n % 100;
  return DIGITS[Math.floor(n / 100) % 10] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : toChineseNumber(rest).replace(/^十/, '一十'));
}

/** The marker for ordinal n in the style of `like` (a marker of the same kind as written). */
export function formatMarker(kind: HeadingKind, n: number, like = ''): string {
  const half = like.startsWith('(');
  const [open, close] = half ? ['(', ')'] : ['（', '）'];
  switch (kind) {
    case 'chapter': return `第${toChineseNumber(n)}章`;
    case 'cn': return `${toChineseNumber(n)}、`;
    case 'cn-paren': return `${open}${toChineseNumber(n)}${close}`;
    case 'num': return `${n}${like.endsWith('、') ? '、' : like.endsWith('．') ? '．' : '.'}`;
    case 'num-paren': return `${open}${n}${close}`;
    case 'circled': return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : `(${n})`;
    case 'bullet': return like || '——';
  }
}
