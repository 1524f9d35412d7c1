// The one error the file layer throws: a plan that cannot be read, with a one-line Chinese reason.

/** A plan file (or standard input) that could not be read; `reason` is one line of Chinese for the user. */
export class PlanReadError extends Error {
  override readonly name = 'PlanReadError';

  constructor(
    /** One line, Chinese, no file name: 文件不存在, 不是文本文件（疑似二进制）… */
    readonly reason: string,
    /** The file as the user named it, when known. */
    readonly file?: string,
  ) {
    super(file === undefined ? reason : `${file}: ${reason}`);
  }

  /** The same error, naming `file`. */
  withFile(file: string): PlanReadError {
    return new PlanReadError(this.reason, file);
  }
}
