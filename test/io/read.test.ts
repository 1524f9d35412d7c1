// Reading plan files: text in any detected encoding, Word files, and a clear reason for everything else.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync, truncateSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanReadError, readPlanFile, readPlanStream } from '../../server/src/io';

const fixtures = path.resolve(__dirname, '../fixtures/io');
const excerpt = readFileSync(path.join(fixtures, 'plan-excerpt.txt'), 'utf8');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-read-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlanReadError);
    return (e as PlanReadError).reason;
  }
  throw new Error('expected a PlanReadError');
}

function put(name: string, bytes: Uint8Array | string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

describe('readPlanFile: Word files', () => {
  it('reads a .docx with one line per paragraph and Chinese punctuation intact', async () => {
    const r = await readPlanFile(path.join(fixtures, 'plan-excerpt.docx'));
    expect(r).toEqual({ text: excerpt, encoding: 'word', format: 'docx' });
    // word-extractor's default filter would have turned these into " and --.
    expect(r.text).toContain('“全国质量强市示范城市”');
    expect(r.text).toContain('\n——建立品牌培育库。');
  });

  it('reads a Word 97 .doc the same way', async () => {
    const r = await readPlanFile(path.join(fixtures, 'plan-excerpt.doc'));
    expect(r).toEqual({ text: excerpt, encoding: 'word', format: 'doc' });
  });

  it('goes by content, not name: a .docx saved as .txt is still read as Word', async () => {
    const file = path.join(tmp, 'really-a-docx.txt');
    copyFileSync(path.join(fixtures, 'plan-excerpt.docx'), file);
    expect(await readPlanFile(file)).toMatchObject({ text: excerpt, format: 'docx' });
  });

  it('refuses a truncated .docx with a clear reason', async () => {
    const bytes = readFileSync(path.join(fixtures, 'plan-excerpt.docx'));
    const file = put('truncated.docx', bytes.subarray(0, bytes.length >> 1));
    expect(await reason(readPlanFile(file))).toBe('不是有效的 Word 文件（压缩包已损坏）');
  });

  it('refuses, and does not hang on, a .docx whose entry does not inflate to its size', async () => {
    // Found by the reader fuzz test (readerFuzz.test.ts): numbered-plan.docx with eight bytes overwritten
    // inside a compressed entry. word-extractor never settled on it, so qplan never ended.
    expect(await reason(readPlanFile(path.join(fixtures, 'damaged-entry.docx')))).toBe('不是有效的 Word 文件（压缩包已损坏）');
  });

  it('refuses a corrupt .doc (OLE signature, garbage after it)', async () => {
    const bytes = Buffer.alloc(2048, 0x5a);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    expect(await reason(readPlanFile(put('corrupt.doc', bytes)))).toMatch(/^不是有效的 Word 文件（无法解析/);
  });

  it('refuses a zip that holds no Word document', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 1), Buffer.from('xl/workbook.xml')]);
    expect(await reason(readPlanFile(put('sheet.docx', bytes)))).toBe('不是有效的 Word 文件（压缩包里没有 word/document.xml）');
  });

  it('reads a .doc that is really a web page as the page\'s text, and explains a single-file page without one and a .docx that is plain text', async () => {
    const html = put('web.doc', '<html><body><p>一、总体要求</p><p>（一）加强品牌建设。</p></body></html>');
    expect(await readPlanFile(html)).toEqual({ text: '一、总体要求\n（一）加强品牌建设。\n', encoding: 'utf-8', format: 'html' });
    const mht = put('web-archive.doc', 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n');
    expect(await reason(readPlanFile(mht))).toBe('是单个文件网页（.mht），但其中没有网页正文');
    const mail = put('mail.txt', 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n一、总体要求\r\n');
    expect(await readPlanFile(mail)).toMatchObject({ format: 'text', text: expect.stringContaining('一、总体要求') });
    expect(await reason(readPlanFile(put('plain.docx', '一、总体要求\n')))).toBe('不是有效的 Word 文件（不是 .docx 压缩包）');
  });

  it('reads a .doc that is plain GB18030 text as text', async () => {
    const file = put('exported.doc', iconv.encode(excerpt, 'gb18030'));
    expect(await readPlanFile(file)).toEqual({ text: excerpt, encoding: 'gb18030', format: 'text' });
  });
});

describe('readPlanFile: text files and failures', () => {
  it('decodes .txt and .md and names the format', async () => {
    expect(await readPlanFile(put('plan.txt', iconv.encode(excerpt, 'gb18030')))).toEqual({ text: excerpt, encoding: 'gb18030', format: 'text' });
    expect(await readPlanFile(put('plan.md', excerpt))).toEqual({ text: excerpt, encoding: 'utf-8', format: 'markdown' });
  });

  it('reports a missing file, a folder and a broken PDF', async () => {
    const missing = path.join(tmp, 'nope.txt');
    try {
      await readPlanFile(missing);
      throw new Error('unreachable');
    } catch (e) {
      expect(e).toBeInstanceOf(PlanReadError);
      expect((e as PlanReadError).reason).toBe('文件不存在');
      expect((e as PlanReadError).file).toBe(missing);
    }
    mkdirSync(path.join(tmp, 'folder.txt'), { recursive: true });
    expect(await reason(readPlanFile(path.join(tmp, 'folder.txt')))).toBe('是文件夹，不是文件');
    expect(await reason(readPlanFile(put('scan.txt', '%PDF-1.7\n%âãÏÓ\n')))).toMatch(/^不是有效的 PDF 文件/);
  });

  it('refuses a binary named .txt', async () => {
    const bytes = Buffer.alloc(1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
    expect(await reason(readPlanFile(put('image.txt', bytes)))).toBe('不是文本文件（疑似二进制）');
  });

  it('refuses files over 64 MB before reading them', async () => {
    const file = put('huge.txt', '');
    truncateSync(file, 65 * 1024 * 1024); // sparse: costs no disk
    expect(await reason(readPlanFile(file))).toBe('文件过大（65.0 MB，上限 64 MB）');
  });
});

describe('readPlanStream', () => {
  it('decodes what arrives in chunks, even split inside a character', async () => {
    const bytes = iconv.encode(excerpt, 'gb18030');
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 100), bytes.subarray(100)];
    expect(await readPlanStream(Readable.from(chunks))).toEqual({ text: excerpt, encoding: 'gb18030', format: 'text' });
  });

  it('reads a .docx piped in', async () => {
    const r = await readPlanStream(Readable.from([readFileSync(path.join(fixtures, 'plan-excerpt.docx'))]));
    expect(r).toMatchObject({ text: excerpt, format: 'docx' });
  });

  it('stops reading past 64 MB', async () => {
    const mb = Buffer.alloc(1024 * 1024, 0x41);
    function* chunks() {
      for (let i = 0; i < 70; i++) yield mb;
    }
    expect(await reason(readPlanStream(Readable.from(chunks())))).toBe('文件过大（超过上限 64 MB）');
  });
});
