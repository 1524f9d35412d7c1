// `npm run bench` (second half): the bundled language server measured over the real protocol from a client
// process, written into bench/README.md between the lsp markers.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const bundle = path.join(root, 'server/out/server.js');
const readme = path.join(benchDir, 'README.md');
const seedDir = path.join(root, 'seeds');
const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const seed003 = seedFiles.find((f) => f.startsWith('003_'));

const STARTS = 10;
const KEYSTROKES = 300;
const DEBOUNCED_KEYSTROKES = 20;
const ROUND_TRIPS = 300;
const OPEN_PLANS = 20;
/** What a typist must not notice: the server's share of keystroke → squiggle. */
const BUDGET_MS = 100;

if (!existsSync(bundle)) throw new Error('server/out/server.js is missing: run `npm run build` first');

/** Starts the bundled server with --stdio; resolves once initialize has answered. */
async function startServer(initializationOptions = {}) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    waiters.get(key)?.(performance.now());
    waiters.delete(key);
  });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, locale: 'zh-cn', initializationOptions,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  const startMs = performance.now() - t0;
  await connection.sendNotification('initialized', {});
  /** Resolves with the arrival time of the diagnostics for (uri, version); fails after 10 s. */
  const diagnosticsAt = (uri, version) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), 10_000);
    waiters.set(`${uri}#${version}`, (t) => (clearTimeout(timer), resolve(t)));
  });
  const stop = async () => {
    await connection.sendRequest('shutdown', null);
    await connection.sendNotification('exit');
    await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
    connection.dispose();
  };
  return { child, connection, startMs, diagnosticsAt, stop };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
};

/** Kilobytes of resident memory of a process, from /proc (Linux) or ps. */
function rssKb(pid, field = 'VmRSS') {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    if (line) return Number(line.replace(/\D+/g, ''));
  } catch {
    // not Linux: fall through to ps
  }
  const { execFileSync } = require('node:child_process');
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

/** Types one character and deletes it again, alternately, in the middle of seed 003's body. */
async function keystrokes(server, uri, text, count) {
  const line = 200;
  const character = 10;
  const times = [];
  for (let version = 2; version < count + 2; version++) {
    const insert = version % 2 === 0;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: '质' }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    const arrived = server.diagnosticsAt(uri, version);
    const t0 = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    times.push((await arrived) - t0);
  }
  return { times, version: count + 1 };
}

async function roundTrips(server, method, params) {
  const times = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const t0 = performance.now();
    await server.connection.sendRequest(method, params);
    times.push(performance.now() - t0);
  }
  return times;
}

// ---- start-up ----
const starts = [];
for (let i = 0; i < STARTS; i++) {
  const s = await startServer();
  starts.push(s.startMs);
  await s.stop();
}

// ---- keystroke to diagnostics, hover, symbols: one server with the debounce off ----
const text003 = readFileSync(path.join(seedDir, seed003), 'utf8');
const uri003 = pathToFileURL(path.join(seedDir, seed003)).toString();
const fast = await startServer({ diagnosticDelay: 0 });
const opened = fast.diagnosticsAt(uri003, 1);
await fast.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri003, languageId: 'quality-plan', version: 1, text: text003 } });
await opened;
await keystrokes(fast, uri003, text003, 50); // warm-up
const typed = await keystrokes(fast, uri003, text003, KEYSTROKES);
const symbolTimes = await roundTrips(fast, 'textDocument/documentSymbol', { textDocument: { uri: uri003 } });
// A task heading of seed 003 (line 257, 1-based): the hover lists its units and targets.
const hoverTimes = await roundTrips(fast, 'textDocument/hover', { textDocument: { uri: uri003 }, position: { line: 256, character: 4 } });

// ---- completion and the unit hover: seed 000's first clause, seed 003's goal section ----
const seed000 = seedFiles.find((f) => f.startsWith('000_'));
const text000 = readFileSync(path.join(seedDir, seed000), 'utf8');
const uri000 = pathToFileURL(path.join(seedDir, seed000)).toString();
const opened000 = fast.diagnosticsAt(uri000, 1);
await fast.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri000, languageId: 'quality-plan', version: 1, text: text000 } });
await opened000;
/** Line (0-based) and character just after `needle` on the first line of `text` holding it. */
const after = (text, needle, from = 0) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
  if (line < 0) throw new Error(`bench: no line with ${needle}`);
  return { line, character: lines[line].indexOf(needle) + needle.length };
};
// Inside （市政府办公室、|市质监局牵头,各成员单位配合）: unit names from the draft and the precedents.
const unitAt = after(text000, '(市政府办公室、');
// After a 、 or ； on a goal line of 003's 发展目标: indicator names with the precedents' values.
const goalAt = after(text003, '比例达到省控目标;', text003.split('\n').findIndex((l) => l.includes('发展目标')));
const itemsAt = async (uri, position) => (await fast.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })).items.length;
const unitItems = await itemsAt(uri000, unitAt);
const indicatorItems = await itemsAt(uri003, goalAt);
if (!unitItems || !indicatorItems) throw new Error(`bench: completion offered nothing (units ${unitItems}, indicators ${indicatorItems})`);
const unitCompletionTimes = await roundTrips(fast, 'textDocument/completion', { textDocument: { uri: uri000 }, position: unitAt });
const indicatorCompletionTimes = await roundTrips(fast, 'textDocument/completion', { textDocument: { uri: uri003 }, position: goalAt });
const unitHoverTimes = await roundTrips(fast, 'textDocument/hover', { textDocument: { uri: uri000 }, position: { line: unitAt.line, character: unitAt.character + 1 } });
await fast.stop();

