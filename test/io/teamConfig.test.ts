// Finding the team config by walking up from a plan, reading it (or failing to) without throwing, and the clause folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTeamConfig, readClauseFolder, readTeamConfig, teamPrecedentDirs, writeClauseFile } from '../../server/src/io';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-config-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

describe('findTeamConfig', () => {
  it('finds the nearest qplan.config.json walking up, the nearer one winning', () => {
    const top = write('repo/qplan.config.json', '{}');
    const inner = write('repo/district/qplan.config.json', '{}');
    mkdirSync(path.join(tmp, 'repo/district/drafts/2026'), { recursive: true });
    mkdirSync(path.join(tmp, 'repo/city/drafts'), { recursive: true });
    expect(findTeamConfig(path.join(tmp, 'repo/district/drafts/2026'))).toBe(inner);
    expect(findTeamConfig(path.join(tmp, 'repo/city/drafts'))).toBe(top);
    expect(findTeamConfig(path.join(tmp, 'repo'))).toBe(top);
  });

  it('stops at the given folder and ignores a folder of that name', () => {
    mkdirSync(path.join(tmp, 'stop/a/qplan.config.json'), { recursive: true });
    write('qplan.config.json', '{}');
    expect(findTeamConfig(path.join(tmp, 'stop/a'), path.join(tmp, 'stop'))).toBeUndefined();
    expect(findTeamConfig(path.join(tmp, 'stop/a'))).toBe(path.join(tmp, 'qplan.config.json'));
  });
});

describe('readTeamConfig', () => {
  it('resolves precedent and clause folders against the file’s folder, .qplan/clauses by default', () => {
    const file = write('team/qplan.config.json', '{ "precedents": ["prec", "../shared"], "clauses": "lib" }');
    const c = readTeamConfig(file);
    expect(c.precedentDirs).toEqual([path.join(tmp, 'team/prec'), path.join(tmp, 'shared')]);
    expect(c.clausesDir).toBe(path.join(tmp, 'team/lib'));
    expect(readTeamConfig(write('team2/qplan.config.json', '{}')).clausesDir).toBe(path.join(tmp, 'team2/.qplan/clauses'));
  });

  it('gives the precedent folders of the config above a folder, [] without one', () => {
    write('prec-team/qplan.config.json', '{ "precedents": ["plans", "/abs/plans"] }');
    mkdirSync(path.join(tmp, 'prec-team/drafts'), { recursive: true });
    expect(teamPrecedentDirs(path.join(tmp, 'prec-team/drafts'))).toEqual([path.join(tmp, 'prec-team/plans'), path.resolve('/abs/plans')]);
    write('no-prec/qplan.config.json', '{ "city": "宿州市" }');
    expect(teamPrecedentDirs(path.join(tmp, 'no-prec'))).toEqual([]);
  });

  it('turns a missing file or a folder into one error and an empty config, never an exception', () => {
    for (const file of [path.join(tmp, 'nope/qplan.config.json'), path.join(tmp, 'stop/a/qplan.config.json')]) {
      const c = readTeamConfig(file);
      expect(c.broken).toBe(true);
      expect(c.config).toEqual({});
      expect(c.problems).toHaveLength(1);
      expect(c.problems[0].zh).toMatch(/^配置文件(不存在|是文件夹，不是文件)，已按默认设置检查。$/);
    }
  });
});

describe('clause folder', () => {
  it('reads .md and .txt clauses sorted by prefix, skipping empty and hidden files; a missing folder is empty', () => {
    write('lib/b.md', '---\nprefix: zzld\ndescription: 组织领导\n---\n加强组织领导。');
    write('lib/经费保障.txt', '加大经费投入。');
    write('lib/empty.md', '---\nprefix: x\n---\n');
    write('lib/.hidden.md', 'x');
    write('lib/readme.json', '{}');
    const { clauses, skipped } = readClauseFolder(path.join(tmp, 'lib'));
    expect(clauses.map((c) => `${c.prefix} ${c.description}`)).toEqual(['zzld 组织领导', '经费保障 加大经费投入。']);
    expect(skipped.map((s) => path.basename(s.file))).toEqual(['empty.md']);
    expect(readClauseFolder(path.join(tmp, 'no-lib'))).toEqual({ clauses: [], skipped: [] });
  });

  it('writes a new clause without overwriting one of the same name', () => {
    const dir = path.join(tmp, 'new/.qplan/clauses');
    const first = writeClauseFile(dir, '组织领导.md', 'a');
    const second = writeClauseFile(dir, '组织领导.md', 'b');
    expect(path.basename(first)).toBe('组织领导.md');
    expect(path.basename(second)).toBe('组织领导-2.md');
    expect(readFileSync(first, 'utf8')).toBe('a');
  });
});
