// One precedent file read into a PrecedentDoc: the plan's text (any format and encoding the io
// layer reads), its front matter blanked out, and a sidecar's metadata.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyzePlan, makePrecedentDoc, mergeMeta, readFrontMatter, readSidecarMeta, type PlanModel, type PrecedentDoc, type PrecedentMeta } from '../core';
import { decodePlanBytes, PlanReadError, readPlanFile } from '../io';

/** What is cached of a precedent: the text as analysed (front matter blanked), its metadata and model. */
export interface PrecedentRecord {
  text: string;
  meta: PrecedentMeta;
  model: PlanModel;
}

/** The sidecar files that may hold a plan's metadata: plan.docx.meta.json, then plan.meta.json. */
export function sidecarsOf(file: string): string[] {
  const ext = path.extname(file);
  return [`${file}.meta.json`, ...(ext ? [`${file.slice(0, -ext.length)}.meta.json`] : [])];
}

/** The plan file a sidecar belongs to is found by the library (it knows which plans exist). */
export function isSidecarName(name: string): boolean {
  return name.toLowerCase().endsWith('.meta.json');
}

/**
 * A cheap fingerprint of the plan file and its sidecars (size and mtime of each): when it is
 * unchanged the plan need not be read again. Null when the plan file itself is gone.
 */
export async function fingerprint(file: string): Promise<string | null> {
  const parts: string[] = [];
  for (const f of [file, ...sidecarsOf(file)]) {
    try {
      const st = await fs.stat(f);
      if (f === file && !st.isFile()) return null;
      parts.push(`${st.size}:${Math.round(st.mtimeMs)}`);
    } catch {
      if (f === file) return null;
      parts.push('-');
    }
  }
  return parts.join('|');
}

/**
 * Reads and analyses one precedent. Front matter of a text file is blanked (line numbers stay the
 * file's) and its metadata used; the first sidecar that exists overrides it key by key. A sidecar
 * or front-matter problem is logged and the plan still loads; a plan that cannot be read throws
 * PlanReadError.
 */
export async function readPrecedent(file: string, log: (message: string) => void): Promise<PrecedentRecord> {
  const plan = await readPlanFile(file);
  let text = plan.text;
  let meta: PrecedentMeta = {};
  if (plan.format === 'text' || plan.format === 'markdown') {
    const fm = readFrontMatter(text);
    text = fm.text;
    meta = fm.meta;
    for (const p of fm.problems) log(`qplan：先例 ${file} 的前言：${p}`);
  }
  for (const sidecar of sidecarsOf(file)) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(sidecar);
    } catch {
      continue;
    }
    try {
      const side = readSidecarMeta(decodePlanBytes(bytes).text);
      for (const p of side.problems) log(`qplan：先例元数据 ${sidecar}：${p}`);
      meta = mergeMeta(meta, side.meta);
    } catch (e) {
      log(`qplan：先例元数据 ${sidecar}：${e instanceof PlanReadError ? e.reason : String(e)}`);
    }
    break;
  }
  return { text, meta, model: analyzePlan(text) };
}

/** The PrecedentDoc of a record, under the name `file` is shown by. */
export function docOf(file: string, record: PrecedentRecord): PrecedentDoc {
  return makePrecedentDoc(file, record.text, record.meta, record.model);
}
