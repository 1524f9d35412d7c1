// The qplan command tree: global options, Chinese help, and usage errors mapped to exit status 2.
import { Command, CommanderError } from 'commander';
import { PLAN_EXTENSIONS_LISTED } from '../io';
import { analyzeCommand } from './analyze';
import { checkCommand } from './check';
import { helpConfiguration, translateUsageError } from './help';
import { outlineCommand } from './outline';
import { similarCommand } from './similar';
import { matrixCommand, targetsCommand } from './tables';
import { EXIT_OK, EXIT_USAGE, type Run } from './run';
import { QPLAN_VERSION } from './version';

const EPILOG = `
PATH 可以是文件或文件夹（文件夹：其下所有 ${PLAN_EXTENSIONS_LISTED}），- 表示标准输入。
编码自动识别：UTF-8、UTF-16、GB18030/GBK。
退出状态：0 没有“错误”级问题；1 至少一个“错误”级问题；2 用法错误或有文件无法读取。`;

/** Builds the program; every command reports through `run`. */
export function createProgram(run: Run): Command {
  const program = new Command('qplan');
  program
    .description('质量强市行动计划、质量提升实施方案等质量规划文件的分析工具')
    .usage('<命令> [选项] <PATH...>')
    .configureHelp(helpConfiguration)
    .configureOutput(output(run, 'qplan'))
    .exitOverride()
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .version(QPLAN_VERSION, '-V, --version', '显示版本号')
    .showSuggestionAfterError(true)
    .addHelpText('after', EPILOG);

  for (const command of [checkCommand(run), analyzeCommand(run), outlineCommand(run), matrixCommand(run), targetsCommand(run), similarCommand(run)]) {
    command
      .copyInheritedSettings(program)
      .configureOutput(output(run, `qplan ${command.name()}`))
      .helpOption('-h, --help', '显示帮助')
      .addHelpText('after', EPILOG);
    program.addCommand(command);
  }
  return program;
}

/** Help to stdout, usage errors as one Chinese line on stderr pointing at the right --help. */
function output(run: Run, name: string) {
  return {
    writeOut: (s: string) => run.io.stdout(s),
    writeErr: (s: string) => run.io.stderr(s),
    outputError: (message: string) => run.fail(`${translateUsageError(message)}（用 ${name} --help 查看用法）`),
  };
}

/** Parses argv and runs the command; resolves to the exit status (never rejects). */
export async function runCli(argv: readonly string[], run: Run): Promise<number> {
  const program = createProgram(run);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version asked for are success; help shown for a missing command is bad usage.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') run.raise(EXIT_OK);
      else run.raise(EXIT_USAGE);
    } else {
      run.fail(`内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.split('\n')[0]);
    }
  }
  return run.status;
}
