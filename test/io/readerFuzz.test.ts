// Any bytes, whatever they start like: the reader gives text or a PlanReadError, never another
// error and never a hang (a Word package, an old Word file, a PDF, a web page, a single-file page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanReadError, readPlanBytes } from '../../server/src/io';

const fixtures = path.resolve(__dirname, '../fixtures/io');
const real = {
  docx: readFileSync(path.join(fixtures, 'numbered-plan.docx')),
  doc: readFileSync(path.join(fixtures, 'goal-table.doc')),
  pdf: readFileSync(path.join(fixtures, 'seed002-indented.pdf')),
};
const heads: [string, Uint8Array][] = [
  ['PDF header', Buffer.from('%PDF-1.7\n')],
  ['zip header', Buffer.from('PK\u0003\u0004')],
  ['web page', Buffer.from('<!DOCTYPE html><html><body><p>一、总体要求')],
  ['single-file page', Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n')],
];

async function readsOrExplains(bytes: Uint8Array, name: string): Promise<void> {
  try {
    const r = await readPlanBytes(bytes, name);
    expect(typeof r.text).toBe('string');
  } catch (e) {
    if (!(e instanceof PlanReadError)) throw e;
  }
}

describe('reading any bytes', { timeout: 120_000 }, () => {
  it.each(heads)('after a %s', async (_, head) => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (tail) => {
      await readsOrExplains(Buffer.concat([head, tail]), 'plan.doc');
    }), { numRuns: 40, seed: 7 });
  });

  it.each(Object.entries(real))('a real %s with bytes overwritten or cut', async (kind, file) => {
    await fc.assert(fc.asyncProperty(fc.nat(file.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.boolean(), async (at, patch, cut) => {
      const bytes = Buffer.from(file);
      if (cut) await readsOrExplains(bytes.subarray(0, at), `plan.${kind}`);
      else {
        bytes.set(patch.subarray(0, bytes.length - at), at);
        await readsOrExplains(bytes, `plan.${kind}`);
      }
    }), { numRuns: 25, seed: 11 });
  });
});
