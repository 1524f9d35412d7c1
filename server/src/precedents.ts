// The session's precedent library: the bundled seeds, read and indexed once on first need, then only queried.
import { fileURLToPath } from 'node:url';
import { buildPrecedentIndex, makePrecedentDoc, type PrecedentDoc, type PrecedentIndex } from './core';
import { builtinSeedsDir, listPlanFiles, PlanReadError, readPlanFile } from './io';

/**
 * Built lazily: the first hover that needs precedents reads the seeds folder with the io layer
 * and builds the index; every later hover awaits the same promise and only queries the index.
 * Team folders, incremental re-indexing and a disk cache are not here yet (issue 4).
 */
export class PrecedentLibrary {
  private building: Promise<PrecedentIndex> | null = null;

  /** `dirs` are read on first need; the default is the bundled seeds folder. */
  constructor(private readonly log: (message: string) => void, private readonly dirs: () => string[] = defaultDirs) {}

  /** The index, built on the first call; a folder or file that cannot be read is logged and skipped. */
  index(): Promise<PrecedentIndex> {
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<PrecedentIndex> {
    const started = Date.now();
    const docs: PrecedentDoc[] = [];
    for (const dir of this.dirs()) {
      const problems: PlanReadError[] = [];
      const files = listPlanFiles(dir, problems);
      for (const p of problems) this.log(`qplan：先例库跳过 ${p.file ?? dir}：${p.reason}`);
      for (const file of files) {
        try {
          const { text } = await readPlanFile(file);
          docs.push(makePrecedentDoc(file, text));
        } catch (e) {
          this.log(`qplan：先例库跳过 ${file}：${e instanceof PlanReadError ? e.reason : e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    const index = buildPrecedentIndex(docs);
    this.log(`qplan：先例库已建立：${docs.length} 份方案、${index.taskCount} 项任务，用时 ${Date.now() - started} 毫秒`);
    return index;
  }
}

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
