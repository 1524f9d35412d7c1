// The mutable store behind a precedent index: per-field postings, lengths and BM25 weights, entries
// added and removed in place, and its image for a snapshot on disk. similarity.ts is the public face.
import { taskText, type PrecedentDoc } from './doc';
import { IndicatorTable } from './indicatorTable';
import { normalizeForIndex } from './ngrams';
import { isBigramKey, isTermCode, TermCoder } from './terms';

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

/** One indexed precedent task. Its text is not kept: excerpts re-read it for the few results shown. */
interface Entry {
  doc: PrecedentDoc;
  task: number;
}

/** A text's term ids (first-occurrence order) and their counts. */
interface Vector {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * Many texts' vectors in two flat arrays: text k holds [start(k), end(k)). A small typed array
 * per text would cost most of a large build in allocation and garbage collection.
 */
class VectorBatch {
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
class Field {
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

/** The mutable store behind every version of an index. @internal */
export class IndexStore {
  readonly coder = new TermCoder();
  readonly termIds = new Map<number, number>();
  /** Whether each term id is a bigram (weighted up) or a character. */
  readonly termIsBigram: boolean[] = [];
  readonly title = new Field();
  readonly body = new Field();
  /** Every entry ever added; removed ones are marked dead and skipped, until compaction. */
  readonly entries: Entry[] = [];
  dead = new Uint8Array(1024);
  deadCount = 0;
  live = 0;
  readonly docs: PrecedentDoc[] = [];
  readonly entriesOf = new Map<PrecedentDoc, number[]>();
  readonly indicators = new IndicatorTable();
  // Scratch for counting terms of one text.
  private countOf = new Int32Array(1 << 16);
  private stampOf = new Int32Array(1 << 16);
  private stamp = 0;
  // Scratch for queries (a query runs to completion without yielding).
  scores = new Float64Array(1024);
  seen = new Uint32Array(1024);
  queryStamp = 0;

  /** Term id of each code unit's unigram (-1: none yet); bigrams go through `termIds`. */
  private readonly unigramIds = new Int32Array(0x10000).fill(-1);

  private termId(key: number, create: boolean): number {
    let id = key < 0x10000 ? this.unigramIds[key] : (this.termIds.get(key) ?? -1);
    if (id >= 0 || !create) return id;
    id = this.termIsBigram.length;
    if (key < 0x10000) this.unigramIds[key] = id;
    else this.termIds.set(key, id);
    this.termIsBigram.push(isBigramKey(key));
    if (id >= this.countOf.length) {
      const counts = new Int32Array(this.countOf.length * 2);
      counts.set(this.countOf);
      this.countOf = counts;
      const stamps = new Int32Array(this.stampOf.length * 2);
      stamps.set(this.stampOf);
      this.stampOf = stamps;
    }
    this.title.grow(id + 1);
    this.body.grow(id + 1);
    return id;
  }

  /**
   * A text's term ids and counts, in order of first occurrence (each character's unigram, then its
   * bigram with the character before, within runs of term characters). With `create`, unseen
   * terms get ids; without, they are counted in `unknown`.
   */
  vector(normalized: string, create: boolean, unknown?: { unigrams: number; bigrams: number }): Vector {
    const batch = new VectorBatch();
    this.vectorInto(normalized, create, batch, unknown);
    return { ids: batch.ids.slice(0, batch.size), counts: batch.counts.slice(0, batch.size) };
  }

  /** `vector`, appended to `batch` as its next text; false when the text has no terms (nothing appended). */
  vectorInto(normalized: string, create: boolean, batch: VectorBatch, unknown?: { unigrams: number; bigrams: number }): boolean {
    const stamp = ++this.stamp;
    const order = this.order;
    order.length = 0;
    const count = (key: number) => {
      const id = this.termId(key, create);
      if (id < 0) {
        if (unknown) unknown[isBigramKey(key) ? 'bigrams' : 'unigrams']++;
        return;
      }
      if (this.stampOf[id] !== stamp) {
        this.stampOf[id] = stamp;
        this.countOf[id] = 0;
        order.push(id);
      }
      this.countOf[id]++;
    };
    const coder = this.coder;
    let prev = -1;
    for (let i = 0; i < normalized.length; i++) {
      const c = normalized.charCodeAt(i);
      if (!isTermCode(c)) {
        prev = -1;
        continue;
      }
      const cid = coder.charId(c);
      count(c);
      if (prev >= 0) count(coder.pairKey(prev, cid));
      prev = cid;
    }
    for (const id of order) batch.push(id, this.countOf[id]);
    return batch.close();
  }

