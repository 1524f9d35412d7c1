// The qplan command as a reviewer's pipeline sees it: the built bundle, real seeds, exit codes, output shapes.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleInfo } from '../../server/src/core';
import { buildBundle, bundle, lines, qplan, root, SEED_000, SEED_004, type JsonDiagnostic } from './run-qplan';

const seedFiles = readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`);

let tmp: string;

beforeAll(() => {
  buildBundle();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-cli-'));
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('qplan check: exit status', { timeout: 30_000 }, () => {
  it('exits 1 on seed 004, whose last clause never closes its bracket, and points at that bracket', () => {
    const r = qplan(['check', SEED_004]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const error = r.stdout.split('\n').find((l) => l.includes('  错误  unbalanced-bracket  '));
    expect(error).toBeDefined();
    const [, line, column] = error!.match(/^seeds\/004_48dc29ba5375c5fe\.txt:(\d+):(\d+)  错误  unbalanced-bracket  .+/)!;
    expect(lines(SEED_004)[Number(line) - 1][Number(column) - 1]).toBe('(');
    expect(lines(SEED_004)[Number(line) - 1]).toContain('(责任单位:市发改局、市财政局');
  });

  it('exits 0 on a seed with no error-severity problem, still listing warnings', () => {
    const r = qplan(['check', SEED_000]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/  错误  /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^共 1 个文件，\d+ 个问题（错误 0，警告 \d+，信息 \d+，提示 \d+）$/);
  });

  it('prints one `file:line:col  严重性  rule  message` line per diagnostic and a summary that adds up', () => {
    const r = qplan(['check', 'seeds']);
    const out = r.stdout.trimEnd().split('\n');
    const summary = out.pop()!;
    const m = summary.match(/^共 5 个文件，(\d+) 个问题（错误 (\d+)，警告 (\d+)，信息 (\d+)，提示 (\d+)）$/);
    expect(m).not.toBeNull();
    const [total, errors, warnings, infos, hints] = m!.slice(1).map(Number);
    expect(out.length).toBe(total);
    expect(errors + warnings + infos + hints).toBe(total);
    const row = /^(seeds\/\d{3}_[0-9a-f]+\.txt):(\d+):(\d+)  (错误|警告|信息|提示)  ([a-z-]+)  (.+)$/;
    for (const l of out) expect(l).toMatch(row);
    expect(out.filter((l) => l.includes('  错误  ')).length).toBe(errors);
    expect(r.status).toBe(errors > 0 ? 1 : 0);
  });

  it('exits 2 for a missing file, names it on stderr in Chinese, and still checks the others', () => {
    const r = qplan(['check', 'no-such-plan.txt', SEED_000]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('qplan: no-such-plan.txt: 文件不存在\n');
    expect(r.stdout).toContain(`${SEED_000}:`);
    expect(r.stdout).toMatch(/共 1 个文件，/);
  });

  it('lets 2 win over 1', () => {
    const r = qplan(['check', SEED_004, 'no-such-plan.txt']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('unbalanced-bracket');
  });

  it('exits 2 on bad usage with a one-line Chinese reason and no output', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--bogus', SEED_000], /^qplan: 未知的选项 --bogus（用 qplan check --help 查看用法）\n$/],
      [['check', '--format', 'xml', SEED_000], /^qplan: 选项 --format 的取值 xml 无效，可选：text、json、sarif/],
      [['check'], /^qplan: 缺少参数 PATH/],
      [['chek', SEED_000], /^qplan: 未知的命令 chek（是否想用 check？）/],
      [['analyze', '--format', 'text', SEED_000], /^qplan: 选项 --format 的取值 text 无效，可选：json/],
    ];
    for (const [args, stderr] of cases) {
      const r = qplan(args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(stderr);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 when a folder holds no plan file', () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = qplan(['check', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`qplan: ${empty}: 文件夹里没有方案文件（.txt、.md、.html、.htm、.mht、.docx、.doc、.pdf）\n`);
  });

  it('shows Chinese help and exits 0', () => {
    const r = qplan(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法： qplan <命令>/);
    for (const cmd of ['check', 'analyze', 'outline']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd} \\[选项\\] <PATH\\.\\.\\.>`, 'm'));
    expect(r.stdout).toContain('退出状态：0 没有“错误”级问题；1 至少一个“错误”级问题；2 用法错误或有文件无法读取。');
    const check = qplan(['check', '--help']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('-f, --format <格式>');
    expect(check.stdout).toContain('选项：');
    expect(qplan([]).status).toBe(2);
  });
});

