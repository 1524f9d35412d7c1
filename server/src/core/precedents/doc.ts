// A precedent plan as the library holds it: its model plus the city, year and number a look-up shows.
import type { PlanModel, Task } from '../model';
import { analyzePlan } from '../plan';

/** One plan of the precedent library. */
export interface PrecedentDoc {
  /** The file as the caller names it (shown to the user, used for excludeFile). */
  file: string;
  city: string | null;
  /**
   * The prefecture-level city a county-level place belongs to (乐清市 → 温州市, 温州市苍南县 →
   * 温州市), when the text or metadata says so; null otherwise. `placeLabel` shows both.
   */
  prefecture: string | null;
  year: number | null;
  docNumber: string | null;
  /** 市级 / 县级 … when metadata says so. */
  level?: string;
  model: PlanModel;
  text: string;
}

/** What front matter or a sidecar may say where the text does not. */
export interface PrecedentMeta {
  city?: string | null;
  year?: number | null;
  docNumber?: string | null;
  level?: string;
  prefecture?: string | null;
}

/** Analyses `text` and reads the precedent's city and year; `meta` overrides what it names. */
export function makePrecedentDoc(file: string, text: string, meta: PrecedentMeta = {}, model: PlanModel = analyzePlan(text)): PrecedentDoc {
  const place = meta.city !== undefined ? null : placeOfPlan(model, text);
  const city = meta.city !== undefined ? meta.city : (place?.city ?? null);
  const doc: PrecedentDoc = {
    file,
    city,
    prefecture: meta.prefecture !== undefined ? meta.prefecture : (place?.prefecture ?? (city ? prefectureInText(text, city) : null)),
    year: meta.year !== undefined ? meta.year : yearOfPlan(model),
    docNumber: meta.docNumber !== undefined ? meta.docNumber : model.docNumber,
    model,
    text,
  };
  if (meta.level !== undefined) doc.level = meta.level;
  return doc;
}

/** Words ending in 市/县/区 that name no place (质量强市, 全市, 城市 …). */
const NOT_A_PLACE = /(强|兴|城|全|我|本|各|该|上|超|县|区|省|示范)[市县区省]$|^(质量|关于|落实|贯彻|建设|开展|推进|加快|实施)/;
const PLACE = /^([\u4e00-\u9fa5]{1,6}?[市县区省])/;

/**
 * The plan's city: the place that opens its title (after a leading year or 关于), else the
 * place that opens an issuing line before the title (乐清市人民政府办公室关于印发…), else the
 * place most often named with an institution in the text (青岛市市长质量奖); null when none.
 * The document number's issuer (青政发) is not used: abbreviations are ambiguous.
 */
export function cityOfPlan(model: PlanModel, text: string): string | null {
  return placeOfPlan(model, text)?.city ?? null;
}

/** A plan's place; a county under its prefecture (温州市苍南县) gives the county and the prefecture. */
interface Place {
  city: string;
  prefecture: string | null;
}

/** cityOfPlan, keeping the prefecture when the place is written as prefecture + county. */
function placeOfPlan(model: PlanModel, text: string): Place | null {
  const fromTitle = model.title ? placeAtStart(model.title) : null;
  if (fromTitle) return fromTitle;
  const lines = text.split(/\r\n?|\n/);
  const before = model.titleLine > 0 ? lines.slice(0, model.titleLine) : lines.slice(0, 15);
  for (const raw of before) {
    const line = raw.replace(/\s+/g, '').replace(/^(•|发布部门[:：]|发布机构[:：])/, '');
    // 温州市苍南县人民政府: the county, under its prefecture
    const c = line.match(/^([\u4e00-\u9fa5]{1,5}?市)([\u4e00-\u9fa5]{1,5}?[县区市])(人民政府|政府)/);
    if (c && !NOT_A_PLACE.test(c[1]) && !NOT_A_PLACE.test(c[2])) return { city: c[2], prefecture: c[1] };
    const m = line.match(/^([\u4e00-\u9fa5]{2,6}?[市县区省])(人民政府|政府)/);
    if (m && !NOT_A_PLACE.test(m[1])) return { city: m[1], prefecture: null };
  }
  const city = cityInText(text);
  return city ? { city, prefecture: null } : null;
}

