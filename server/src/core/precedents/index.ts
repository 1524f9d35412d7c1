// The precedent library's core: precedent documents, the similarity index, indicator matching, JSON.
export { makePrecedentDoc, cityOfPlan, yearOfPlan, taskText, placeLabel, type PrecedentDoc, type PrecedentMeta } from './doc';
export { readFrontMatter, readSidecarMeta, mergeMeta, type FrontMatter } from './meta';
export { unitKey, sameUnit, teamUnitKey, teamNames, type UnitKeyOf } from './units';
export { buildPrecedentIndex, updatePrecedentIndex, exportPrecedentIndex, importPrecedentIndex, findSimilarTasks, findSameIndicator, DEFAULT_THRESHOLD, type PrecedentIndex, type SimilarTask, type FindOptions } from './similarity';
export type { IndicatorRow } from './indicatorTable';
export { matchIndicator, sameIndicator, sameNormalizedIndicator, indicatorSimilarity, normalizeIndicator } from './indicators';
export { excerptAround, markedExcerpt, type Excerpt } from './excerpt';
export { toSimilarJson, type SimilarJson } from './json';
export { normalizeForIndex } from './ngrams';
export type { ImageArray } from './indexField';
export type { IndexImage } from './indexStore';
