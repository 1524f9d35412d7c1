// Responsibility clauses (牵头/配合/负责/责任单位:…) found at the end of a task and read into units.
import { suffixMatcher, type SuffixMatcher } from './suffix';

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

// Char codes: （ ( ） ) and the marks that end a clause's line (。；;，,).
const FULL_OPEN = 0xff08;
const FULL_CLOSE = 0xff09;
const isOpen = (c: number) => c === 0x28 || c === FULL_OPEN;
const isClose = (c: number) => c === 0x29 || c === FULL_CLOSE;
const isLineEndMark = (c: number) => c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff0c || c === 0x2c;
// 牵头单位: every unit listed leads; 责任单位: the first leads unless cooperators are named too.
const LEAD_LABEL = /^(?:牵头单位|牵头部门|主办单位)[:：]/;
const RESP_LABEL = /^(?:责任单位|责任部门|负责单位|主责单位|实施单位|责任主体)[:：]/;
const COOP_LABEL = /^(?:配合单位|协助单位|协办单位|参与单位|参加单位|配合部门|协同单位|协作单位)[:：]/;
const endsWithLeadVerb = suffixMatcher(['牵头负责', '共同牵头', '牵头', '负责', '主办', '主责']);
const endsWithCoopVerb = suffixMatcher(['配合', '参加', '参与', '协同', '协助', '协办', '共同推进']);
// 按职责分工负责, 分别负责: the units come before the manner words.
const endsWithManner = suffixMatcher(['按职责分工', '按照职责分工', '按职责', '根据职责', '分别', '共同', '等单位', '等部门']);
const LABELS: [RegExp, 'lead' | 'resp' | 'coop'][] = [[LEAD_LABEL, 'lead'], [RESP_LABEL, 'resp'], [COOP_LABEL, 'coop']];
const VERBS: [SuffixMatcher, 'lead' | 'coop'][] = [[endsWithLeadVerb, 'lead'], [endsWithCoopVerb, 'coop']];
const ROLE_WORD = /牵头|负责|配合|参加|参与|协同|协助|协办|主办|责任单位|责任部门|落实/;
const STANDING = /以下均|以下各项|以下任务|不再(?:一一)?列出|下同/;
// The last character of an agency name: 局 委 办 厅 部 (政)府 (中)心 (单)位 (部)门 院 会 室 (支)行 署 队 所
// (公)司 (小)组 (集)团 联 社 处 道 — one lookup instead of an end-anchored alternation.
const AGENCY_LAST = new Set([...'局委办厅部府心位门院会室行署队所司组团联社处道'].map((c) => c.charCodeAt(0)));
const LABEL_IN_BODY = /(?:^|[。；;])((?:责任单位|牵头单位|牵头部门|责任部门|主办单位|负责单位)[:：])/;
const STANDING_UNITS = /(?:以下均需|以下均由|以下均|以下各项由?|以下任务由?)(.+?)(?:按职责)?(?:负责)?(?:落实|实施|执行|推进)?$/;
const JOINER = /以及|及|和/g;
const GENERIC_START = /^(?:各|有关|相关|其他)/;
const GENERIC_UNIT = /成员单位|有关部门|有关单位|相关部门|相关单位|各部门|各单位|其他部门/;
// Separator tables for splitTopLevel: clause parts, and units within a part.
const PART_SEPARATORS = codeSet('，,；;。');
const UNIT_SEPARATORS = codeSet('、');

