// The version printed by `qplan --version` and written into SARIF, taken from package.json at build time.
import pkg from '../../../package.json';

export const QPLAN_VERSION: string = pkg.version;
