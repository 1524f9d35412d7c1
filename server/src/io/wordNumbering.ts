// Word's automatic numbering (numbering.xml): the 一、 （一） 1. that Word draws before a paragraph
// are not in its text, so a text extractor drops them and the plan's outline with them. Each
// numbered paragraph's label is written into document.xml as text (see wordPrepare.ts).
import { formatCounter } from './wordNumberFormats';

interface Level {
  start: number;
  format: string;
  /** lvlText: %1 … %9 stand for the counters of levels 1 … 9. */
  text: string;
  /** lvlRestart: restart after a level above this (1-based) is used; 0 never; -1 after any level above. */
  restart: number;
  /** isLgl: every counter drawn as a decimal (1.1.2). */
  legal: boolean;
  suffix: string;
  /** pStyle: the paragraph style this level belongs to (numbered headings). */
  style: string | null;
}

interface Num {
  abstractId: string;
  /** startOverride per level: where this list instance starts. */
  starts: Map<number, number>;
}

interface StyleNumbering {
  numId: string | null;
  level: number | null;
  basedOn: string | null;
}

export interface WordNumbering {
  abstracts: Map<string, Level[]>;
  /** numStyleLink: an abstract definition that takes its levels from a numbering style. */
  links: Map<string, string>;
  nums: Map<string, Num>;
  styles: Map<string, StyleNumbering>;
}

/** The numbering definitions and the numbering each paragraph style carries. */
export function readNumbering(numberingXml: string, stylesXml: string): WordNumbering {
  const abstracts = new Map<string, Level[]>();
  const links = new Map<string, string>();
  for (const [attrs, body] of elements(numberingXml, 'abstractNum')) {
    const id = attr(attrs, 'w:abstractNumId');
    if (id === null) continue;
    const levels: Level[] = [];
    for (const [lvlAttrs, lvl] of elements(body, 'lvl')) {
      const ilvl = Number(attr(lvlAttrs, 'w:ilvl'));
      if (!(ilvl >= 0 && ilvl < 9)) continue;
      const restart = value(lvl, 'lvlRestart');
      levels[ilvl] = {
        start: numberOr(value(lvl, 'start'), 1),
        format: value(lvl, 'numFmt') ?? 'decimal',
        text: value(lvl, 'lvlText') ?? '',
        restart: restart === null ? -1 : numberOr(restart, -1),
        legal: flag(lvl, 'isLgl'),
        suffix: value(lvl, 'suff') ?? 'tab',
        style: value(lvl, 'pStyle'),
      };
    }
    abstracts.set(id, levels);
    const link = value(body, 'numStyleLink');
    if (link !== null) links.set(id, link);
  }
  const nums = new Map<string, Num>();
  for (const [attrs, body] of elements(numberingXml, 'num')) {
    const id = attr(attrs, 'w:numId');
    const abstractId = value(body, 'abstractNumId');
    if (id === null || abstractId === null) continue;
    const starts = new Map<number, number>();
    for (const [overrideAttrs, override] of elements(body, 'lvlOverride')) {
      const start = value(override, 'startOverride');
      if (start !== null) starts.set(Number(attr(overrideAttrs, 'w:ilvl')), numberOr(start, 1));
    }
    nums.set(id, { abstractId, starts });
  }
  const styles = new Map<string, StyleNumbering>();
  for (const [attrs, body] of elements(stylesXml, 'style')) {
    const id = attr(attrs, 'w:styleId');
    if (id === null) continue;
    const numPr = elements(body, 'numPr')[0]?.[1] ?? '';
    const level = value(numPr, 'ilvl');
    styles.set(id, { numId: value(numPr, 'numId'), level: level === null ? null : Number(level), basedOn: value(body, 'basedOn') });
  }
  return { abstracts, links, nums, styles };
}

