// BM25 over single characters and character bigrams of precedent tasks (title and body as two
// fields), with an inverted index that takes plans in and out without a rebuild.
import type { Task } from '../model';
import { taskText, type PrecedentDoc } from './doc';
import { excerptAround, type Excerpt } from './excerpt';
import type { IndicatorRow } from './indicatorTable';
import { B, K1, STOP_CHARACTER_SHARE, UNIGRAM_WEIGHT } from './indexField';
import { IndexStore, type IndexImage } from './indexStore';
import { normalizeForIndex } from './ngrams';

/** A precedent task found for a query, best first. */
export interface SimilarTask {
  /**
   * The BM25 score over the score the query would get against itself (a task whose title and
   * text were the query), capped at 1: comparable across short and long queries.
   */
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
 * The precedent tasks of a library, indexed for `findSimilarTasks` and `findSameIndicator`.
 * Build it with `buildPrecedentIndex`; `updatePrecedentIndex` returns the next version. A version
 * is a snapshot in name only: it shares its store with the versions after it, so use the latest.
 */
export interface PrecedentIndex {
  /** The plans, in the order they were added. */
  readonly docs: readonly PrecedentDoc[];
  /** How many tasks are indexed. */
  readonly taskCount: number;
  /** How many distinct terms (characters and bigrams) the index holds. */
  readonly termCount: number;
  /** @internal */
  readonly store: IndexStore;
}


/**
 * Default lowest score. Tuned on bench/precedent-eval.mjs and on seed tasks asked against the
 * other seeds: expected tasks of the short draft queries score 0.17–0.75, the top results of whole
 * seed tasks (long queries) 0.13–0.28, queries on other subjects (党风廉政, 防汛抗旱) under 0.06,
 * unrelated runners-up about 0.09, and near misses (乡村振兴 → 绿色生态经济) up to 0.17.
 */
export const DEFAULT_THRESHOLD = 0.1;

/** The index as an image (for a snapshot on disk). */
export function exportPrecedentIndex(index: PrecedentIndex): IndexImage {
  return index.store.toImage();
}

/**
 * The index an image describes, over its plans (`index.docs` when it was exported, same order).
 * Throws when the image is damaged or does not fit the plans.
 */
export function importPrecedentIndex(image: IndexImage, docs: readonly PrecedentDoc[]): PrecedentIndex {
  return version(IndexStore.fromImage(image, docs));
}


function version(store: IndexStore): PrecedentIndex {
  return { docs: [...store.docs], taskCount: store.live, termCount: store.termIsBigram.length, store };
}

/** Indexes every task of every precedent (title and whole text as two BM25 fields). */
export function buildPrecedentIndex(docs: readonly PrecedentDoc[]): PrecedentIndex {
  const store = new IndexStore();
  store.addDocs(docs);
  return version(store);
}

/**
 * The next version of `index`: the plans whose file is in `remove` taken out, then `add` put in
 * (a changed plan is removed by its file and added again). Costs only the plans named: nothing
 * else is re-tokenised. `index` itself must not be used afterwards.
 */
export function updatePrecedentIndex(index: PrecedentIndex, change: { add?: readonly PrecedentDoc[]; remove?: readonly string[] }): PrecedentIndex {
  const store = index.store;
  if (change.remove?.length) {
    const gone = new Set(change.remove);
    for (const doc of store.docs.filter((d) => gone.has(d.file))) store.removeDoc(doc);
  }
  if (change.add?.length) store.addDocs(change.add);
  return version(store);
}

/**
 * The precedent tasks most similar to `queryText` (a task's title and body, or a phrase), best
 * first: at most `top`, each scoring at least `threshold`, none from `excludeFile`. The score is
 * BM25 summed over the title and text fields, as a share of the query's score against itself.
 */
export function findSimilarTasks(index: PrecedentIndex, queryText: string, options: FindOptions = {}): SimilarTask[] {
  const top = options.top ?? 3;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const s = index.store;
  const unknown = { unigrams: 0, bigrams: 0 };
  const { ids, counts } = s.vector(normalizeForIndex(queryText), false, unknown);
  const n = s.live;
  if (ids.length === 0 || n === 0) return [];
  if (s.scores.length < s.entries.length) {
    s.scores = new Float64Array(s.dead.length);
    s.seen = new Uint32Array(s.dead.length);
    s.queryStamp = 0;
  }
  if (s.queryStamp >= 0xfffffffe) {
    s.seen.fill(0);
    s.queryStamp = 0;
  }
  const sc = s.scores;
  const seen = s.seen;
  const dead = s.dead;
  const stamp = ++s.queryStamp;
  const touched: number[] = [];
  // The score of a task whose title and text were both the query: what a score is a share of.
  let self = 0;
  let queryLength = unknown.unigrams + unknown.bigrams;
  for (let i = 0; i < counts.length; i++) queryLength += counts[i];
  const rare = Math.log(1 + (n - 0.5) / 1.5);
  const anyDead = s.deadCount > 0; // dead entries still in the postings (none once swept)
  for (const field of [s.title, s.body]) {
    field.refresh(n);
    // tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)) = tf·(k1+1) / (tf + c0 + c1·len), as in the weights
    const c0 = K1 * (1 - B);
    const c1 = (K1 * B) / field.averageLength;
    const selfNorm = c0 + c1 * queryLength;
    // Wording no precedent has counts in the query's own score: a query mostly about something else scores low.
    self += (rare * (K1 + 1) * (unknown.bigrams + UNIGRAM_WEIGHT * unknown.unigrams)) / (1 + selfNorm);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const df = field.df[id];
      const bigram = s.termIsBigram[id];
      if (!bigram && df > n * STOP_CHARACTER_SHARE) continue;
      const weight = bigram ? 1 : UNIGRAM_WEIGHT;
      // idf of a term the field lacks: as if one task had it.
      const idf = weight * Math.log(1 + (n - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));
      self += (idf * counts[k] * (K1 + 1)) / (counts[k] + selfNorm);
      const p = field.postings[id];
      if (!p || df === 0) continue;
      const es = p.entries;
      const ws = p.weights;
      for (let i = 0; i < p.n; i++) {
        const e = es[i];
        if (anyDead && dead[e]) continue;
        const add = idf * ws[i];
        if (seen[e] !== stamp) {
          seen[e] = stamp;
          sc[e] = add;
          touched.push(e);
        } else sc[e] += add;
      }
    }
  }
  if (self === 0) return [];
  const ranked: [number, number][] = [];
  const min = threshold * self;
  for (const e of touched) {
    const score = sc[e];
    if (score < min) continue;
    if (options.excludeFile !== undefined && s.entries[e].doc.file === options.excludeFile) continue;
    ranked.push([e, score / self]);
  }
  ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.slice(0, top).map(([e, score]) => {
    const { doc, task: t } = s.entries[e];
    const task = doc.model.tasks[t];
    return { score: Math.min(1, score), doc, task, excerpt: excerptAround(taskText(doc.model, doc.text, task), queryText) };
  });
}

/**
 * Every precedent target whose metric measures the same as `metric` (sameIndicator), in the
 * library's order, none from `excludeFile`. Each distinct metric name is compared once.
 */
export function findSameIndicator(index: PrecedentIndex, metric: string, excludeFile?: string): IndicatorRow[] {
  return index.store.indicators.find(metric, excludeFile);
}
