// Bundles every entry point (the qplan CLI now; the language server and client later) with esbuild.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: { 'server/out/qplan': 'server/src/cli/main.ts', 'server/out/server': 'server/src/main.ts', 'client/out/extension': 'client/src/extension.ts' },
  outdir: '.',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  external: ['vscode'],
  // jsonc-parser's main is a UMD wrapper whose require() calls esbuild cannot follow; its ES module build bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
