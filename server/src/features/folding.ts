// Folding: every section and task folds from its heading line to the last non-blank line of its subtree.
import type { FoldingRange } from 'vscode-languageserver';
import type { Plan } from '../documents';
import { lastTextLine } from './lines';

/** One range per heading whose subtree reaches past its own line. */
export function foldingRanges({ document, model }: Plan): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const h of model.headings) {
    const end = lastTextLine(document, h.line, h.endLine);
    if (end > h.line) out.push({ startLine: h.line, endLine: end });
  }
  return out;
}
