// Helpers shared by the real-editor tests.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The status bar's language mode for a plan, in Chinese or English. */
export const PLAN_MODE = /^(质量规划|Quality Plan)$/;

/** What the built qplan command prints for `args`, to compare with what the editor shows (exit 1, findings, is not a failure). */
export function qplanOutput(args) {
  try {
    return execFileSync(process.execPath, [path.join(root, 'server/out/qplan.js'), ...args], { encoding: 'utf8' });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

/** `s` as a literal inside a RegExp. */
export function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls a condition on the file system (the editor has no event for "written to disk"). */
export async function waitFor(check, timeout, what) {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
