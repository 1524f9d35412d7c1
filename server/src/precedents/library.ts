// The session's precedent library: the bundled seeds plus the team's folders, read once, kept
// up to date plan by plan as files change, and cached on disk across restarts.
import { fileURLToPath } from 'node:url';
import { buildPrecedentIndex, updatePrecedentIndex, type PrecedentDoc, type PrecedentIndex } from '../core';
import { builtinSeedsDir, listPlanFiles, PlanReadError } from '../io';
import type { PrecedentCache } from './cache';
import { docOf, fingerprint, readPrecedent } from './files';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshot';
import { FolderWatcher } from './watch';

export interface LibraryOptions {
  /** Where analysed plans are cached across restarts; none: no disk cache. */
  cache?: PrecedentCache;
  /** Watch the folders and re-index a plan when its file changes (the language server; not the CLI). */
  watch?: boolean;
  /** The name a plan is shown under (default: its path). */
  nameOf?: (file: string) => string;
  /** Told of each file or folder skipped (default: logged). The CLI turns these into exit 2. */
  onSkip?: (file: string, reason: string) => void;
  /** Told when an index is built or updated (default: logged). */
  onBuilt?: (summary: string) => void;
  /**
   * With a cache: keep a snapshot of the whole library (docs and index) beside it, written in the
   * background once the library has been quiet for `snapshotDelayMs`, and start from it (default true).
   */
  snapshot?: boolean;
  /** How long after the last build or update the snapshot is written (default 5 s). */
  snapshotDelayMs?: number;
}

interface Known {
  fingerprint: string;
  doc: PrecedentDoc;
}

/**
 * Built lazily: the first look-up that needs precedents lists the folders, reads each plan (from
 * the disk cache when its fingerprint is unchanged) and builds the index. After that, a change
 * (setFolders, or a file watched in a folder) lists the folders again, reads only the plans whose
 * fingerprint changed, and updates the index in place of a rebuild. Every look-up awaits the
 * latest version. Folders and files that cannot be read are logged once and skipped.
 */
export class PrecedentLibrary {
  private current: Promise<PrecedentIndex> | null = null;
  private built: PrecedentIndex | null = null;
  private readonly known = new Map<string, Known>();
  /** Extra folders by source (the qplan.precedentFolders setting, the team config …). */
  private readonly extra = new Map<string, readonly string[]>();
  private watcher: FolderWatcher | null = null;
  /** Paths already reported as unreadable, with their fingerprint: logged again only when they change. */
  private readonly reported = new Map<string, string>();
  private readonly writes = new Set<Promise<void>>();
  /** The library differs from the snapshot on disk (false after starting from an up-to-date snapshot). */
  private snapshotStale = false;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotWrite: Promise<void> | null = null;

  /** `dirs` are the base folders, read on first need; the default is the bundled seeds folder. */
  constructor(
    private readonly log: (message: string) => void,
    private readonly dirs: () => string[] = defaultDirs,
    private readonly options: LibraryOptions = {},
  ) {}

  /** The index with every change seen so far applied (waits for an update in progress); built on the first call. */
  index(): Promise<PrecedentIndex> {
    if (!this.current) {
      this.current = this.refresh(null).then((i) => this.settled(i));
      // Old entries of plans long gone go once per session, after the library is up.
      void this.current.then(() => this.options.cache?.prune(), () => undefined);
    }
    return this.current;
  }

  /**
   * What a hover asks for: the last index built, at once, even while an update after a file
   * change is still reading (the hover after it sees the update); on first need, waits for the build.
   */
  ready(): Promise<PrecedentIndex> {
    const pending = this.index();
    return this.built ? Promise.resolve(this.built) : pending;
  }

  /**
   * Sets the extra folders one source contributes (absolute paths), replacing what that source
   * said before: the setting and the team config each call it with their own `source`. Plans of
   * folders no source names any more leave the index; new folders' plans join it.
   */
  setFolders(folders: readonly string[], source = 'default'): void {
    const before = this.folders().join('\n');
    if (folders.length === 0) this.extra.delete(source);
    else this.extra.set(source, [...folders]);
    if (this.folders().join('\n') !== before) this.changed();
  }

  /** Every folder the library reads: the base folders, then each source's, each once. */
  folders(): string[] {
    return [...new Set([...this.dirs(), ...[...this.extra.values()].flat()])];
  }

  /** Re-lists the folders and re-reads what changed; the next look-up waits for it. */
  changed(): void {
    if (!this.current) return; // nothing built yet: the first look-up reads everything anyway
    const previous = this.current;
    this.current = previous.then((index) => this.refresh(index), () => this.refresh(null)).then((i) => this.settled(i));
  }

