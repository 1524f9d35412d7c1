// Indicator matching: the same metric worded differently across plans (主要工业产品质量抽检合格率 ~ 主要工业产品抽检合格率).
import { bigramSet } from './ngrams';

/** Filler that changes the wording of a metric but not what it measures. */
const FILLER = /全市|全县|全区|全省|我市|本市|主要|总体|整体|平均|的|年度/g;

/** A metric as compared: whitespace, punctuation and filler removed; 质量 dropped when enough is left. */
export function normalizeIndicator(metric: string): string {
  // A draft's metrics come back on every keystroke and a library's repeat across plans: remember them.
  let normal = normalized.get(metric);
  if (normal === undefined) {
    if (normalized.size >= MAX_REMEMBERED) normalized.clear();
    normal = normalizeOnce(metric);
    normalized.set(metric, normal);
  }
  return normal;
}

const MAX_REMEMBERED = 20_000;
const normalized = new Map<string, string>();

function normalizeOnce(metric: string): string {
  const bare = metric.replace(/[\s\p{P}\p{S}]/gu, '').replace(FILLER, '');
  const withoutQuality = bare.replace(/质量/g, '');
  // "质量" alone is the metric's subject in 质量竞争力指数; keep it when dropping leaves too little.
  return withoutQuality.length >= 3 ? withoutQuality : bare;
}

/** Bigram Dice coefficient of two normalized metric names, in [0, 1]. */
export function indicatorSimilarity(a: string, b: string): number {
  return normalizedSimilarity(normalizeIndicator(a), normalizeIndicator(b));
}

/**
 * True when two metric names measure the same thing: their normalized names end in the same
 * character (率 is not 度, 数 is not 额) and their bigram Dice coefficient reaches `threshold`.
 */
export function matchIndicator(metricA: string, metricB: string, threshold = 0.6): boolean {
  return matchNormalized(normalizeIndicator(metricA), normalizeIndicator(metricB), threshold);
}

function matchNormalized(na: string, nb: string, threshold: number): boolean {
  if (na.length === 0 || nb.length === 0) return false;
  if (na.at(-1) !== nb.at(-1)) return false;
  return normalizedSimilarity(na, nb) >= threshold;
}

function normalizedSimilarity(na: string, nb: string): number {
  if (na === nb) return na.length > 0 ? 1 : 0;
  const A = bigramSet(na);
  const B = bigramSet(nb);
  if (A.size === 0 || B.size === 0) return 0;
  let shared = 0;
  for (const g of A) if (B.has(g)) shared++;
  return (2 * shared) / (A.size + B.size);
}

/**
 * matchIndicator, and also about the same subject: once the normalized names' common ending is
 * removed (抽检合格率), what is left of each must share a bigram, or one be empty. Otherwise a
 * long shared ending alone passes: 主要工业产品质量抽检合格率 is not 化妆品质量抽检合格率.
 */
export function sameIndicator(metricA: string, metricB: string, threshold = 0.6): boolean {
  return sameNormalizedIndicator(normalizeIndicator(metricA), normalizeIndicator(metricB), threshold);
}

/** sameIndicator on names already passed through normalizeIndicator (the library normalizes once). */
export function sameNormalizedIndicator(na: string, nb: string, threshold = 0.6): boolean {
  if (!matchNormalized(na, nb, threshold)) return false;
  let a = na;
  let b = nb;
  while (a.length > 0 && b.length > 0 && a.at(-1) === b.at(-1)) {
    a = a.slice(0, -1);
    b = b.slice(0, -1);
  }
  if (a.length === 0 || b.length === 0) return true;
  const A = bigramSet(a);
  for (const g of bigramSet(b)) if (A.has(g)) return true;
  return false;
}
