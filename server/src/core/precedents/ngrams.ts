// Chinese text as the precedent index and excerpts see it: normalized, filler masked, character bigrams.

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

/** The set of character bigrams of a string (for Dice comparisons of short names). */
export function bigramSet(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}
