// `qplan similar`: the precedent tasks most like a task text or a task of a draft, as text or JSON.
import path from 'node:path';
import { Command, Option } from 'commander';
import { findSimilarTasks, markedExcerpt, placeLabel, taskText, toSimilarJson, type SimilarTask } from '../core';
import { builtinSeedsDir, listPlanFiles, teamPrecedentDirs } from '../io';
import { PrecedentCache, PrecedentLibrary } from '../precedents';
import { analyzeLoaded } from './analysis';
import { loadPlans, NO_PLAN_FILES } from './inputs';
import type { Run } from './run';

interface SimilarFlags {
  corpus: string[];
  builtin: boolean;
  top: string;
  format: 'text' | 'json';
  file?: string;
  line?: string;
  cache?: string;
}

/** The bundled seeds (see io/seeds.ts); kept under this name for the CLI's callers. */
export function builtinCorpusDir(): string | null {
  return builtinSeedsDir();
}

export function similarCommand(run: Run): Command {
  return new Command('similar')
    .description('在先例库（随附的五份种子方案及 --corpus 文件夹）中查找与某项任务最相似的任务')
    .usage('[选项] (<TEXT> | --file PATH --line N)')
    .argument('[TEXT]', '任务文字（标题及正文）')
    .addOption(new Option('--corpus <DIR>', '加入先例库的文件夹（可多次使用）').argParser((v: string, prev: string[] = []) => [...prev, v]).default([]))
    .addOption(new Option('--no-builtin', '不使用随附的种子方案'))
    .addOption(new Option('--top <N>', '最多返回几项').default('3'))
    .addOption(new Option('-f, --format <格式>', '输出格式：text（默认）、json').choices(['text', 'json']).default('text'))
    .addOption(new Option('--file <PATH>', '草稿文件：取其第 --line 行所在的任务为查询，且不把它当作先例'))
    .addOption(new Option('--line <N>', '与 --file 同用：任务所在行（从 1 起）'))
    .addOption(new Option('--cache <DIR>', '先例分析结果的缓存文件夹：再次运行时未改动的方案不再重新读取和分析'))
    .action(async (text: string | undefined, flags: SimilarFlags) => {
      const top = Number(flags.top);
      if (!Number.isInteger(top) || top < 1) return run.fail(`--top 须为正整数，而不是 ${flags.top}`);
      if (text !== undefined && (flags.file !== undefined || flags.line !== undefined)) {
        return run.fail('任务文字与 --file/--line 只能二选一');
      }
      if (text === undefined && flags.file === undefined) return run.fail('缺少任务文字（或用 --file PATH --line N 指定草稿中的任务）');
      if ((flags.file === undefined) !== (flags.line === undefined)) return run.fail('--file 与 --line 须同时使用');
      if (text !== undefined && text.trim() === '') return run.fail('任务文字为空');

      let query = text ?? '';
      let exclude: string | undefined;
      if (flags.file !== undefined) {
        const line = Number(flags.line);
        if (!Number.isInteger(line) || line < 1) return run.fail(`--line 须为正整数，而不是 ${flags.line}`);
        const found = await taskAtLine(flags.file, line, run);
        if (found === undefined) return;
        query = found;
        exclude = path.resolve(flags.file);
      }

      // With --file, the precedent folders of the team config above the draft join in, as in the editor.
      const teamDirs = flags.file === undefined ? [] : teamPrecedentDirs(path.dirname(path.resolve(flags.file)));
      const dirs = [...new Set([...(flags.builtin ? [builtinCorpusDir() ?? 'seeds'] : []), ...flags.corpus, ...teamDirs])];
      if (dirs.length === 0) return run.fail('先例库为空：用了 --no-builtin 却没有给出 --corpus');
      for (const dir of flags.corpus) {
        if (listPlanFiles(dir, []).length === 0) run.fail(NO_PLAN_FILES, dir);
      }
      // The same loader as the language server: front matter and sidecars read, the --cache used.
      const library = new PrecedentLibrary((m) => run.warn(m.replace(/^qplan：/, '')), () => dirs, {
        cache: flags.cache === undefined ? undefined : new PrecedentCache(flags.cache, (m) => run.warn(m.replace(/^qplan：/, ''))),
        nameOf: displayName,
        onSkip: (file, reason) => run.fail(reason, file),
        onBuilt: () => undefined,
      });
      const index = await library.index();
      // the draft is never its own precedent
      const results = findSimilarTasks(index, query, { top, excludeFile: exclude === undefined ? undefined : displayName(exclude) });
      if (flags.format === 'json') run.io.stdout(JSON.stringify(toSimilarJson(results), null, 2) + '\n');
      else run.io.stdout(formatSimilarText(results));
      // The next run with the same --cache starts from the library snapshot (written now: the process is about to exit).
      if (flags.cache !== undefined) await library.snapshotWritten();
    });
}

/** The query text of the task at (or around) 1-based `line` of `file`; undefined after reporting. */
async function taskAtLine(file: string, line: number, run: Run): Promise<string | undefined> {
  for await (const plan of loadPlans([file], run)) {
    const model = analyzeLoaded(plan, run);
    if (!model) return undefined;
    const task = model.tasks.find((t) => t.line <= line - 1 && line - 1 <= t.endLine);
    if (!task) {
      run.fail(`第 ${line} 行不在任何任务内`, plan.file);
      return undefined;
    }
    return taskText(model, plan.text, task);
  }
  return undefined;
}

/** Paths below the working directory relative to it (seeds/x.txt), others as they are. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** Chinese text output: one block per precedent task, shared wording in 【】. */
export function formatSimilarText(results: readonly SimilarTask[]): string {
  if (results.length === 0) return '没有找到足够相似的先例任务。\n';
  const json = toSimilarJson(results);
  return (
    json
      .map((r, i) => {
        const where = [placeLabel(results[i].doc) ?? '（城市不详）', r.year === null ? '（年份不详）' : `${r.year}年`, r.docNumber ?? '（无文号）'].join(' ');
        const units = r.leads.length + r.cooperators.length === 0 ? '无' : `${r.leads.join('、') || '无'}${r.cooperators.length ? `；配合：${r.cooperators.join('、')}` : ''}`;
        const lines = [
          `${i + 1}. 相似度 ${r.score.toFixed(2)}  ${where}  ${r.file}:${r.line}`,
          `   任务：${r.title}`,
          `   牵头：${units}`,
        ];
        if (r.targets.length > 0) lines.push(`   指标：${r.targets.map((t) => t.text).join('；')}`);
        lines.push(`   摘录：${markedExcerpt(results[i].excerpt)}`);
        return lines.join('\n');
      })
      .join('\n\n') + '\n'
  );
}
