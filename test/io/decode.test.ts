// Encoding detection: every encoding a drafter's machine produces comes back as the same text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes, PlanReadError } from '../../server/src/io';

const root = path.resolve(__dirname, '../..');
const seed = readFileSync(path.join(root, 'seeds/000_ddecad1bf628223d.txt'), 'utf8');
/** Seed 003 mixes Chinese with ASCII digits, half-width punctuation and the 一 (U+4E00) that puts NULs on the "wrong" side in UTF-16. */
const seed003 = readFileSync(path.join(root, 'seeds/003_c1b3376c57d80b19.txt'), 'utf8');

const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const withBom = (bom: number[], body: Uint8Array) => Buffer.concat([Buffer.from(bom), body]);

function readError(bytes: Uint8Array): PlanReadError {
  try {
    decodePlanBytes(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanReadError);
    return e as PlanReadError;
  }
  throw new Error('expected a PlanReadError');
}

describe('decodePlanBytes', () => {
  it('reads UTF-8 as is', () => {
    expect(decodePlanBytes(Buffer.from(seed, 'utf8'))).toEqual({ text: seed, encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodePlanBytes(withBom([0xef, 0xbb, 0xbf], Buffer.from(seed, 'utf8')));
    expect(r).toMatchObject({ text: seed, encoding: 'utf-8', bom: true });
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GB18030 made from a seed, whole and as a short line', () => {
    expect(decodePlanBytes(iconv.encode(seed, 'gb18030'))).toEqual({ text: seed, encoding: 'gb18030', bom: false });
    expect(decodePlanBytes(iconv.encode('一、总体要求', 'gb18030')).text).toBe('一、总体要求');
    expect(decodePlanBytes(iconv.encode(seed003, 'gbk')).text).toBe(seed003);
  });

  it('reads GB18030 four-byte characters (outside GBK)', () => {
    const text = '𠮷县质量强县行动计划（2023—2025年）\n到2025年，品牌数量达到€10个。\n';
    const r = decodePlanBytes(iconv.encode(text, 'gb18030'));
    expect(r).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM, stripping it', () => {
    expect(decodePlanBytes(withBom([0xff, 0xfe], utf16le(seed)))).toEqual({ text: seed, encoding: 'utf-16le', bom: true });
    expect(decodePlanBytes(withBom([0xfe, 0xff], utf16be(seed)))).toEqual({ text: seed, encoding: 'utf-16be', bom: true });
  });

  it('reads UTF-16LE and UTF-16BE without a BOM', () => {
    for (const text of [seed, seed003]) {
      expect(decodePlanBytes(utf16le(text))).toEqual({ text, encoding: 'utf-16le', bom: false });
      expect(decodePlanBytes(utf16be(text))).toEqual({ text, encoding: 'utf-16be', bom: false });
    }
  });

  it('reads UTF-16 without BOM even when 一 outnumbers the ASCII characters', () => {
    const text = '一、一是一二三\n'.repeat(50);
    expect(decodePlanBytes(utf16le(text))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodePlanBytes(utf16be(text))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('keeps CRLF and CR line ends in every encoding', () => {
    const text = '一、总体要求\r\n（一）加强组织领导。\r（二）强化考核。\n三、保障措施\r\n';
    const encodings: [Uint8Array, string][] = [
      [Buffer.from(text, 'utf8'), 'utf-8'],
      [iconv.encode(text, 'gb18030'), 'gb18030'],
      [utf16le(text), 'utf-16le'],
      [withBom([0xfe, 0xff], utf16be(text)), 'utf-16be'],
    ];
    for (const [bytes, encoding] of encodings) {
      expect(decodePlanBytes(bytes)).toMatchObject({ text, encoding });
    }
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodePlanBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('keeps a UTF-8 file cut in the middle of a character as UTF-8, not GB18030 mojibake', () => {
    const bytes = Buffer.from(seed + '。', 'utf8');
    // Drop the last two of the three bytes of 。
    const r = decodePlanBytes(bytes.subarray(0, bytes.length - 2));
    expect(r.encoding).toBe('utf-8');
    expect(r.lossy).toBe(true);
    expect(r.text).toBe(seed + '\ufffd');
  });

  it('refuses binaries: NULs that are not UTF-16', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(readError(png).reason).toBe('不是文本文件（疑似二进制）');
    const zeros = new Uint8Array(4096);
    expect(readError(zeros).reason).toBe('不是文本文件（疑似二进制）');
  });

  it('refuses binaries: many control bytes', () => {
    const bytes = Buffer.alloc(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26);
    expect(readError(bytes).reason).toBe('不是文本文件（疑似二进制）');
  });

  it('accepts a stray form feed, DOS end-of-file mark or single NUL in good text', () => {
    const text = seed + '\f\x1a';
    expect(decodePlanBytes(Buffer.from(text, 'utf8')).text).toBe(text);
    const withNul = seed + '\0';
    expect(decodePlanBytes(Buffer.from(withNul, 'utf8')).text).toBe(withNul);
    // ASCII pairs read as UTF-16 give CJK-looking code units; one NUL must not tip it that way.
    const ascii = '# Plan draft v1.0, see appendix A for targets and owners\n'.repeat(40) + '\0';
    expect(decodePlanBytes(Buffer.from(ascii, 'utf8'))).toMatchObject({ text: ascii, encoding: 'utf-8' });
  });

  it('never throws anything but a PlanReadError with a one-line reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          const r = decodePlanBytes(bytes);
          expect(typeof r.text).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(PlanReadError);
          expect((e as PlanReadError).reason).not.toMatch(/\n/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips Chinese plan text through GB18030 and UTF-16 (no BOM)', () => {
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const punct = fc.constantFrom('，', '。', '、', '（', '）', '“', '”', '：', '；', '—', '1', '0', '%', ' ');
    const line = fc.array(fc.oneof({ weight: 5, arbitrary: hanzi }, { weight: 1, arbitrary: punct }), { minLength: 10, maxLength: 60 }).map((cs) => cs.join(''));
    const doc = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ls.join('\n') + '\n');
    fc.assert(
      fc.property(doc, (text) => {
        expect(decodePlanBytes(iconv.encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
        expect(decodePlanBytes(utf16le(text))).toMatchObject({ text, encoding: 'utf-16le' });
        expect(decodePlanBytes(utf16be(text))).toMatchObject({ text, encoding: 'utf-16be' });
        expect(decodePlanBytes(Buffer.from(text, 'utf8'))).toMatchObject({ text, encoding: 'utf-8' });
      }),
      { numRuns: 300 },
    );
  });
});
