// The one wrapper every request goes through: cancellation honoured, exceptions logged, an empty answer instead of a crash.
import { LSPErrorCodes, ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver';

/** Formats an unknown thrown value for the log, with its stack when there is one. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.stack ?? e.message : String(e);
}

/**
 * Wraps a request handler (as VS Code's JSON server does with runSafe). The work starts on the
 * next turn of the event loop, so a $/cancelRequest already queued behind the request is seen;
 * a cancelled request answers RequestCancelled, and a handler that throws is logged to the
 * client's console under `name` and answers `empty()`. One bad document never takes a feature down.
 */
export function safely<P, R>(
  console: RemoteConsole,
  name: string,
  empty: () => R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return (params, token) =>
    new Promise((resolve) => {
      setImmediate(async () => {
        if (token.isCancellationRequested) return resolve(cancelled());
        try {
          const result = await handler(params, token);
          resolve(token.isCancellationRequested ? cancelled() : result);
        } catch (e) {
          console.error(`qplan：处理 ${name} 请求时出错：${describeError(e)}`);
          resolve(empty());
        }
      });
    });
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
