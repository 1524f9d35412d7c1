// Invariant 1: server/src/core knows nothing of editors or the file system, so it runs anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const coreDir = fileURLToPath(new URL('../../server/src/core/', import.meta.url));

/** Node's own modules by bare name (fs, path, fs/promises …); any `node:` specifier is refused as well. */
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
/** Node globals a web worker does not have. */
const NODE_GLOBALS = new Set(['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module']);

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Why `specifier`, imported from `file`, may not be imported by the core; null when it may. */
function refusal(specifier: string, file: string): string | null {
  if (specifier === 'vscode' || specifier.startsWith('vscode/')) return 'editor API';
  if (specifier.startsWith('vscode-languageserver') || specifier.startsWith('vscode-languageclient')) return 'LSP library';
  if (specifier.startsWith('node:')) return 'Node built-in';
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0])) return 'Node built-in';
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(file), specifier);
    const inside = path.relative(coreDir, target);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return 'leaves server/src/core';
  }
  return null;
}

interface Finding {
  file: string;
  line: number;
  what: string;
  why: string;
}

/** Every import, export-from, import(), require() and /// <reference types> in `source` that the core may not use. */
function scanImports(file: string, source: string): { specifiers: string[]; findings: Finding[] } {
  const info = ts.preProcessFile(source, true, true);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const specifiers: string[] = [];
  const findings: Finding[] = [];
  for (const ref of [...info.importedFiles, ...info.typeReferenceDirectives]) {
    specifiers.push(ref.fileName);
    const why = ref.fileName === 'node' && info.typeReferenceDirectives.includes(ref) ? 'Node types' : refusal(ref.fileName, file);
    if (why) findings.push({ file, line: lineOf(ref.pos), what: ref.fileName, why });
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && isGlobalUse(node)) {
      findings.push({ file, line: lineOf(node.getStart(sf)), what: node.text, why: 'Node global' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  findings.sort((a, b) => a.line - b.line);
  return { specifiers, findings };
}

/** True when an identifier reads a global rather than naming a property, key or local declaration. */
function isGlobalUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
  if (ts.isModuleDeclaration(p) && p.name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

describe('server/src/core imports', () => {
  const files = listTs(coreDir);

  it('finds the core sources (so the scan cannot pass on nothing)', () => {
    const names = files.map((f) => path.relative(coreDir, f));
    expect(names).toContain('index.ts');
    expect(names).toContain('model.ts');
    expect(files.length).toBeGreaterThanOrEqual(3);
    const fromIndex = scanImports('index.ts', readFileSync(path.join(coreDir, 'index.ts'), 'utf8')).specifiers;
    expect(fromIndex).toContain('./model');
  });

  it('flags every kind of forbidden import in a planted sample', () => {
    const planted = [
      '/// <reference types="node" />',
      "import * as vscode from 'vscode';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "import type { Range } from 'vscode-languageserver-types';",
      "import { readFileSync } from 'fs';",
      "import fsp from 'fs/promises';",
      "export { join } from 'node:path';",
      "import path = require('path');",
      "const cp = require('child_process');",
      "const os = await import('node:os');",
      "import { decode } from '../io/decode';",
      'const env = process.env.QPLAN;',
      'const b = Buffer.from("x");',
      "import { ok } from './model';",
      'const o = { process: 1, Buffer() {} }; o.process; declare global { interface W {} }',
    ].join('\n');
    const { findings } = scanImports(path.join(coreDir, 'planted.ts'), planted);
    expect(findings.map((f) => `${f.line}:${f.what}`)).toEqual([
      '1:node',
      '2:vscode',
      '3:vscode-languageserver/node',
      '4:vscode-languageserver-types',
      '5:fs',
      '6:fs/promises',
      '7:node:path',
      '8:path',
      '9:child_process',
      '9:require',
      '10:node:os',
      '11:../io/decode',
      '12:process',
      '13:Buffer',
    ]);
  });

  it('use no editor, LSP, file-system or other Node module, and no Node global', () => {
    const findings = files.flatMap((f) => scanImports(f, readFileSync(f, 'utf8')).findings);
    const report = findings.map((f) => `${path.relative(coreDir, f.file)}:${f.line} ${f.what} (${f.why})`);
    expect(report).toEqual([]);
  });
});
