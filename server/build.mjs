// Bundles every entry point (the qplan CLI now; the language server and client later) with esbuild.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: {
    'server/out/qplan': 'server/src/cli/main.ts',
    'server/out/server': 'server/src/main.ts',
    'server/out/pdfjs': 'server/src/io/pdfjs.ts',
    'client/out/extension': 'client/src/extension.ts',
  },
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
  plugins: [pdfjsApart()],
};

/**
 * PDF.js is its own bundle (server/out/pdfjs.js), required from beside the bundle that reads a PDF
 * when it first does: io/pdf.ts imports './pdfjs', which the tests run from source.
 */
function pdfjsApart() {
  return {
    name: 'pdfjs-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/pdfjs$/ }, (args) =>
        args.importer.endsWith(path.join('io', 'pdf.ts')) ? { path: './pdfjs.js', external: true } : undefined);
    },
  };
}

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
