// Problems of the team config files, published on the files themselves (they are not open plans).
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedTeamConfig } from '../io';
import { describeError } from '../lsp/safe';
import type { Session } from '../session';

/** The diagnostic code of a config file problem. */
export const CONFIG_PROBLEM_CODE = 'team-config';

/**
 * Publishes each config file's problems (a syntax error, a field of the wrong shape) at their
 * place, and clears a file once it is fixed. Only what changed is sent, so calling `refresh`
 * after every plan's check costs nothing when nothing changed.
 */
export class ConfigDiagnostics {
  private readonly sent = new Map<string, string>();

  constructor(private readonly session: Session) {}

  refresh(): void {
    const now = new Map<string, Diagnostic[]>();
    for (const config of this.session.teamConfigs.loaded()) now.set(pathToFileURL(config.file).toString(), this.diagnostics(config));
    for (const uri of this.sent.keys()) if (!now.has(uri)) now.set(uri, []);
    for (const [uri, diagnostics] of now) {
      const key = JSON.stringify(diagnostics);
      if (this.sent.get(uri) === key) continue;
      this.sent.set(uri, key);
      this.session.connection.sendDiagnostics({ uri, diagnostics }).catch((e) =>
        this.session.connection.console.error(`qplan：发布配置文件 ${uri} 的问题失败：${describeError(e)}`));
    }
  }

  private diagnostics(config: LoadedTeamConfig): Diagnostic[] {
    const doc = TextDocument.create('file:///config', 'jsonc', 0, config.text);
    return config.problems.map((p) => ({
      range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: CONFIG_PROBLEM_CODE,
      source: 'qplan',
      message: this.session.locale === 'en' ? p.en : p.zh,
    }));
  }
}
