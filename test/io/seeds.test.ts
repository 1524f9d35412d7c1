// Where the bundled seeds are found: beside the bundle first (the installed extension), else the working directory.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSeedsDir } from '../../server/src/io';

const root = path.resolve(__dirname, '../..');

describe('builtinSeedsDir', () => {
  it('finds ../../seeds from the bundle folder whatever the working directory', () => {
    expect(builtinSeedsDir(path.join(root, 'server/out'), os.tmpdir())).toBe(path.join(root, 'seeds'));
  });

  it('falls back to ./seeds of the working directory, else null', () => {
    expect(builtinSeedsDir(os.tmpdir(), root)).toBe(path.join(root, 'seeds'));
    expect(builtinSeedsDir(os.tmpdir(), os.tmpdir())).toBeNull();
  });
});
