// A short excerpt of a precedent task around the wording it shares with the query.
import { bigramSet, isGramChar, normalizeForIndex } from './ngrams';

export interface Excerpt {
  /** Plain text of the excerpt, whitespace collapsed; "…" where it was cut. */
  text: string;
  /** Offsets into `text` of runs of shared wording (two characters or more). */
  marks: { start: number; end: number }[];
}

/**
 * The `width`-character window of `text` holding the most characters covered by bigrams the
 * query also has, with those runs marked. Falls back to the text's start.
 */
export function excerptAround(text: string, query: string, width = 60): Excerpt {
  const flat = text.replace(/\s+/g, '');
  const q = bigramSet(normalizeForIndex(query));
  const norm = normalizeForIndex(flat);
  const shared = new Uint8Array(flat.length);
  for (let i = 0; i + 2 <= norm.length; i++) {
    if (isGramChar(norm[i]) && isGramChar(norm[i + 1]) && q.has(norm.slice(i, i + 2))) shared[i] = shared[i + 1] = 1;
  }
  let best = 0;
  let bestScore = -1;
  let sum = 0;
  for (let i = 0; i < flat.length; i++) {
    sum += shared[i];
    if (i >= width) sum -= shared[i - width];
    const start = Math.max(0, i - width + 1);
    if (sum > bestScore) {
      bestScore = sum;
      best = start;
    }
  }
  // Start a little before the first shared character so the phrase reads in context.
  let start = best;
  const firstShared = shared.indexOf(1, best);
  if (firstShared >= 0 && firstShared - start > 10) start = firstShared - 10;
  const end = Math.min(flat.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const body = flat.slice(start, end);
  const marks: { start: number; end: number }[] = [];
  for (let i = start; i < end; i++) {
    if (!shared[i]) continue;
    let j = i;
    while (j < end && shared[j]) j++;
    if (j - i >= 2) marks.push({ start: prefix.length + i - start, end: prefix.length + j - start });
    i = j;
  }
  return { text: prefix + body + (end < flat.length ? '…' : ''), marks };
}

/** The excerpt with shared wording wrapped in 【】, for text output. */
export function markedExcerpt(excerpt: Excerpt): string {
  let out = '';
  let at = 0;
  for (const m of excerpt.marks) {
    out += excerpt.text.slice(at, m.start) + '【' + excerpt.text.slice(m.start, m.end) + '】';
    at = m.end;
  }
  return out + excerpt.text.slice(at);
}
