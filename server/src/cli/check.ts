// `qplan check`: diagnostics for every plan, as text, JSON or SARIF; exit 1 on an error-severity one.
import { Command, Option } from 'commander';
import path from 'node:path';
import { applySuppressions, teamConfigOptions, type AnalysisOptions } from '../core';
import { analyzeLoaded, checkLoaded } from './analysis';
import { CliTeamConfigs, ConfigError } from './config';
import { formatDiagnosticLine, formatSummary } from './formats/text';
import { toSarif } from './formats/sarif';
import { loadPlans, PATH_HELP, STDIN } from './inputs';
import { locateDiagnostics, type LocatedDiagnostic } from './located';
import { EXIT_ERRORS_FOUND, type Run } from './run';
import { QPLAN_VERSION } from './version';

interface CheckFlags {
  format: 'text' | 'json' | 'sarif';
  config?: string;
}

export function checkCommand(run: Run): Command {
  return new Command('check')
    .description('检查方案：缺少牵头单位或量化指标、标题编号、括号、责任条款格式等问题')
    .usage('[选项] <PATH...>')
    .argument('<PATH...>', PATH_HELP)
    .addOption(new Option('-f, --format <格式>', '输出格式：text（默认）、json、sarif').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('-c, --config <文件>', '团队配置文件（JSON，可含注释），代替从每个文件所在文件夹向上查找的 qplan.config.json'))
    .action((paths: string[], flags: CheckFlags) => runCheck(paths, flags, run));
}

async function runCheck(paths: string[], flags: CheckFlags, run: Run): Promise<void> {
  let configs: CliTeamConfigs;
  try {
    configs = new CliTeamConfigs(run, flags.config);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    run.fail(e.message);
    return;
  }

  const all: LocatedDiagnostic[] = [];
  const suppressed: { diagnostic: LocatedDiagnostic; reason: string }[] = [];
  /** The config file of each checked plan ('' for none): SARIF states one level per rule. */
  const governing = new Map<string, AnalysisOptions>();
  let files = 0;
  for await (const plan of loadPlans(paths, run)) {
    const model = analyzeLoaded(plan, run);
    if (!model) continue;
    const config = configs.configFor(plan.file);
    const options = config ? teamConfigOptions(config.config) : {};
    governing.set(config?.file ?? '', options);
    const found = checkLoaded(plan, model, options, run);
    if (!found) continue;
    // Suppressions name a task, not a line, so they are applied to the model's tasks after the rules.
    const file = plan.file === STDIN ? undefined : path.resolve(plan.file);
    const { kept: diagnostics, used: usedSuppressions, suppressed: silenced } = applySuppressions(model, found, options.suppressions, file);
    configs.recordUse(file, config, usedSuppressions);
    for (const s of silenced) suppressed.push({ diagnostic: locateDiagnostics(plan.file, model, [s.diagnostic])[0], reason: s.suppression.reason });
    files++;
    const located = locateDiagnostics(plan.file, model, diagnostics);
    // Text streams file by file, so a long run shows progress; JSON and SARIF need the whole set.
    if (flags.format === 'text') located.forEach((d) => run.io.stdout(formatDiagnosticLine(d) + '\n'));
    all.push(...located);
  }
  configs.reportUnused();
  // The team's levels when every file had the same config, else the defaults.
  const options: AnalysisOptions = governing.size === 1 ? [...governing.values()][0] : {};

  if (all.some((d) => d.severity === 'error')) run.raise(EXIT_ERRORS_FOUND);
  switch (flags.format) {
    case 'text':
      run.io.stdout(formatSummary(files, all) + '\n');
      break;
    case 'json':
      run.io.stdout(JSON.stringify(all, null, 2) + '\n');
      break;
    case 'sarif':
      run.io.stdout(
        JSON.stringify(toSarif({ diagnostics: all, options, version: QPLAN_VERSION, cwd: process.cwd(), failures: run.failures, suppressed }), null, 2) + '\n',
      );
      break;
  }
}
