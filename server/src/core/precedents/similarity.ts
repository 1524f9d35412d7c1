// TF-IDF cosine similarity over character bigrams and trigrams of precedent tasks, with an inverted index.
import type { Task } from '../model';
import { taskText, type PrecedentDoc } from './doc';
import { excerptAround, type Excerpt } from './excerpt';
import { countNgrams, forEachNgram, normalizeForIndex } from './ngrams';

/** One indexed precedent task. Its text is not kept: excerpts re-read it for the few results shown. */
interface Entry {
  doc: number;
  task: number;
}

/** Typed arrays, not number[]: at thousands of plans the postings are most of the index's memory. */
interface Posting {
  entries: Int32Array;
  /** Each entry's L2-normalized TF-IDF weight for this n-gram. */
  weights: Float32Array;
}

/** One field's inverted index: n-gram → the entries holding it. */
type Postings = Map<string, Posting>;

/** The precedent tasks of a library, indexed for `findSimilarTasks`. Build it with `buildPrecedentIndex`. */
export interface PrecedentIndex {
  docs: PrecedentDoc[];
  entries: Entry[];
  /** Postings of the whole task text (title and body). */
  postings: Postings;
  /** Postings of the task titles alone. */
  titlePostings: Postings;
  idf: Map<string, number>;
}

/** A precedent task found for a query, best first. */
export interface SimilarTask {
  /** Cosine similarity in [0, 1]. */
  score: number;
  doc: PrecedentDoc;
  task: Task;
  /** Where in the precedent task the shared wording is. */
  excerpt: Excerpt;
}

export interface FindOptions {
  /** How many results at most (default 3). */
  top?: number;
  /** Lowest score returned (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** A file never to return (the draft being edited). */
  excludeFile?: string;
}

/**
 * Share of the score that comes from the query against the task's title alone. Titles carry a
 * task's gist (加大品牌培育力度); bodies are long and mention much else, so a body-only cosine
 * favours whichever task happens to repeat the query's words.
 */
const TITLE_SHARE = 0.4;

/**
 * Default lowest score. Tuned on bench/precedent-eval.mjs: a short draft task against long
 * precedent bodies scores 0.1–0.5 when on topic and rarely above 0.05 when not; 0.06 kept
 * hit@3 at 1.0 there while dropping unrelated tasks.
 */
export const DEFAULT_THRESHOLD = 0.06;

const tfWeight = (count: number) => 1 + Math.log(count);

/**
 * Indexes every task of every precedent. Each task is a vector of its bigram and trigram counts,
 * weighted 1 + ln(tf) times ln(1 + N/df), normalized to unit length; postings map each n-gram to
 * the tasks holding it, so a query only touches the postings of its own n-grams.
 */
export function buildPrecedentIndex(docs: readonly PrecedentDoc[]): PrecedentIndex {
  const entries: Entry[] = [];
  // Each task's n-grams as ids into `gramList` (first-occurrence order) and their counts: far less
  // memory and time than one Map per task at thousands of plans, and postings can be sized exactly.
  const gramIds = new Map<string, number>();
  const gramList: string[] = [];
  const grams: Vectors = [];
  const titleGrams: Vectors = [];
  const df: number[] = [];
  // Per-scan counts by gram id, valid where `stampOf[id]` is the current scan's stamp.
  let countOf = new Int32Array(1 << 16);
  let stampOf = new Int32Array(1 << 16);
  let stamp = 0;
  /**
   * A text's n-gram counts as a Vector, straight from countNgrams's enumeration (same n-grams,
   * same first-occurrence order) without a Map per text.
   */
  const vectorOf = (normalized: string): Vector => {
    stamp++;
    const order: number[] = [];
    forEachNgram(normalized, (g) => {
      let id = gramIds.get(g);
      if (id === undefined) {
        id = gramList.length;
        gramIds.set(g, id);
        gramList.push(g);
        if (id >= countOf.length) {
          const grownCounts = new Int32Array(countOf.length * 2);
          grownCounts.set(countOf);
          countOf = grownCounts;
          const grownStamps = new Int32Array(stampOf.length * 2);
          grownStamps.set(stampOf);
          stampOf = grownStamps;
        }
      }
      if (stampOf[id] !== stamp) {
        stampOf[id] = stamp;
        countOf[id] = 0;
        order.push(id);
      }
      countOf[id]++;
    });
    const ids = Int32Array.from(order);
    const counts = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) counts[i] = countOf[ids[i]];
    return { ids, counts };
  };
  docs.forEach((doc, d) => {
    doc.model.tasks.forEach((task, t) => {
      const vector = vectorOf(normalizeForIndex(taskText(doc.model, doc.text, task)));
      if (vector.ids.length === 0) return;
      entries.push({ doc: d, task: t });
      for (const id of vector.ids) df[id] = (df[id] ?? 0) + 1;
      grams.push(vector);
      titleGrams.push(vectorOf(normalizeForIndex(task.title)));
    });
  });
  const n = entries.length;
  const idf = new Map<string, number>();
  // Indexed by gram id; a title n-gram the task texts lack has no idf (NaN, as idf.get(g)! was).
  const idfById = new Float64Array(gramList.length).fill(NaN);
  for (let id = 0; id < gramList.length; id++) {
    const f = df[id];
    if (f === undefined) continue;
    const w = Math.log(1 + n / f);
    idfById[id] = w;
    idf.set(gramList[id], w);
  }
  return { docs: [...docs], entries, postings: invert(grams, idfById, gramList), titlePostings: invert(titleGrams, idfById, gramList), idf };
}

