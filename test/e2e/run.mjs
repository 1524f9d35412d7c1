// Real-editor tests: packages the extension, installs it into code-server (VS Code in a browser),
// opens copies of the seed plans and drives the workbench with Playwright in Debian's Chromium.
//
//   npm run test:e2e [-- --no-package] [-- --grep TEXT] [-- --keep]
//
//   --no-package  use the newest qplan-*.vsix already in the repository instead of `npm run package`
//   --grep TEXT   run only the tests whose name contains TEXT
//   --keep        leave the temporary folder (workspace, user data, logs) for inspection
//
// Needs test/e2e/install-code-server.sh to have run (QPLAN_CODE_SERVER_DIR, default
// ~/.cache/qplan-code-server). Ends with a plain line `e2e: N passed, N failed`; exits 1 if any failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { tests } from './tests.mjs';
import { Workbench } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };

const CODE_SERVER_DIR = process.env.QPLAN_CODE_SERVER_DIR || path.join(os.homedir(), '.cache/qplan-code-server');
const CODE_SERVER = path.join(CODE_SERVER_DIR, 'node_modules/.bin/code-server');
const CHROMIUM = process.env.QPLAN_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.join(here, 'screenshots');
const TOTAL_BUDGET_MS = 12 * 60_000; // everything after packaging: start, all tests, shutdown
const TEST_TIMEOUT_MS = 120_000;

const started = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

/** Processes and browsers to stop whatever happens; stop() is idempotent. */
const cleanup = [];
let stopping;
function stop() {
  stopping ??= (async () => {
    for (const fn of cleanup.reverse()) {
      try { await Promise.race([fn(), new Promise((r) => setTimeout(r, 10_000))]); } catch { /* already gone */ }
    }
  })();
  return stopping;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { log(`${sig}: stopping`); void stop().then(() => process.exit(130)); });
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000, ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.slice(-4000));
  }
  return r.stdout;
}

/** `npm run package` (or, with --no-package, the newest .vsix present), returning the .vsix path. */
function buildVsix() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!flag('--no-package')) {
    if (!pkg.scripts?.package) throw new Error('package.json has no "package" script to build the .vsix');
    log('npm run package');
    run('npm', ['run', 'package'], { cwd: root });
  }
  const vsixes = fs.readdirSync(root).filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(root, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const expected = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  const vsix = fs.existsSync(expected) ? expected : vsixes[0];
  if (!vsix) throw new Error('no .vsix in the repository after packaging');
  log(`vsix: ${path.relative(root, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
  return vsix;
}

/** Packs the test-only zh-cn display-language stub (see langpack-zh-cn/package.json). */
function buildLanguagePack(tmp) {
  const out = path.join(tmp, 'qplan-e2e-zh-cn.vsix');
  run(path.join(root, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
    { cwd: path.join(here, 'langpack-zh-cn') });
  return out;
}

/**
 * Records the stub in user-data/languagepacks.json, as VS Code does when a language pack is installed
 * from its UI; a pack installed with `--install-extension` is not recorded, and without the record
 * the server resolves every locale to English.
 */
function registerLanguagePack(userData, ext) {
  const dir = fs.readdirSync(ext).find((d) => d.startsWith('qplan-e2e.qplan-e2e-zh-cn-'));
  if (!dir) throw new Error('the zh-cn stub was not installed');
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, dir, 'package.json'), 'utf8'));
  const packs = {
    'zh-cn': {
      hash: `qplan-e2e-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
      translations: { vscode: path.join(ext, dir, 'translations/main.i18n.json') },
      label: '中文(简体)',
    },
  };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** The workspace: copies of the seeds, renamed *.plan.txt where a test needs a file of its own. */
function makeWorkspace(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  for (const f of seeds) fs.copyFileSync(path.join(root, 'seeds', f), path.join(dir, f));
  const seed = (n) => seeds.find((f) => f.startsWith(n));
  // Files the editing tests change, so that the read-only tests see the seeds untouched.
  fs.copyFileSync(path.join(root, 'seeds', seed('003')), path.join(dir, 'quickfix-003.plan.txt'));
  fs.writeFileSync(path.join(dir, 'snippet.plan.txt'), '2024年某市质量提升行动方案\n\n一、总体要求\n');
  fs.copyFileSync(path.join(root, 'seeds', seed('000')), path.join(dir, 'colours-000.plan.txt'));
  // A new draft task about 品牌培育 for the precedent tests (issue 4's "done means").
  fs.writeFileSync(path.join(dir, 'brand-draft.plan.txt'),
    '某市质量提升行动计划（2024—2026年）\n\n一、重点任务\n（一）加强品牌培育。\n培育一批知名品牌企业，打造区域公共品牌。（市市场监管局牵头，市工信局配合）\n');
  // The 任务分工表 test edits its plan (Quick Open only finds files that exist when the search first runs).
  fs.copyFileSync(path.join(root, 'seeds', seed('000')), path.join(dir, 'matrix-000.plan.txt'));
  // A plan in Word whose heading numbers are Word's automatic numbering, for the import test.
  fs.copyFileSync(path.join(root, 'test/fixtures/io/numbered-plan.docx'), path.join(dir, 'numbered-plan.docx'));
  fs.copyFileSync(path.join(root, 'test/fixtures/io/seed002-indented.pdf'), path.join(dir, 'published-002.pdf'));
  // A team folder: a broken qplan.config.json (fixed by the test), a draft below it, one library clause.
  fs.mkdirSync(path.join(dir, 'team/.qplan/clauses'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'team/qplan.config.json'), '{\n  // 团队配置\n  "rules": { "missing-target": "off" }\n  "city": "宿州市"\n}\n');
  const teamDraft = '2024年某市质量强市工作行动计划\n一、重点任务\n（一）加强品牌培育。开展品牌创建活动。\n（二）提升标准水平。修订地方标准。（市市场监管局牵头）\n';
  fs.writeFileSync(path.join(dir, 'team/team-draft.plan.txt'), teamDraft);
  fs.writeFileSync(path.join(dir, 'team/clauses-draft.plan.txt'), teamDraft);
  fs.writeFileSync(path.join(dir, 'team/.qplan/clauses/sxzlg.md'), '---\nprefix: sxzlg\ndescription: 推行首席质量官制度\n---\n（三）推行首席质量官制度。引导${1:规模以上工业企业}设立首席质量官。\n');
  return { dir, seeds, seed };
}

