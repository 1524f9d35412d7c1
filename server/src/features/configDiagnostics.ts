// Problems of the team config files, published on the files themselves (they are not open plans).
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { unusedSuppressionProblem, unusedSuppressions, type ConfigProblem } from '../core';
import type { LoadedTeamConfig } from '../io';
import { describeError } from '../lsp/safe';
import type { Session } from '../session';

/** What one open plan's last check did with its config's suppressions. */
export interface SuppressionUse {
  config: string;
  file: string | undefined;
  used: ReadonlySet<number>;
}

/** The diagnostic code of a config file problem. */
export const CONFIG_PROBLEM_CODE = 'team-config';

/**
 * Publishes each config file's problems (a syntax error, a field of the wrong shape) at their
 * place, and clears a file once it is fixed. Only what changed is sent, so calling `refresh`
 * after every plan's check costs nothing when nothing changed.
 */
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

export class ConfigDiagnostics {
  private readonly sent = new Map<string, string>();

  constructor(private readonly session: Session) {}

  /** `uses`: per open plan, the suppressions its last check used (a file-limited one no plan it names used is reported). */
  refresh(uses: Iterable<SuppressionUse>): void {
    const byConfig = new Map<string, SuppressionUse[]>();
    for (const u of uses) byConfig.set(u.config, [...(byConfig.get(u.config) ?? []), u]);
    const now = new Map<string, Diagnostic[]>();
    for (const config of this.session.teamConfigs.loaded()) {
      const unused = unusedSuppressions(config.config.suppress, byConfig.get(config.file) ?? []).map((i) => unusedSuppressionProblem(config, i));
      now.set(pathToFileURL(config.file).toString(), this.diagnostics(config, [...config.problems, ...unused.filter((p): p is ConfigProblem => p !== undefined)]));
    }
    for (const uri of this.sent.keys()) if (!now.has(uri)) now.set(uri, []);
    for (const [uri, diagnostics] of now) {
      const key = JSON.stringify(diagnostics);
      if (this.sent.get(uri) === key) continue;
      this.sent.set(uri, key);
      this.session.connection.sendDiagnostics({ uri, diagnostics }).catch((e) =>
        this.session.connection.console.error(`qplan：发布配置文件 ${uri} 的问题失败：${describeError(e)}`));
    }
  }

  private diagnostics(config: LoadedTeamConfig, problems: ConfigProblem[]): Diagnostic[] {
    const doc = TextDocument.create('file:///config', 'jsonc', 0, config.text);
    return problems.map((p) => ({
      range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
      severity: SEVERITY[p.severity],
      code: CONFIG_PROBLEM_CODE,
      source: 'qplan',
      message: this.session.locale === 'en' ? p.en : p.zh,
    }));
  }
}
