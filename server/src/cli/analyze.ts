// `qplan analyze --format json`: the document model of every plan (title, headings, tasks, targets).
import { Command, Option } from 'commander';
import { toAnalysisJson, type AnalysisJson } from '../core/report';
import { analyzeLoaded } from './analysis';
import { loadPlans, PATH_HELP } from './inputs';
import type { Run } from './run';

export function analyzeCommand(run: Run): Command {
  return new Command('analyze')
    .description('输出方案的文档模型（JSON）：标题、文号、日期、期限、各级标题、任务及其牵头配合单位、量化指标')
    .usage('[选项] <PATH...>')
    .argument('<PATH...>', PATH_HELP)
    .addOption(new Option('-f, --format <格式>', '输出格式：json（默认，目前唯一）').choices(['json']).default('json'))
    .action(async (paths: string[]) => {
      const out: AnalysisJson[] = [];
      for await (const plan of loadPlans(paths, run)) {
        const model = analyzeLoaded(plan, run);
        if (model) out.push(toAnalysisJson(model, plan.file));
      }
      run.io.stdout(JSON.stringify(out, null, 2) + '\n');
    });
}
