// Word lists matched at the end of a string. An end-anchored regex alternation is retried from
// every position of its input; indexing the words by their last character makes it a lookup.

/** Returns the longest word of `words` that `s` ends with, or null. */
export type SuffixMatcher = (s: string) => string | null;

const LAST_CHARS = new Uint32Array(0x10000);
let matchers = 0;

/** Builds a matcher; words may be given with optional parts expanded by the caller. */
export function suffixMatcher(words: readonly string[]): SuffixMatcher {
  const byLast = new Map<number, string[]>();
  for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    const last = w.charCodeAt(w.length - 1);
    const list = byLast.get(last);
    if (list) list.push(w);
    else byLast.set(last, [w]);
  }
  // A bit per matcher in one shared table says which last characters have words at all: most
  // calls stop there. Past 32 matchers the map alone answers.
  const bit = matchers < 32 ? 1 << matchers++ : 0;
  for (const c of byLast.keys()) LAST_CHARS[c] |= bit;
  return (s) => {
    const last = s.charCodeAt(s.length - 1);
    if (bit !== 0 && (LAST_CHARS[last] & bit) === 0) return null;
    const list = byLast.get(last);
    if (list) for (const w of list) if (s.endsWith(w)) return w;
    return null;
  };
}

/** Every combination of the parts, each part a list of alternatives ('' for optional). */
export function combine(...parts: readonly (readonly string[])[]): string[] {
  return parts.reduce<string[]>((acc, part) => acc.flatMap((a) => part.map((p) => a + p)), ['']).filter(Boolean);
}

/** Strips, repeatedly, any of the words from the end of `s`. */
export function stripSuffixes(s: string, match: SuffixMatcher): string {
  for (let w = match(s); w && s.length; w = match(s)) s = s.slice(0, -w.length);
  return s;
}

/** Which word lists `s[from, to)` ends with: bit k set for a word of `lists[k]`. */
export type SuffixFlags = (s: string, from: number, to: number) => number;

/** Builds one look-up for several word lists, indexed by last character as `suffixMatcher` is. */
export function suffixFlags(lists: readonly (readonly string[])[]): SuffixFlags {
  const byLast = new Map<number, { word: string; bits: number }[]>();
  lists.forEach((words, k) => {
    for (const word of words) {
      const last = word.charCodeAt(word.length - 1);
      const list = byLast.get(last) ?? [];
      const known = list.find((e) => e.word === word);
      if (known) known.bits |= 1 << k;
      else list.push({ word, bits: 1 << k });
      byLast.set(last, list);
    }
  });
  return (s, from, to) => {
    if (to <= from) return 0;
    const list = byLast.get(s.charCodeAt(to - 1));
    if (!list) return 0;
    let bits = 0;
    for (const e of list) if (to - e.word.length >= from && s.startsWith(e.word, to - e.word.length)) bits |= e.bits;
    return bits;
  };
}