function codeSet(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

/**
 * Finds the responsibility clause closing a cleaned line: a bracketed clause at the end
 * (its closing bracket may be lost), or a label line (牵头单位：…；配合单位：…). Look-alikes
 * such as (设在市质监局), (2011-2015年) and (征求意见稿) name no role and are rejected.
 */
export function findClause(text: string, norm: string): ClauseMatch | null {
  let bodyEnd = norm.length;
  while (bodyEnd > 0 && isLineEndMark(norm.charCodeAt(bodyEnd - 1))) bodyEnd--;
  if (bodyEnd === 0) return null;
  const body = bodyEnd === norm.length ? norm : norm.slice(0, bodyEnd);
  // When nothing was folded `text` is `norm`: one slice serves both.
  const both = (a: number, b: number) => { const n = norm.slice(a, b); return readRoles(text === norm ? n : text.slice(a, b), n); };
  if (isClose(body.charCodeAt(bodyEnd - 1))) {
    const open = matchingOpen(body, bodyEnd - 1);
    if (open >= 0) {
      const c = both(open + 1, bodyEnd - 1);
      return c && located(c, open, bodyEnd, 'bracket', true);
    }
  }
  // A lost closing bracket: the last unmatched opening bracket, followed by a role.
  const open = body.includes('(') || body.includes('（') ? lastUnmatchedOpen(body) : -1;
  if (open >= 0 && bodyEnd - open <= 400) {
    const c = both(open + 1, bodyEnd);
    // Without its closing bracket a clause must still read as one: a lead, or a role label.
    const inside = body.slice(open + 1);
    if (c && (c.leads.length || LABELS.some(([re]) => re.test(inside)))) {
      return located(c, open, bodyEnd, 'bracket', false);
    }
  }
  const label = body.includes('单位') || body.includes('部门') ? LABEL_IN_BODY.exec(body) : null;
  if (label) {
    const start = label.index + label[0].length - label[1].length;
    const c = both(start, bodyEnd);
    return c && located(c, start, bodyEnd, 'label', true);
  }
  return null;
}

function located(c: Roles, start: number, end: number, form: ClauseMatch['form'], closed: boolean): ClauseMatch {
  return { start, end, form, closed, leads: c.leads, cooperators: c.cooperators, standing: c.standing, duplicates: c.duplicates, bothRoles: c.bothRoles };
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

function lastUnmatchedOpen(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

type Roles = Omit<ClauseMatch, 'start' | 'end' | 'form' | 'closed'>;

/**
 * Reads a clause's inside into lead and cooperating units. Parts are split at top-level
 * ，,；; ; a part names its role by a label before it or a verb after it, and an unlabelled
 * part continues the role before it. In a 责任单位 list the first unit leads unless the
 * clause also names cooperators.
 */
export function readRoles(text: string, norm: string): Roles | null {
  if (!ROLE_WORD.test(norm)) return null;
  const leads: string[] = [];
  const cooperators: string[] = [];
  const standing: string[] = [];
  let responsible: string[] | null = null;
  let role = null as 'lead' | 'coop' | 'resp' | null;
  let pending: string[] = [];
  let sawCoop = false;
  let sawRole = false;
  const same = text === norm;
  const parts = splitTopLevel(norm, PART_SEPARATORS);
  for (let k = 0; k < parts.length; k += 2) {
    const a = parts[k];
    const b = parts[k + 1];
    let p = norm.slice(a, b);
    let t = same ? p : text.slice(a, b);
    if (STANDING.test(p)) {
      const m = STANDING_UNITS.exec(p);
      if (m) {
        const at = p.indexOf(m[1], m.index);
        standing.push(...splitUnits(t.slice(at, at + m[1].length), m[1]).filter(isUnitLike));
      }
      continue;
    }
    let labelled: 'lead' | 'coop' | 'resp' | null = null;
    for (const [re, role] of LABELS) {
      const ll = re.exec(p);
      if (!ll) continue;
      labelled = role;
      p = p.slice(ll[0].length);
      t = same ? p : t.slice(ll[0].length);
      break;
    }
    let verb: 'lead' | 'coop' | null = null;
    for (const [match, role] of VERBS) {
      const v = match(p);
      if (!v) continue;
      verb = role;
      p = p.slice(0, -v.length);
      t = same ? p : t.slice(0, -v.length);
      break;
    }
    const manner = endsWithManner(p);
    if (manner) { p = p.slice(0, -manner.length); t = same ? p : t.slice(0, -manner.length); }
    const split = splitUnits(t, p);
    const units = pending.length ? [...pending, ...split] : split;
    pending = [];
    const r = verb ?? labelled ?? role;
    if (verb || labelled) sawRole = true;
    if (r === null) { pending = units; continue; }
    role = r;
    if (r === 'resp') (responsible ??= []).push(...units);
    else if (r === 'coop') { sawCoop = true; cooperators.push(...units); }
    else leads.push(...units);
  }
  if (responsible) {
    if (sawCoop || leads.length) leads.push(...responsible);
    else { leads.push(...responsible.slice(0, 1)); cooperators.unshift(...responsible.slice(1)); }
  }
  // A role with no units at all is an empty clause (牵头单位：); units that are no agency's
  // name make a look-alike, not a clause.
  const anyUnit = leads.length + cooperators.length + standing.length > 0;
  if (anyUnit ? !(leads.some(isUnitLike) || cooperators.some(isUnitLike) || standing.some(isUnitLike)) : !sawRole) return null;
  return {
    leads: unique(leads),
    cooperators: unique(leads.length ? cooperators.filter((u) => !leads.includes(u)) : cooperators),
    standing,
    duplicates: leads.length < 2 && cooperators.length < 2 ? [] : unique([...repeated(leads), ...repeated(cooperators)]),
    bothRoles: leads.length && cooperators.length ? unique(leads.filter((u) => cooperators.includes(u))) : [],
  };
}

function repeated(xs: string[]): string[] {
  return xs.filter((u, i) => xs.indexOf(u) !== i);
}

/** Splits at separators outside brackets (names hold brackets: 县(市、区)政府, 各县级市<区>). */
function splitTopLevel(s: string, separators: Uint8Array): number[] {
  // Flat [from, to, from, to, …]: no pair array per part.
  const out: number[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ( （ < 〈 《 open; ) ） > 〉 》 close.
    if (c === 0x28 || c === FULL_OPEN || c === 0x3c || c === 0x3008 || c === 0x300a) depth++;
    else if ((c === 0x29 || c === FULL_CLOSE || c === 0x3e || c === 0x3009 || c === 0x300b) && depth > 0) depth--;
    else if (depth === 0 && separators[c] === 1) { if (i > from) out.push(from, i); from = i + 1; }
  }
  if (s.length > from) out.push(from, s.length);
  return out;
}

/** Unit names in a list: 、 separates; 及/和/以及 only between two unit names (市委宣传部及市政府有关部门). */
function splitUnits(text: string, norm: string): string[] {
  const out: string[] = [];
  const parts = splitTopLevel(norm, UNIT_SEPARATORS);
  for (let k = 0; k < parts.length; k += 2) {
    const a = parts[k];
    const b = parts[k + 1];
    let n = norm.slice(a, b);
    let t = text === norm ? n : text.slice(a, b);
    const re = JOINER;
    re.lastIndex = 0;
    let j: RegExpExecArray | null;
    // 以及, 及, 和: most names hold none.
    while ((n.includes('及') || n.includes('和')) && (j = re.exec(n)) !== null) {
      const left = n.slice(0, j.index);
      const right = n.slice(j.index + j[0].length);
      if (isUnitLike(left) && (isUnitLike(right) || GENERIC_START.test(right))) {
        pushUnit(out, t.slice(0, j.index));
        n = right;
        t = t.slice(j.index + j[0].length);
        re.lastIndex = 0;
      }
    }
    pushUnit(out, t);
  }
  return out;
}

// Words before a unit's name that are not part of it: 由市质监局, 会同市商务局.
const UNIT_PREFIXES = ['由', '请', '要', '会同', '联合'];

function pushUnit(out: string[], raw: string): void {
  let name = raw;
  for (const w of UNIT_PREFIXES) if (name.startsWith(w)) { name = name.slice(w.length); break; }
  if (name.endsWith('等')) name = name.slice(0, -1);
  if (name) out.push(name);
}

function isUnitLike(name: string): boolean {
  return AGENCY_LAST.has(name.charCodeAt(name.length - 1)) || name.startsWith('各') || name.startsWith('有关') || name.startsWith('相关');
}

/** 各成员单位, 各有关部门, 市级各有关部门: "everyone else", not one agency. */
export function isGenericUnit(name: string): boolean {
  return GENERIC_UNIT.test(name) && !name.includes('政府');
}

function unique(xs: string[]): string[] {
  // Most lists hold one or two units: no Set for them.
  if (xs.length < 2) return xs.slice();
  if (xs.length === 2) return xs[0] === xs[1] ? [xs[0]] : xs.slice();
  return [...new Set(xs)];
}
