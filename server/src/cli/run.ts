// The state of one qplan invocation: where output goes and the exit status it has earned.

/** Where a command writes; main.ts binds it to the process, tests may bind it elsewhere. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Binary output (qplan matrix --format docx); absent where only text can go. */
  stdoutBytes?(bytes: Uint8Array): void;
  /** True when stdout is a terminal, where binary output would garble the screen. */
  stdoutIsTerminal?: boolean;
  stdin: NodeJS.ReadableStream;
}

/** Exit statuses of the public contract. */
export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;

export class Run {
  /** 0 clean, 1 an error-severity diagnostic, 2 bad usage or an unreadable file; the highest wins. */
  status = EXIT_OK;
  /** Everything reported through fail(), in order (SARIF lists them as notifications). */
  readonly failures: { reason: string; file?: string }[] = [];

  constructor(readonly io: CliIo) {}

  /** Reports a file that could not be read, or a usage problem, in one line, and earns exit 2. */
  fail(reason: string, file?: string): void {
    this.failures.push({ reason, file });
    this.io.stderr(`qplan: ${file === undefined ? '' : `${file}: `}${reason}\n`);
    this.raise(EXIT_USAGE);
  }

  /** A warning on stderr that changes no exit status. */
  warn(message: string): void {
    this.io.stderr(`qplan: 警告：${message}\n`);
  }

  raise(status: number): void {
    if (status > this.status) this.status = status;
  }
}
