// Line questions several features ask of a document: where text ends, which sentence holds a position.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineText } from '../lsp/convert';

/** The last line in [first, last] with any non-blank text, or `first`; blank lines before the next heading do not fold. */
export function lastTextLine(document: TextDocument, first: number, last: number): number {
  for (let line = Math.min(last, document.lineCount - 1); line > first; line--) {
    if (/\S/.test(lineText(document, line))) return line;
  }
  return first;
}

const SENTENCE_END = /[。！？；!?;]/;

/**
 * The sentence around `character` on a line, as [start, end) characters: from after the
 * previous 。！？； to its own closing mark (included), without leading blanks.
 */
export function sentenceAround(line: string, character: number): [number, number] {
  let start = character;
  while (start > 0 && !SENTENCE_END.test(line[start - 1])) start--;
  while (start < line.length && /\s/.test(line[start])) start++;
  let end = character;
  while (end < line.length && !SENTENCE_END.test(line[end])) end++;
  if (end < line.length) end++;
  return [Math.min(start, character), end];
}
