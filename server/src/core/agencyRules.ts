// Agency checks: joint leads, names abolished by a reform before the plan's date, units missing from the team's list.
import { canonicalForm, obsoleteAt, type ObsoleteHit } from './agencyDirectory';
import { editDistance } from './editDistance';
import type { PlanModel } from './model';
import type { NameMatch } from './nameScan';
import { planNames } from './planNames';
import { isGenericUnit } from './responsibility';
import { around, insideTitle, MAX_PER_RULE, planYear, silent, type Finding, type FixDraft, type RuleContext } from './ruleTypes';
import { ownCity } from './places';
import { HAN } from './han';

export function agencyRules(ctx: RuleContext): Finding[] {
  const { options } = ctx;
  // unknown-agency reads where obsolete-agency fires, so the names are read while either is on.
  const obsolete = silent(options, 'obsolete-agency') && silent(options, 'unknown-agency') ? [] : obsoleteAgencies(ctx);
  const multiple = silent(options, 'multiple-leads') ? [] : multipleLeads(ctx.model);
  const unknown = silent(options, 'unknown-agency') ? [] : unknownAgencies(ctx, obsolete);
  return [...multiple, ...obsolete, ...unknown];
}

/** Units that act as implementers rather than a lead: everyone-else phrases and government levels (各县区政府, 市政府). */
function isLevelOrGeneric(unit: string): boolean {
  return isGenericUnit(unit) || /^(各|相关|有关)/.test(unit) || /政府$|管委会$/.test(unit);
}

/** A clause naming two or more departments as leads: reported once, on the clause. */
function multipleLeads(model: PlanModel): Finding[] {
  const out: Finding[] = [];
  for (const c of model.clauses) {
    // checkPlan keeps the first MAX_PER_RULE findings of a rule: the rest are not built.
    if (out.length === MAX_PER_RULE) break;
    if (c.leads.length < 2) continue;
    const leads = [...new Set(c.leads.filter((u) => !isLevelOrGeneric(u)))];
    if (leads.length < 2) continue;
    out.push({ rule: 'multiple-leads', id: 'multiple-leads', span: { start: c.span.start, end: c.span.end }, args: { count: leads.length, units: leads.join('、') } });
  }
  return out;
}

/** Characters that may stand right before an agency name: a level prefix, or a word that ends before a name. */
const BEFORE_NAME = new Set('市县区州盟旗由与及同向对将经会请即'.split(''));
/** After 局: 局面, 局势, 局限, 局部 are words, not agencies. */
const AFTER_NAME = /^(?:面|势|限|部)/;
/** A sentence describing the reform itself names the old body on purpose. */
const REFORM_WORDS = /撤销|撤并|机构改革|更名|组建|整合|划入|不再保留/;

export interface AgencyMention {
  /** Offset and length of the core name (质监局), without prefix. */
  start: number;
  end: number;
  core: string;
  /** The level prefix written before it (市, 县, 区) or "". */
  prefix: string;
}

/**
 * Abolished names in the whole text that stand as a unit: after a separator, a level prefix or a
 * short function word (not inside 自然资源和规划局 or 风景旅游局), outside 《》 titles, not 原市质监局,
 * and not in a sentence about the reform. `found` holds where the names are written (planNames).
 */
export function findObsoleteMentions(text: string, found: NameMatch[], wanted: (core: string) => boolean = () => true): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const { start, end, name } of found) {
    if (!wanted(name)) continue; // before the sentence is read: most names are current in the plan's year
    const before = text[start - 1] ?? '';
    if (before && HAN.test(before) && !BEFORE_NAME.has(before)) continue;
    if (AFTER_NAME.test(text.slice(end, end + 1)) && name.endsWith('局')) continue;
    const prefix = '市县区'.includes(before) && before ? before : '';
    const lead = text.slice(Math.max(0, start - prefix.length - 3), start - prefix.length);
    if (/(?:原|前|省|国家|自治区)$/.test(lead)) continue;
    const { sentence, lineText } = around(text, start);
    if (REFORM_WORDS.test(sentence) || insideTitle(lineText.text, start - lineText.start)) continue;
    out.push({ start, end, core: name, prefix });
  }
  return out;
}

