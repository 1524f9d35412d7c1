// TF-IDF cosine similarity over character bigrams and trigrams of precedent tasks, with an inverted index.
import type { Task } from '../model';
import { taskText, type PrecedentDoc } from './doc';
import { excerptAround, type Excerpt } from './excerpt';
import { countNgrams, normalizeForIndex } from './ngrams';

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
  const grams: Map<string, number>[] = [];
  const titleGrams: Map<string, number>[] = [];
  const df = new Map<string, number>();
  docs.forEach((doc, d) => {
    doc.model.tasks.forEach((task, t) => {
      const text = taskText(doc.model, doc.text, task);
      const counts = countNgrams(normalizeForIndex(text));
      if (counts.size === 0) return;
      entries.push({ doc: d, task: t });
      grams.push(counts);
      titleGrams.push(countNgrams(normalizeForIndex(task.title)));
      for (const g of counts.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    });
  });
  const n = entries.length;
  const idf = new Map<string, number>();
  for (const [g, f] of df) idf.set(g, Math.log(1 + n / f));
  return { docs: [...docs], entries, postings: invert(grams, idf), titlePostings: invert(titleGrams, idf), idf };
}

/** Unit-length TF-IDF vectors of `grams`, inverted into postings. */
function invert(grams: Map<string, number>[], idf: Map<string, number>): Postings {
  const building = new Map<string, { entries: number[]; weights: number[] }>();
  grams.forEach((counts, e) => {
    let norm = 0;
    const weights: [string, number][] = [];
    for (const [g, c] of counts) {
      const w = tfWeight(c) * idf.get(g)!;
      weights.push([g, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [g, w] of weights) {
      let p = building.get(g);
      if (!p) building.set(g, (p = { entries: [], weights: [] }));
      p.entries.push(e);
      p.weights.push(w / norm);
    }
  });
  const postings: Postings = new Map();
  for (const [g, p] of building) postings.set(g, { entries: Int32Array.from(p.entries), weights: Float32Array.from(p.weights) });
  return postings;
}

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
  const scores = new Map<number, number>();
  const add = (postings: Postings, share: number) => {
    for (const [g, w] of query) {
      const p = postings.get(g);
      if (!p) continue;
      const qw = (share * w) / norm;
      for (let i = 0; i < p.entries.length; i++) {
        const e = p.entries[i];
        scores.set(e, (scores.get(e) ?? 0) + qw * p.weights[i]);
      }
    }
  };
  add(index.postings, 1 - TITLE_SHARE);
  add(index.titlePostings, TITLE_SHARE);
  const ranked: [number, number][] = [];
  for (const [e, s] of scores) {
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
