// Place names: which city a plan belongs to, and where a text names a city, county or district.
import type { AnalysisOptions, PlanModel } from './model';
import { isHanUnit } from './han';
import { nameScanner, type NameMatch } from './nameScan';
import { OTHER_CITIES, PREFECTURES, PROVINCES } from './placeData';

export interface Place {
  /** As officially written: 苏州市, 昆山市, 吴中区. */
  name: string;
  /** Without the level suffix: 苏州, 昆山, 吴中. */
  short: string;
  /** Short name of the prefecture-level city it belongs to (itself for a prefecture). */
  prefecture: string;
  /** A county, county-level city or district rather than a prefecture. */
  county: boolean;
}

const PLACES: Place[] = [];
for (const block of Object.values(PREFECTURES)) {
  for (const line of block.trim().split('\n')) {
    const [city, rest] = line.split(':');
    PLACES.push({ name: `${city}市`, short: city, prefecture: city, county: false });
    for (const name of rest.trim().split(/\s+/)) {
      PLACES.push({ name, short: name.replace(/(?:畲族)?自治县$|[市县区]$/, ''), prefecture: city, county: true });
    }
  }
}
for (const city of OTHER_CITIES.split(/\s+/).filter(Boolean)) PLACES.push({ name: `${city}市`, short: city, prefecture: city, county: false });

/** A province's name is never read as a city's (吉林, 海南): plans cite provinces freely. */
const PROVINCE_NAMES: ReadonlySet<string> = new Set(PROVINCES.split(/\s+/));

/** Every written form (苏州, 苏州市, 昆山市, 昆山) to the places it may mean (鼓楼区 is in 南京 and 徐州). */
const FORMS = new Map<string, Place[]>();
for (const p of PLACES) {
  for (const form of new Set([p.name, p.short])) {
    if (form.length < 2 || PROVINCE_NAMES.has(form)) continue;
    const at = FORMS.get(form);
    if (at) at.push(p);
    else FORMS.set(form, [p]);
  }
}
/** Every written form of a place name, for a scanner. */
export const PLACE_FORMS: readonly string[] = [...FORMS.keys()];
const scanForms = nameScanner(PLACE_FORMS);

/** Characters that may end the word before a place name (做好吴中区…, 由苏州市…); other Han letters mean the name is inside a word. */
const BEFORE_PLACE = new Set([...'省市县区在于对与和及由做好将把为是的等向同经请即赴到从至、'].map((c) => c.charCodeAt(0)));

export interface PlaceMention {
  start: number;
  end: number;
  form: string;
  places: Place[];
  /** The name starts a word (after punctuation or 在/对/由…), so it is not the tail of another word. */
  wordStart: boolean;
}

/** Place names in the text; the caller decides from what follows (an agency, a slogan) whether they matter. */
export function findPlaceMentions(text: string): PlaceMention[] {
  return placeMentions(text, scanForms(text));
}

/** The mentions of the place forms a scanner found in the text. */
export function placeMentions(text: string, found: NameMatch[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const { start, end, name } of found) {
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    const wordStart = before < 0 || !isHanUnit(before) || BEFORE_PLACE.has(before);
    out.push({ start, end, form: name, places: FORMS.get(name) ?? [], wordStart });
  }
  return out;
}

/** The places a name may mean (苏州市, 苏州, 昆山市), or none. */
export function placesNamed(name: string): Place[] {
  return FORMS.get(name) ?? FORMS.get(name.replace(/[市县区]$/, '')) ?? [];
}

const cache = new WeakMap<PlanModel, Place | null>();

/**
 * The city (or county) a plan belongs to: the team's `city` setting, else a place in the plan's
 * title, else the government issuing the cover notice, else the one city the body keeps naming
 * (at least three times, twice as often as any other). Null when none of these says.
 */
export function ownCity(model: PlanModel, text: string, options: AnalysisOptions): Place | null {
  if (options.city) return placeFromSetting(options.city);
  if (cache.has(model)) return cache.get(model) ?? null;
  const found = fromTitle(model.title) ?? fromCover(model, text) ?? fromFrequency(text);
  cache.set(model, found);
  return found;
}

function placeFromSetting(city: string): Place {
  const known = placesNamed(city.trim());
  if (known.length) return known[0];
  const short = city.trim().replace(/[市县区]$/, '');
  return { name: city.trim(), short, prefecture: short, county: false };
}

function fromTitle(title: string | null): Place | null {
  if (!title) return null;
  let best: PlaceMention | null = null;
  for (const m of findPlaceMentions(title)) if ((!best || m.form.length > best.form.length)) best = m;
  return best ? pickCounty(best.places) : null;
}

/** 宿州市人民政府关于印发…, 乐清市人民政府办公室: the issuer of the notice, before the plan's own title. */
function fromCover(model: PlanModel, text: string): Place | null {
  const endLine = model.titleLine > 0 ? model.titleLine : Math.min(40, model.lineStarts.length);
  const cover = text.slice(0, model.lineStarts[Math.min(endLine, model.lineStarts.length - 1)] ?? 0);
  for (const m of findPlaceMentions(cover)) {
    if (/^[市县区]?(?:人民政府|政府)/.test(cover.slice(m.end, m.end + 6))) return pickCounty(m.places);
  }
  return null;
}

function fromFrequency(text: string): Place | null {
  const counts = new Map<string, { n: number; places: Place[] }>();
  for (const m of findPlaceMentions(text)) {
    const key = m.places[0].name;
    const c = counts.get(key) ?? { n: 0, places: m.places };
    c.n++;
    counts.set(key, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  if (!ranked.length || ranked[0].n < 3 || (ranked[1] && ranked[1].n * 2 > ranked[0].n)) return null;
  return pickCounty(ranked[0].places);
}

/** Of the places a name may mean, the first; a name shared by two cities' districts stays ambiguous but harmless here. */
function pickCounty(places: Place[]): Place | null {
  return places[0] ?? null;
}

/**
 * Whether a place is the plan's own ground: the place itself, its prefecture (a county plan cites
 * its city's bodies), or a county or district of it.
 */
export function isOwnGround(p: Place, own: Place): boolean {
  if (p.name === own.name || p.short === own.short) return true;
  if (!own.county) return p.prefecture === own.short || p.prefecture === own.prefecture;
  return !p.county && p.short === own.prefecture;
}