describe('qplan check: JSON and SARIF', { timeout: 30_000 }, () => {
  it('prints the contract\'s diagnostic objects with positions inside the file', () => {
    const r = qplan(['check', '--format', 'json', 'seeds']);
    const diags = JSON.parse(r.stdout) as JsonDiagnostic[];
    expect(diags.length).toBeGreaterThan(0);
    const rules = Object.keys(ruleInfo);
    for (const d of diags) {
      // `fixes` is an added field (the contract allows new fields), present only where a rule has a safe fix.
      expect(Object.keys(d).filter((k) => k !== 'fixes').sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
      expect(seedFiles).toContain(d.file);
      expect(['error', 'warning', 'information', 'hint']).toContain(d.severity);
      expect(rules).toContain(d.rule);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      const text = lines(d.file);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(text.length);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeLessThanOrEqual(text[d.line - 1].length + 1);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
    }
    const files = diags.map((d) => d.file);
    expect(files).toEqual([...files].sort());
    expect(r.status).toBe(diags.some((d) => d.severity === 'error') ? 1 : 0);
  });

  it('prints SARIF 2.1.0 that validates against the official schema', () => {
    const r = qplan(['check', '--format', 'sarif', SEED_004, SEED_000]);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    // The official schema, as shipped in npm's @microsoft/sarif-multitool-linux@5.7.0 (MIT); that
    // package's `Sarif.Multitool validate` also accepted this output (one advisory: no informationUri).
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'sarif-2.1.0.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { uri: true, 'uri-reference': true, 'date-time': true, uuid: true } });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('qplan');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(Object.keys(ruleInfo));
    const bracketRule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'unbalanced-bracket');
    expect(bracketRule.defaultConfiguration.level).toBe('error');
    const error = run.results.find((x: { ruleId: string }) => x.ruleId === 'unbalanced-bracket');
    expect(error.level).toBe('error');
    expect(run.tool.driver.rules[error.ruleIndex].id).toBe('unbalanced-bracket');
    const loc = error.locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: SEED_004, uriBaseId: '%SRCROOT%' });
    expect(lines(SEED_004)[loc.region.startLine - 1][loc.region.startColumn - 1]).toBe('(');
    // information and hint have no SARIF level of their own: both are notes.
    const levels = new Set(run.results.map((x: { level: string }) => x.level));
    for (const level of levels) expect(['error', 'warning', 'note']).toContain(level);
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('lists unreadable files as SARIF tool notifications', () => {
    const r = qplan(['check', '--format', 'sarif', 'no-such-plan.txt', SEED_000]);
    expect(r.status).toBe(2);
    const inv = JSON.parse(r.stdout).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0].message.text).toBe('文件不存在');
  });
});

