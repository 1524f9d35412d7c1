// `qplan matrix` (任务分工表) and `qplan targets` (主要指标表): a drafter's tables as Markdown, CSV, JSON or .docx.
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { buildTable, tableDocxBytes, tableJson, tableText, type TableFormat, type TableKind } from '../export/tables';
import { analyzeLoaded } from './analysis';
import { loadPlans, PATH_HELP } from './inputs';
import type { Run } from './run';

interface TableFlags {
  format: TableFormat;
  out?: string;
}

const NAMES: Record<TableKind, string> = { matrix: '任务分工表', targets: '主要指标表' };

export function matrixCommand(run: Run): Command {
  return tableCommand(run, 'matrix', '生成任务分工表：序号、重点任务、牵头单位、配合单位、目标/指标、完成时限');
}

export function targetsCommand(run: Run): Command {
  return tableCommand(run, 'targets', '生成主要指标表：类别、指标、单位、目标值、年份（不含“发展基础”等背景中的数字）');
}

function tableCommand(run: Run, kind: TableKind, description: string): Command {
  return new Command(kind)
    .description(description)
    .usage('[选项] <PATH>')
    .argument('<PATH>', PATH_HELP)
    .addOption(new Option('-f, --format <格式>', '输出格式：md（默认，Markdown）、csv（UTF-8 带 BOM，Excel 可直接打开）、json、docx（Word，横向 A4）')
      .choices(['md', 'csv', 'json', 'docx']).default('md'))
    .addOption(new Option('-o, --out <文件>', '写入文件而不是标准输出（docx 在终端上必须指定）'))
    .action(async (target: string, flags: TableFlags) => {
      if (flags.format === 'docx' && flags.out === undefined && (run.io.stdoutIsTerminal || !run.io.stdoutBytes)) {
        run.fail(`docx 是二进制文件，不能输出到终端：请用 --out 文件名.docx 指定输出文件，或重定向到文件`);
        return;
      }
      const tables: { file: string; table: ReturnType<typeof buildTable> }[] = [];
      for await (const plan of loadPlans([target], run)) {
        const model = analyzeLoaded(plan, run);
        if (model) tables.push({ file: plan.file, table: buildTable(kind, model, plan.text) });
      }
      if (tables.length === 0) return;
      if ((flags.format === 'csv' || flags.format === 'docx') && tables.length > 1) {
        run.fail(`${flags.format} 格式一次只能输出一个方案的${NAMES[kind]}（${target} 下有 ${tables.length} 个方案文件），请指定单个文件`);
        return;
      }
      let output: string | Uint8Array;
      if (flags.format === 'docx') output = await tableDocxBytes(kind, tables[0].table);
      else if (flags.format === 'json') output = JSON.stringify(tables.map((t) => tableJson(t.table, t.file)), null, 2) + '\n';
      else output = tables.map((t) => tableText(kind, t.table, flags.format as 'md' | 'csv')).join('\n');
      if (flags.out !== undefined) {
        try {
          writeFileSync(flags.out, output);
        } catch (e) {
          run.fail(`无法写入（${writeProblem(e)}）`, flags.out);
        }
      } else if (typeof output === 'string') run.io.stdout(output);
      else run.io.stdoutBytes!(output);
    });
}

/** Why a file could not be written, in Chinese for the usual causes. */
function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '所在文件夹不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入权限';
  if (code === 'EISDIR') return '这是一个文件夹';
  return code ?? (e instanceof Error ? e.message : String(e));
}
