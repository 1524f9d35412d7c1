// `qplan check --format sarif`: SARIF 2.1.0 for code-scanning dashboards.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleInfo, type AnalysisOptions, type RuleId, type Severity } from '../../core';
import type { LocatedDiagnostic } from '../located';
import { STDIN } from '../inputs';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifInput {
  diagnostics: readonly LocatedDiagnostic[];
  options: AnalysisOptions;
  version: string;
  /** Folder that relative file names are relative to. */
  cwd: string;
  /** Files that could not be read, reported as tool execution notifications. */
  failures: readonly { file?: string; reason: string }[];
  /** Findings the team config silenced, with the reason: results marked as suppressed, for the record. */
  suppressed?: readonly { diagnostic: LocatedDiagnostic; reason: string }[];
}

/** A SARIF 2.1.0 log with one run: every rule with its configured level, one result per diagnostic. */
export function toSarif(input: SarifInput): object {
  const ids = Object.keys(ruleInfo) as RuleId[];
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const info = ruleInfo[id];
    const configured = input.options.severities?.[id] ?? info.severity;
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: info.zh },
      fullDescription: { text: info.en },
      defaultConfiguration:
        configured === 'off' ? { enabled: false, level: LEVEL[info.severity] } : { enabled: true, level: LEVEL[configured] },
    };
  });
  const result = (d: LocatedDiagnostic) => ({
    ruleId: d.rule,
    ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(d.file),
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
    ...(d.fixes?.length
      ? {
        fixes: d.fixes.map((f) => ({
          description: { text: f.title },
          artifactChanges: [
            {
              artifactLocation: artifact(d.file),
              replacements: f.changes.map((c) => ({
                deletedRegion: { startLine: c.line, startColumn: c.column, endLine: c.endLine, endColumn: c.endColumn },
                insertedContent: { text: c.newText },
              })),
            },
          ],
        })),
      }
      : {}),
  });
  // A dashboard shows a suppressed result as dismissed, with the team's reason (kind external: the reason lives in qplan.config.json).
  const results = [
    ...input.diagnostics.map(result),
    ...(input.suppressed ?? []).map((s) => ({ ...result(s.diagnostic), suppressions: [{ kind: 'external', justification: s.reason }] })),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'qplan', version: input.version, semanticVersion: input.version, language: 'zh-CN', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(input.cwd.endsWith(path.sep) ? input.cwd : input.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        language: 'zh-CN',
        invocations: [
          {
            executionSuccessful: input.failures.length === 0,
            toolExecutionNotifications: input.failures.map((f) => ({
              level: 'error',
              message: { text: f.reason },
              ...(f.file === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: artifact(f.file) } }] }),
            })),
          },
        ],
        results,
      },
    ],
  };
}

/** Relative paths become %SRCROOT%-relative URI references; absolute ones file: URLs. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (file === STDIN) return { uri: 'stdin' };
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]/).filter((s) => s !== '.').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}
