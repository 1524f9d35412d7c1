// One field of a precedent index (a task's title or its whole text): postings with BM25 weights,
// document frequencies and lengths, grown in place and saved to an index image. indexStore.ts holds two.

/**
 * BM25 parameters, the textbook defaults. Bigrams count double a single character: a shared pair
 * is stronger evidence of shared wording than a shared character (chosen on bench/precedent-eval.mjs,
 * where 0.4–0.6 all scored alike and 1.0, plain unigram BM25, matched MiniSearch's single-character
 * configuration).
 */
export const K1 = 1.2;
export const B = 0.75;
export const UNIGRAM_WEIGHT = 0.5;

/**
 * Characters found in more than this share of a field's tasks (质, 量, 建, 设 …) are left out of
 * scoring, like stop words: their idf is low and alike for every task, yet their postings cover
 * most of the library, so they were most of a look-up's time (3× at 1 000 plans) and changed
 * no result of bench/precedent-eval.mjs. Bigrams are always scored.
 */
export const STOP_CHARACTER_SHARE = 0.1;

/** A text's term ids (first-occurrence order) and their counts. */
export interface Vector {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * Many texts' vectors in two flat arrays: text k holds [start(k), end(k)). A small typed array
 * per text would cost most of a large build in allocation and garbage collection.
 */
export class VectorBatch {
  ids = new Int32Array(1 << 12);
  counts = new Int32Array(1 << 12);
  readonly ends: number[] = [];
  size = 0;

  get length(): number {
    return this.ends.length;
  }

  start(k: number): number {
    return k === 0 ? 0 : this.ends[k - 1];
  }

  push(id: number, count: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Int32Array(this.size * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.ids[this.size] = id;
    this.counts[this.size++] = count;
  }

  /** Ends the current text; false (and nothing kept) when it had no terms. */
  close(): boolean {
    if (this.size === this.start(this.ends.length)) return false;
    this.ends.push(this.size);
    return true;
  }
}

/**
 * One field's postings of one term, grown in place: entry ids (ascending), term frequencies, and
 * each entry's BM25 term-frequency factor tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)), so a query
 * does one multiply-add per posting.
 */
interface Posting {
  entries: Int32Array;
  tfs: Uint16Array;
  weights: Float32Array;
  n: number;
}

/** How far the average length may drift from the one the weights were computed with before they are recomputed. */
const AVERAGE_DRIFT = 0.1;

/** A field (title or whole task text): postings by term id, document frequencies, lengths. */
export class Field {
  postings: (Posting | null)[] = [];
  df = new Int32Array(1024);
  lengths = new Float64Array(1024);
  totalLength = 0;
  /** The average length the weights were computed with (0: none yet). */
  private average = 0;

  /** Makes room for term ids below `terms` (kept dense: a sparse array would fall into dictionary mode). */
  grow(terms: number): void {
    while (this.postings.length < terms) this.postings.push(null);
    if (terms > this.df.length) {
      const df = new Int32Array(Math.max(terms, this.df.length * 2));
      df.set(this.df);
      this.df = df;
    }
  }