function writeUserSettings(userData) {
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.editor.enablePreview': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.commandCenter.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'editor.fontSize': 15,
    'editor.wordWrap': 'on',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'files.autoSave': 'afterDelay',
    'files.autoSaveDelay': 500,
    'window.commandCenter': false,
    'outline.collapseItems': 'alwaysExpand',
    'explorer.autoReveal': false,
  };
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  // The display language, as "Configure Display Language" would write it.
  fs.writeFileSync(path.join(userData, 'User/argv.json'), JSON.stringify({ locale: 'zh-cn' }, null, 2));
}

async function waitForHealth(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250)); // polling interval, not a wait for an outcome
  }
  throw new Error(`code-server did not answer ${url} in time`);
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/** Logs of the remote extension host and our language client, for a failure report. */
function extensionLogs(userData) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/remoteexthost\.log$|qplan|Quality Plan|质量规划/i.test(e.name)) found.push(p);
    }
  };
  walk(path.join(userData, 'logs'));
  return found;
}

async function main() {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`code-server not found at ${CODE_SERVER}: run test/e2e/install-code-server.sh first`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run test/e2e/install-code-server.sh first`);
  const grep = option('--grep');
  const selected = tests.filter((t) => !grep || t.name.includes(grep));

  const vsix = buildVsix();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qplan-e2e-'));
  if (!flag('--keep')) cleanup.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  else log(`keeping ${tmp}`);
  const deadline = Date.now() + TOTAL_BUDGET_MS;
  const budget = setTimeout(() => {
    console.error(`e2e: over the ${TOTAL_BUDGET_MS / 60_000}-minute budget, stopping`);
    console.log(`e2e: 0 passed, ${selected.length} failed`);
    void stop().then(() => process.exit(1));
  }, TOTAL_BUDGET_MS);
  budget.unref();

  const ext = path.join(tmp, 'extensions');
  const userData = path.join(tmp, 'user-data');
  const xdg = path.join(tmp, 'xdg');
  const ws = makeWorkspace(path.join(tmp, 'workspace'));
  writeUserSettings(userData);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const f of fs.readdirSync(SCREENSHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SCREENSHOTS, f));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    // No extension gallery: the machine cannot reach one, and the workbench would keep asking it
    // for translations of the built-in extensions.
    EXTENSIONS_GALLERY: '{}',
  };
  delete env.VSCODE_IPC_HOOK_CLI; // inside a VS Code terminal this would send installs elsewhere
  const common = ['--user-data-dir', userData, '--extensions-dir', ext, '--config', path.join(tmp, 'config.yaml')];
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');

  log('installing the extension and the zh-cn display-language stub');
  for (const v of [buildLanguagePack(tmp), vsix]) {
    run(CODE_SERVER, [...common, '--install-extension', v, '--force'], { env });
  }
  log(run(CODE_SERVER, [...common, '--list-extensions', '--show-versions'], { env }).trim().replace(/\n/g, ', '));
  registerLanguagePack(userData, ext);

  const port = await freePort();
  const csLog = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(csLog, 'a');
  const child = spawn(CODE_SERVER, [
    ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--locale', 'zh-cn',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', ws.dir,
  ], { env, stdio: ['ignore', logFd, logFd], detached: true });
  cleanup.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
    await exited;
    clearTimeout(t);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/healthz`, child, Math.min(deadline, Date.now() + 60_000));
  log(`code-server up on ${base}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
    timeout: 60_000,
  });
  cleanup.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const wb = new Workbench(page, { workspace: ws.dir, screenshots: SCREENSHOTS, log });
  await wb.open(`${base}/?folder=${encodeURIComponent(ws.dir)}`);
  log('workbench loaded');

  let passed = 0;
  let failed = 0;
  for (const t of selected) {
    const t0 = Date.now();
    try {
      await wb.reset();
      let timer;
      await Promise.race([
        t.run(wb, ws),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000}s`)), TEST_TIMEOUT_MS); }),
      ]).finally(() => clearTimeout(timer));
      passed++;
      log(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    } catch (error) {
      failed++;
      log(`FAIL ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n${String(error?.stack ?? error).split('\n').slice(0, 12).join('\n')}`);
      await wb.screenshot(`FAILED-${t.id}`).catch(() => {});
    }
  }

  if (failed > 0) {
    const firstLines = consoleErrors.map((e) => e.split('\n')[0].slice(0, 300));
    if (firstLines.length) console.log(`--- browser console errors (last 10)\n${firstLines.slice(-10).join('\n')}`);
    console.log(`--- code-server log (tail)\n${tail(csLog, 20)}`);
    for (const f of extensionLogs(userData)) console.log(`--- ${path.relative(userData, f)} (tail)\n${tail(f, 30)}`);
  }
  return { passed, failed };
}

let result = { passed: 0, failed: 1 };
try {
  result = await main();
} catch (error) {
  console.error(`e2e: could not run: ${error?.stack ?? error}`);
} finally {
  await stop();
}
log(`done; screenshots in ${path.relative(root, SCREENSHOTS)}/`);
console.log(`e2e: ${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);
