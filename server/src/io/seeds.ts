// Where the bundled seed plans (the built-in precedent library) are, for the CLI and the language server alike.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The bundled seeds folder: next to the bundle (server/out/qplan.js or server/out/server.js →
 * ../../seeds) when run from the package or the extension, else ./seeds of the working directory
 * (running from source); null when neither exists.
 */
export function builtinSeedsDir(bundleDir: string = __dirname, cwd: string = process.cwd()): string | null {
  const candidates = [path.resolve(bundleDir, '../../seeds'), path.resolve(cwd, 'seeds')];
  return candidates.find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory()) ?? null;
}
