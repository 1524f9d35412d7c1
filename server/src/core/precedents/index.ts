// The precedent library's core: precedent documents, the similarity index, indicator matching, JSON.
export { makePrecedentDoc, cityOfPlan, yearOfPlan, taskText, type PrecedentDoc, type PrecedentMeta } from './doc';
export { buildPrecedentIndex, findSimilarTasks, DEFAULT_THRESHOLD, type PrecedentIndex, type SimilarTask, type FindOptions } from './similarity';
export { matchIndicator, sameIndicator, indicatorSimilarity, normalizeIndicator } from './indicators';
export { excerptAround, markedExcerpt, type Excerpt } from './excerpt';
export { toSimilarJson, type SimilarJson } from './json';
export { normalizeForIndex, countNgrams } from './ngrams';