/** document.xml with a text run holding its label at the start of each numbered paragraph, counted in document order. */
export function labelParagraphs(xml: string, numbering: WordNumbering): string {
  const counter = new NumberingCounter(numbering);
  const boxes = textBoxes(xml);
  let box = 0;
  let out = '';
  let copied = 0;
  const open = /<w:p(?=[\s>/])[^>]*?(\/?)>/g;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    while (box < boxes.length && boxes[box][1] <= m.index) box++;
    // Paragraphs in text boxes are left alone: Word stores many boxes twice (drawing and fallback).
    if (m[1] === '/' || (box < boxes.length && boxes[box][0] < m.index)) continue;
    const after = m.index + m[0].length;
    const props = paragraphProperties(xml, after);
    if (props === undefined) break; // a broken part: what is labelled so far stays, the extractor reports the rest
    if (props === null) continue;
    const label = counter.next(props.body);
    if (label === null) continue;
    out += xml.slice(copied, props.end) + `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    copied = props.end;
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

/** Counters of every list, kept per abstract definition as Word keeps them. */
class NumberingCounter {
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(private readonly numbering: WordNumbering) {}

  /** The label of a paragraph with these properties (pPr content), or null when it is not numbered. */
  next(pPr: string): string | null {
    const numPr = elements(pPr, 'numPr')[0]?.[1] ?? '';
    const style = value(pPr, 'pStyle');
    const fromStyle = style === null ? null : this.styleNumbering(style);
    const numId = value(numPr, 'numId') ?? fromStyle?.numId ?? null;
    const num = numId === null ? undefined : this.numbering.nums.get(numId);
    if (numId === null || num === undefined) return null; // numId 0 (numbering taken off) is never defined
    const definition = this.definition(num.abstractId);
    const levels = this.numbering.abstracts.get(definition) ?? [];
    const own = value(numPr, 'ilvl');
    const ilvl = own !== null ? Number(own) : fromStyle?.level ?? (style === null ? 0 : Math.max(0, levels.findIndex((l) => l?.style === style)));
    const level = levels[ilvl];
    if (!level || level.format === 'bullet') return null;
    const counts = this.counts.get(definition) ?? [];
    this.counts.set(definition, counts);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of num.starts) counts[l] = start - 1;
    }
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const restart = levels[d]?.restart ?? -1;
      if (restart < 0 || (restart > 0 && ilvl < restart)) counts[d] = undefined;
    }
    const label = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const at = Number(k) - 1;
      const format = level.legal ? 'decimal' : levels[at]?.format ?? 'decimal';
      return formatCounter(counts[at] ?? levels[at]?.start ?? 1, format);
    });
    if (label === '') return null;
    // A label ending in 、 ． ） . keeps the title against it, as a drafter types it; others get a space for Word's tab.
    return level.suffix === 'nothing' || /[、．.）)：:]$/.test(label) ? label : label + ' ';
  }

  /** A style's numbering, looked up through the styles it is based on. */
  private styleNumbering(styleId: string): StyleNumbering | null {
    let level: number | null = null;
    for (let id: string | null = styleId, depth = 0; id !== null && depth < 20; depth++) {
      const s = this.numbering.styles.get(id);
      if (!s) return null;
      level ??= s.level;
      if (s.numId !== null) return { numId: s.numId, level, basedOn: null };
      id = s.basedOn;
    }
    return null;
  }

  /** The abstract definition whose levels and counters a list uses: its own, or the one its numbering style links to. */
  private definition(abstractId: string): string {
    const link = this.numbering.links.get(abstractId);
    if (link === undefined || (this.numbering.abstracts.get(abstractId)?.length ?? 0) > 0) return abstractId;
    const numId = this.numbering.styles.get(link)?.numId;
    return (numId ? this.numbering.nums.get(numId)?.abstractId : undefined) ?? abstractId;
  }
}

/**
 * The pPr right after a paragraph's open tag at `from`: its content (a tracked change's old
 * properties left out) and where it ends; null when there is none, undefined when it never ends.
 */
function paragraphProperties(xml: string, from: number): { body: string; end: number } | null | undefined {
  if (!xml.startsWith('<w:pPr', from) || !/[\s>/]/.test(xml[from + 6] ?? '')) return null;
  const openEnd = xml.indexOf('>', from);
  if (openEnd < 0) return undefined;
  if (xml[openEnd - 1] === '/') return { body: '', end: openEnd + 1 };
  // Searches run forward from here and stop at the first part that never ends: linear in the file.
  let close = xml.indexOf('</w:pPr>', openEnd);
  const change = xml.indexOf('<w:pPrChange', openEnd);
  if (change >= 0 && close >= 0 && change < close) {
    const changeEnd = xml.indexOf('</w:pPrChange>', change);
    close = changeEnd < 0 ? -1 : xml.indexOf('</w:pPr>', changeEnd);
  }
  if (close < 0) return undefined;
  const body = xml.slice(openEnd + 1, close).replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
  return { body, end: close + '</w:pPr>'.length };
}

/** [start, end) of each text box's content, up to the first that never ends. */
function textBoxes(xml: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = xml.indexOf('<w:txbxContent'); at >= 0; at = xml.indexOf('<w:txbxContent', at)) {
    const end = xml.indexOf('</w:txbxContent>', at);
    if (end < 0) break;
    out.push([at, end]);
    at = end;
  }
  return out;
}

/** Each <w:NAME …>…</w:NAME> or <w:NAME …/> in `xml`, up to the first that never ends: its attributes and its content. */
function elements(xml: string, name: string): [string, string][] {
  const out: [string, string][] = [];
  const open = `<w:${name}`;
  const close = `</w:${name}>`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    const next = xml[at + open.length];
    if (next !== ' ' && next !== '>' && next !== '/' && next !== '\n' && next !== '\r' && next !== '\t') {
      at = tagEnd; // a longer name: <w:lvlText> is not <w:lvl>
      continue;
    }
    const attrs = xml.slice(at + open.length, xml[tagEnd - 1] === '/' ? tagEnd - 1 : tagEnd);
    if (xml[tagEnd - 1] === '/') {
      out.push([attrs, '']);
      at = tagEnd;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) break;
    out.push([attrs, xml.slice(tagEnd + 1, end)]);
    at = end + close.length;
  }
  return out;
}

function attr(attrs: string, name: string): string | null {
  return pattern(`(?:^|\\s)${name}=["']([^"']*)["']`).exec(attrs)?.[1] ?? null;
}

/** The attributes of the first <w:NAME …> in `xml`, or null. */
function tag(xml: string, name: string): string | null {
  return pattern(`<w:${name}(?=[\\s>/])([^>]*)>`).exec(xml)?.[1] ?? null;
}

/** The w:val of the first <w:NAME w:val="…"/> in `xml`. */
function value(xml: string, name: string): string | null {
  const attrs = tag(xml, name);
  return attrs === null ? null : attr(attrs, 'w:val');
}

/** An on/off property: present and not w:val="0"/"false". */
function flag(xml: string, name: string): boolean {
  const attrs = tag(xml, name);
  return attrs !== null && !/w:val=["'](0|false|off)["']/.test(attrs);
}

const patterns = new Map<string, RegExp>();

/** One compiled RegExp per source: the same few are asked for at every paragraph. */
function pattern(source: string, flags = ''): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, flags)));
  return re;
}

function numberOr(s: string | null, fallback: number): number {
  const n = Number(s);
  return s !== null && Number.isFinite(n) ? n : fallback;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
