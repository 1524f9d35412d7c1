// Diagnostics while typing: the core's rules, debounced after each change, published per document version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applySuppressions } from '../core';
import { toDiagnostic } from '../lsp/convert';
import { describeError } from '../lsp/safe';
import type { Session } from '../session';
import { filePath } from '../teamConfigs';
import { ConfigDiagnostics, type SuppressionUse } from './configDiagnostics';
import { findingsOf } from './findings';

/**
 * Schedules a check after every change and publishes the result. A document's first check runs
 * at once (nothing is being typed yet); later ones wait `diagnosticDelay` ms after the last
 * change, so a burst of keystrokes costs one analysis. A result for a version that has since
 * changed is dropped: the pending check of the newer version will publish.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Set<string>();
  private readonly configs: ConfigDiagnostics;
  /** Per open plan: what its last check did with its team config's suppressions. */
  private readonly suppressionUse = new Map<string, SuppressionUse>();

  constructor(private readonly session: Session) {
    this.configs = new ConfigDiagnostics(session);
  }

  /** After didOpen or didChange. */
  changed(document: TextDocument): void {
    const delay = this.published.has(document.uri) ? this.session.diagnosticDelay : 0;
    this.schedule(document.uri, delay);
  }

  /** After didChangeConfiguration or a team config change: every open document again, now. */
  recheckAll(): void {
    for (const d of this.session.plans.all()) this.schedule(d.uri, 0);
  }

  /** After didClose: nothing pending, and the document's problems leave the Problems panel. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.published.delete(uri);
    this.suppressionUse.delete(uri);
    this.configs.refresh(this.suppressionUse.values());
    this.session.settings.forget(uri);
    this.session.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined); // the client may be gone already
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay));
  }

  private async publish(uri: string): Promise<void> {
    const { plans, settings, connection } = this.session;
    try {
      const document = plans.documents.get(uri);
      if (!document) return;
      const version = document.version;
      const documentSettings = await settings.get(uri);
      const options = this.session.teamConfigs.options(uri, documentSettings);
      const team = this.session.teamConfigs.forUri(uri);
      if (plans.documents.get(uri) !== document || document.version !== version) return;
      const plan = plans.of(document);
      const all = findingsOf(plan, this.session, documentSettings);
      // By rule and task title, after the rules: a suppression survives the text moving around.
      const file = filePath(uri);
      const { kept: found, used } = applySuppressions(plan.model, all, options.suppressions, file);
      this.published.add(uri);
      if (team) this.suppressionUse.set(uri, { config: team.file, file, used });
      else this.suppressionUse.delete(uri);
      this.configs.refresh(this.suppressionUse.values());
      await connection.sendDiagnostics({ uri, version, diagnostics: found.map((d) => toDiagnostic(document, d)) });
    } catch (e) {
      connection.console.error(`qplan：发布 ${uri} 的诊断失败：${describeError(e)}`);
    }
  }
}
