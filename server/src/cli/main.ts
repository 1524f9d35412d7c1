// Entry point of the qplan command: binds the process's streams and exit status to the CLI.
import { runCli } from './program';
import { Run } from './run';

const run = new Run({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stdoutIsTerminal: process.stdout.isTTY === true,
  // A getter: touching process.stdin opens it, which only "-" should do.
  get stdin() {
    return process.stdin;
  },
});

// `qplan check … | head` closes the pipe early: the reader's choice, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(run.status);
  throw e;
});

void runCli(process.argv.slice(2), run).then((status) => {
  // exitCode, not exit(): let stdout drain when it is a pipe.
  process.exitCode = status;
});
