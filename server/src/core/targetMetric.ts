// Naming a target's metric: which words around a value say what is measured.
import { codeAt, isDigit } from './charCodes';
import { prefixMatcher } from './prefix';
import { stripSuffixes, suffixMatcher } from './suffix';

// Verbs that introduce a count (新增10个, 培育…企业) and may sit anywhere before the value.
const COUNT_VERB = '新增|培育|创建|争创|建成|打造|引进|选树|认定|获评|获得|制修订|制订|修订|起草|落户|累计|争取|力争';
// Verbs that also occur inside names (质量提升示范区): trusted only at the start or the end.
const WEAK_VERB = '提升|建设|开展|完成|实现|采用|参与|参加|组织|覆盖|扩大|突破|培训|制定';
const LEVEL = '稳定保持在|保持在|稳定在|提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|控制在|不低于|不少于|不高于|不超过|小于|大于|达到|降至|降到|低于|高于|超过|保持|均在|均为|共计|下降|降低|减少|削减|增长|增加|提高|达|为|占|超';
// 组织 also ends nouns (标准化工作组织), so it only counts as a verb at the start.
const endsWithCountVerb = suffixMatcher(`${COUNT_VERB}|${WEAK_VERB}`.split('|').filter((w) => w !== '组织'));
const endsWithLevelVerb = suffixMatcher(LEVEL.split('|'));
// No word of these lists starts another, so at most one matches at a position.
const countVerbAt = prefixMatcher(COUNT_VERB.split('|'));
const verbAt = prefixMatcher(`${COUNT_VERB}|${WEAK_VERB}`.split('|'));
// Where the noun after a value ends: a verb that starts a new clause (not 提升/建设, which end names).
const clauseVerbAt = prefixMatcher(`${COUNT_VERB}|开展|实现|完成|${LEVEL}|的`.split('|').filter((w) => !'达为占超'.includes(w)));
// Words that open a phrase without naming anything: 全市, 确保, 到2025年, “十四五”期间.
const LEADING_WORDS = '、|和|及|并|其中|同时|全市|全县|全区|全省|我市|确保|努力|年均|每年|全年'.split('|');
const leadingWordAt = prefixMatcher(LEADING_WORDS);
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
  // The end of the last count verb, read left to right as a global pattern would.
  let strongEnd = -1;
  for (let i = 0; i < p.length; ) {
    const n = countVerbAt(p, i);
    if (n > 0) strongEnd = i += n;
    else i++;
  }
  let candidate = strongEnd >= 0 ? p.slice(strongEnd) : stripLeadingVerbs(p);
  candidate = stripSuffixes(candidate, trailingWords);
  if (post && (candidate.length <= 2 || endsWithObjectMarker(candidate))) return post;
  return candidate;
}

export function tidyBefore(s: string): string {
  return stripChangeTail(stripSuffixes(stripChangeTail(stripLeadingVerbs(s)), trailingWords));
}

/**
 * s without the words that open it without naming anything: what
 * /^(?:、|和|…|全年|(?:到|至)?(?:19|20)\d{2}年(?:底|末)?|[“"]?十[一二三四五]五[”"]?(?:期间|末|时期)?)+/
 * matches. Each alternative starts with its own characters, so the words are taken greedily.
 */
export function stripLeadingWords(s: string): string {
  let i = 0;
  for (let n = leadingAt(s, 0); n > 0; n = leadingAt(s, i)) i += n;
  return i > 0 ? s.slice(i) : s;
}

