// Ends a test run that hangs inside a synchronous call, saving the input that hung it.
//
// Vitest's per-test timeout only fires once the test gives the event loop back, so a
// core that loops forever would stall `npm test` with no hint of the cause. A watcher
// thread sees the shared clock stop, writes the offending input to a file, names it on
// stderr and kills this (forked) test process, which fails the run.
import { Worker } from 'node:worker_threads';

/** Characters of the input kept for the report; larger inputs are cut (their label says what they were). */
const CAPACITY = 1 << 20;

const shared = new SharedArrayBuffer(16 + 4 + 256 * 2 + CAPACITY * 2);
/** [0] start time in ms of the guarded call, 0 when idle; [1] its time limit in ms. */
const clock = new Float64Array(shared, 0, 2);
/** [0] number of characters of label + input stored. */
const sizes = new Int32Array(shared, 16, 1);
const chars = new Uint16Array(shared, 20);

const watcherSource = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const clock = new Float64Array(workerData, 0, 2);
const sizes = new Int32Array(workerData, 16, 1);
const chars = new Uint16Array(workerData, 20);
setInterval(() => {
  const start = clock[0];
  if (start === 0 || Date.now() - start < clock[1]) return;
  let text = '';
  for (let i = 0; i < sizes[0]; i += 8192) text += String.fromCharCode(...chars.subarray(i, Math.min(sizes[0], i + 8192)));
  const label = text.slice(0, 256).replace(/\\0+$/, '');
  const file = path.join(os.tmpdir(), 'qplan-hang-' + process.pid + '.txt');
  fs.writeFileSync(file, text.slice(256));
  fs.writeSync(2, '\\nwatchdog: "' + label + '" still running after ' + clock[1] + ' ms; input (first ' + (sizes[0] - 256) + ' chars) saved to ' + file + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 200);
`;

let watcher: Worker | null = null;

/**
 * Runs `fn` (which analyses `input`); if it has not returned after `limitMs`, the
 * watcher saves `input` and kills the test process. Not reentrant.
 */
export function guarded<T>(label: string, input: string, fn: () => T, limitMs = 20_000): T {
  if (watcher === null) {
    watcher = new Worker(watcherSource, { eval: true, workerData: shared });
    watcher.unref();
  }
  chars.fill(0, 0, 256);
  for (let i = 0; i < Math.min(label.length, 256); i++) chars[i] = label.charCodeAt(i);
  const kept = Math.min(input.length, CAPACITY - 256);
  for (let i = 0; i < kept; i++) chars[256 + i] = input.charCodeAt(i);
  sizes[0] = 256 + kept;
  clock[1] = limitMs;
  clock[0] = Date.now();
  try {
    return fn();
  } finally {
    clock[0] = 0;
  }
}
