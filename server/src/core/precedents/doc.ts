// A precedent plan as the library holds it: its model plus the city, year and number a look-up shows.
import type { PlanModel, Task } from '../model';
import { analyzePlan } from '../plan';

/** One plan of the precedent library. */
export interface PrecedentDoc {
  /** The file as the caller names it (shown to the user, used for excludeFile). */
  file: string;
  city: string | null;
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
}

/** Analyses `text` and reads the precedent's city and year; `meta` overrides what it names. */
export function makePrecedentDoc(file: string, text: string, meta: PrecedentMeta = {}, model: PlanModel = analyzePlan(text)): PrecedentDoc {
  const doc: PrecedentDoc = {
    file,
    city: meta.city !== undefined ? meta.city : cityOfPlan(model, text),
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
  const fromTitle = model.title ? placeAtStart(model.title) : null;
  if (fromTitle) return fromTitle;
  const lines = text.split(/\r\n?|\n/);
  const before = model.titleLine > 0 ? lines.slice(0, model.titleLine) : lines.slice(0, 15);
  for (const raw of before) {
    const line = raw.replace(/\s+/g, '').replace(/^(•|发布部门[:：]|发布机构[:：])/, '');
    const m = line.match(/^([\u4e00-\u9fa5]{2,6}?[市县区省])(人民政府|政府)/);
    if (m && !NOT_A_PLACE.test(m[1])) return m[1];
  }
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

function placeAtStart(title: string): string | null {
  const t = title.replace(/\s+/g, '').replace(/^关于/, '').replace(/^\d{4}([—–-]\d{4})?年(度)?/, '');
  const m = t.match(PLACE);
  if (!m || NOT_A_PLACE.test(m[1])) return null;
  return m[1];
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
