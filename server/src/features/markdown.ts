// Markdown helpers for hovers: plain text (our own or a precedent's) made literal.

/**
 * Plain text made literal in Markdown mid-line: the marks that could start emphasis, code, links,
 * HTML, entities, tables or strike-through are backslash-escaped, and line breaks become spaces so
 * text from a document the team did not write cannot open a block of its own.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
}
