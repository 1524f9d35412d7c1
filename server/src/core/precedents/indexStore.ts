// The mutable store behind a precedent index: two fields (indexField.ts), the term ids, entries
// added and removed in place, and its image for a snapshot on disk. similarity.ts is the public face.
import { taskText, type PrecedentDoc } from './doc';
import { Field, VectorBatch, want, type FieldNumbers, type ImageArray, type Vector } from './indexField';
import { IndicatorTable } from './indicatorTable';
import { normalizeForIndex } from './ngrams';
import { isBigramKey, isTermCode, TermCoder } from './terms';

/** One indexed precedent task. Its text is not kept: excerpts re-read it for the few results shown. */
interface Entry {
  doc: PrecedentDoc;
  task: number;
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
