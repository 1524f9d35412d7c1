// The team clause libraries: each folder read on first need and again when it changes or is a few seconds old.
import path from 'node:path';
import { clauseFileName, formatClauseFile, type LibraryClause } from './core';
import { readClauseFolder, writeClauseFile } from './io';
import type { TeamConfigs } from './teamConfigs';

/**
 * A folder is re-read when a watched file in it changed, when a clause was saved through the
 * server, or when its listing is older than this: clients need not watch a folder whose name the
 * team chose freely.
 */
const FRESH_MS = 3000;

export class ClauseLibraries {
  private readonly folders = new Map<string, { at: number; clauses: LibraryClause[] }>();

  constructor(private readonly configs: TeamConfigs, private readonly log: (message: string) => void) {}

  /** The library folder for a document (it may not exist yet). */
  folderFor(uri: string): string | undefined {
    return this.configs.clausesDir(uri);
  }

  /** The clauses offered in a document. */
  forUri(uri: string): LibraryClause[] {
    const dir = this.folderFor(uri);
    if (dir === undefined) return [];
    const cached = this.folders.get(dir);
    if (cached && Date.now() - cached.at < FRESH_MS) return cached.clauses;
    const { clauses, skipped } = readClauseFolder(dir);
    for (const s of skipped) this.log(`qplan：条款库跳过 ${s.file}：${s.reason}`);
    this.folders.set(dir, { at: Date.now(), clauses });
    return clauses;
  }

  /** Saves a new clause into the document's library; returns the file written. */
  save(uri: string, clause: { prefix: string; description: string; body: string }): string {
    const dir = this.folderFor(uri);
    if (dir === undefined) throw new Error('no library folder for an untitled document outside a workspace');
    const file = writeClauseFile(dir, clauseFileName(clause.prefix), formatClauseFile(clause));
    this.folders.delete(dir);
    return file;
  }

  /** After a watched file changed: forget the folder holding it (any folder when unsure). */
  changed(file?: string): void {
    if (file === undefined) this.folders.clear();
    else this.folders.delete(path.dirname(file));
  }
}
