// The client's clause template is the core's: the quick fix and the palette command insert the same text.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CLAUSE_SNIPPET, CLAUSE_TEMPLATE } from '../../server/src/core/clauseTemplate';
import { expandDefaults, parseSnippet } from '../manifest/snippetSyntax';

it('inserts the same clause as the core, with the lead slot first', () => {
  const source = readFileSync(new URL('../../client/src/commands.ts', import.meta.url), 'utf8');
  const literal = /CLAUSE_SNIPPET = '([^']+)'/.exec(source)?.[1];
  expect(literal).toBe(CLAUSE_SNIPPET);
  expect(expandDefaults(parseSnippet(CLAUSE_SNIPPET))).toBe(CLAUSE_TEMPLATE);
  expect(CLAUSE_SNIPPET.indexOf('${1:')).toBeLessThan(CLAUSE_SNIPPET.indexOf('牵头'));
});
