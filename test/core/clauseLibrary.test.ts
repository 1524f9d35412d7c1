// Clause files: front matter read, bodies kept as snippets, previews readable, new files round-trip.
import { describe, expect, it } from 'vitest';
import { clauseFileName, formatClauseFile, parseClauseFile, previewText, prefixMatches } from '../../server/src/core';

describe('parseClauseFile', () => {
  it('reads prefix, description and title from the front matter, and the body below it', () => {
    const text = '---\nprefix: zzld\ndescription: 保障措施·组织领导\ntitle: "加强组织领导"\n---\n\n（一）加强组织领导。成立由${1:市政府分管领导}任组长的领导小组。\r\n';
    expect(parseClauseFile(text, '/t/.qplan/clauses/zzld.md')).toEqual({
      prefix: 'zzld',
      description: '保障措施·组织领导',
      title: '加强组织领导',
      body: '（一）加强组织领导。成立由${1:市政府分管领导}任组长的领导小组。',
      file: '/t/.qplan/clauses/zzld.md',
    });
  });

  it('accepts a full-width colon, CRLF and a byte-order mark', () => {
    const c = parseClauseFile('\ufeff---\r\nprefix： 经费保障\r\ndescription：经费\r\n---\r\n财政部门要加大投入。', 'a.txt');
    expect(c).toMatchObject({ prefix: '经费保障', description: '经费', body: '财政部门要加大投入。' });
  });

  it('falls back to the file name as prefix and the first line as description', () => {
    expect(parseClauseFile('各地各部门要把质量工作摆上重要议事日程。\n第二行。', 'C:\\lib\\考核评估.txt')).toMatchObject({
      prefix: '考核评估',
      description: '各地各部门要把质量工作摆上重要议事日程。',
    });
  });

  it('skips a file with no body', () => {
    expect(parseClauseFile('---\nprefix: x\n---\n\n', 'x.md')).toBeUndefined();
    expect(parseClauseFile('', 'x.md')).toBeUndefined();
  });
});

describe('formatClauseFile', () => {
  it('writes a file that reads back as the same clause, the selection inserted literally', () => {
    const body = '按照“${1:谁主管谁负责}”原则，落实经费$100万元。';
    const text = formatClauseFile({ prefix: 'jfbz', description: '经费保障\n（财政）', body });
    const back = parseClauseFile(text, 'jfbz.md')!;
    expect(back.prefix).toBe('jfbz');
    expect(back.description).toBe('经费保障 （财政）');
    expect(previewText(back.body)).toBe(body);
  });

  it('makes a safe file name from any prefix', () => {
    expect(clauseFileName('组织领导')).toBe('组织领导.md');
    expect(clauseFileName('a/b:c?')).toBe('a_b_c_.md');
    expect(clauseFileName('..')).toBe('_.md');
  });
});

describe('previewText and prefixMatches', () => {
  it('shows placeholders as their defaults and choices as the first', () => {
    expect(previewText('由${1:市市场监管局}牵头，${2|各有关部门,各成员单位|}配合$0')).toBe('由市市场监管局牵头，各有关部门配合');
  });

  it('matches the start of the prefix, ignoring case', () => {
    const c = { prefix: 'zzLD', description: '', body: 'x', file: 'x' };
    expect(prefixMatches(c, 'zz')).toBe(true);
    expect(prefixMatches(c, 'ZZL')).toBe(true);
    expect(prefixMatches(c, 'ld')).toBe(false);
  });
});
