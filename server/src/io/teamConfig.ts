// Finding and reading the team config file and the clause library folder; the core parses what is read here.
import fs from 'node:fs';
import path from 'node:path';
import {
  CLAUSE_EXTENSIONS,
  DEFAULT_CLAUSES_DIR,
  parseClauseFile,
  parseTeamConfig,
  TEAM_CONFIG_NAME,
  type LibraryClause,
  type ParsedTeamConfig,
} from '../core';

/** A config file as read: where it is, its text, what it says, and its folders made absolute. */
export interface LoadedTeamConfig extends ParsedTeamConfig {
  file: string;
  /** The file's text ('' when it could not be read). */
  text: string;
  /** Precedent folders from `precedents`, absolute. */
  precedentDirs: string[];
  /** The clause library folder (`clauses`, else .qplan/clauses), absolute. */
  clausesDir: string;
}

/** Config files larger than this are refused: a team file is a few kilobytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The nearest qplan.config.json: in `startDir`, else its parent, and so on up to `stopDir`
 * (inclusive) or the file system's root. Undefined when there is none.
 */
export function findTeamConfig(startDir: string, stopDir?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopDir === undefined ? undefined : path.resolve(stopDir);
  for (;;) {
    const candidate = path.join(dir, TEAM_CONFIG_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and parses a config file. Never throws: an unreadable file is a broken config with one problem. */
export function readTeamConfig(file: string): LoadedTeamConfig {
  const absolute = path.resolve(file);
  const dir = path.dirname(absolute);
  let text: string;
  try {
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) return unreadable(absolute, '是文件夹，不是文件', 'is a folder');
    if (stat.size > MAX_CONFIG_BYTES) return unreadable(absolute, `过大（${stat.size} 字节），不像配置文件`, 'is too large to be a config file');
    text = fs.readFileSync(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? unreadable(absolute, '不存在', 'does not exist')
      : unreadable(absolute, `无法读取（${code ?? String(e)}）`, `cannot be read (${code ?? String(e)})`);
  }
  const parsed = parseTeamConfig(text);
  return {
    ...parsed,
    file: absolute,
    text,
    precedentDirs: (parsed.config.precedents ?? []).map((p) => path.resolve(dir, p)),
    clausesDir: path.resolve(dir, parsed.config.clauses ?? DEFAULT_CLAUSES_DIR),
  };
}

/**
 * The precedent folders (absolute) of the team config governing `startDir`, for a caller that has
 * no config at hand (`qplan similar --file`): [] without one, or when it names none.
 */
export function teamPrecedentDirs(startDir: string): string[] {
  const file = findTeamConfig(startDir);
  return file ? readTeamConfig(file).precedentDirs : [];
}

function unreadable(file: string, zh: string, en: string): LoadedTeamConfig {
  return {
    config: {},
    problems: [{ offset: 0, length: 0, severity: 'error', zh: `配置文件${zh}，已按默认设置检查。`, en: `The config file ${en}; defaults apply.` }],
    broken: true,
    file,
    text: '',
    precedentDirs: [],
    clausesDir: path.resolve(path.dirname(file), DEFAULT_CLAUSES_DIR),
  };
}

export interface ClauseFolder {
  clauses: LibraryClause[];
  /** Files skipped, with the reason, for the log. */
  skipped: { file: string; reason: string }[];
}

/** Reads every .md/.txt clause in `dir` (not below it), sorted by prefix; a missing folder is an empty library. */
export function readClauseFolder(dir: string): ClauseFolder {
  const out: ClauseFolder = { clauses: [], skipped: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => !n.startsWith('.') && CLAUSE_EXTENSIONS.includes(path.extname(n).toLowerCase())).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (!isFile(file)) continue;
      const clause = parseClauseFile(fs.readFileSync(file, 'utf8'), file);
      if (clause) out.clauses.push(clause);
      else out.skipped.push({ file, reason: '没有条款正文' });
    } catch (e) {
      out.skipped.push({ file, reason: `无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}）` });
    }
  }
  out.clauses.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  return out;
}

/**
 * Writes a new clause file into `dir` (created if needed) under `name`, never over an existing
 * file: 组织领导.md, then 组织领导-2.md … Returns the path written.
 */
export function writeClauseFile(dir: string, name: string, text: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const file = path.join(dir, i === 1 ? name : `${stem}-${i}${ext}`);
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i > 999) throw e;
    }
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A file's modification time, or -1 when it is not there: enough to tell that a config changed. */
export function fileStamp(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Writes a text file (a config the user asked to change), creating its folder. */
export function writeTextFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A text file's content, or undefined when it is not there. */
export function readTextFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
