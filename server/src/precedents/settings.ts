// The qplan.precedentFolders setting: folders of the team's precedents, relative to the workspace folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { PrecedentLibrary } from './library';

/**
 * The folders a `qplan.precedentFolders` value names, as absolute paths: relative paths are taken
 * from `base` (the workspace folder the value belongs to) and dropped when there is none; entries
 * that are not non-empty strings are ignored (a typo in settings.json must not stop anything).
 */
export function precedentFoldersOf(value: unknown, base: string | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    const p = v.trim();
    if (path.isAbsolute(p)) out.push(path.normalize(p));
    else if (base) out.push(path.resolve(base, p));
  }
  return [...new Set(out)];
}

/**
 * Reads qplan.precedentFolders for each workspace folder (pulled with workspace/configuration so
 * folder settings apply; in Restricted Mode the editor leaves workspace values out) and hands the
 * union to the library as the "setting" source. Without pull support, `pushed` (the settings of
 * didChangeConfiguration or initializationOptions) is read against the first folder.
 */
export async function syncPrecedentFolders(
  connection: Connection,
  library: PrecedentLibrary,
  workspaceFolders: readonly string[],
  canPull: boolean,
  pushed: unknown,
): Promise<void> {
  const bases = workspaceFolders.map(fsPath).filter((p): p is string => p !== undefined);
  const folders: string[] = [];
  if (canPull) {
    const scopes = bases.length ? workspaceFolders : [undefined];
    for (const scopeUri of scopes) {
      let value: unknown;
      try {
        // The whole qplan section, as the settings store asks for it, then this key.
        const section: unknown = await connection.workspace.getConfiguration({ scopeUri, section: 'qplan' });
        value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>).precedentFolders : undefined;
      } catch {
        value = undefined;
      }
      folders.push(...precedentFoldersOf(value, scopeUri ? fsPath(scopeUri) : undefined));
    }
  } else {
    const qplan = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>) : {};
    folders.push(...precedentFoldersOf(qplan.precedentFolders, bases[0]));
  }
  library.setFolders([...new Set(folders)], 'setting');
}

function fsPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
