// The team config for each checked file: the --config file when given, else the nearest
// qplan.config.json above the file. Problems are reported once per config file, with positions.
import fs from 'node:fs';
import path from 'node:path';
import { positionAt, teamConfigOptions, type AnalysisOptions, type ConfigProblem } from '../core';
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

  /** Throws ConfigError when `explicitFile` is given but is not there. */
  constructor(private readonly run: Run, explicitFile?: string) {
    if (explicitFile === undefined) return;
    if (!fs.existsSync(explicitFile)) throw new ConfigError(`配置文件 ${explicitFile} 不存在`);
    this.explicit = this.report(readTeamConfig(explicitFile), explicitFile);
  }

  /** The config that applies to a plan file ("-" looks from the working folder), reported on first use. */
  configFor(planFile: string): LoadedTeamConfig | undefined {
    if (this.explicit) return this.explicit;
    const dir = planFile === STDIN ? process.cwd() : path.dirname(path.resolve(planFile));
    if (!this.byDir.has(dir)) {
      const file = findTeamConfig(dir);
      this.byDir.set(dir, file === undefined ? undefined : this.report(readTeamConfig(file), path.relative(process.cwd(), file) || file));
    }
    return this.byDir.get(dir);
  }

  optionsFor(planFile: string): AnalysisOptions {
    const config = this.configFor(planFile);
    return config ? teamConfigOptions(config.config) : {};
  }

  /** Every config file used so far. */
  used(): LoadedTeamConfig[] {
    const all = [this.explicit, ...this.byDir.values()].filter((c): c is LoadedTeamConfig => c !== undefined);
    return [...new Map(all.map((c) => [c.file, c])).values()];
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