/** The place most often named with an institution in the text (青岛市市长质量奖), at least twice. */
function cityInText(text: string): string | null {
  const counts = new Map<string, number>();
  const re = /([\u4e00-\u9fa5]{2})([市县区])(?=人民政府|市长|质量工作|国民经济)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] + m[2];
    if (!NOT_A_PLACE.test(name) && !/[全我本各在和与的及]/.test(m[1])) counts.set(name, (counts.get(name) ?? 0) + 1);
    re.lastIndex = m.index + 1;
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 2 && (best === null || n > counts.get(best)!)) best = name;
  return best;
}

function placeAtStart(title: string): Place | null {
  const t = title.replace(/\s+/g, '').replace(/^关于/, '').replace(/^\d{4}([—–-]\d{4})?年(度)?/, '');
  const m = t.match(PLACE);
  if (!m || NOT_A_PLACE.test(m[1])) return null;
  // 温州市苍南县…: a county written under its prefecture
  const county = m[1].endsWith('市') ? t.slice(m[1].length).match(COUNTY) : null;
  if (county && !NOT_A_PLACE.test(county[1])) return { city: county[1], prefecture: m[1] };
  return { city: m[1], prefecture: null };
}

/** A county, district or county-level city right after a prefecture's name (not 市长, 市级 …). */
const COUNTY = /^([\u4e00-\u9fa5]{1,4}?[县区]|[\u4e00-\u9fa5]{2,3}市)(?![长级民委政])/;

/**
 * The prefecture-level city a county-level place's plan looks up to: another city named at least
 * twice with the honours and programmes a county aims at (温州市市长质量奖, 温州市优质产品,
 * 温州市知名商标), and more often than any other. Null when none (a prefecture-level plan names
 * its own city there). A guess from the text: front matter or a sidecar (prefecture) settles it.
 */
function prefectureInText(text: string, city: string): string | null {
  const counts = new Map<string, number>();
  const re = /([\u4e00-\u9fa5]{2})市(?=市长质量奖|优质产品|知名商标|著名商标|名牌产品|特色|质量奖|人民政府)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = `${m[1]}市`;
    if (name === city || NOT_A_PLACE.test(name) || /[全我本各在和与的及、，]/.test(m[1])) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 2 && (best === null || n > counts.get(best)!)) best = name;
  return best;
}

/**
 * How a precedent's place is shown: 乐清市（温州） for a county-level place with its prefecture
 * (the prefecture without 市, as drafters write it), else the city as it is; null when unknown.
 */
export function placeLabel(doc: Pick<PrecedentDoc, 'city' | 'prefecture'>): string | null {
  if (!doc.city) return null;
  if (!doc.prefecture || doc.prefecture === doc.city) return doc.city;
  return `${doc.city}（${doc.prefecture.replace(/市$/, '')}）`;
}

/** The plan's year: the end of an annual plan's period, else its date's year, else its period's start. */
export function yearOfPlan(model: PlanModel): number | null {
  const p = model.period;
  if (p && p.start === p.end) return p.end;
  const m = model.date?.match(/^(\d{4})/);
  if (m) return Number(m[1]);
  return p ? p.start : null;
}

/**
 * The text a task is indexed and compared by: its title and body (from its title to the end of
 * its last line), without its own responsibility clause so shared unit names do not count as
 * shared wording. Whitespace is kept; callers normalize.
 */
export function taskText(model: PlanModel, text: string, task: Task): string {
  const heading = model.headings[task.heading];
  const start = heading ? heading.titleSpan.start : model.lineStarts[task.line] ?? 0;
  const endLine = task.endLine + 1;
  const end = endLine < model.lineStarts.length ? model.lineStarts[endLine] : text.length;
  let body = text.slice(start, end);
  const clause = task.clauseSource === 'own' && task.clause >= 0 ? model.clauses[task.clause] : undefined;
  if (clause && clause.span.start >= start && clause.span.end <= end) {
    body = text.slice(start, clause.span.start) + text.slice(clause.span.end, end);
  }
  return body.replace(/\s+$/, '');
}
