// The team clause library in the editor: completions by prefix with a preview, the list the insert
// command picks from, and saving a selection as a new clause.
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionContext, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { prefixMatches, previewText, type LibraryClause } from '../core';
import type { Plan } from '../documents';
import { lineText } from '../lsp/convert';
import type { Session } from '../session';
import { escapeMarkdown } from './markdown';

/** Custom requests: the clauses for a document (the insert command's list), and saving one. */
export const CLAUSES_REQUEST = 'qplan/clauses';
export const SAVE_CLAUSE_REQUEST = 'qplan/saveClause';

/** What the word being typed may be: pinyin letters, digits, Han characters. */
const PREFIX_WORD = /[A-Za-z0-9\u3400-\u9fff]*$/;

/**
 * Clause items for the word before the cursor: every clause whose prefix it starts (all of them
 * when invoked on nothing). Not after a trigger character (、（： belong to unit completion).
 */
export function clauseCompletion(plan: Plan, position: Position, context: CompletionContext | undefined, clauses: readonly LibraryClause[]): CompletionList {
  const empty = { isIncomplete: false, items: [] };
  if (clauses.length === 0 || context?.triggerKind === CompletionTriggerKind.TriggerCharacter) return empty;
  const line = lineText(plan.document, position.line);
  const character = Math.min(position.character, line.length);
  const word = PREFIX_WORD.exec(line.slice(0, character))![0];
  const range = { start: { line: position.line, character: character - word.length }, end: { line: position.line, character } };
  const items = clauses.filter((c) => prefixMatches(c, word)).map((c, i): CompletionItem => ({
    label: c.prefix,
    kind: CompletionItemKind.Snippet,
    detail: c.description,
    documentation: { kind: MarkupKind.Markdown, value: clauseMarkdown(c) },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: c.body },
    filterText: c.prefix,
    sortText: `~${String(i).padStart(4, '0')}`, // after the draft's own words and the built-in snippets
  }));
  return { isIncomplete: false, items };
}

/** The preview: title in bold, then the text as it will read, escaped (a clause file is the team's, not ours). */
export function clauseMarkdown(c: LibraryClause): string {
  // Line by line, so the clause keeps its lines; a line that would open a list or heading is escaped at its start.
  const preview = previewText(c.body).split('\n').map((l) => escapeMarkdown(l).replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#+=-])/, '\\$1')).join('  \n');
  return [c.title ? `**${escapeMarkdown(c.title)}**\n` : '', preview].join('\n').trim();
}

export interface ClauseListItem {
  prefix: string;
  description: string;
  title?: string;
  /** Snippet text to insert. */
  body: string;
  /** The text as it will read. */
  preview: string;
  file: string;
}

/** `qplan/clauses` {uri}: the library for that document, and its folder. */
export function listClauses(session: Session, params: { uri?: unknown }): { folder: string | null; clauses: ClauseListItem[] } {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  return {
    folder: session.clauses.folderFor(uri) ?? null,
    clauses: session.clauses.forUri(uri).map((c) => ({ prefix: c.prefix, description: c.description, ...(c.title ? { title: c.title } : {}), body: c.body, preview: previewText(c.body), file: c.file })),
  };
}

/** `qplan/saveClause` {uri, prefix, description, body}: writes the clause file; the selection is kept literally. */
export function saveClause(session: Session, params: { uri?: unknown; prefix?: unknown; description?: unknown; body?: unknown }): { file?: string; error?: string } {
  const { uri, prefix, description, body } = params ?? {};
  if (![uri, prefix, body].every((v) => typeof v === 'string' && v.trim())) return { error: session.labels.clauseSaveFailed('prefix/body') };
  try {
    const file = session.clauses.save(uri as string, { prefix: (prefix as string).trim(), description: typeof description === 'string' ? description.trim() : '', body: body as string });
    return { file };
  } catch (e) {
    return { error: session.labels.clauseSaveFailed(e instanceof Error ? e.message : String(e)) };
  }
}
