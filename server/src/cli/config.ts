// The team config for each checked file: the --config file when given, else the nearest
// qplan.config.json above the file. Problems are reported once per config file, with positions.
import fs from 'node:fs';
import path from 'node:path';
import { positionAt, unusedSuppressionProblem, unusedSuppressions, type ConfigProblem } from '../core';
import { findTeamConfig, readTeamConfig, type LoadedTeamConfig } from '../io';
import { findLineStarts } from '../core/positions';
import { STDIN } from './inputs';
import type { Run } from './run';

/** A --config file that does not exist: a usage error, so nothing is checked. */
export class ConfigError extends Error {}

export class CliTeamConfigs {
  private readonly byDir = new Map<string, LoadedTeamConfig | undefined>();
  private readonly reported = new Set<string>();
  private readonly explicit: LoadedTeamConfig | undefined;
  private explicitShown = '';
  /** Per config file: each checked plan's path and the suppressions it used. */
  private readonly uses = new Map<string, { file: string | undefined; used: ReadonlySet<number> }[]>();

  /** Throws ConfigError when `explicitFile` is given but is not there. */
  constructor(private readonly run: Run, explicitFile?: string) {
    if (explicitFile === undefined) return;
    if (!fs.existsSync(explicitFile)) throw new ConfigError(`配置文件 ${explicitFile} 不存在`);
    this.explicitShown = explicitFile;
    this.explicit = this.report(readTeamConfig(explicitFile), explicitFile);
  }

  /** The config that applies to a plan file ("-" looks from the working folder), reported on first use. */
  configFor(planFile: string): LoadedTeamConfig | undefined {
    if (this.explicit) return this.explicit;
    const dir = planFile === STDIN ? process.cwd() : path.dirname(path.resolve(planFile));
    if (!this.byDir.has(dir)) {
      const file = findTeamConfig(dir);
      this.byDir.set(dir, file === undefined ? undefined : this.report(readTeamConfig(file), this.shown(file)));
    }
    return this.byDir.get(dir);
  }

  /** Records which suppressions a checked plan used, for `reportUnused`. */
  recordUse(planFile: string | undefined, config: LoadedTeamConfig | undefined, used: ReadonlySet<number>): void {
    if (!config) return;
    const list = this.uses.get(config.file) ?? [];
    list.push({ file: planFile, used });
    this.uses.set(config.file, list);
  }

  /** After the run: a warning for each file-limited suppression that silenced nothing in the file it names. */
  reportUnused(): void {
    for (const config of this.used()) {
      for (const i of unusedSuppressions(config.config.suppress, this.uses.get(config.file) ?? [])) {
        const p = unusedSuppressionProblem(config, i);
        if (p) this.run.warn(`${this.shown(config.file)}:${place(config.text, p)}: ${p.zh}`);
      }
    }
  }

  /** Every config file used so far. */
  private used(): LoadedTeamConfig[] {
    const all = [this.explicit, ...this.byDir.values()].filter((c): c is LoadedTeamConfig => c !== undefined);
    return [...new Map(all.map((c) => [c.file, c])).values()];
  }

  /** A found config file as printed: relative to the working folder. */
  private shown(file: string): string {
    if (this.explicit?.file === file) return this.explicitShown;
    return path.relative(process.cwd(), file) || file;
  }

  /** Prints the file's problems once: a broken file fails the run (exit 2, defaults apply); a bad field warns. */
  private report(config: LoadedTeamConfig, shown: string): LoadedTeamConfig {
    if (this.reported.has(config.file)) return config;
    this.reported.add(config.file);
    for (const p of config.problems) {
      const where = `${shown}:${place(config.text, p)}`;
      if (p.severity === 'error') this.run.fail(p.zh, where);
      else this.run.warn(`${where}: ${p.zh}`);
    }
    return config;
  }
}

/** "line:column", 1-based, UTF-16 columns like every other position qplan prints. */
function place(text: string, p: ConfigProblem): string {
  const at = positionAt(findLineStarts(text), Math.min(p.offset, text.length));
  return `${at.line}:${at.column}`;
}