describe('qplan analyze', { timeout: 30_000 }, () => {
  it('prints the contract object for seed 000 with 1-based lines', () => {
    const r = qplan(['analyze', '--format', 'json', SEED_000]);
    expect(r.status).toBe(0);
    const [plan] = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      file: SEED_000,
      title: '2016年苏州市质量强市工作行动计划',
      docNumber: '苏府〔2016〕63号',
      date: '2016-04-25',
      period: { start: 2016, end: 2016 },
    });
    const text = lines(SEED_000);
    expect(text[plan.titleLine - 1]).toBe(plan.title);

    const heading = plan.headings.find((h: { title: string }) => h.title === '深入推进质量强市战略');
    expect(heading).toMatchObject({ kind: 'cn', ordinal: 1, depth: 1 });
    expect(text[heading.line - 1].startsWith('一、深入推进质量强市战略')).toBe(true);

    const task = plan.tasks.find((t: { title: string }) => t.title === '完成全国质量强市示范城市创建工作');
    expect(task).toMatchObject({ leads: ['市政府办公室', '市质监局'], cooperators: ['各成员单位'], section: 'task' });
    expect(text[task.line - 1]).toMatch(/^\(一\)完成全国质量强市示范城市创建工作/);

    const target = plan.targets.find((t: { text: string }) => t.text === '2016年争创江苏名牌产品80个');
    expect(target).toMatchObject({ metric: '江苏名牌产品', value: 80, valueMax: null, unit: '个', comparator: '>=', year: 2016 });
    expect(text[target.line - 1].slice(target.column - 1).startsWith(target.text)).toBe(true);

    for (const h of plan.headings) expect(Object.keys(h)).toEqual(expect.arrayContaining(['line', 'kind', 'ordinal', 'title', 'depth']));
    for (const t of plan.tasks) expect(Object.keys(t)).toEqual(expect.arrayContaining(['line', 'endLine', 'title', 'leads', 'cooperators', 'section']));
    for (const t of plan.targets) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['line', 'text', 'metric', 'value', 'valueMax', 'unit', 'comparator', 'year']));
    }
  });

  it('expands a folder into its plans, sorted, one object each', () => {
    const r = qplan(['analyze', 'seeds']);
    expect(r.status).toBe(0);
    const plans = JSON.parse(r.stdout) as { file: string; title: string | null }[];
    expect(plans.map((p) => p.file)).toEqual(seedFiles);
    expect(plans.find((p) => p.file === SEED_004)?.title).toBe('2015年质量乐清建设行动计划');
  });
});

