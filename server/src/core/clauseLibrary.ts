// The team clause library: one standard clause per file, a small front matter (prefix, description,
// title) above the body. Parsing, writing and previews here; the folder is read by the io layer.

export interface LibraryClause {
  /** What the drafter types to get it (zzld, 组织领导). */
  prefix: string;
  description: string;
  title?: string;
  /** The text inserted, in snippet syntax (${1:单位} placeholders allowed). */
  body: string;
  /** The file it came from, as the reader named it. */
  file: string;
}

/** File name endings read as clauses. */
export const CLAUSE_EXTENSIONS = ['.md', '.txt'];

/**
 * Reads one clause file. Front matter is the lines between a first line `---` and the next
 * `---`, each `key: value` (prefix, description, title; others ignored). Without front matter
 * (or without a prefix) the file name without its extension is the prefix, and the body's first
 * line the description. Never throws; an empty body gives undefined (nothing to insert).
 */
export function parseClauseFile(text: string, file: string): LibraryClause | undefined {
  const source = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const fields: Record<string, string> = {};
  let body = source;
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(source);
  if (m) {
    for (const line of m[1].split('\n')) {
      const kv = /^\s*([A-Za-z]+)\s*[:：]\s*(.*?)\s*$/.exec(line);
      if (kv) fields[kv[1].toLowerCase()] = unquote(kv[2]);
    }
    body = source.slice(m[0].length);
  }
  body = body.replace(/^\n+/, '').replace(/\s+$/, '');
  if (!body) return undefined;
  const stem = baseName(file).replace(/\.[^.]+$/, '');
  const prefix = fields.prefix || stem;
  const description = fields.description || firstLine(previewText(body));
  return { prefix, description, ...(fields.title ? { title: fields.title } : {}), body, file };
}

/** The file text for a new clause: front matter, a blank line, the body (kept verbatim, a `$` escaped so it stays literal). */
export function formatClauseFile(clause: { prefix: string; description: string; title?: string; body: string }, snippet = false): string {
  const lines = ['---', `prefix: ${oneLine(clause.prefix)}`, `description: ${oneLine(clause.description)}`];
  if (clause.title) lines.push(`title: ${oneLine(clause.title)}`);
  lines.push('---', '');
  const body = snippet ? clause.body : escapeSnippet(clause.body);
  return `${lines.join('\n')}\n${body.replace(/\s+$/, '')}\n`;
}

/** A safe file name for a clause with this prefix: characters a file system refuses become _. */
export function clauseFileName(prefix: string): string {
  const stem = prefix.trim().replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').replace(/^\.+/, '_').slice(0, 60) || 'clause';
  return `${stem}.md`;
}

/** The body as the drafter will read it once inserted: placeholders show their defaults. */
export function previewText(body: string): string {
  let out = '';
  let open = 0; // placeholders whose closing } is still ahead
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      out += body[++i];
      continue;
    }
    if (ch === '$') {
      const tab = /^\$(?:\d+|\{\d+\})/.exec(body.slice(i, i + 12));
      if (tab) {
        i += tab[0].length - 1;
        continue;
      }
      const placeholder = /^\$\{\d+:/.exec(body.slice(i, i + 12));
      if (placeholder) {
        open++;
        i += placeholder[0].length - 1;
        continue;
      }
      const choice = /^\$\{\d+\|([^,|]*)[^|]*\|\}/.exec(body.slice(i));
      if (choice) {
        out += choice[1];
        i += choice[0].length - 1;
        continue;
      }
    }
    if (ch === '}' && open > 0) {
      open--;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Text as a snippet that inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Whether a typed word starts the clause's prefix (case-insensitive for pinyin prefixes). */
export function prefixMatches(clause: LibraryClause, word: string): boolean {
  return clause.prefix.toLowerCase().startsWith(word.toLowerCase());
}

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line.trim();
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
