// Index terms of Chinese text: single characters and character bigrams, as numbers so a library of
// thousands of plans is tokenised without a string per term.

/** True for a UTF-16 code unit that belongs inside a term (CJK ideograph, ASCII letter or digit). */
export function isTermCode(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39)
  );
}

/** Unigram keys are the code unit itself; bigram keys start here (above every code unit). */
const BIGRAM_BASE = 0x10000;

/** True for a term key that stands for a bigram. */
export const isBigramKey = (key: number): boolean => key >= BIGRAM_BASE;

/**
 * Term keys: a unigram's key is its code unit; a bigram's packs the two characters' dense ids
 * (given out in order of first sight) so it stays a small integer, which V8 hashes fastest.
 */
export class TermCoder {
  /** Code unit → dense id + 1 (0 = not seen yet). */
  private readonly charIds = new Int32Array(0x10000);
  private nextChar = 0;
  /** Pairs whose ids do not fit the packed form (over 2^15 distinct characters) get ids here. */
  private readonly widePairs = new Map<string, number>();

  /** The character's dense id, given out in order of first sight. */
  charId(c: number): number {
    let id = this.charIds[c];
    if (id === 0) id = this.charIds[c] = ++this.nextChar;
    return id - 1;
  }

  /** What a saved index must keep to give the same ids again (see indexImage.ts). */
  save(): { charIds: Int32Array; nextChar: number; widePairs: [string, number][] } {
    return { charIds: this.charIds.slice(), nextChar: this.nextChar, widePairs: [...this.widePairs] };
  }

  /** Takes back what `save` returned (into a coder that has seen nothing yet). */
  restore(saved: { charIds: Int32Array; nextChar: number; widePairs: [string, number][] }): void {
    if (saved.charIds.length !== this.charIds.length) throw new Error('charIds');
    this.charIds.set(saved.charIds);
    this.nextChar = saved.nextChar;
    for (const [k, v] of saved.widePairs) this.widePairs.set(k, v);
  }

  /** The bigram key of two dense character ids. */
  pairKey(a: number, b: number): number {
    if (a < 0x8000 && b < 0x8000) return BIGRAM_BASE + a * 0x8000 + b;
    const k = `${a},${b}`;
    let id = this.widePairs.get(k);
    if (id === undefined) this.widePairs.set(k, (id = BIGRAM_BASE + 0x40000000 + this.widePairs.size));
    return id;
  }
}
