// The precedent disk cache: one JSON file per plan (its text, metadata and model), keyed by the
// plan's path, and valid only for the same fingerprint (size and mtime of the plan and its
// sidecars) and the same analyser. A restart reads these instead of re-reading Word files and
// re-analysing; a changed plan rewrites only its own file.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { QPLAN_VERSION } from '../cli/version';
import type { PrecedentRecord } from './files';

/**
 * Bumped when the record's shape or the analysis changes in a way the package version does not
 * tell (development builds share a version). 2: a .docx's automatic numbering is read into its text, Word tables one cell per line.
 */
export const CACHE_FORMAT = 2;

interface Stored extends PrecedentRecord {
  file: string;
  fingerprint: string;
  analyser: string;
}

const ANALYSER = `${QPLAN_VERSION}+${CACHE_FORMAT}`;

export class PrecedentCache {
  private readonly dir: string;

  /** `root` is the editor's global storage folder or the CLI's --cache folder; created on first write. */
  constructor(root: string, private readonly log: (message: string) => void, readonly analyser = ANALYSER) {
    this.dir = path.join(root, 'precedents');
  }

  /** Where the snapshot of a library over `folders` lives (one per folder list: the editor's storage is shared by workspaces). */
  snapshotFile(folders: readonly string[]): string {
    return path.join(this.dir, `library-${createHash('sha1').update(folders.join('\n')).digest('hex')}.snapshot`);
  }

  /** Creates the cache folder (before a snapshot is written into it). */
  async ensureDir(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
  }

  private fileFor(file: string): string {
    return path.join(this.dir, `${createHash('sha1').update(path.resolve(file)).digest('hex')}.json`);
  }

  /** The cached record of `file` when it was made from the same fingerprint by the same analyser. */
  async get(file: string, fingerprint: string): Promise<PrecedentRecord | undefined> {
    let raw: string;
    try {
      raw = await fs.readFile(this.fileFor(file), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const s = JSON.parse(raw) as Stored;
      if (s.file !== path.resolve(file) || s.fingerprint !== fingerprint || s.analyser !== this.analyser) return undefined;
      return { text: s.text, meta: s.meta, model: s.model };
    } catch {
      return undefined; // a torn or foreign file: read the plan again, and overwrite it
    }
  }

  /** Stores `record`; written to a temporary file and renamed, so a reader never sees half of it. Failures are logged once. */
  async put(file: string, fingerprint: string, record: PrecedentRecord): Promise<void> {
    const target = this.fileFor(file);
    const stored: Stored = { file: path.resolve(file), fingerprint, analyser: this.analyser, ...record };
    const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.writeFile(tmp, JSON.stringify(stored));
      await fs.rename(tmp, target);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      if (!this.failed) this.log(`qplan：无法写入先例缓存 ${this.dir}：${e instanceof Error ? e.message : String(e)}`);
      this.failed = true;
    }
  }

  private failed = false;

  /**
   * Deletes entries not written for `maxAgeDays` (plans deleted or renamed long ago, in any
   * workspace: the editor's global storage is shared, so nothing younger is touched). A valid
   * entry that old is only written again on its plan's next read. Never throws.
   */
  async prune(maxAgeDays = 60, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.json') && !name.endsWith('.tmp') && !name.endsWith('.snapshot')) continue;
      const file = path.join(this.dir, name);
      try {
        const st = await fs.stat(file);
        if (now - st.mtimeMs < maxAgeDays * 86_400_000) continue;
        await fs.rm(file, { force: true });
        removed++;
      } catch {
        // gone already, or not ours to remove
      }
    }
    return removed;
  }
}
