// Reading character codes in the scanners, where a look-around may fall outside the string.

/**
 * s.charCodeAt(i), or 0 outside the string. charCodeAt gives NaN there, and once a call site
 * has seen that, V8 stops inlining it (a builtin call per character) and the tables indexed by
 * it fall back to a generic look-up, several times slower. No table or comparison in the
 * scanners gives code 0 a meaning, so outside the string reads as a character that is nothing.
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : 0;
}

export const isDigit = (c: number) => c >= 48 && c <= 57;
