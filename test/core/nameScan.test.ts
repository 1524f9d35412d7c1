// nameScanner must find exactly what a global regex of the names (longest first) finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameScanner, nameScanners } from '../../server/src/core/nameScan';
import { findPlaceMentions } from '../../server/src/core/places';

function byRegex(names: string[], text: string) {
  const re = new RegExp([...names].sort((a, b) => b.length - a.length).join('|'), 'g');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[0] }));
}

describe('nameScanner', () => {
  it('prefers the longest name at a position and does not overlap matches', () => {
    const scan = nameScanner(['苏州', '苏州市', '州市场', '吴中区']);
    expect(scan('在苏州市场和吴中区')).toEqual([
      { start: 1, end: 4, name: '苏州市' },
      { start: 6, end: 9, name: '吴中区' },
    ]);
  });

  it('finds what the regular expression alternation finds, on random text', () => {
    const names = ['苏州', '苏州市', '昆山市', '昆山', '山市', '市场', '州市'];
    const scan = nameScanner(names);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('苏', '州', '市', '昆', '山', '场', '区', '，', '\n', '𠮷'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scan(text)).toEqual(byRegex(names, text));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('scans several lists in one pass, each as if alone (their matches may overlap)', () => {
    const lists = [['苏州', '苏州市', '昆山市', '昆山'], ['州市', '市场', '山市场'], ['苏州市场']];
    const scan = nameScanners(lists);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('苏', '州', '市', '昆', '山', '场', '，', '𠮷'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scan(text)).toEqual(lists.map((names) => byRegex(names, text)));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('reads the place names of a residue case: 苏州市 and 吴中区 in a sentence', () => {
    expect(findPlaceMentions('由苏州市吴中区负责').map((m) => m.form)).toEqual(['苏州市', '吴中区']);
  });
});