function obsoleteAgencies(ctx: RuleContext): Finding[] {
  const { model, text, options } = ctx;
  const year = planYear(model, options);
  if (year === null) return [];
  // Where a name survived (重庆 kept its 经信委), the plan's city decides; a district plan may only name its city in the cover.
  const city = ownCity(model, text, options)?.name ?? text.slice(0, 2000);
  const out: Finding[] = [];
  // The same few names recur all through a plan: each is looked up once.
  const hits = new Map<string, ObsoleteHit | null>();
  const hitOf = (core: string) => {
    let hit = hits.get(core);
    if (hit === undefined) hits.set(core, (hit = obsoleteAt(core, year, city)));
    return hit;
  };
  for (const m of findObsoleteMentions(text, planNames(model, text).obsolete, (core) => hitOf(core) !== null)) {
    const hit = hitOf(m.core);
    if (!hit) continue;
    const fixes: FixDraft[] = hit.successors.map((s) => ({ id: 'fix.replace', args: { text: m.prefix + s }, changes: [{ span: { start: m.start, end: m.end }, newText: s }] }));
    out.push({
      rule: 'obsolete-agency', id: 'obsolete-agency', span: { start: m.start - m.prefix.length, end: m.end },
      args: { unit: m.prefix + m.core, year: hit.entry.abolished, successor: hit.successors.map((s) => m.prefix + s).join('/'), planYear: year },
      fixes,
    });
  }
  return out;
}

/** Each clause unit that the team's list does not know, with the nearest known name when one is close. */
function unknownAgencies(ctx: RuleContext, obsolete: Finding[]): Finding[] {
  const { model, text, options } = ctx;
  const agencies = options.agencies ?? [];
  if (!agencies.length) return [];
  const city = ownCity(model, text, options);
  const cityPrefixes = city ? [city.name, city.short] : [];
  const known = new Set<string>();
  const names: string[] = [];
  for (const a of agencies) {
    for (const n of [a.name, ...(a.aliases ?? [])]) {
      const clean = n.replace(/\s+/g, '');
      if (!clean) continue;
      names.push(clean);
      for (const k of agencyKeys(clean, cityPrefixes)) known.add(k);
    }
  }
  // Where obsolete-agency fired, sorted: a unit's span is looked up, not compared with each.
  const flagged = [...new Set(obsolete.map((f) => f.span.start))].sort((a, b) => a - b);
  // The same units recur in every task: each is judged once (undefined: known or not a department).
  const judged = new Map<string, { near: string | null } | undefined>();
  const judge = (unit: string) => {
    if (judged.has(unit)) return judged.get(unit);
    const unknown = isLevelOrGeneric(unit) || /领导小组|委员会成员|各成员/.test(unit) || agencyKeys(unit, cityPrefixes).some((k) => known.has(k)) ? undefined : { near: nearest(unit, names) };
    judged.set(unit, unknown);
    return unknown;
  };
  const out: Finding[] = [];
  for (const c of model.clauses) {
    if (out.length >= MAX_PER_RULE) break; // checkPlan would drop the rest
    const body = text.slice(c.span.start, c.span.end);
    for (const unit of new Set([...c.leads, ...c.cooperators])) {
      const unknown = judge(unit);
      if (unknown === undefined) continue;
      const at = body.indexOf(unit);
      const span = at >= 0 ? { start: c.span.start + at, end: c.span.start + at + unit.length } : { start: c.span.start, end: c.span.end };
      if (anyWithin(flagged, span.start, span.end + 1)) continue;
      const near = unknown.near;
      if (near && at >= 0) {
        out.push({
          rule: 'unknown-agency', id: 'unknown-agency.near', span, args: { unit, suggestion: near },
          fixes: [{ id: 'fix.replace', args: { text: near }, changes: [{ span, newText: near }] }],
        });
      } else {
        out.push({ rule: 'unknown-agency', id: 'unknown-agency', span, args: { unit } });
      }
    }
  }
  return out;
}

/** Keys a unit matches under: as written, without its 市/县/区 or city prefix, each in its canonical short form. */
function agencyKeys(unit: string, cityPrefixes: string[]): string[] {
  const forms = new Set([unit]);
  for (const p of cityPrefixes) if (p && unit.startsWith(p) && unit.length > p.length + 1) forms.add(unit.slice(p.length));
  for (const f of [...forms]) if (/^[市县区]/.test(f) && f.length > 3) forms.add(f.slice(1));
  return [...forms].map(canonicalForm);
}

/**
 * The closest name of the list by edit distance on characters, when close enough to be a slip
 * (市质检局 → 市质监局): compared as written and without the level prefix, so 市质检局 finds 质监局 too.
 */
function nearest(unit: string, names: string[]): string | null {
  const bare = (s: string) => s.replace(/^[市县区]/, '');
  let best: string | null = null;
  let bestD = Infinity;
  for (const n of names) {
    const d = Math.min(editDistance(unit, n), editDistance(bare(unit), bare(n)));
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  const limit = bare(unit).length <= 5 ? 1 : 2;
  if (best === null || bestD === 0 || bestD > limit) return null;
  // Keep the draft's level prefix when the list writes the name without one.
  return /^[市县区]/.test(unit) && !/^[市县区]/.test(best) ? unit[0] + best : best;
}

/** Whether a sorted list holds a value in [from, to), by binary search. */
function anyWithin(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}
