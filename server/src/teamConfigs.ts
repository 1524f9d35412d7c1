// The session's team config files: the nearest qplan.config.json for each document, read once and
// re-read when it changes (watched-file events, or its modification time when a client sends none).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLAUSES_DIR, TEAM_CONFIG_NAME, withTeamConfig, type AnalysisOptions } from './core';
import { fileStamp, findTeamConfig, readTeamConfig, type LoadedTeamConfig } from './io';

interface Cached {
  loaded: LoadedTeamConfig;
  mtimeMs: number;
}

export class TeamConfigs {
  /** Folder → the config file that governs it (null: none). */
  private readonly governing = new Map<string, string | null>();
  private readonly files = new Map<string, Cached>();

  /** `enabled` false: no file is read (an untrusted workspace must not turn checks off). */
  constructor(private readonly workspaceFolders: () => string[], private readonly enabled = true) {}

  /**
   * The config for a document: the nearest one walking up from its folder to the file system's
   * root, as `qplan check` finds it, so the editor and the pipeline agree even when the workspace
   * folder is a subfolder of the team's repository.
   */
  forUri(uri: string): LoadedTeamConfig | undefined {
    const dir = this.enabled ? this.startDir(uri) : undefined;
    if (dir === undefined) return undefined;
    let file = this.governing.get(dir);
    if (file === undefined) {
      file = findTeamConfig(dir) ?? null;
      this.governing.set(dir, file);
    }
    return file === null ? undefined : this.load(file);
  }

  /** The team file's options over the editor settings: the file wins where it speaks (README: 优先级). */
  options(uri: string, settings: AnalysisOptions): AnalysisOptions {
    const team = this.forUri(uri);
    return team ? withTeamConfig(settings, team.config) : settings;
  }

  /** Every config file read so far, freshly checked. */
  loaded(): LoadedTeamConfig[] {
    return [...this.files.keys()].map((f) => this.load(f));
  }

  /** After a watched qplan.config.json was created, changed or deleted: forget every lookup. */
  invalidate(): void {
    this.governing.clear();
    this.files.clear();
  }

  /** Where a new config file goes for this document: its workspace folder, else its own folder. */
  newFileFor(uri: string): string | undefined {
    const dir = this.enabled ? this.startDir(uri) : undefined;
    if (dir === undefined) return undefined;
    return path.join(this.folderOf(dir) ?? dir, TEAM_CONFIG_NAME);
  }

  /** The clause library folder for a document: the config's `clauses`, else .qplan/clauses in its workspace folder. */
  clausesDir(uri: string): string | undefined {
    const team = this.forUri(uri);
    if (team) return team.clausesDir;
    const dir = this.startDir(uri);
    return dir === undefined ? undefined : path.join(this.folderOf(dir) ?? dir, DEFAULT_CLAUSES_DIR);
  }

  /** The precedent folders the team file names for a document (absolute), for the precedent library. */
  precedentDirs(uri: string): string[] {
    return this.forUri(uri)?.precedentDirs ?? [];
  }

  private load(file: string): LoadedTeamConfig {
    const mtimeMs = fileStamp(file);
    const cached = this.files.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.loaded;
    const loaded = readTeamConfig(file);
    this.files.set(file, { loaded, mtimeMs });
    return loaded;
  }

  /** A file's folder; an untitled document looks from the first workspace folder. */
  private startDir(uri: string): string | undefined {
    const file = filePath(uri);
    if (file) return path.dirname(file);
    return this.workspaceFolders().flatMap((f) => filePath(f) ?? [])[0];
  }

  /** The innermost workspace folder holding `dir`: where a new config file or the default clause folder goes. */
  private folderOf(dir: string): string | undefined {
    const inside = this.workspaceFolders()
      .flatMap((f) => filePath(f) ?? [])
      .filter((f) => {
        const rel = path.relative(f, dir);
        return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
      });
    return inside.sort((a, b) => b.length - a.length)[0];
  }
}

/** The file system path of a file: URI, else undefined. */
export function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
