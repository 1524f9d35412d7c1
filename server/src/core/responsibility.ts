// Responsibility clauses (牵头/配合/负责/责任单位:…) found at the end of a task and read into units.
// The reading works on index ranges of the cleaned line and slices out little but the unit names.

/** Where a clause sits on a cleaned line, in `text` indexes, and what it says. */
export interface ClauseMatch {
  start: number;
  end: number;
  form: 'bracket' | 'label';
  closed: boolean;
  leads: string[];
  cooperators: string[];
  standing: string[];
  /** Units listed twice in one role. */
  duplicates: string[];
  /** Units listed both as lead and as cooperator. */
  bothRoles: string[];
}

type Role = 'lead' | 'coop' | 'resp';

// Char codes: （ ( ） ) and the marks that end a clause's line (。；;，,).
const FULL_OPEN = 0xff08;
const FULL_CLOSE = 0xff09;
const isOpen = (c: number) => c === 0x28 || c === FULL_OPEN;
const isClose = (c: number) => c === 0x29 || c === FULL_CLOSE;
const isLineEndMark = (c: number) => c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff0c || c === 0x2c;
// Role labels, four characters and a colon. 牵头单位: every unit listed leads; 责任单位: the first
// leads unless cooperators are named too.
const LABEL_ROLES: [Role, string[]][] = [
  ['lead', ['牵头单位', '牵头部门', '主办单位']],
  ['resp', ['责任单位', '责任部门', '负责单位', '主责单位', '实施单位', '责任主体']],
  ['coop', ['配合单位', '协助单位', '协办单位', '参与单位', '参加单位', '配合部门', '协同单位', '协作单位']],
];
const ROLE_OF_LABEL = new Map(LABEL_ROLES.flatMap(([role, words]) => words.map((w) => [w, role] as const)));
const LABEL_LENGTH = 5;
// The last characters of the suffix words, a bit per word list: most ranges end in none of them.
const WORD_LAST = new Uint8Array(0x10000);
let wordLists = 0;
const leadVerbLength = suffixLength(['牵头负责', '共同牵头', '牵头', '负责', '主办', '主责']);
const coopVerbLength = suffixLength(['配合', '参加', '参与', '协同', '协助', '协办', '共同推进']);
// 按职责分工负责, 分别负责: the units come before the manner words.
const mannerLength = suffixLength(['按职责分工', '按照职责分工', '按职责', '根据职责', '分别', '共同', '等单位', '等部门']);
// Global: searched from a clause's start with lastIndex (see occursIn).
const ROLE_WORD = /牵头|负责|配合|参加|参与|协同|协助|协办|主办|责任单位|责任部门|落实/g;
const STANDING_WORDS = '以下均|以下各项|以下任务|不再(?:一一)?列出|下同';
const STANDING = new RegExp(STANDING_WORDS);
const STANDING_IN_CLAUSE = new RegExp(STANDING_WORDS, 'g');
// The last character of an agency name: 局 委 办 厅 部 (政)府 (中)心 (单)位 (部)门 院 会 室 (支)行 署 队 所
// (公)司 (小)组 (集)团 联 社 处 道 — one lookup instead of an end-anchored alternation.
const AGENCY_LAST = new Set([...'局委办厅部府心位门院会室行署队所司组团联社处道'].map((c) => c.charCodeAt(0)));
const LABEL_IN_BODY = /(?:^|[。；;])((?:责任单位|牵头单位|牵头部门|责任部门|主办单位|负责单位)[:：])/;
// How every LABEL_IN_BODY label ends: a line holding none of these needs no regex search.
const LABEL_ENDS = ['单位：', '单位:', '部门：', '部门:'];
const STANDING_UNITS = /(?:以下均需|以下均由|以下均|以下各项由?|以下任务由?)(.+?)(?:按职责)?(?:负责)?(?:落实|实施|执行|推进)?$/;
const JI = 0x53ca;
const HE = 0x548c;
const YI = 0x4ee5;
const DENG = 0x7b49;
// A unit's name may start 各 (各成员单位), 有关, 相关; after 及/和, 其他 (其他部门) also starts one.
const UNIT_STARTS = ['各', '有关', '相关'];
const GENERIC_STARTS = [...UNIT_STARTS, '其他'];
const GENERIC_UNIT = /成员单位|有关部门|有关单位|相关部门|相关单位|各部门|各单位|其他部门/;
// What the list scans see in a character: ( （ < 〈 《 open; ) ） > 〉 》 close; ，,；;。 separate
// clause parts, 、 units within a part; 及 和 may join two units.
const OPENS = 1;
const CLOSES = 2;
const PART_SEPARATOR = 4;
const UNIT_SEPARATOR = 8;
const JOINS = 16;
const CHAR_KIND = new Uint8Array(0x10000);
for (const [chars, kind] of [['(（<〈《', OPENS], [')）>〉》', CLOSES], ['，,；;。', PART_SEPARATOR], ['、', UNIT_SEPARATOR], ['及和', JOINS]] as const) {
  for (const ch of chars) CHAR_KIND[ch.charCodeAt(0)] = kind;
}
/** An unclosed bracket opens a clause only this close to the line's end. */
const MAX_UNCLOSED = 400;