  /** Scratch for vectorInto: term ids in order of first occurrence. */
  private readonly order: number[] = [];

  /**
   * The title and text vectors of each indexable task of `doc`, appended to `titles` and `bodies`
   * (a task with no terms is left out); the tasks' indices, in order.
   */
  private vectorsOf(doc: PrecedentDoc, create: boolean, titles: VectorBatch, bodies: VectorBatch): number[] {
    const tasks: number[] = [];
    doc.model.tasks.forEach((task, t) => {
      if (!this.vectorInto(normalizeForIndex(taskText(doc.model, doc.text, task)), create, bodies)) return;
      if (!this.vectorInto(normalizeForIndex(task.title), create, titles)) titles.ends.push(titles.size); // an empty title is still a text
      tasks.push(t);
    });
    return tasks;
  }

  addDocs(docs: readonly PrecedentDoc[]): void {
    const first = this.entries.length;
    const titles = new VectorBatch();
    const bodies = new VectorBatch();
    for (const doc of docs) {
      const mine: number[] = [];
      for (const task of this.vectorsOf(doc, true, titles, bodies)) {
        mine.push(this.entries.length);
        this.entries.push({ doc, task });
      }
      this.live += mine.length;
      this.docs.push(doc);
      this.entriesOf.set(doc, mine);
      this.indicators.add(doc);
    }
    this.title.addBatch(titles, first, this.live);
    this.body.addBatch(bodies, first, this.live);
    if (this.entries.length > this.dead.length) {
      const grown = new Uint8Array(Math.max(this.entries.length, this.dead.length * 2));
      grown.set(this.dead);
      this.dead = grown;
    }
  }

  /** Takes `doc` out: its terms are counted again from its text (the same text gives the same terms), its entries marked dead. */
  removeDoc(doc: PrecedentDoc): void {
    const mine = this.entriesOf.get(doc);
    if (!mine) return;
    const titles = new VectorBatch();
    const bodies = new VectorBatch();
    this.vectorsOf(doc, false, titles, bodies).forEach((_, k) => {
      const e = mine[k];
      this.title.remove(titles.ids.subarray(titles.start(k), titles.ends[k]), e);
      this.body.remove(bodies.ids.subarray(bodies.start(k), bodies.ends[k]), e);
      this.dead[e] = 1;
    });
    this.live -= mine.length;
    this.deadCount += mine.length;
    this.entriesOf.delete(doc);
    this.docs.splice(this.docs.indexOf(doc), 1);
    this.indicators.remove(doc);
    // Dead entries cost query time; once they are a quarter of all, sweep them out of the postings.
    if (this.deadCount > 64 && this.deadCount * 4 > this.entries.length) {
      this.body.compact(this.dead);
      this.title.compact(this.dead);
      this.deadCount = 0; // still marked dead, but no longer in any posting
    }
  }

  /** Everything needed to give this store back with `fromImage` (copied: the store may change meanwhile). */
  toImage(): IndexImage {
    const terms = this.termIsBigram.length;
    const count = this.entries.length;
    const docIndex = new Map(this.docs.map((d, i) => [d, i]));
    const entryDoc = new Int32Array(count);
    const entryTask = new Int32Array(count);
    this.entries.forEach((e, k) => {
      entryDoc[k] = this.dead[k] ? -1 : (docIndex.get(e.doc) ?? -1);
      entryTask[k] = e.task;
    });
    const bigramKeys = new Int32Array(this.termIds.size);
    const bigramIds = new Int32Array(this.termIds.size);
    let b = 0;
    for (const [key, id] of this.termIds) {
      bigramKeys[b] = key;
      bigramIds[b++] = id;
    }
    const coder = this.coder.save();
    const arrays: Record<string, ImageArray> = {
      charIds: coder.charIds,
      unigramIds: this.unigramIds.slice(),
      bigramKeys,
      bigramIds,
      termIsBigram: Uint8Array.from(this.termIsBigram, (x) => (x ? 1 : 0)),
      entryDoc,
      entryTask,
      dead: this.dead.slice(0, count),
    };
    const title = this.title.save(terms, count, arrays, 'title');
    const body = this.body.save(terms, count, arrays, 'body');
    return { numbers: { terms, entries: count, live: this.live, deadCount: this.deadCount, nextChar: coder.nextChar, widePairs: coder.widePairs, title, body }, arrays };
  }

