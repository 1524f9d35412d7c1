// Naming a target's metric: which words around a value say what is measured.
import { stripSuffixes, suffixMatcher } from './suffix';

// Verbs that introduce a count (新增10个, 培育…企业) and may sit anywhere before the value.
const COUNT_VERB = '新增|培育|创建|争创|建成|打造|引进|选树|认定|获评|获得|制修订|制订|修订|起草|落户|累计|争取|力争';
// Verbs that also occur inside names (质量提升示范区): trusted only at the start or the end.
const WEAK_VERB = '提升|建设|开展|完成|实现|采用|参与|参加|组织|覆盖|扩大|突破|培训|制定';
const LEVEL = '稳定保持在|保持在|稳定在|提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|控制在|不低于|不少于|不高于|不超过|小于|大于|达到|降至|降到|低于|高于|超过|保持|均在|均为|共计|下降|降低|减少|削减|增长|增加|提高|达|为|占|超';
// 组织 also ends nouns (标准化工作组织), so it only counts as a verb at the start.
const endsWithCountVerb = suffixMatcher(`${COUNT_VERB}|${WEAK_VERB}`.split('|').filter((w) => w !== '组织'));
const endsWithLevelVerb = suffixMatcher(LEVEL.split('|'));
const COUNT_VERBS = new RegExp(COUNT_VERB, 'g');
const STARTS_WITH_VERB = new RegExp(`^(?:${COUNT_VERB}|${WEAK_VERB})+`);
const VERB_FIRST = firstChars(`${COUNT_VERB}|${WEAK_VERB}`.split('|'));
// Where the noun after a value ends: a verb that starts a new clause (not 提升/建设, which end names).
const ANY_VERB = new RegExp(`${COUNT_VERB}|开展|实现|完成|${LEVEL.replace(/\|(?:达|为|占|超)(?=\||$)/g, '')}|的`);
const LEADING_WORDS = /^(?:、|和|及|并|其中|同时|全市|全县|全区|全省|我市|确保|努力|年均|每年|全年|(?:到|至)?(?:19|20)\d{2}年(?:底|末)?|[“"]?十[一二三四五]五[”"]?(?:期间|末|时期)?)+/;
// What LEADING_WORDS can start with: 、和及并其同全我确努年每, 到至, a year's 1 or 2, a quote, 十.
const LEADING_FIRST = firstChars([...'、和及并其同全我确努年每到至12“"十']);
const trailingWords = suffixMatcher(['分别', '均', '基本', '稳定', '持续', '继续', '要', '率先', '总体', '逐年', '全部', '累计', '至少', '共计', '年均', '每年']);
// 较2013年下降比例: the base-year phrase and change verb belong to the comparator, not the metric.
const CHANGE_TAIL = /(?:(?:较|比|与)(?:(?:19|20)\d{2}|上)年(?:相比)?)?(?:下降|降低|减少|增长|提高|提升|增加)(?:比例|幅度)?$|(?:较|比|与)(?:(?:19|20)\d{2}|上)年(?:相比)?$/;

/**
 * Which words name the measured thing. After a level verb (合格率达到97%) it is the text
 * before the verb; after a count verb (新增10个甘肃名牌产品) the noun after the value; with
 * the verb first (新增中国驰名商标5件) the words between verb and value.
 */
export function chooseMetric(pre: string, post: string): string {
  const p = stripLeadingWords(pre);
  if (!p || isJoiner(pre.charCodeAt(pre.length - 1)) || p.endsWith('等')) return post;
  const level = endsWithLevelVerb(p);
  if (level) {
    const before = tidyBefore(p.slice(0, p.length - level.length));
    return before || post;
  }
  const count = endsWithCountVerb(p);
  if (count) return post || tidyBefore(p.slice(0, p.length - count.length));
  let strongEnd = -1;
  COUNT_VERBS.lastIndex = 0;
  for (let v = COUNT_VERBS.exec(p); v; v = COUNT_VERBS.exec(p)) strongEnd = v.index + v[0].length;
  let candidate = strongEnd >= 0 ? p.slice(strongEnd) : stripLeadingVerbs(p);
  candidate = stripSuffixes(candidate, trailingWords);
  if (post && (candidate.length <= 2 || endsWithObjectMarker(candidate))) return post;
  return candidate;
}

export function tidyBefore(s: string): string {
  return stripChangeTail(stripSuffixes(stripChangeTail(stripLeadingVerbs(s)), trailingWords));
}

/** s without LEADING_WORDS: the pattern runs only when s starts with a character they can start with. */
export function stripLeadingWords(s: string): string {
  return LEADING_FIRST[s.charCodeAt(0)] === 1 ? s.replace(LEADING_WORDS, '') : s;
}

/** s without the verbs at its start (STARTS_WITH_VERB), tried only when one may be there. */
function stripLeadingVerbs(s: string): string {
  return VERB_FIRST[s.charCodeAt(0)] === 1 ? s.replace(STARTS_WITH_VERB, '') : s;
}

/** A table of the first characters of the words. */
function firstChars(words: readonly string[]): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const w of words) t[w.charCodeAt(0)] = 1;
  return t;
}

/** A list joiner, trimmed from both ends of a metric: 、和及与 */
export function isJoiner(c: number): boolean {
  return c === 0x3001 || c === 0x548c || c === 0x53ca || c === 0x4e0e;
}

/** Ends in 对 在 向 把 将: the words before the value are a clause, not a name. */
function endsWithObjectMarker(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 0x5bf9 || c === 0x5728 || c === 0x5411 || c === 0x628a || c === 0x5c06;
}

const CHANGE_TAIL_LAST = new Set([...'降低少长高升加例度年比'].map((c) => c.charCodeAt(0)));

/** CHANGE_TAIL on the last 16 characters only: the phrase is never longer, and the scan stays short. */
function stripChangeTail(s: string): string {
  // The phrase ends in one of 降 低 少 长 高 升 加 例 度 年 比; anything else has none.
  if (!CHANGE_TAIL_LAST.has(s.charCodeAt(s.length - 1))) return s;
  if (s.length <= 16) return s.replace(CHANGE_TAIL, '');
  return s.slice(0, -16) + s.slice(-16).replace(CHANGE_TAIL, '');
}

/** The noun right after a value, from `from` in s: 10个[甘肃名牌产品], cut at the next item, verb or 的. */
export function postNoun(s: string, from: number): string {
  let end = from;
  while (end < s.length && NOUN_STOP[s.charCodeAt(end)] === 0) end++;
  if (end === from) return '';
  const run = s.slice(from, end);
  const v = ANY_VERB.exec(run);
  const noun = v ? run.slice(0, v.index) : run;
  return noun.length >= 2 && noun.length <= 30 && !DIGIT.test(noun) ? noun : '';
}

// Where the run of words after a value stops: 、和，,；;。：:□
const NOUN_STOP = new Uint8Array(0x10000);
for (const ch of '、和，,；;。：:□') NOUN_STOP[ch.charCodeAt(0)] = 1;
const DIGIT = /\d/;

/** Drops quotes and list joiners around a metric; keeps at most its last 40 characters. */
export function tidyMetric(m: string): string {
  const bare = QUOTES.test(m) ? m.replace(QUOTES_ALL, '') : m;
  let a = 0;
  let b = bare.length;
  while (a < b && isJoiner(bare.charCodeAt(a))) a++;
  while (b > a && isJoiner(bare.charCodeAt(b - 1))) b--;
  return bare.slice(Math.max(a, b - 40), b);
}

const QUOTES = /[“”"《》]/;
const QUOTES_ALL = /[“”"《》]/g;

