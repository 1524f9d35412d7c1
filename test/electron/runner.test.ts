// The desktop VS Code runner must bundle its suite and, where VS Code cannot be downloaded, skip
// quickly and say why. Checked only offline: online, `npm run test:electron` runs the real thing.
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runner = fileURLToPath(new URL('./run.mjs', import.meta.url));
const offline = await lookup('update.code.visualstudio.com').then(() => false, () => true);
const usable = offline && !process.env.QPLAN_VSCODE_EXECUTABLE;

describe('test/electron/run.mjs', () => {
  it.runIf(usable)('skips with a clear message and exit code 0 when VS Code cannot be downloaded', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [runner], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('跳过桌面 VS Code 测试');
    expect(r.stdout).toContain('Skipped the desktop VS Code tests');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
