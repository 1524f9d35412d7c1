// Expands a path the user gave into the plan files it stands for.
import fs from 'node:fs';
import path from 'node:path';
import { PlanReadError } from './errors';
import { toReadError } from './read';

/** Extensions of the files a folder contributes (compared case-insensitively). */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.mht', '.docx', '.doc', '.pdf'] as const;
/** The extensions as messages list them: .txt、.md、…. */
export const PLAN_EXTENSIONS_LISTED = PLAN_EXTENSIONS.join('、');

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** True for a name a folder walk picks up: a plan extension, not hidden, not a Word lock file (~$x.docx). */
export function isPlanFileName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$')) return false;
  return (PLAN_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/**
 * The plan files a path stands for: a file (or a path that does not exist, for the reader to
 * report) yields itself; a folder yields every file with one of PLAN_EXTENSIONS below it, recursively, sorted,
 * skipping node_modules, .git and hidden folders. Folders that cannot be listed are reported in
 * `problems` when given, else thrown as a PlanReadError.
 */
export function listPlanFiles(pathOrDir: string, problems?: PlanReadError[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(pathOrDir);
  } catch {
    return [pathOrDir];
  }
  if (!stat.isDirectory()) return [pathOrDir];

  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (seen.has(real)) return; // a symlink loop
      seen.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const err = toReadError(e, dir);
      const problem = new PlanReadError(err.reason.replace(/^文件不存在$/, '文件夹不存在'), dir);
      if (problems) problems.push(problem);
      else throw problem;
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link is no plan
        }
      }
      if (isDir) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (isFile && isPlanFileName(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(pathOrDir);
  return found.sort(comparePaths);
}

/** Orders paths segment by segment, so a folder's files stay together. */
function comparePaths(a: string, b: string): number {
  const pa = a.split(/[\\/]/);
  const pb = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
