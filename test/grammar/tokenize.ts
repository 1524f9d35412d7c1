// Loads the quality-plan TextMate grammar with vscode-textmate and Oniguruma's wasm, as VS Code does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const grammarPath = fileURLToPath(new URL('../../syntaxes/quality-plan.tmLanguage.json', import.meta.url));

export interface Token {
  text: string;
  scopes: string[];
}

let loaded: Promise<textmate.IGrammar> | undefined;

/** The grammar, loaded once per test file. */
export function loadGrammar(): Promise<textmate.IGrammar> {
  loaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === 'text.quality-plan'
          ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
          : null,
    });
    const grammar = await registry.loadGrammar('text.quality-plan');
    if (!grammar) throw new Error('grammar text.quality-plan did not load');
    return grammar;
  })();
  return loaded;
}

/** Tokenizes lines in order (state carries over, as in an editor) and returns each line's tokens. */
export async function tokenizeLines(lines: string[]): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Tokenizes one line on its own. */
export async function tokenize(line: string): Promise<Token[]> {
  return (await tokenizeLines([line]))[0];
}

/**
 * The scopes of the token at the first occurrence of `text` in the line. The token must either start
 * there or hold all of `text`: a text cut in two by a token boundary is reported, not half-checked.
 */
export function scopesOf(tokens: Token[], text: string): string[] {
  let offset = 0;
  const line = tokens.map((t) => t.text).join('');
  const at = line.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in the line`);
  for (const t of tokens) {
    if (offset <= at && at < offset + t.text.length) {
      const end = offset + t.text.length;
      if (at !== offset && at + text.length > end) {
        throw new Error(`"${text}" is split across tokens; the token there is "${t.text}" ${t.scopes.join(' ')}`);
      }
      return t.scopes;
    }
    offset += t.text.length;
  }
  throw new Error('unreachable');
}

/** A readable dump for failure messages and for exploring: one token a line, text then its innermost scopes. */
export function dump(tokens: Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)}  ${t.scopes.slice(1).join(' ')}`).join('\n');
}
