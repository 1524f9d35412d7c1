// Edits to qplan.config.json that keep the team's comments and formatting: jsonc-parser's modify.
import { modify, parseTree, type Edit } from 'jsonc-parser';
import type { Suppression } from './model';

/** A text edit on the config file: replace `length` characters at `offset` with `content`. */
export type ConfigEdit = Edit;

/** The file a suppression creates when the workspace has no config file yet. */
export function newConfigText(entry: Suppression, schemaPath?: string): string {
  const head = schemaPath ? `  "$schema": ${JSON.stringify(schemaPath)},\n` : '';
  return `{\n${head}  // 团队配置：规则级别、单位名录、必备章节、先例与条款库、忽略的问题。见 README“团队配置文件”。\n  "suppress": [\n    ${entryLine(entry)}\n  ]\n}\n`;
}

/**
 * The edits that append `entry` to `suppress` (creating the array when absent). Undefined when
 * the text is not a JSON object, so a broken file is never rewritten blindly. An equal entry
 * already present gives no edits.
 */
export function addSuppressionEdits(text: string, entry: Suppression): ConfigEdit[] | undefined {
  const errors: unknown[] = [];
  const root = parseTree(text, errors as never, { allowTrailingComma: true });
  if (!root || errors.length || root.type !== 'object') return undefined;
  const prop = root.children?.find((p) => p.children?.[0]?.value === 'suppress');
  const list = prop?.children?.[1];
  if (list && list.type !== 'array') return undefined;
  const existing = list?.children ?? [];
  const same = (n: (typeof existing)[number]) => {
    const get = (k: string) => n.children?.find((p) => p.children?.[0]?.value === k)?.children?.[1]?.value;
    return get('rule') === entry.rule && get('task') === entry.task && get('file') === entry.file;
  };
  if (existing.some(same)) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = entryLine(entry);
  if (list && existing.length > 0) {
    // After the last entry, on a line of its own, indented like it: the others are not touched.
    const last = existing[existing.length - 1];
    return [{ offset: last.offset + last.length, length: 0, content: `,${eol}${indentAt(text, last.offset)}${line}` }];
  }
  if (list) {
    const outer = indentAt(text, prop!.offset);
    return [{ offset: list.offset, length: list.length, content: `[${eol}${outer}${unit(text)}${line}${eol}${outer}]` }];
  }
  const u = unit(text);
  return modify(text, ['suppress'], [], { formattingOptions: { insertSpaces: !u.includes('\t'), tabSize: u.includes('\t') ? 1 : u.length, eol } })
    .map((e) => ({ ...e, content: e.content.replace(/\[\s*\]/, `[${eol}${u}${u}${line}${eol}${u}]`) }));
}

/** One suppression on one line: { "rule": …, "task": …, "reason": … }. */
function entryLine(entry: Suppression): string {
  return `{ ${Object.entries(entry).filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/** The whitespace that starts the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The file's indentation unit: that of its first indented key, else two spaces. */
function unit(text: string): string {
  return /\n([ \t]+)["\/]/.exec(text)?.[1] ?? '  ';
}
