// Every reason the file layer gives reads in English for an English client.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishReadReason } from '../../server/src/readReasons';

const io = path.resolve(__dirname, '../../server/src/io');

describe('englishReadReason', () => {
  it('translates every fixed reason written in the file layer', () => {
    // The reasons are the string literals given to PlanReadError or kept as constants for it.
    const sources = readdirSync(io).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(path.join(io, f), 'utf8')).join('\n');
    const reasons = [...sources.matchAll(/(?:PlanReadError\(|const (?:BINARY|UNKNOWN) = )'([^']*[\u4e00-\u9fff][^']*)'/g)].map((m) => m[1]);
    expect(reasons.length).toBeGreaterThan(10);
    for (const reason of reasons) expect(englishReadReason(reason), reason).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the details of the reasons that carry them', () => {
    expect(englishReadReason('文件过大（70.5 MB，上限 64 MB）')).toBe('it is too large (70.5 MB; the limit is 64 MB)');
    expect(englishReadReason('不是有效的 PDF 文件（无法解析：Invalid PDF structure.）')).toBe('it is not a valid PDF file (it cannot be parsed: Invalid PDF structure.)');
    expect(englishReadReason('无法读取（EIO）')).toBe('it cannot be read (EIO)');
    expect(englishReadReason('某个新的原因')).toBe('某个新的原因');
  });
});
