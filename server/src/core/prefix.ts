// Word lists matched at a position: an alternation of literal words (新增|培育|…) tried where a
// pattern would try it, but indexed by first character so most positions cost one table look-up.

import { codeAt } from './charCodes';

/** The length of the first word of the list (in list order) that starts at i in s, or 0. */
export type PrefixMatcher = (s: string, i: number) => number;

export function prefixMatcher(words: readonly string[]): PrefixMatcher {
  const first = new Uint8Array(0x10000);
  const byFirst = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(0);
    first[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(w);
    else byFirst.set(c, [w]);
  }
  return (s, i) => {
    const c = codeAt(s, i);
    if (first[c] !== 1) return 0;
    for (const w of byFirst.get(c)!) if (s.startsWith(w, i)) return w.length;
    return 0;
  };
}
