// A strict reader for VS Code's snippet syntax (tab stops, placeholders, choices, variables), for tests.

export type SnippetPart =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children: SnippetPart[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetPart[] };

/** Variables VS Code resolves in snippets; any other name would be inserted as a placeholder by accident. */
export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER',
  'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID',
  'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

/**
 * Parses a snippet body and throws on anything VS Code would read differently from what was
 * meant: an unclosed `${`, an empty choice, a stray `}` or `$`, an unknown variable.
 */
export function parseSnippet(body: string): SnippetPart[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(body)}`);
  };
  const parse = (inside: boolean): SnippetPart[] => {
    const out: SnippetPart[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
        text += body[i + 1];
        i += 2;
      } else if (c === '}') {
        if (!inside) fail('stray }');
        flush();
        return out;
      } else if (c === '$') {
        flush();
        out.push(parseDollar());
      } else {
        text += c;
        i++;
      }
    }
    if (inside) fail('unclosed ${');
    flush();
    return out;
  };
  const parseDollar = (): SnippetPart => {
    i++; // $
    const simple = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(i));
    if (simple) {
      i += simple[1].length;
      return part(simple[1], []);
    }
    if (body[i] !== '{') return fail('a $ that starts nothing (write \\$ for a dollar sign)');
    i++;
    const name = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(i))?.[1] ?? fail('${ without a number or variable name');
    i += name.length;
    if (body[i] === '}') {
      i++;
      return part(name, []);
    }
    if (body[i] === ':') {
      i++;
      const children = parse(true);
      i++; // }
      return part(name, children);
    }
    if (body[i] === '|' && /^\d+$/.test(name)) {
      const end = body.indexOf('|}', i + 1);
      if (end < 0) fail('unclosed choice');
      const options = body.slice(i + 1, end).split(/(?<!\\),/).map((o) => o.replace(/\\([,|\\])/g, '$1'));
      if (options.length < 2 || options.some((o) => o === '')) fail('a choice needs two or more non-empty options');
      i = end + 2;
      return { kind: 'choice', index: Number(name), options };
    }
    return fail(`unexpected ${JSON.stringify(body[i] ?? 'end')} after \${${name}`);
  };
  const part = (name: string, children: SnippetPart[]): SnippetPart => {
    if (/^\d+$/.test(name)) return { kind: 'tabstop', index: Number(name), children };
    if (!KNOWN_VARIABLES.has(name)) fail(`unknown variable ${name}`);
    return { kind: 'variable', name, children };
  };
  return parse(false);
}

/** Every tab stop and choice in the parts, nested ones included, in document order. */
export function tabStops(parts: SnippetPart[]): Extract<SnippetPart, { kind: 'tabstop' | 'choice' }>[] {
  return parts.flatMap((p) => {
    if (p.kind === 'tabstop') return [p, ...tabStops(p.children)];
    if (p.kind === 'choice') return [p];
    if (p.kind === 'variable') return tabStops(p.children);
    return [];
  });
}

/**
 * The text the snippet inserts when every placeholder keeps its default and every choice its
 * first option: what a drafter sees before typing. Mirrors (`${2}`) repeat the first default.
 */
export function expandDefaults(parts: SnippetPart[], variables: Record<string, string> = {}): string {
  const defaults = new Map<number, string>();
  const render = (ps: SnippetPart[]): string => ps.map((p) => {
    switch (p.kind) {
      case 'text': return p.text;
      case 'choice': return p.options[0];
      case 'variable': return variables[p.name] ?? render(p.children);
      case 'tabstop': {
        if (p.children.length) {
          const text = render(p.children);
          if (!defaults.has(p.index)) defaults.set(p.index, text);
          return text;
        }
        return defaults.get(p.index) ?? '';
      }
    }
  }).join('');
  return render(parts);
}
