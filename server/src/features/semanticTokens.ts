// Semantic tokens for what the TextMate grammar cannot know: a unit's role in a clause, a target's value and unit.
//
// The legend uses standard token types only, so every theme colours them without any
// contribution in package.json (a client may still map them per language with
// `semanticTokenScopes`):
//   class    a lead unit inside a responsibility clause        (市质监局 in “市质监局牵头”)
//   variable a cooperating unit, or one named by a standing note (各成员单位 in “各成员单位配合”)
//   number   a target's value                                   (98.5 in “合格率达到98.5%以上”)
//   type     a target's unit                                    (% 个 亿元 微克/立方米)
// No modifiers.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { findHighlights, type HighlightKind } from '../core/highlights';
import type { Plan } from '../documents';
import { toPosition } from '../lsp/convert';

const TYPES: Record<HighlightKind, number> = { lead: 0, cooperator: 1, value: 2, unit: 3 };

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: ['class', 'variable', 'number', 'type'],
  tokenModifiers: [],
};

/** All tokens of the document; a token that would cross a line break (a name split over two lines) is left out. */
export function semanticTokens({ document, model, text }: Plan): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const h of findHighlights(model, text)) {
    const start = toPosition(document, h.span.start);
    const end = toPosition(document, h.span.end);
    if (start.line !== end.line || end.character <= start.character) continue;
    builder.push(start.line, start.character, end.character - start.character, TYPES[h.kind], 0);
  }
  return builder.build();
}
