// qplan/importPlan: a plan file the editor cannot show as a plan (Word, PDF, a saved web page, GB18030
// text) read as the CLI reads it, so the client can open it as a new draft.
import { fileURLToPath } from 'node:url';
import { PlanReadError, readPlanFile, type PlanFormat } from '../io';
import type { Labels } from '../labels';

/** The custom request the client's import command sends. */
export const IMPORT_REQUEST = 'qplan/importPlan';

export interface ImportParams {
  /** A file: URI; the server reads the file itself, as it does precedents. */
  uri: string;
}

export type ImportResult = { text: string; format: PlanFormat; encoding: string } | { error: string };

/** Reads the file as `qplan` does (readPlanFile); one that cannot be read gives its reason, in the client's language. */
export async function importPlan(params: ImportParams, labels: Labels): Promise<ImportResult> {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  if (!uri.startsWith('file:')) return { error: labels.importLocalOnly };
  try {
    const file = await readPlanFile(fileURLToPath(uri));
    return { text: file.text, format: file.format, encoding: file.encoding };
  } catch (e) {
    if (e instanceof PlanReadError) return { error: labels.readReason(e.reason) };
    throw e;
  }
}