/** The length of the leading word, year or five-year-plan phrase at i, or 0. */
function leadingAt(s: string, i: number): number {
  if (LEADING_FIRST[codeAt(s, i)] === 0) return 0;
  const word = leadingWordAt(s, i);
  if (word > 0) return word;
  // (?:到|至)?(?:19|20)\d{2}年(?:底|末)?
  let j = i;
  let c = codeAt(s, j);
  if (c === 0x5230 || c === 0x81f3) c = codeAt(s, ++j); // 到 至
  if (isYearStart(s, j) && codeAt(s, j + 4) === 0x5e74) { // 年
    j += 5;
    c = codeAt(s, j);
    return j - i + (c === 0x5e95 || c === 0x672b ? 1 : 0); // 底 末
  }
  // [“"]?十[一二三四五]五[”"]?(?:期间|末|时期)?
  j = i;
  c = codeAt(s, j);
  if (c === 0x201c || c === 34) c = codeAt(s, ++j); // “ "
  const d = codeAt(s, j + 1);
  if (c !== 0x5341 || !(d === 0x4e00 || d === 0x4e8c || d === 0x4e09 || d === 0x56db || d === 0x4e94) || codeAt(s, j + 2) !== 0x4e94) return 0; // 十 一二三四五 五
  j += 3;
  c = codeAt(s, j);
  if (c === 0x201d || c === 34) j++; // ” "
  if (s.startsWith('期间', j) || s.startsWith('时期', j)) j += 2;
  else if (codeAt(s, j) === 0x672b) j++; // 末
  return j - i;
}

// What a leading word, a year (到2025年) or a five-year-plan phrase (“十四五”) may start with.
const LEADING_FIRST = new Uint8Array(0x10000);
for (const ch of [...LEADING_WORDS.map((w) => w[0]), ...'到至12“"十']) LEADING_FIRST[ch.charCodeAt(0)] = 1;

/** 19dd or 20dd at i. */
function isYearStart(s: string, i: number): boolean {
  const c0 = codeAt(s, i);
  const c1 = codeAt(s, i + 1);
  return ((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48)) && isDigit(codeAt(s, i + 2)) && isDigit(codeAt(s, i + 3));
}

/** s without the verbs at its start: /^(?:新增|…|制定)+/. */
function stripLeadingVerbs(s: string): string {
  let i = 0;
  for (let n = verbAt(s, 0); n > 0; n = verbAt(s, i)) i += n;
  return i > 0 ? s.slice(i) : s;
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

const CHANGE_TAIL_LAST = new Uint8Array(0x10000);
for (const ch of '降低少长高升加例度年比') CHANGE_TAIL_LAST[ch.charCodeAt(0)] = 1;

/** CHANGE_TAIL on the last 16 characters only: the phrase is never longer, and the scan stays short. */
function stripChangeTail(s: string): string {
  // The phrase ends in one of 降 低 少 长 高 升 加 例 度 年 比; anything else has none.
  if (CHANGE_TAIL_LAST[codeAt(s, s.length - 1)] === 0) return s;
  if (s.length <= 16) return s.replace(CHANGE_TAIL, '');
  return s.slice(0, -16) + s.slice(-16).replace(CHANGE_TAIL, '');
}

/** The noun right after a value, from `from` in s: 10个[甘肃名牌产品], cut at the next item, verb or 的. */
export function postNoun(s: string, from: number): string {
  // The noun ends at a stop character or where a verb starts (no verb holds a stop character).
  // One longer than 30 characters is no noun, so the scan looks no further: a segment with
  // many values is read in linear time.
  const limit = Math.min(s.length, from + 31);
  let end = from;
  while (end < limit && NOUN_STOP[s.charCodeAt(end)] === 0 && clauseVerbAt(s, end) === 0) end++;
  if (end - from < 2 || end - from > 30) return '';
  for (let i = from; i < end; i++) if (isDigit(s.charCodeAt(i))) return '';
  return s.slice(from, end);
}

// Where the run of words after a value stops: 、和，,；;。：:□
const NOUN_STOP = new Uint8Array(0x10000);
for (const ch of '、和，,；;。：:□') NOUN_STOP[ch.charCodeAt(0)] = 1;

/** Drops quotes and list joiners around a metric; keeps at most its last 40 characters. */
export function tidyMetric(m: string): string {
  const bare = hasQuote(m) ? m.replace(QUOTES, '') : m;
  let a = 0;
  let b = bare.length;
  while (a < b && isJoiner(bare.charCodeAt(a))) a++;
  while (b > a && isJoiner(bare.charCodeAt(b - 1))) b--;
  return bare.slice(Math.max(a, b - 40), b);
}

const QUOTES = /[“”"《》]/g;

/** Whether s holds “ ” " 《 》. */
function hasQuote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x201c || c === 0x201d || c === 34 || c === 0x300a || c === 0x300b) return true;
  }
  return false;
}