/**
 * Like suffixMatcher, over s[from, to) without slicing it: the length of the longest word
 * the range ends with, or 0.
 */
function suffixLength(words: string[]): (s: string, from: number, to: number) => number {
  const bit = 1 << wordLists++;
  const byLast = new Map<number, string[]>();
  for (const w of [...words].sort((x, y) => y.length - x.length)) {
    const last = w.charCodeAt(w.length - 1);
    WORD_LAST[last] |= bit;
    byLast.set(last, [...(byLast.get(last) ?? []), w]);
  }
  return (s, from, to) => {
    if (to <= from || (WORD_LAST[s.charCodeAt(to - 1)] & bit) === 0) return 0;
    for (const w of byLast.get(s.charCodeAt(to - 1)) ?? []) if (w.length <= to - from && s.endsWith(w, to)) return w.length;
    return 0;
  };
}

/**
 * Whether the global `re` matches inside s[from, to). Its words hold no bracket or mark, and
 * only a bracket, a mark or the line's end follows a clause, so no match straddles `to`.
 */
function occursIn(re: RegExp, s: string, from: number, to: number): boolean {
  re.lastIndex = from;
  return re.test(s) && re.lastIndex <= to;
}

/** A match to fill, one for every line searched (its lists are new for each clause found). */
export function emptyClauseMatch(): ClauseMatch {
  return { start: 0, end: 0, form: 'bracket', closed: true, leads: [], cooperators: [], standing: [], duplicates: [], bothRoles: [] };
}

/**
 * Finds the responsibility clause closing a cleaned line, filling `out`: a bracketed clause at
 * the end (its closing bracket may be lost), or a label line (牵头单位：…；配合单位：…). Look-alikes
 * such as (设在市质监局), (2011-2015年) and (征求意见稿) name no role and are rejected (false).
 */
export function findClause(text: string, norm: string, out: ClauseMatch): boolean {
  let bodyEnd = norm.length;
  while (bodyEnd > 0 && isLineEndMark(norm.charCodeAt(bodyEnd - 1))) bodyEnd--;
  if (bodyEnd === 0) return false;
  // Only marks follow bodyEnd, so searching the whole line finds what a search of the body would.
  if (isClose(norm.charCodeAt(bodyEnd - 1))) {
    const open = matchingOpen(norm, bodyEnd - 1);
    if (open >= 0) return readRoles(text, norm, open + 1, bodyEnd - 1, out) && located(out, open, bodyEnd, 'bracket', true);
  }
  // A lost closing bracket: the last unmatched opening bracket, followed by a role.
  const open = norm.includes('(') || norm.includes('（') ? lastUnmatchedOpen(norm, bodyEnd) : -1;
  if (open >= 0) {
    // Without its closing bracket a clause must still read as one: a lead, or a role label.
    if (readRoles(text, norm, open + 1, bodyEnd, out) && (out.leads.length || labelAt(norm, open + 1, bodyEnd) !== null)) {
      return located(out, open, bodyEnd, 'bracket', false);
    }
  }
  const label = LABEL_ENDS.some((w) => norm.includes(w)) ? LABEL_IN_BODY.exec(norm) : null;
  if (label) {
    const start = label.index + label[0].length - label[1].length;
    return readRoles(text, norm, start, bodyEnd, out) && located(out, start, bodyEnd, 'label', true);
  }
  return false;
}

/** Sets where a clause read by readRoles sits on its line; true. */
function located(c: ClauseMatch, start: number, end: number, form: ClauseMatch['form'], closed: boolean): true {
  c.start = start;
  c.end = end;
  c.form = form;
  c.closed = closed;
  return true;
}

function matchingOpen(s: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c) && --depth === 0) return i;
  }
  return -1;
}