  /**
   * Adds a batch of entries' vectors (`live` entries in all once added). Postings are grown once
   * per batch to what the batch needs (exactly, when a term is new), so building a whole library
   * allocates each list once.
   */
  addBatch(vectors: VectorBatch, firstEntry: number, live: number): void {
    const need = new Int32Array(this.df.length);
    const ids = vectors.ids;
    const counts = vectors.counts;
    for (let i = 0; i < vectors.size; i++) need[ids[i]]++;
    for (let id = 0; id < need.length; id++) {
      const more = need[id];
      if (more === 0) continue;
      const p = this.postings[id];
      if (!p) {
        this.postings[id] = { entries: new Int32Array(more), tfs: new Uint16Array(more), weights: new Float32Array(more), n: 0 };
      } else if (p.n + more > p.entries.length) {
        const size = Math.max(p.n + more, Math.ceil(p.entries.length * 1.5));
        const entries = new Int32Array(size);
        entries.set(p.entries.subarray(0, p.n));
        const tfs = new Uint16Array(size);
        tfs.set(p.tfs.subarray(0, p.n));
        const weights = new Float32Array(size);
        weights.set(p.weights.subarray(0, p.n));
        p.entries = entries;
        p.tfs = tfs;
        p.weights = weights;
      }
      this.df[id] += more;
    }
    const last = firstEntry + vectors.length;
    if (last > this.lengths.length) {
      const grown = new Float64Array(Math.max(last, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    for (let k = 0; k < vectors.length; k++) {
      let length = 0;
      for (let i = vectors.start(k); i < vectors.ends[k]; i++) length += counts[i];
      this.lengths[firstEntry + k] = length;
      this.totalLength += length;
    }
    const hadWeights = this.average > 0;
    const drifted = this.drifted(live);
    if (drifted) this.average = this.totalLength / live || 1;
    const c0 = K1 * (1 - B);
    const c1 = (K1 * B) / this.average;
    for (let k = 0; k < vectors.length; k++) {
      const entry = firstEntry + k;
      const norm = c0 + c1 * this.lengths[entry];
      for (let i = vectors.start(k); i < vectors.ends[k]; i++) {
        const p = this.postings[ids[i]]!;
        const tf = Math.min(counts[i], 0xffff);
        p.entries[p.n] = entry;
        p.tfs[p.n] = tf;
        p.weights[p.n] = (tf * (K1 + 1)) / (tf + norm);
        p.n++;
      }
    }
    if (drifted && hadWeights) this.reweigh();
  }

  /** True when the live entries' average length is no longer the one the weights were computed with. */
  private drifted(live: number): boolean {
    if (this.average === 0) return live > 0;
    return Math.abs(this.totalLength / (live || 1) - this.average) > AVERAGE_DRIFT * this.average;
  }

  /** Before a query: recomputes every weight when removals and additions have moved the average length. */
  refresh(live: number): void {
    if (live === 0 || !this.drifted(live)) return;
    this.average = this.totalLength / live || 1;
    this.reweigh();
  }

  private reweigh(): void {
    const c0 = K1 * (1 - B);
    const c1 = (K1 * B) / this.average;
    for (const p of this.postings) {
      if (!p) continue;
      for (let i = 0; i < p.n; i++) {
        const tf = p.tfs[i];
        p.weights[i] = (tf * (K1 + 1)) / (tf + c0 + c1 * this.lengths[p.entries[i]]);
      }
    }
  }

  /** The average length the weights use (the query's own score must use the same). */
  get averageLength(): number {
    return this.average || 1;
  }

  remove(termIds: Int32Array, entry: number): void {
    for (const id of termIds) this.df[id]--;
    this.totalLength -= this.lengths[entry];
  }

  /** The field as flat arrays, postings concatenated in term-id order (counts: -1 for a term with no list). */
  save(terms: number, entries: number, out: Record<string, ImageArray>, prefix: string): FieldNumbers {
    const counts = new Int32Array(terms);
    let total = 0;
    for (let id = 0; id < terms; id++) {
      const p = this.postings[id];
      counts[id] = p ? p.n : -1;
      if (p) total += p.n;
    }
    const all = new Int32Array(total);
    const tfs = new Uint16Array(total);
    const weights = new Float32Array(total);
    let at = 0;
    for (let id = 0; id < terms; id++) {
      const p = this.postings[id];
      if (!p) continue;
      all.set(p.entries.subarray(0, p.n), at);
      tfs.set(p.tfs.subarray(0, p.n), at);
      weights.set(p.weights.subarray(0, p.n), at);
      at += p.n;
    }
    Object.assign(out, {
      [`${prefix}.counts`]: counts,
      [`${prefix}.entries`]: all,
      [`${prefix}.tfs`]: tfs,
      [`${prefix}.weights`]: weights,
      [`${prefix}.df`]: this.df.slice(0, terms),
      [`${prefix}.lengths`]: this.lengths.slice(0, entries),
    });
    return { totalLength: this.totalLength, average: this.average };
  }

  /** Takes back what `save` wrote, into an empty field; throws when the arrays do not fit together. */
  restore(numbers: FieldNumbers, arrays: Record<string, ImageArray | undefined>, prefix: string, terms: number, entries: number): void {
    const counts = want(arrays, `${prefix}.counts`, Int32Array, terms);
    const all = arrays[`${prefix}.entries`];
    if (!(all instanceof Int32Array)) throw new Error(`${prefix}.entries`);
    const tfs = want(arrays, `${prefix}.tfs`, Uint16Array, all.length);
    const weights = want(arrays, `${prefix}.weights`, Float32Array, all.length);
    const df = want(arrays, `${prefix}.df`, Int32Array, terms);
    const lengths = want(arrays, `${prefix}.lengths`, Float64Array, entries);
    if (typeof numbers?.totalLength !== 'number' || typeof numbers.average !== 'number') throw new Error(`${prefix} numbers`);
    for (let i = 0; i < all.length; i++) if (all[i] < 0 || all[i] >= entries) throw new Error(`${prefix}: entry out of range`);
    this.grow(terms);
    this.df.set(df);
    this.lengths = new Float64Array(Math.max(entries, 1024));
    this.lengths.set(lengths);
    let at = 0;
    for (let id = 0; id < terms; id++) {
      const n = counts[id];
      if (n < 0) continue;
      if (at + n > all.length) throw new Error(`${prefix}: postings overrun`);
      // Views into the loaded arrays: a list that grows later is copied out as any full list is.
      this.postings[id] = { entries: all.subarray(at, at + n), tfs: tfs.subarray(at, at + n), weights: weights.subarray(at, at + n), n };
      at += n;
    }
    if (at !== all.length) throw new Error(`${prefix}: postings left over`);
    this.totalLength = numbers.totalLength;
    this.average = numbers.average;
  }

  /** Drops dead entries from every posting list. */
  compact(dead: Uint8Array): void {
    for (const p of this.postings) {
      if (!p) continue;
      let w = 0;
      for (let r = 0; r < p.n; r++) {
        if (dead[p.entries[r]]) continue;
        p.entries[w] = p.entries[r];
        p.tfs[w] = p.tfs[r];
        p.weights[w] = p.weights[r];
        w++;
      }
      p.n = w;
    }
  }
}

/** A typed array of an index image. */
export type ImageArray = Int32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;

export interface FieldNumbers {
  totalLength: number;
  average: number;
}

/** `arrays[name]`, checked to be a `type` of `length` entries. */
export function want<T extends ImageArray>(arrays: Record<string, ImageArray | undefined>, name: string, type: new (n: number) => T, length: number): T {
  const x = arrays[name];
  if (!(x instanceof type) || x.length !== length) throw new Error(`index image: ${name}`);
  return x;
}
