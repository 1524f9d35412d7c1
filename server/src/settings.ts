// The `qplan` settings a user or workspace sets, read leniently into the core's AnalysisOptions.
import type { Connection } from 'vscode-languageserver';
import { ruleInfo, type AnalysisOptions, type RuleId, type SectionKind, type Severity } from './core';

/** Only what settings decide; locale and logging come from the session. */
export type PlanSettings = Pick<AnalysisOptions, 'severities' | 'leadSections' | 'targetSections'>;

const LEVELS: Record<string, Severity | 'off'> = {
  off: 'off', error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information', hint: 'hint',
};
const SECTIONS: readonly string[] = ['context', 'principle', 'goal', 'task', 'safeguard'];

/**
 * Reads the `qplan` section: `severity` maps rule ids to error|warning|information|hint|off,
 * `leadSections` and `targetSections` list section kinds. Anything malformed is dropped, not
 * fatal: a typo in settings.json must not stop the checks.
 */
export function readSettings(raw: unknown): PlanSettings {
  const out: PlanSettings = {};
  if (!isObject(raw)) return out;
  if (isObject(raw.severity)) {
    const severities: Partial<Record<RuleId, Severity | 'off'>> = {};
    for (const [rule, level] of Object.entries(raw.severity)) {
      const known = typeof level === 'string' ? LEVELS[level.toLowerCase()] : undefined;
      if (known && Object.prototype.hasOwnProperty.call(ruleInfo, rule)) severities[rule as RuleId] = known;
    }
    out.severities = severities;
  }
  for (const key of ['leadSections', 'targetSections'] as const) {
    const value = raw[key];
    if (Array.isArray(value)) out[key] = value.filter((v): v is SectionKind => typeof v === 'string' && SECTIONS.includes(v));
  }
  return out;
}

/**
 * Settings per document, pulled with workspace/configuration when the client can answer it
 * (so folder settings apply), else pushed by didChangeConfiguration. Cached until the client
 * says they changed.
 */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<PlanSettings>>();
  private pushed: PlanSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = readSettings(initial);
  }

  get(uri: string): Promise<PlanSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.perUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'qplan' })
        .then(readSettings, () => this.pushed);
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  /** After didChangeConfiguration: forget what was pulled, take what was pushed. */
  changed(pushed: unknown): void {
    this.perUri.clear();
    if (isObject(pushed) && 'qplan' in pushed) this.pushed = readSettings(pushed.qplan);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
