// Word lists matched at the end of a string. An end-anchored regex alternation is retried from
// every position of its input; indexing the words by their last character makes it a lookup.
import { codeAt } from './charCodes';

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
    const last = codeAt(s, s.length - 1);
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

interface SuffixNode {
  /** The lists that have the word spelled from this node back to the root. */
  bits: number;
  next: Map<number, SuffixNode>;
}

/**
 * Builds one look-up for several word lists: a trie of the reversed words, walked from the end
 * of the string, one map look-up per character, however many words share a last character.
 */
export function suffixFlags(lists: readonly (readonly string[])[]): SuffixFlags {
  const root: SuffixNode = { bits: 0, next: new Map() };
  lists.forEach((words, k) => {
    for (const word of words) {
      let node = root;
      for (let i = word.length - 1; i >= 0; i--) {
        const c = word.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = { bits: 0, next: new Map() }));
        node = child;
      }
      node.bits |= 1 << k;
    }
  });
  return (s, from, to) => {
    let bits = 0;
    let node: SuffixNode | undefined = root;
    for (let i = to - 1; i >= from; i--) {
      node = node.next.get(s.charCodeAt(i));
      if (!node) break;
      bits |= node.bits;
    }
    return bits;
  };
}
