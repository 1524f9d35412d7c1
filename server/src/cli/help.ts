// Chinese help and usage errors for commander, which only speaks English.
import type { Command, Help } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Help settings shared by the program and every command: Chinese headings, our own usage terms. */
export const helpConfiguration: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  subcommandTerm: (cmd: Command) => `${cmd.name()} ${cmd.usage()}`,
  // Choices and defaults are written into our descriptions, in Chinese.
  optionDescription: (option) => option.description,
};

/**
 * Rewrites one of commander's English usage errors ("error: unknown option '--x'") as one line
 * of Chinese; unknown shapes keep their text without the "error:" prefix.
 */
export function translateUsageError(message: string): string {
  const text = message.trim().replace(/^error:\s*/, '');
  const [first, ...rest] = text.split('\n');
  const hint = rest.join(' ').trim();
  const suggestion = translateSuggestion(hint);
  let m: RegExpMatchArray | null;
  if ((m = first.match(/^unknown option '(.+)'$/))) return `未知的选项 ${m[1]}${suggestion}`;
  if ((m = first.match(/^unknown command '(.+)'$/))) return `未知的命令 ${m[1]}${suggestion}`;
  if ((m = first.match(/^missing required argument '(.+)'$/))) return `缺少参数 ${m[1]}（文件或文件夹；- 表示标准输入）`;
  if ((m = first.match(/^option '([^']+)' argument missing$/))) return `选项 ${optionName(m[1])} 缺少取值`;
  if ((m = first.match(/^option '([^']+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/))) {
    return `选项 ${optionName(m[1])} 的取值 ${m[2]} 无效，可选：${m[3].split(', ').join('、')}`;
  }
  if ((m = first.match(/^too many arguments(?: for '(.+)')?\./))) return `参数过多${m[1] ? `（命令 ${m[1]}）` : ''}`;
  return [first, hint].filter(Boolean).join(' ');
}

/** "-f, --format <格式>" → "--format". */
function optionName(flags: string): string {
  return flags.match(/--[\w-]+/)?.[0] ?? flags.split(/[ ,]/)[0];
}

function translateSuggestion(hint: string): string {
  const m = hint.match(/^\(Did you mean (?:one of )?(.+)\?\)$/);
  return m ? `（是否想用 ${m[1].split(', ').join('、')}？）` : '';
}
