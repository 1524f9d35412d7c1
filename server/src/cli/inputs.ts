// Turns the PATH arguments into plan texts: folders expanded, "-" read from stdin, failures reported.
import path from 'node:path';
import { listPlanFiles, PLAN_EXTENSIONS_LISTED, PlanReadError, readPlanFile, readPlanStream, type PlanFile } from '../io';
import type { Run } from './run';

/** How the commands describe their PATH argument. */
export const PATH_HELP = `方案文件（${PLAN_EXTENSIONS_LISTED}）或文件夹；- 表示标准输入`;
/** What a folder without a plan file is told. */
export const NO_PLAN_FILES = `文件夹里没有方案文件（${PLAN_EXTENSIONS_LISTED}）`;

export interface LoadedPlan extends PlanFile {
  /** The file as printed: the path as given or found below a given folder; "-" for stdin. */
  file: string;
}

/** The name under which standard input is read and reported. */
export const STDIN = '-';

/**
 * Yields every readable plan the arguments stand for, in order: a folder contributes its plan
 * files sorted, a file itself, "-" standard input. A file named twice is read once. Whatever
 * cannot be read is reported on stderr (exit 2) and skipped, so the other files still run.
 */
export async function* loadPlans(paths: readonly string[], run: Run): AsyncGenerator<LoadedPlan> {
  const seen = new Set<string>();
  for (const arg of paths) {
    if (arg === STDIN) {
      if (seen.has(STDIN)) continue;
      seen.add(STDIN);
      yield* readOne(run, STDIN, () => readPlanStream(run.io.stdin, STDIN));
      continue;
    }
    const problems: PlanReadError[] = [];
    const files = listPlanFiles(arg, problems);
    for (const p of problems) run.fail(p.reason, p.file ?? arg);
    if (files.length === 0 && problems.length === 0) {
      run.fail(NO_PLAN_FILES, arg);
    }
    for (const file of files) {
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      yield* readOne(run, file, () => readPlanFile(file));
    }
  }
}

async function* readOne(run: Run, file: string, read: () => Promise<PlanFile>): AsyncGenerator<LoadedPlan> {
  let plan: PlanFile;
  try {
    plan = await read();
  } catch (e) {
    if (e instanceof PlanReadError) run.fail(e.reason, file);
    else run.fail(`无法读取（${e instanceof Error ? e.message : String(e)}）`, file);
    return;
  }
  if (plan.lossy) run.warn(`${file}: 有无法解码的字节（文件可能被截断），已替换为 �`);
  yield { ...plan, file };
}