  /**
   * The store `toImage` described, over `docs` (the image's plans, in the same order). Throws when
   * the image does not fit together (a damaged file), so the caller can build afresh instead.
   */
  static fromImage(image: IndexImage, docs: readonly PrecedentDoc[]): IndexStore {
    const { numbers: n, arrays: a } = image;
    const s = new IndexStore();
    const terms = n.terms;
    const count = n.entries;
    if (!Number.isInteger(terms) || !Number.isInteger(count) || terms < 0 || count < 0) throw new Error('sizes');
    s.coder.restore({ charIds: want(a, 'charIds', Int32Array, 0x10000), nextChar: n.nextChar, widePairs: n.widePairs });
    const unigramIds = want(a, 'unigramIds', Int32Array, 0x10000);
    for (let c = 0; c < unigramIds.length; c++) if (unigramIds[c] >= terms) throw new Error('unigram id');
    s.unigramIds.set(unigramIds);
    const bigramKeys = a.bigramKeys;
    if (!(bigramKeys instanceof Int32Array)) throw new Error('bigramKeys');
    const bigramIds = want(a, 'bigramIds', Int32Array, bigramKeys.length);
    for (let i = 0; i < bigramKeys.length; i++) {
      if (bigramIds[i] < 0 || bigramIds[i] >= terms) throw new Error('bigram id');
      s.termIds.set(bigramKeys[i], bigramIds[i]);
    }
    for (const x of want(a, 'termIsBigram', Uint8Array, terms)) s.termIsBigram.push(x === 1);
    let scratch = s.countOf.length;
    while (scratch < terms) scratch *= 2;
    s.countOf = new Int32Array(scratch);
    s.stampOf = new Int32Array(scratch);
    s.title.restore(n.title, a, 'title', terms, count);
    s.body.restore(n.body, a, 'body', terms, count);
    const entryDoc = want(a, 'entryDoc', Int32Array, count);
    const entryTask = want(a, 'entryTask', Int32Array, count);
    const dead = want(a, 'dead', Uint8Array, count);
    const mine = docs.map((): number[] => []);
    let live = 0;
    for (let k = 0; k < count; k++) {
      const d = entryDoc[k];
      if (d < 0 || dead[k]) {
        if (!dead[k]) throw new Error('live entry without a plan');
        s.entries.push({ doc: GONE, task: entryTask[k] });
        continue;
      }
      if (d >= docs.length || entryTask[k] < 0 || entryTask[k] >= docs[d].model.tasks.length) throw new Error('entry out of range');
      s.entries.push({ doc: docs[d], task: entryTask[k] });
      mine[d].push(k);
      live++;
    }
    if (live !== n.live || !Number.isInteger(n.deadCount)) throw new Error('live count');
    s.dead = new Uint8Array(Math.max(count, 1024));
    s.dead.set(dead);
    s.live = live;
    s.deadCount = n.deadCount;
    docs.forEach((doc, i) => {
      s.docs.push(doc);
      s.entriesOf.set(doc, mine[i]);
      s.indicators.add(doc); // cheap, and in the library's order as when the plans were added
    });
    return s;
  }
}

/** The plan of an entry whose plan has left the library (never scored: dead entries are skipped). */
const GONE = { file: '', city: null, prefecture: null, year: null, docNumber: null, text: '', model: { tasks: [] } } as unknown as PrecedentDoc;

/** A typed array of an index image. */
export type ImageArray = Int32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;

interface FieldNumbers {
  totalLength: number;
  average: number;
}

/**
 * An index as plain numbers and typed arrays, for a snapshot on disk: `exportPrecedentIndex`
 * makes one, `importPrecedentIndex` gives the same index back (same answers to every look-up).
 */
export interface IndexImage {
  numbers: {
    terms: number;
    entries: number;
    live: number;
    deadCount: number;
    nextChar: number;
    widePairs: [string, number][];
    title: FieldNumbers;
    body: FieldNumbers;
  };
  arrays: Record<string, ImageArray | undefined>;
}

/** `arrays[name]`, checked to be a `type` of `length` entries. */
function want<T extends ImageArray>(arrays: Record<string, ImageArray | undefined>, name: string, type: new (n: number) => T, length: number): T {
  const x = arrays[name];
  if (!(x instanceof type) || x.length !== length) throw new Error(`index image: ${name}`);
  return x;
}
