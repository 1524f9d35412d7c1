// `qplan outline`: the heading tree of every plan, as indented text or JSON.
import { Command, Option } from 'commander';
import { toOutline, type Outline } from '../core/report';
import { analyzeLoaded } from './analysis';
import { formatOutlineText } from './formats/outline';
import { loadPlans, PATH_HELP } from './inputs';
import type { Run } from './run';

export function outlineCommand(run: Run): Command {
  return new Command('outline')
    .description('输出方案的标题结构（大纲），标出任务及其牵头、配合单位')
    .usage('[选项] <PATH...>')
    .argument('<PATH...>', PATH_HELP)
    .addOption(new Option('-f, --format <格式>', '输出格式：text（默认）、json').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], flags: { format: 'text' | 'json' }) => {
      const out: (Outline & { file: string })[] = [];
      for await (const plan of loadPlans(paths, run)) {
        const model = analyzeLoaded(plan, run);
        if (!model) continue;
        const outline = toOutline(model);
        if (flags.format === 'text') run.io.stdout((out.length > 0 ? '\n' : '') + formatOutlineText(plan.file, outline));
        out.push({ file: plan.file, ...outline });
      }
      if (flags.format === 'json') run.io.stdout(JSON.stringify(out, null, 2) + '\n');
    });
}