// ---- the same keystrokes with the default debounce, as a user gets them ----
const debounced = await startServer();
const openedSlow = debounced.diagnosticsAt(uri003, 1);
await debounced.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri003, languageId: 'quality-plan', version: 1, text: text003 } });
await openedSlow;
const typedSlow = await keystrokes(debounced, uri003, text003, DEBOUNCED_KEYSTROKES);
await debounced.stop();

// ---- memory with 20 plans open ----
const many = await startServer({ diagnosticDelay: 0 });
await new Promise((r) => setTimeout(r, 200)); // let start-up garbage settle before the baseline reading
const idleKb = rssKb(many.child.pid);
const pending = [];
for (let i = 0; i < OPEN_PLANS; i++) {
  const name = seedFiles[i % seedFiles.length];
  const uri = pathToFileURL(path.join(seedDir, `${i}-${name}`)).toString();
  pending.push(many.diagnosticsAt(uri, 1));
  await many.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'quality-plan', version: 1, text: readFileSync(path.join(seedDir, name), 'utf8') } });
}
await Promise.all(pending);
const openKb = rssKb(many.child.pid);
const peakKb = rssKb(many.child.pid, 'VmHWM');
await many.stop();

// ---- report ----
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const row = (label, xs, note = '') => {
  const s = stats(xs);
  return `| ${label} | ${f(s.median)} | ${f(s.p95)} | ${f(s.min)} | ${f(s.max)} | ${note} |`;
};
const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
const keystroke = stats(typed.times);
const lines = [
  `Machine: ${os.cpus().length} CPUs, ${cpu}, Node ${process.version} on ${process.platform} ${process.arch}; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  `**Budget**: keystroke → diagnostics must cost well under ${BUDGET_MS} ms of server time (what a typist notices);`,
  `measured: median ${f(keystroke.median)} ms, p95 ${f(keystroke.p95)} ms on seed 003 with the debounce off — ` +
    `${keystroke.p95 < BUDGET_MS / 4 ? 'well inside' : keystroke.p95 < BUDGET_MS ? 'inside' : 'OVER'} the budget.`,
  '',
  '| measure (ms, over stdio) | median | p95 | min | max | notes |',
  '|---|---:|---:|---:|---:|---|',
  row('server start → initialize result', starts, `${STARTS} fresh processes`),
  row('keystroke → diagnostics, debounce 0 (server work + transport)', typed.times, `seed 003, ${KEYSTROKES} one-character edits`),
  row('keystroke → diagnostics, default 200 ms debounce', typedSlow.times, `${DEBOUNCED_KEYSTROKES} edits; what a user sees after pausing`),
  row('documentSymbol round trip', symbolTimes, `seed 003, ${ROUND_TRIPS} requests, model cached`),
  row('hover round trip (task heading)', hoverTimes, `seed 003 line 257, ${ROUND_TRIPS} requests`),
  row('hover round trip (unit name in a clause)', unitHoverTimes, `seed 000 line ${unitAt.line + 1}, 市质监局: tasks here and in the precedents`),
  row('completion round trip (unit name in a clause)', unitCompletionTimes, `seed 000 line ${unitAt.line + 1}, after 、, ${unitItems} items`),
  row('completion round trip (indicator on a goal line)', indicatorCompletionTimes, `seed 003 line ${goalAt.line + 1}, after ;, ${indicatorItems} items`),
  '',
  '| memory (server process RSS) | MB |',
  '|---|---:|',
  `| after initialize, nothing open | ${(idleKb / 1024).toFixed(0)} |`,
  `| ${OPEN_PLANS} plans open (the seeds ×${OPEN_PLANS / seedFiles.length}), all diagnosed | ${(openKb / 1024).toFixed(0)} |`,
  `| peak (VmHWM) | ${(peakKb / 1024).toFixed(0)} |`,
];
const table = lines.join('\n');
process.stdout.write(`${table}\n`);

const START = '<!-- lsp:start -->';
const END = '<!-- lsp:end -->';
const section = `
## Language server over the protocol

\`bench/lsp.mjs\` (run by \`npm run bench\` after the core benchmark) starts the bundled
\`server/out/server.js --stdio\` from a separate client process and times real JSON-RPC
traffic: from sending \`didChange\` to receiving \`publishDiagnostics\` for that version, the
round trips of \`documentSymbol\`, \`hover\` (a task heading, a unit name in a clause) and \`completion\`
(a unit name in a clause, an indicator on a goal line), and process start to the \`initialize\` answer.
The server's own work is measured with the debounce set to 0 (\`initializationOptions.diagnosticDelay\`);
the default 200 ms debounce is shown separately. Memory is the server's RSS read from \`/proc\`.

${START}
${END}
`;
const current = existsSync(readme) ? readFileSync(readme, 'utf8') : '# Benchmarks\n';
const base = current.includes(START) && current.includes(END) ? current : `${current.trimEnd()}\n${section}`;
writeFileSync(readme, `${base.slice(0, base.indexOf(START) + START.length)}\n${table}\n${base.slice(base.indexOf(END))}`);
process.stderr.write(`bench: wrote ${path.relative(process.cwd(), readme)} (lsp section)\n`);
