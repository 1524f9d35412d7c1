// The plan files in the workspace folders and their headings as symbols: read from disk, cached by mtime.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { analyzePlan, headingSpan, type PlanModel } from './core';
import type { Plan } from './documents';
import { readPlanFile } from './io';
import { toRange } from './lsp/convert';
import { headingName, symbolKind } from './features/symbols';

/** Files past this size are skipped: a workspace search must not stall on a dump. */
export const MAX_INDEXED_BYTES = 4 * 1024 * 1024;
/** At most this many files are looked at per search. */
export const MAX_INDEXED_FILES = 2000;
/** The folder listing is reused for this long; a search runs on every keystroke in the picker. */
const LISTING_TTL_MS = 5000;

const SKIPPED_DIRS = new Set(['node_modules']);

/** .txt (so *.plan.txt), .md and .qplan, the plan files an editor opens as text. */
export function isWorkspacePlanFile(name: string): boolean {
  return !name.startsWith('.') && /\.(txt|md|qplan)$/i.test(name);
}

/** A plan has first-level headings (一、) or chapters; a README with a numbered list does not count. */
export function looksLikePlan(model: PlanModel): boolean {
  return model.headings.some((h) => h.kind === 'cn' || h.kind === 'chapter');
}

interface Indexed {
  mtimeMs: number;
  size: number;
  symbols: WorkspaceSymbol[];
}

export class WorkspacePlans {
  private folders: string[];
  private listing: { at: number; files: string[] } | null = null;
  private readonly index = new Map<string, Indexed>();

  constructor(folderUris: string[], private readonly log: (message: string) => void) {
    this.folders = folderUris.flatMap(toPath);
  }

  /** After workspace/didChangeWorkspaceFolders. */
  foldersChanged(added: string[], removed: string[]): void {
    const gone = new Set(removed.flatMap(toPath));
    this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.flatMap(toPath)];
    this.listing = null;
  }

  /** Headings of every plan in the folders whose name matches `query`; open documents speak for their files. */
  async symbols(query: string, open: Plan[]): Promise<WorkspaceSymbol[]> {
    const openPaths = new Map(open.flatMap((p) => toPath(p.document.uri).map((f): [string, Plan] => [f, p])));
    const all: WorkspaceSymbol[] = [];
    for (const p of open) if (looksLikePlan(p.model)) all.push(...toSymbols(p.document, p.model));
    for (const file of await this.files()) {
      if (!openPaths.has(file)) all.push(...(await this.fileSymbols(file)));
    }
    return all.filter((s) => matches(s.name, query));
  }

  private async files(): Promise<string[]> {
    if (this.listing && Date.now() - this.listing.at < LISTING_TTL_MS) return this.listing.files;
    const files: string[] = [];
    for (const folder of this.folders) await walk(folder, files);
    this.listing = { at: Date.now(), files };
    return files;
  }

  private async fileSymbols(file: string): Promise<WorkspaceSymbol[]> {
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_INDEXED_BYTES) return [];
      const cached = this.index.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.symbols;
      const { text } = await readPlanFile(file);
      const model = analyzePlan(text);
      const document = TextDocument.create(pathToFileURL(file).toString(), 'plaintext', 0, text);
      const symbols = looksLikePlan(model) ? toSymbols(document, model) : [];
      this.index.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, symbols });
      return symbols;
    } catch (e) {
      this.index.delete(file);
      this.log(`qplan：跳过 ${file}：${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }
}

function toSymbols(document: TextDocument, model: PlanModel): WorkspaceSymbol[] {
  const file = path.basename(document.uri);
  return model.headings.map((h) => ({
    name: headingName(h),
    kind: symbolKind(h),
    containerName: h.parent >= 0 && model.headings[h.parent] ? headingName(model.headings[h.parent]) : model.title ?? decodeURIComponent(file),
    location: { uri: document.uri, range: toRange(document, headingSpan(h)) },
  }));
}

/** The query's characters in order, case-insensitively (how VS Code's symbol picker matches). */
function matches(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    if (/\s/.test(ch)) continue;
    at = n.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

async function walk(dir: string, into: string[]): Promise<void> {
  if (into.length >= MAX_INDEXED_FILES) return;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // a folder that cannot be read holds no plans we can show
  }
  for (const e of entries) {
    if (into.length >= MAX_INDEXED_FILES) return;
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) await walk(full, into);
    else if (e.isFile() && isWorkspacePlanFile(e.name)) into.push(full);
  }
}

function toPath(uri: string): string[] {
  try {
    return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
  } catch {
    return [];
  }
}