/** The last opening bracket before `end` left unmatched, if it is within MAX_UNCLOSED of `end`; else -1. */
function lastUnmatchedOpen(s: string, end: number): number {
  let depth = 0;
  for (let i = end - 1; i >= 0 && end - i <= MAX_UNCLOSED; i--) {
    const c = s.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The role named by a label (责任单位：) at s[a], within s[a, b); LABEL_LENGTH long. */
function labelAt(s: string, a: number, b: number): Role | null {
  if (b - a < LABEL_LENGTH) return null;
  const colon = s.charCodeAt(a + LABEL_LENGTH - 1);
  if (colon !== 0x3a && colon !== 0xff1a) return null;
  return ROLE_OF_LABEL.get(s.slice(a, a + LABEL_LENGTH - 1)) ?? null;
}

/**
 * Reads a clause's inside, text[from, to) (norm the same range folded), into the lead and
 * cooperating units of `out` (false for no clause); `located` then says where the whole clause sits. Parts are split at
 * top-level ，,；; ; a part names its role by a label before it or a verb after it, and an
 * unlabelled part continues the role before it. In a 责任单位 list the first unit leads unless
 * the clause also names cooperators.
 */
function readRoles(text: string, norm: string, from: number, to: number, out: ClauseMatch): boolean {
  if (!occursIn(ROLE_WORD, norm, from, to)) return false;
  const leads: string[] = [];
  const cooperators: string[] = [];
  const standing: string[] = [];
  let responsible: string[] | null = null;
  let role = null as Role | null;
  // Units of parts before any role is named: they take the next role.
  let pending: string[] | null = null;
  let sawCoop = false;
  let sawRole = false;
  // Standing notes are rare: parts are sliced for their pattern only when the clause has one.
  const mayStand = occursIn(STANDING_IN_CLAUSE, norm, from, to);
  for (let a = from, b = from; a < to; a = b + 1) {
    b = partEnd(norm, a, to);
    if (b === a) continue;
    if (mayStand) {
      const p = norm.slice(a, b);
      if (STANDING.test(p)) {
        const m = STANDING_UNITS.exec(p);
        if (m) {
          const at = a + p.indexOf(m[1], m.index);
          const units: string[] = [];
          splitUnits(units, text, norm, at, at + m[1].length);
          for (const u of units) if (isUnitLike(u)) standing.push(u);
        }
        continue;
      }
    }
    let start = a;
    let end = b;
    const labelled = labelAt(norm, a, b);
    if (labelled) start += LABEL_LENGTH;
    const leadVerb = leadVerbLength(norm, start, end);
    const coopVerb = leadVerb ? 0 : coopVerbLength(norm, start, end);
    const verb = leadVerb ? 'lead' : coopVerb ? 'coop' : null;
    end -= leadVerb + coopVerb;
    end -= mannerLength(norm, start, end);
    const r = verb ?? labelled ?? role;
    if (verb || labelled) sawRole = true;
    if (r === null) { splitUnits((pending ??= []), text, norm, start, end); continue; }
    role = r;
    if (r === 'coop') sawCoop = true;
    const into = r === 'resp' ? (responsible ??= []) : r === 'coop' ? cooperators : leads;
    if (pending) { for (const u of pending) into.push(u); pending = null; }
    splitUnits(into, text, norm, start, end);
  }
  if (responsible) {
    if (sawCoop || leads.length) for (const u of responsible) leads.push(u);
    // Both lists are empty here (only a 配合 part adds cooperators): the first leads, the rest cooperate.
    else for (let k = 0; k < responsible.length; k++) (k === 0 ? leads : cooperators).push(responsible[k]);
  }
  // A role with no units at all is an empty clause (牵头单位：); units that are no agency's
  // name make a look-alike, not a clause.
  const anyUnit = leads.length + cooperators.length + standing.length > 0;
  if (anyUnit ? !(leads.some(isUnitLike) || cooperators.some(isUnitLike) || standing.some(isUnitLike)) : !sawRole) return false;
  const leadsOnce = unique(leads);
  const cooperatorsOnce = unique(cooperators);
  // Units listed in both roles (seldom any) lead, and leave the cooperators.
  const shared = leads.length && cooperators.length ? filterBy(leads, cooperators, true) : [];
  out.leads = leadsOnce;
  out.cooperators = shared.length ? unique(filterBy(cooperators, shared, false)) : cooperatorsOnce;
  out.standing = standing;
  // unique gives a new list only when there were repeats.
  out.duplicates = leadsOnce !== leads || cooperatorsOnce !== cooperators ? unique([...repeated(leads), ...repeated(cooperators)]) : [];
  out.bothRoles = unique(shared);
  return true;
}

/** Every listing of a name after its first. */
function repeated(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((u) => {
    if (seen.has(u)) return true;
    seen.add(u);
    return false;
  });
}

/**
 * The names of `xs` that `ys` holds (keep) or lacks (!keep), in order: a scan of the usual
 * short `ys`, a Set for a long one, so long lists stay linear.
 */
function filterBy(xs: string[], ys: string[], keep: boolean): string[] {
  const set = ys.length > 16 ? new Set(ys) : null;
  const out: string[] = [];
  for (const u of xs) if ((set ? set.has(u) : ys.includes(u)) === keep) out.push(u);
  return out;
}

/**
 * The end of the clause part starting at `from`: the first ，,；;。 in s[from, to) outside
 * brackets, or `to` (names hold brackets: 县(市、区)政府, 各县级市<区>).
 */
function partEnd(s: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const k = CHAR_KIND[s.charCodeAt(i)];
    if (k === 0) continue;
    if (k === OPENS) depth++;
    else if (k === CLOSES) { if (depth > 0) depth--; }
    else if (depth === 0 && k === PART_SEPARATOR) return i;
  }
  return to;
}

/** Unit names in a list, text[from, to), pushed to `out`: 、 separates; 及/和/以及 only between two unit names. */
function splitUnits(out: string[], text: string, norm: string, from: number, to: number): void {
  // One scan finds the separators and whether an entry holds 及 or 和 (most names hold neither).
  let depth = 0;
  let a = from;
  let joined = false;
  for (let i = from; i < to; i++) {
    const k = CHAR_KIND[norm.charCodeAt(i)];
    if (k === 0) continue;
    if (k === OPENS) depth++;
    else if (k === CLOSES) { if (depth > 0) depth--; }
    else if (k === JOINS) joined = true;
    else if (depth === 0 && k === UNIT_SEPARATOR) {
      if (i > a) { if (joined) splitJoined(out, text, norm, a, i); else pushUnit(out, text, a, i); }
      a = i + 1;
      joined = false;
    }
  }
  if (to > a) { if (joined) splitJoined(out, text, norm, a, to); else pushUnit(out, text, a, to); }
}

/** One entry of a 、 list holding 及 or 和: they split it only between two unit names (市委宣传部及市政府有关部门). */
function splitJoined(out: string[], text: string, norm: string, a: number, b: number): void {
  for (let at = a, j = joinerAt(norm, a, b); j >= 0; j = joinerAt(norm, at, b)) {
    at = j + (norm.charCodeAt(j) === YI ? 2 : 1);
    if (unitLikeAt(norm, a, j) && (unitLikeAt(norm, at, b) || wordAt(norm, GENERIC_STARTS, at, b) > 0)) {
      pushUnit(out, text, a, j);
      a = at;
    }
  }
  pushUnit(out, text, a, b);
}

/** Where the first 以及, 及 or 和 in s[from, to) starts, or -1. */
function joinerAt(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === JI || c === HE || (c === YI && i + 1 < to && s.charCodeAt(i + 1) === JI)) return i;
  }
  return -1;
}