describe('standard input and encodings', { timeout: 30_000 }, () => {
  const seed004 = readFileSync(path.join(root, SEED_004));
  const expected = () => (JSON.parse(qplan(['check', '--format', 'json', SEED_004]).stdout) as JsonDiagnostic[]).map((d) => ({ ...d, file: '-' }));

  it('reads "-" from standard input and reports it as "-"', () => {
    const r = qplan(['check', '-'], { input: seed004 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^-:\d+:\d+  错误  unbalanced-bracket  /m);
    const a = qplan(['analyze', '-'], { input: readFileSync(path.join(root, SEED_000)) });
    expect(JSON.parse(a.stdout)[0]).toMatchObject({ file: '-', title: '2016年苏州市质量强市工作行动计划' });
  });

  it('finds the same problems at the same places in GB18030, UTF-16 and CRLF copies', () => {
    const want = expected();
    const utf8 = seed004.toString('utf8');
    const inputs: [string, Uint8Array][] = [
      ['gb18030', iconv.encode(utf8, 'gb18030')],
      ['utf-16le+bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])],
      ['utf-16be', Buffer.from(utf8, 'utf16le').swap16()],
      ['crlf', Buffer.from(utf8.replace(/\n/g, '\r\n'), 'utf8')],
    ];
    for (const [name, input] of inputs) {
      const r = qplan(['check', '--format', 'json', '-'], { input });
      expect({ name, status: r.status, stderr: r.stderr }).toEqual({ name, status: 1, stderr: '' });
      expect(JSON.parse(r.stdout)).toEqual(want);
    }
  });

  it('reads a UTF-8 file cut mid-character as UTF-8, with a warning but no failure', () => {
    const cut = Buffer.concat([readFileSync(path.join(root, SEED_000)), Buffer.from([0xe3, 0x80])]);
    const r = qplan(['outline', '-'], { input: cut });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('qplan: 警告：-: 有无法解码的字节（文件可能被截断），已替换为 �\n');
    expect(r.stdout.split('\n')[0]).toBe('-  《2016年苏州市质量强市工作行动计划》');
  });

  it('reads Word 97 .doc files', () => {
    const r = qplan(['analyze', 'test/fixtures/io/plan-excerpt.doc']);
    expect(r.status).toBe(0);
    const [plan] = JSON.parse(r.stdout);
    expect(plan.title).toBe('2016年苏州市质量强市工作行动计划');
    expect(plan.tasks[0]).toMatchObject({ line: 3, title: '完成全国质量强市示范城市创建工作', leads: ['市政府办公室', '市质监局'] });
  });

  it('refuses binary input on stdin with exit 2', () => {
    const r = qplan(['check', '-'], { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 0, 0]) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('qplan: -: 不是文本文件（疑似二进制）\n');
  });

  it('checks a folder of mixed files, reporting the unreadable ones and checking the rest', () => {
    const dir = path.join(tmp, 'drafts');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'a-gbk.txt'), iconv.encode(seed004.toString('utf8'), 'gbk'));
    copyFileSync(path.join(root, 'test/fixtures/io/plan-excerpt.docx'), path.join(dir, 'sub/b.docx'));
    writeFileSync(path.join(dir, 'sub/c.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 7)]));
    writeFileSync(path.join(dir, 'd.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 0, 0xff, 0xfe, 0, 0, 9, 9, 0, 0]));
    writeFileSync(path.join(dir, 'notes.pdf'), '%PDF-1.4');
    const r = qplan(['check', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `qplan: ${path.join(dir, 'd.txt')}: 不是文本文件（疑似二进制）`,
      expect.stringMatching(new RegExp(`^qplan: ${path.join(dir, 'notes.pdf').replace(/[/.]/g, '\\$&')}: 不是有效的 PDF 文件`)),
      expect.stringMatching(new RegExp(`^qplan: ${path.join(dir, 'sub/c.doc').replace(/[/.]/g, '\\$&')}: 不是有效的 Word 文件`)),
    ]);
    expect(r.stdout).toContain(`${path.join(dir, 'a-gbk.txt')}:`);
    expect(r.stdout).toMatch(/  错误  unbalanced-bracket  /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^共 2 个文件，/);

    const outline = qplan(['outline', path.join(dir, 'sub/b.docx')]);
    expect(outline.status).toBe(0);
    expect(outline.stdout).toContain('《2016年苏州市质量强市工作行动计划》');
    expect(outline.stdout).toContain('    （一） 完成全国质量强市示范城市创建工作  [3]  ◆ 牵头：市政府办公室、市质监局；配合：各成员单位');
  });
});

describe('qplan outline', { timeout: 30_000 }, () => {
  it('prints an indented tree under a title line, tasks marked with their units', () => {
    const r = qplan(['outline', SEED_000]);
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(`${SEED_000}  《2016年苏州市质量强市工作行动计划》`);
    expect(out[1]).toBe('  一、 深入推进质量强市战略  [14]');
    expect(out[2]).toBe('    (一) 完成全国质量强市示范城市创建工作  [15]  ◆ 牵头：市政府办公室、市质监局；配合：各成员单位');
    expect(out.filter((l) => l.startsWith('  ') && !l.startsWith('    '))).toHaveLength(3);
  });

  it('outlines a .docx whose heading numbers are Word\'s automatic numbering', () => {
    const r = qplan(['outline', 'test/fixtures/io/numbered-plan.docx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n  三、 保障措施  [10]\n    （一） 加强组织领导  [11]  ◆ 牵头：市政府办公室\n');
    expect(r.stdout).toContain('      2. 完善计量体系  [9]  ◆ 牵头：市工信局');
  });

  it('prints the same tree as nested JSON', () => {
    const r = qplan(['outline', '--format', 'json', SEED_000, 'seeds/001_69752e7f9544ae63.txt']);
    expect(r.status).toBe(0);
    const [suzhou, qingdao] = JSON.parse(r.stdout);
    expect(suzhou.file).toBe(SEED_000);
    expect(suzhou.children.map((c: { title: string }) => c.title)).toEqual(['深入推进质量强市战略', '开展质量品牌提升行动', '提高重点领域质量管理水平']);
    expect(suzhou.children[0].children[0]).toMatchObject({ title: '完成全国质量强市示范城市创建工作', line: 15, task: true, depth: 2 });
    // Three levels: 三、工作任务 > (一)实施三大战略 > 1.名牌战略
    const tasks = qingdao.children.find((c: { title: string }) => c.title === '工作任务');
    expect(tasks.children[0].children[0]).toMatchObject({ marker: '1.', title: '名牌战略', depth: 3, task: true });
  });
});

describe('output robustness', { timeout: 30_000 }, () => {
  it('stops quietly when the reader closes the pipe early (qplan check … | head)', async () => {
    // Many files keep text output flowing after the reader is gone, so writes meet the closed pipe.
    const dir = path.join(tmp, 'many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 60; i++) copyFileSync(path.join(root, 'seeds/003_c1b3376c57d80b19.txt'), path.join(dir, `plan-${String(i).padStart(2, '0')}.txt`));
    const child = spawn(process.execPath, [bundle, 'check', dir], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
