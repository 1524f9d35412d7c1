// Character n-grams of Chinese text: the unit of precedent similarity, since Chinese has no spaces.

/**
 * Policy verbs and intensifiers that open almost every task (加强、加大…力度、深入推进): they say
 * how hard, not what. Masked so that 加强品牌培育 meets 加大品牌培育力度 on 品牌培育 and not
 * 加强品牌引导扶持 on 加强品牌.
 */
const FILLER = /进一步|加强|加大|加快|推进|推动|开展|深化|深入|积极|大力|完善|强化|健全|全面|不断|切实|着力|力度|持续|有效|努力|工作/g;

/**
 * Text as indexed: whitespace removed, full-width ASCII folded, Latin lower-cased, filler verbs
 * masked. Apart from whitespace removal the length is kept, so offsets into the whitespace-free
 * text stay valid (excerpts rely on it).
 */
export function normalizeForIndex(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(FILLER, (w) => '|'.repeat(w.length));
}

/** True for a character that belongs inside an n-gram (CJK ideograph, letter or digit). */
export function isGramChar(ch: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/.test(ch);
}

/** isGramChar on one UTF-16 code unit (surrogates are not gram characters, as in isGramChar). */
function isGramCode(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39)
  );
}

/**
 * Bigram and trigram counts of already-normalized text. N-grams never cross punctuation, so
 * "监管。加强" yields no "管加"; a lone character between marks yields nothing. Insertion order is
 * the order of first occurrence, each position's bigram before its trigram (similarity relies on it).
 */
export function countNgrams(normalized: string, into: Map<string, number> = new Map(), weight = 1): Map<string, number> {
  forEachNgram(normalized, (g) => into.set(g, (into.get(g) ?? 0) + weight));
  return into;
}

/** Every bigram and trigram of already-normalized text in countNgrams's order: each position's bigram, then its trigram. */
export function forEachNgram(normalized: string, visit: (gram: string) => void): void {
  const n = normalized.length;
  let start = 0;
  while (start < n) {
    // one run of gram characters: [start, end)
    while (start < n && !isGramCode(normalized.charCodeAt(start))) start++;
    let end = start;
    while (end < n && isGramCode(normalized.charCodeAt(end))) end++;
    for (let i = start; i + 2 <= end; i++) {
      visit(normalized.slice(i, i + 2));
      if (i + 3 <= end) visit(normalized.slice(i, i + 3));
    }
    start = end;
  }
}

/** The set of character bigrams of a string (for Dice comparisons of short names). */
export function bigramSet(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}