// Words before a unit's name that are not part of it: 由市质监局, 会同市商务局.
const UNIT_PREFIXES = ['由', '请', '要', '会同', '联合'];
const PREFIX_FIRST = new Uint8Array(0x10000);
for (const w of UNIT_PREFIXES) PREFIX_FIRST[w.charCodeAt(0)] = 1;

/** Pushes the unit named by text[a, b), without a leading 由/会同… or a trailing 等. */
function pushUnit(out: string[], text: string, a: number, b: number): void {
  if (PREFIX_FIRST[text.charCodeAt(a)] === 1) a += wordAt(text, UNIT_PREFIXES, a, b);
  if (b > a && text.charCodeAt(b - 1) === DENG) b--;
  if (b > a) out.push(text.slice(a, b));
}

function isUnitLike(name: string): boolean {
  return unitLikeAt(name, 0, name.length);
}

/** Whether s[a, b) reads as a unit's name: it ends like an agency's (局, 委…) or starts 各, 有关, 相关. */
function unitLikeAt(s: string, a: number, b: number): boolean {
  return b > a && (AGENCY_LAST.has(s.charCodeAt(b - 1)) || wordAt(s, UNIT_STARTS, a, b) > 0);
}

/** The length of the first of `words` that s[a, b) starts with, or 0. */
function wordAt(s: string, words: string[], a: number, b: number): number {
  for (const w of words) if (w.length <= b - a && s.startsWith(w, a)) return w.length;
  return 0;
}

/** 各成员单位, 各有关部门, 市级各有关部门: "everyone else", not one agency. */
export function isGenericUnit(name: string): boolean {
  return GENERIC_UNIT.test(name) && !name.includes('政府');
}

/** Whether a name is listed twice: pairwise for the usual short lists, a Set for long ones. */
function hasRepeat(xs: string[]): boolean {
  if (xs.length > 16) return new Set(xs).size < xs.length;
  for (let i = 1; i < xs.length; i++) for (let k = 0; k < i; k++) if (xs[i] === xs[k]) return true;
  return false;
}

/** The names in first-listed order, once each; a list without repeats is returned as it is. */
function unique(xs: string[]): string[] {
  return hasRepeat(xs) ? [...new Set(xs)] : xs;
}