  /**
   * Writes the snapshot now if one is due (the debounce cut short) and resolves when it is on disk;
   * the size written, or null when nothing was due. For tests, the benchmark and a CLI about to exit.
   */
  async snapshotWritten(): Promise<number | null> {
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = null;
      this.snapshotWrite = this.saveSnapshot();
    }
    const write = this.snapshotWrite;
    if (!write) return null;
    await write;
    return this.lastSnapshotBytes;
  }

  private lastSnapshotBytes: number | null = null;

  private settled(index: PrecedentIndex): PrecedentIndex {
    this.built = index;
    if (this.snapshotStale && this.options.cache && this.options.snapshot !== false) {
      if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
      this.snapshotTimer = setTimeout(() => {
        this.snapshotTimer = null;
        this.snapshotWrite = this.saveSnapshot();
      }, this.options.snapshotDelayMs ?? 5000);
      this.snapshotTimer.unref?.(); // never keeps a CLI run alive
    }
    return index;
  }

  /** Writes the library as it stands once no update is in progress; failures are logged, never thrown. */
  private async saveSnapshot(): Promise<void> {
    const cache = this.options.cache;
    if (!cache) return;
    await cache.ensureDir().catch(() => undefined); // a failure shows when the file is written
    let pending: Promise<PrecedentIndex> | null;
    do {
      pending = this.current;
      try {
        await pending;
      } catch {
        return;
      }
    } while (pending !== this.current);
    if (!this.built || !this.snapshotStale) return;
    // From here to writeSnapshot's first await nothing yields: the index and `known` agree.
    const byDoc = new Map<PrecedentDoc, string>();
    for (const [file, known] of this.known) byDoc.set(known.doc, file);
    const plans = this.built.docs.map((doc) => ({ file: byDoc.get(doc) ?? '', fingerprint: this.known.get(byDoc.get(doc) ?? '')?.fingerprint ?? '' }));
    if (plans.some((p) => p.file === '')) return;
    const folders = [...this.folders()].sort(); // the same set of folders added in another order is the same library
    this.snapshotStale = false;
    try {
      this.lastSnapshotBytes = await writeSnapshot(cache.snapshotFile(folders), cache.analyser, folders, plans, this.built);
    } catch (e) {
      this.snapshotStale = true;
      this.log(`qplan：无法写入先例库快照：${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Resolves when the cache writes started so far are done (the index never waits for them). */
  async cacheWritten(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  dispose(): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.watcher?.dispose();
    this.watcher = null;
  }

  private async refresh(index: PrecedentIndex | null): Promise<PrecedentIndex> {
    const started = Date.now();
    const folders = this.folders();
    if (this.options.watch) {
      this.watcher ??= new FolderWatcher(() => this.changed(), this.log);
      this.watcher.watch(folders);
    }
    const files: string[] = [];
    const listed = new Set<string>();
    for (const dir of folders) {
      const problems: PlanReadError[] = [];
      for (const file of listPlanFiles(dir, problems)) {
        if (listed.has(file)) continue;
        listed.add(file);
        files.push(file);
      }
      for (const p of problems) this.report(p.file ?? dir, 'listing', p.reason);
    }
    // On the first build, the snapshot of these folders (if any) is read while the files are fingerprinted.
    const first = this.known.size === 0;
    const early = first && files.length > 0 ? this.loadSnapshot(folders) : null;
    const prints = await mapLimited(files, 16, fingerprint);
    // Later, when most plans are new to the library (a folder of thousands added by a setting that
    // arrived after the first look-up), the snapshot of the new set of folders is worth loading.
    const unseen = files.filter((file, i) => prints[i] !== null && this.known.get(file)?.fingerprint !== prints[i]).length;
    const snapshot = early ? await early : !first && unseen > this.known.size ? await this.loadSnapshot(folders) : null;
    if (snapshot) {
      this.known.clear();
      this.snapshotStale = false;
      for (const p of snapshot.plans) {
        p.doc.file = this.options.nameOf?.(p.file) ?? p.file; // names may depend on the working directory
        this.known.set(p.file, { fingerprint: p.fingerprint, doc: p.doc });
      }
      index = snapshot.index;
    }
    const remove: string[] = [];
    let read = 0;
    let cached = 0;
    // Plans are read a few at a time (the disk overlaps), kept in listing order.
    const loaded = await mapLimited(files.map((file, i) => [file, prints[i]] as const), 16, async ([file, print]): Promise<Known | null> => {
      const known = this.known.get(file);
      if (print !== null && known?.fingerprint === print) return known;
      if (print === null) {
        this.report(file, 'missing', '文件不存在');
        return null;
      }
      let record = await this.options.cache?.get(file, print);
      if (record) cached++;
      else {
        try {
          record = await readPrecedent(file, this.log);
        } catch (e) {
          this.report(file, print, e instanceof PlanReadError ? e.reason : e instanceof Error ? e.message : String(e));
          return null;
        }
        read++;
        const write = this.options.cache?.put(file, print, record);
        if (write) {
          this.writes.add(write);
          void write.finally(() => this.writes.delete(write));
        }
      }
      return { fingerprint: print, doc: docOf(this.options.nameOf?.(file) ?? file, record) };
    });
    let add: PrecedentDoc[] = [];
    const next = new Map<string, Known>();
    files.forEach((file, i) => {
      const now = loaded[i];
      if (now) next.set(file, now);
      if (now && now === this.known.get(file)) return;
      if (now) add.push(now.doc);
    });
    for (const [file, known] of this.known) if (next.get(file) !== known) remove.push(known.doc.file);
    this.known.clear();
    for (const [file, known] of next) this.known.set(file, known);
    if (snapshot && (add.length + remove.length) * 2 > snapshot.plans.length) {
      // Most of the library changed since the snapshot: a fresh build costs less than the updates.
      index = null;
      add = [...next.values()].map((k) => k.doc);
      remove.length = 0;
    }
    if (index && remove.length === 0 && add.length === 0) {
      if (snapshot) (this.options.onBuilt ?? this.log)(`qplan：先例库已由快照载入：共 ${index.docs.length} 份方案、${index.taskCount} 项任务，用时 ${Date.now() - started} 毫秒`);
      return index;
    }
    this.snapshotStale = true;
    // Plans are indexed a chunk at a time, the event loop let through in between: building thousands
    // of plans takes seconds, and diagnostics and other requests must not wait for all of it.
    let updated = index ? updatePrecedentIndex(index, { remove }) : buildPrecedentIndex(add.slice(0, INDEX_CHUNK));
    for (let i = index ? 0 : INDEX_CHUNK; i < add.length; i += INDEX_CHUNK) {
      await new Promise((resolve) => setImmediate(resolve));
      updated = updatePrecedentIndex(updated, { add: add.slice(i, i + INDEX_CHUNK) });
    }
    const what = snapshot && index ? `由快照载入并更新（加入 ${add.length} 份、撤下 ${remove.length} 份）` : index ? `已更新（加入 ${add.length} 份、撤下 ${remove.length} 份）` : '已建立';
    (this.options.onBuilt ?? this.log)(`qplan：先例库${what}：共 ${updated.docs.length} 份方案、${updated.taskCount} 项任务（读取 ${read} 份，取自缓存 ${cached} 份），用时 ${Date.now() - started} 毫秒`);
    return updated;
  }

  /** The snapshot of `folders`, if enabled, present and sound; a damaged or old one is logged once and ignored. */
  private async loadSnapshot(folders: string[]): Promise<Snapshot | null> {
    const cache = this.options.cache;
    if (!cache || this.options.snapshot === false) return null;
    const key = [...folders].sort();
    const file = cache.snapshotFile(key);
    const got = await readSnapshot(file, cache.analyser, key);
    if (got && 'problem' in got) {
      this.log(`qplan：先例库快照 ${file} 不可用（${got.problem}），重新建立`);
      return null;
    }
    return got;
  }

  /** Logs that `file` was skipped, once per fingerprint (a file still broken after a rescan is not logged again). */
  private report(file: string, print: string, reason: string): void {
    if (this.reported.get(file) === print) return;
    this.reported.set(file, print);
    if (this.options.onSkip) this.options.onSkip(file, reason);
    else this.log(`qplan：先例库跳过 ${file}：${reason}`);
  }
}

/** Plans indexed between two turns of the event loop (about 0.1–0.3 s of work). */
const INDEX_CHUNK = 200;

function defaultDirs(): string[] {
  const dir = builtinSeedsDir();
  return dir ? [dir] : [];
}

/**
 * The precedent file a draft must not be compared with: the one at the draft's own path, else one
 * whose text is the draft's (a seed opened from elsewhere or pasted into an untitled editor).
 */
export function draftFile(index: PrecedentIndex, uri: string, text: string): string | undefined {
  const own = pathOf(uri);
  return index.docs.find((d) => d.file === own)?.file ?? index.docs.find((d) => d.text === text)?.file;
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** `fn` over `items` with at most `limit` calls in flight; results in the items' order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
