// Watches the precedent folders for changes with fs.watch, in the server itself: the folders may
// lie outside the workspace (a team share, a path from the team config), where the client's
// workspace/didChangeWatchedFiles cannot see, and the CLI has no client at all.
import fs from 'node:fs';

/** Quiet time after the last event before the library rescans (a copy of many files is one rescan). */
const SETTLE_MS = 300;

/**
 * One recursive fs.watch per folder (Node ≥ 20 supports recursive watching on Linux, macOS and
 * Windows). Any event in a folder schedules one call of `changed` after things settle; the library
 * then re-lists and re-fingerprints, so a missed or coalesced event costs nothing but a stat. A
 * folder that cannot be watched (missing, inotify limit, network drive) is logged once; its plans
 * are still read, and re-read whenever another change or a settings change triggers a rescan.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private timer: NodeJS.Timeout | null = null;
  private readonly failed = new Set<string>();

  constructor(private readonly changed: () => void, private readonly log: (message: string) => void, private readonly settleMs = SETTLE_MS) {}

  /** Watches exactly `folders`: new ones are added, ones no longer listed closed. */
  watch(folders: readonly string[]): void {
    for (const [dir, w] of this.watchers) {
      if (!folders.includes(dir)) {
        w.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of folders) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = fs.watch(dir, { recursive: true, persistent: false }, () => this.schedule());
        w.on('error', (e) => {
          this.fail(dir, e);
          w.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, w);
        this.failed.delete(dir);
      } catch (e) {
        this.fail(dir, e);
      }
    }
  }

  private fail(dir: string, e: unknown): void {
    if (this.failed.has(dir)) return;
    this.failed.add(dir);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // the listing already reported the missing folder
    this.log(`qplan：无法监视先例文件夹 ${dir}（${code ?? (e instanceof Error ? e.message : String(e))}），其中文件的变化要到下次重新扫描才会生效`);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.changed();
    }, this.settleMs);
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