/** A task's n-gram counts by gram id, in the counts' insertion order. */
interface Vector {
  ids: Int32Array;
  counts: Int32Array;
}
type Vectors = Vector[];

/** Unit-length TF-IDF vectors of `grams`, inverted into postings (entries in ascending order). */
function invert(grams: Vectors, idf: Float64Array, gramList: readonly string[]): Postings {
  const length = new Int32Array(gramList.length);
  for (const v of grams) for (const id of v.ids) length[id]++;
  const entriesOf: (Int32Array | undefined)[] = new Array(gramList.length);
  const weightsOf: (Float32Array | undefined)[] = new Array(gramList.length);
  const fill = new Int32Array(gramList.length);
  let weights = new Float64Array(64);
  grams.forEach(({ ids, counts }, e) => {
    if (weights.length < ids.length) weights = new Float64Array(ids.length * 2);
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = tfWeight(counts[i]) * idf[ids[i]];
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      let es = entriesOf[id];
      let ws = weightsOf[id];
      if (!es || !ws) {
        es = entriesOf[id] = new Int32Array(length[id]);
        ws = weightsOf[id] = new Float32Array(length[id]);
      }
      const at = fill[id]++;
      es[at] = e;
      ws[at] = weights[i] / norm;
    }
  });
  const postings: Postings = new Map();
  // In first-occurrence order of the n-grams, as the Map-based build did.
  for (let id = 0; id < gramList.length; id++) {
    const es = entriesOf[id];
    const ws = weightsOf[id];
    if (es && ws) postings.set(gramList[id], { entries: es, weights: ws });
  }
  return postings;
}

/** Per-index scratch arrays, reused across queries (a query runs to completion without yielding). */
interface Scratch {
  scores: Float64Array;
  /** The query stamp that last touched each entry. */
  seen: Uint32Array;
  stamp: number;
}
const scratchOf = new WeakMap<PrecedentIndex, Scratch>();

/**
 * The precedent tasks most similar to `queryText` (a task's title and body, or a phrase), best
 * first: at most `top`, each scoring at least `threshold`, none from `excludeFile`.
 */
export function findSimilarTasks(index: PrecedentIndex, queryText: string, options: FindOptions = {}): SimilarTask[] {
  const top = options.top ?? 3;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const counts = countNgrams(normalizeForIndex(queryText));
  const query: [string, number][] = [];
  let norm = 0;
  for (const [g, c] of counts) {
    const idf = index.idf.get(g);
    if (idf === undefined) continue; // an n-gram no precedent has adds nothing but length
    const w = tfWeight(c) * idf;
    norm += w * w;
    query.push([g, w]);
  }
  // Unknown n-grams still lengthen the query: a query mostly about something else scores low.
  for (const [g, c] of counts) if (!index.idf.has(g)) norm += (tfWeight(c) * Math.log(1 + Math.max(1, index.entries.length))) ** 2;
  if (query.length === 0 || norm === 0) return [];
  norm = Math.sqrt(norm);
  let scratch = scratchOf.get(index);
  if (!scratch || scratch.scores.length !== index.entries.length || scratch.stamp >= 0xfffffffe) {
    scratch = { scores: new Float64Array(index.entries.length), seen: new Uint32Array(index.entries.length), stamp: 0 };
    scratchOf.set(index, scratch);
  }
  const sc = scratch.scores;
  const seen = scratch.seen;
  const stamp = ++scratch.stamp;
  // Entries in the order first scored; each score is reset to 0 below, so the array stays clean.
  const touched: number[] = [];
  const add = (postings: Postings, share: number) => {
    for (const [g, w] of query) {
      const p = postings.get(g);
      if (!p) continue;
      const qw = (share * w) / norm;
      const es = p.entries;
      const ws = p.weights;
      for (let i = 0; i < es.length; i++) {
        const e = es[i];
        if (seen[e] !== stamp) {
          seen[e] = stamp;
          sc[e] = 0;
          touched.push(e);
        }
        sc[e] += qw * ws[i];
      }
    }
  };
  add(index.postings, 1 - TITLE_SHARE);
  add(index.titlePostings, TITLE_SHARE);
  const ranked: [number, number][] = [];
  for (const e of touched) {
    const s = sc[e];
    if (s < threshold) continue;
    if (options.excludeFile !== undefined && index.docs[index.entries[e].doc].file === options.excludeFile) continue;
    ranked.push([e, s]);
  }
  ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.slice(0, top).map(([e, score]) => {
    const entry = index.entries[e];
    const doc = index.docs[entry.doc];
    const task = doc.model.tasks[entry.task];
    return { score: Math.min(1, score), doc, task, excerpt: excerptAround(taskText(doc.model, doc.text, task), queryText) };
  });
}
