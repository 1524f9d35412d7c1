// The precedent library's snapshot: the whole library (every plan's doc and the built index) in one
// file, so a restart over unchanged folders loads it instead of reading thousands of per-plan
// cache entries and rebuilding the index. Layout: magic, header length, a JSON header (format,
// analyser, folders, each plan's path and fingerprint, array shapes, checksum), the index's typed
// arrays (each 8-byte aligned), then each plan's doc as JSON. Written to a temporary file and
// renamed; anything that does not check out on reading is reported and ignored.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { exportPrecedentIndex, importPrecedentIndex, type ImageArray, type IndexImage, type PrecedentDoc, type PrecedentIndex } from '../core';

/** Bumped when the layout or the index's internals change. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = 'QPLANIDX';
const PREFIX = 16; // magic + header length + reserved

/** A plan of the snapshot: its path and the fingerprint it was read with. */
export interface SnapshotPlan {
  file: string;
  fingerprint: string;
}

export interface Snapshot {
  /** In the index's order, each with its doc. */
  plans: (SnapshotPlan & { doc: PrecedentDoc })[];
  index: PrecedentIndex;
}

interface Header {
  format: number;
  analyser: string;
  folders: string[];
  plans: [string, string][];
  docBytes: number[];
  numbers: IndexImage['numbers'];
  /** name, typed array type, element count. */
  arrays: [string, string, number][];
  checksum: string;
}

const TYPES: Record<string, { new (buffer: ArrayBufferLike, offset: number, length: number): ImageArray; BYTES_PER_ELEMENT: number }> = {
  Int32Array,
  Uint16Array,
  Uint8Array,
  Float32Array,
  Float64Array,
};

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Bytes hashed between two turns of the event loop. */
const HASH_STEP = 1 << 25;

/** Docs serialised or parsed between two turns of the event loop. */
const DOC_BATCH = 100;

/**
 * Writes `index` over `plans` (one per doc, same order) to `target`. The index is copied before
 * the first await, so later updates do not leak into the file; the docs (never changed once made)
 * are serialised a batch at a time, letting requests through in between. Returns the file's size.
 */
export async function writeSnapshot(target: string, analyser: string, folders: readonly string[], plans: readonly SnapshotPlan[], index: PrecedentIndex): Promise<number> {
  if (plans.length !== index.docs.length) throw new Error('plans and docs differ');
  const image = exportPrecedentIndex(index);
  const docList = [...index.docs];
  plans = [...plans];
  const docs: Buffer[] = [];
  for (let i = 0; i < docList.length; i += DOC_BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const d of docList.slice(i, i + DOC_BATCH)) docs.push(Buffer.from(JSON.stringify(d)));
  }
  const body: Uint8Array[] = [];
  const arrays: Header['arrays'] = [];
  for (const [name, a] of Object.entries(image.arrays)) {
    if (!a) continue;
    arrays.push([name, a.constructor.name, a.length]);
    body.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const gap = pad8(a.byteLength);
    if (gap) body.push(new Uint8Array(gap));
  }
  body.push(...docs);
  const hash = createHash('sha1');
  let hashed = 0;
  for (const part of body) {
    hash.update(part);
    hashed += part.byteLength;
    if (hashed > HASH_STEP) {
      hashed = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    analyser,
    folders: [...folders],
    plans: plans.map((p) => [p.file, p.fingerprint]),
    docBytes: docs.map((d) => d.length),
    numbers: image.numbers,
    arrays,
    checksum: hash.digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(PREFIX);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 8);
  const parts = [prefix, json, new Uint8Array(pad8(PREFIX + json.length)), ...body];
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      // a few parts at a time: writev has a per-call limit on the number of buffers
      for (let i = 0; i < parts.length; i += 512) await handle.writev(parts.slice(i, i + 512));
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return parts.reduce((n, p) => n + p.byteLength, 0);
}

/**
 * The snapshot at `file` when it was written by the same analyser and format for the same
 * folders; null when there is none; a problem (one line for the log) when it is damaged, old or
 * another library's.
 */
export async function readSnapshot(file: string, analyser: string, folders: readonly string[]): Promise<Snapshot | null | { problem: string }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = (await handle.stat()).size;
    const read = async (at: number, length: number): Promise<Buffer> => {
      if (at + length > size) throw new Problem('文件不完整');
      const buf = Buffer.allocUnsafeSlow(length); // its own ArrayBuffer, at offset 0: typed arrays can view it
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buf, done, length - done, at + done);
        if (bytesRead === 0) throw new Problem('文件不完整');
        done += bytesRead;
      }
      return buf;
    };
    const prefix = await read(0, PREFIX);
    if (prefix.toString('latin1', 0, 8) !== MAGIC) throw new Problem('不是快照文件');
    const headerLength = prefix.readUInt32LE(8);
    let header: Header;
    try {
      header = JSON.parse((await read(PREFIX, headerLength)).toString('utf8')) as Header;
    } catch (e) {
      throw e instanceof Problem ? e : new Problem('文件头损坏');
    }
    if (header.format !== SNAPSHOT_FORMAT || header.analyser !== analyser) throw new Problem(`版本不同（${header.analyser}/${header.format}）`);
    if (JSON.stringify(header.folders) !== JSON.stringify(folders)) throw new Problem('属于另一组文件夹');
    const start = PREFIX + headerLength + pad8(PREFIX + headerLength);
    let arraysLength = 0;
    for (const [, type, length] of header.arrays) {
      const T = TYPES[type];
      if (!T || !Number.isInteger(length) || length < 0) throw new Problem('数组描述损坏');
      arraysLength += length * T.BYTES_PER_ELEMENT + pad8(length * T.BYTES_PER_ELEMENT);
    }
    const docsLength = header.docBytes.reduce((n, b) => n + b, 0);
    if (start + arraysLength + docsLength !== size) throw new Problem('文件长度不符');
    const block = await read(start, arraysLength);
    const docBlock = await read(start + arraysLength, docsLength);
    const hash = createHash('sha1');
    for (const part of [block, docBlock]) {
      for (let i = 0; i < part.length; i += HASH_STEP) {
        hash.update(part.subarray(i, i + HASH_STEP));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (hash.digest('hex') !== header.checksum) throw new Problem('校验和不符');
    const arrays: IndexImage['arrays'] = {};
    let at = 0;
    for (const [name, type, length] of header.arrays) {
      const T = TYPES[type];
      arrays[name] = new T(block.buffer, at, length);
      at += length * T.BYTES_PER_ELEMENT;
      at += pad8(at);
    }
    if (header.plans.length !== header.docBytes.length) throw new Problem('方案数不符');
    const docs: PrecedentDoc[] = [];
    at = 0;
    for (const bytes of header.docBytes) {
      // requests get through every so many plans (parsing thousands takes a second or more)
      if (docs.length % DOC_BATCH === DOC_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
      docs.push(JSON.parse(docBlock.toString('utf8', at, at + bytes)) as PrecedentDoc);
      at += bytes;
    }
    let index: PrecedentIndex;
    try {
      index = importPrecedentIndex({ numbers: header.numbers, arrays }, docs);
    } catch (e) {
      throw new Problem(`索引损坏（${e instanceof Error ? e.message : String(e)}）`);
    }
    return { plans: header.plans.map(([f, fingerprint], i) => ({ file: f, fingerprint, doc: docs[i] })), index };
  } catch (e) {
    return { problem: e instanceof Problem ? e.message : e instanceof Error ? e.message : String(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

class Problem extends Error {}
