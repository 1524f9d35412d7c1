// Heading checks: numbering sequence, marker punctuation, and marker depth.
import type { Heading, HeadingKind } from './model';
import { KIND_RANK } from './headings';
import { formatMarker } from './markers';
import type { MessageId } from './messages';

export interface Finding {
  rule: 'heading-sequence' | 'heading-style' | 'heading-level';
  id: MessageId;
  heading: number;
  args: Record<string, string | number>;
}

/**
 * Siblings count up by one. A first child may also continue the numbering of the same kind
 * at the same depth under the previous parent, as 行动计划 number tasks across chapters.
 */
export function checkSequence(headings: Heading[]): Finding[] {
  const out: Finding[] = [];
  const lastInGroup = new Map<number, number>();
  const lastAtDepth = new Map<number, number>();
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    if (h.kind === 'bullet') continue;
    // Numeric keys (parent and kind, kind and depth): no string per heading.
    const rank = KIND_RANK[h.kind];
    const group = h.parent * 8 + rank;
    const level = h.depth * 8 + rank;
    const prev = lastInGroup.get(group);
    const continued = (lastAtDepth.get(level) ?? 0) + 1;
    const expected = prev === undefined ? 1 : prev + 1;
    const marker = (n: number) => formatMarker(h.kind, n, h.marker);
    if (h.ordinal === null) {
      out.push({ rule: 'heading-sequence', id: 'heading-sequence.missing', heading: k, args: { title: h.title, expected: marker(expected) } });
    } else if (prev === undefined) {
      if (h.ordinal !== 1 && h.ordinal !== continued) {
        out.push({ rule: 'heading-sequence', id: 'heading-sequence.first', heading: k, args: { expected: marker(1), actual: h.marker } });
      }
    } else if (h.ordinal === prev) {
      out.push({ rule: 'heading-sequence', id: 'heading-sequence.repeat', heading: k, args: { expected: marker(expected), actual: h.marker } });
    } else if (h.ordinal !== expected) {
      out.push({ rule: 'heading-sequence', id: 'heading-sequence.skip', heading: k, args: { previous: marker(prev), expected: marker(expected), actual: h.marker } });
    }
    const n = h.ordinal ?? expected;
    lastInGroup.set(group, n);
    lastAtDepth.set(level, n);
  }
  return out;
}

/**
 * 一、 takes 、. Within a kind, a style used less often than another is flagged (1、 beside
 * 1.). Uniformly half-width brackets are flagged once per kind, on the first heading.
 */
export function checkStyle(headings: Heading[]): Finding[] {
  const out: Finding[] = [];
  const byKind = new Map<HeadingKind, Map<string, number[]>>();
  headings.forEach((h, k) => {
    if (h.kind === 'cn' && h.ordinal !== null && h.style !== '、') {
      out.push({ rule: 'heading-style', id: 'heading-style.separator', heading: k, args: { marker: h.marker } });
      return;
    }
    if (!h.style) return;
    const styles = byKind.get(h.kind) ?? new Map<string, number[]>();
    byKind.set(h.kind, styles);
    const at = styles.get(h.style);
    if (at) at.push(k);
    else styles.set(h.style, [k]);
  });
  for (const [kind, styles] of byKind) {
    const ranked = [...styles].sort((a, b) => b[1].length - a[1].length || (a[0] === '.' || a[0] === 'fullfull' ? -1 : 1));
    const [usualStyle, usualAt] = ranked[0];
    for (const [, at] of ranked.slice(1)) {
      for (const k of at) out.push({ rule: 'heading-style', id: 'heading-style.mixed', heading: k, args: { marker: headings[k].marker, usual: headings[usualAt[0]].marker } });
    }
    if ((kind === 'cn-paren' || kind === 'num-paren') && usualStyle !== 'fullfull') {
      const first = headings[usualAt[0]];
      out.push({
        rule: 'heading-style', id: 'heading-style.halfwidth', heading: usualAt[0],
        args: { marker: first.marker, full: formatMarker(kind, first.ordinal ?? 1), count: usualAt.length },
      });
    }
  }
  return out;
}

/**
 * A marker is at the wrong depth when, under the same parent kind, the document elsewhere
 * puts a kind that ranks between them: （1） directly under 一、 while （一） is used there.
 */
export function checkLevel(headings: Heading[]): Finding[] {
  // Kinds as ranks (-1 for the document root), a pair as parent rank and child rank in one number (under 64).
  const ranks = new Int8Array(headings.length);
  const parentRanks = new Int8Array(headings.length);
  const exampleOf = new Int32Array(64).fill(-1);
  const pairs: number[] = [];
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    ranks[k] = KIND_RANK[h.kind];
    parentRanks[k] = h.parent >= 0 ? KIND_RANK[headings[h.parent].kind] : -1;
    const pair = (parentRanks[k] + 1) * 8 + ranks[k];
    if (h.kind !== 'bullet' && exampleOf[pair] < 0) {
      exampleOf[pair] = k;
      pairs.push(pair);
    }
  }
  const out: Finding[] = [];
  // The children seen under each parent rank (at parent rank + 1), in document order: a heading looks at its own parent's only.
  const byParent: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const pair of pairs) byParent[pair >> 3].push([pair & 7, exampleOf[pair]]);
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    if (h.kind === 'bullet') continue;
    const p = parentRanks[k];
    const own = ranks[k];
    for (const [child, example] of byParent[p + 1]) {
      if (child === own) continue;
      if (child > p && child < own) {
        const parent = h.parent >= 0 ? headings[h.parent].marker : '文首';
        out.push({ rule: 'heading-level', id: 'heading-level', heading: k, args: { marker: h.marker, parent, usual: headings[example].marker } });
        break;
      }
    }
  }
  return out;
}
