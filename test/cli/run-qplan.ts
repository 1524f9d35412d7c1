// Runs the built qplan bundle as a user would, capturing exit status and UTF-8 output.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');
export const bundle = path.join(root, 'server/out/qplan.js');

export const SEED_000 = 'seeds/000_ddecad1bf628223d.txt';
export const SEED_004 = 'seeds/004_48dc29ba5375c5fe.txt';
/** The lines of a file in the repo, as the CLI numbers them. */
export const lines = (file: string) => readFileSync(path.join(root, file), 'utf8').split(/\r\n?|\n/);

/** One diagnostic of `qplan check --format json` (cli-contract.md). */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

/** Builds server/out/qplan.js with the project's own build script. */
export function buildBundle(): void {
  execFileSync(process.execPath, [path.join(root, 'server/build.mjs')], { cwd: root, stdio: 'inherit' });
}

export interface QplanResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node server/out/qplan.js ...args` in the repo root (or `cwd`), feeding `input` on stdin.
 * Output that is not valid UTF-8 fails the test: users' terminals and pipelines expect UTF-8.
 */
export function qplan(args: string[], options: { input?: string | Uint8Array; cwd?: string } = {}): QplanResult {
  const r = spawnSync(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return { status: r.status, stdout: utf8.decode(r.stdout), stderr: utf8.decode(r.stderr) };
}
