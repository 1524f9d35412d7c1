// Plans saved from a government web page (.html, or a .doc that is really a page): the page's text
// gives the same plan as the clean copy, its chrome (breadcrumbs, metadata table, footer) ignored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/core';
import { htmlToText } from '../../server/src/io/html';
import { readPlanFile } from '../../server/src/io';
import { reviewed } from '../support/reviewed';

const root = path.resolve(__dirname, '../..');
const seed000 = readFileSync(path.join(root, 'seeds', '000_ddecad1bf628223d.txt'), 'utf8');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'qplan-web-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Seed 000 as a city government's site serves it: GB2312, scripts, breadcrumbs, a metadata table, a footer. */
function governmentPage(plan: string): string {
  const body = plan.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p style="text-indent:2em">${esc(l.trim())}</p>`).join('\n');
  return `<!-- saved from url=(0052)http://www.suzhou.gov.cn/szsrmzf/zfwj/201605/t.shtml -->
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>苏州市人民政府关于印发2016年苏州市质量强市工作行动计划的通知_苏州市人民政府</title>
<style>.crumb { color: #333 } p { line-height: 2 }</style>
<script type="text/javascript">var nav = "<p>一、不是正文</p>"; document.write(nav);</script></head>
<body><div class="crumb">您现在的位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zfwj/">政府文件</a></div>
<table class="meta"><tr><td>索引号：</td><td>014000000/2016-00123</td><td>发布机构：</td><td>苏州市人民政府</td></tr>
<tr><td>发文日期：</td><td>2016-05-10</td><td>文　　号：</td><td>苏府〔2016〕63号</td></tr></table>
<div class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a onclick="print()">打印</a></div>
<div class="content">
${body}
</div>
<div class="footer"><p>扫一扫在手机打开当前页</p><p>(此件公开发布)</p></div></body></html>`;
}

describe('plans saved from a web page', () => {
  it('read from GB2312 HTML, give the plan of the clean copy: chrome, scripts and the metadata table ignored', async () => {
    const file = path.join(tmp, 'suzhou-2016.html');
    writeFileSync(file, iconv.encode(governmentPage(seed000), 'gb18030'));
    const read = await readPlanFile(file);
    expect(read).toMatchObject({ encoding: 'gb18030', format: 'html' });
    expect(read.text).not.toMatch(/不是正文|text-indent|line-height/);
    const fromPage = reviewed(analyzePlan(read.text));
    const fromCopy = reviewed(analyzePlan(seed000));
    expect(fromPage.headings).toEqual(fromCopy.headings);
    expect(fromPage.tasks).toEqual(fromCopy.tasks);
    expect(fromPage.targets).toEqual(fromCopy.targets);
    expect([fromPage.title, fromPage.docNumber]).toEqual([fromCopy.title, fromCopy.docNumber]);
    expect(fromPage.title).toBe('2016年苏州市质量强市工作行动计划');
  });

  it('read a .doc that a site serves as a page the same way', async () => {
    const page = governmentPage(seed000);
    const file = path.join(tmp, '苏府〔2016〕63号.doc');
    writeFileSync(file, page);
    expect((await readPlanFile(file)).text).toBe(htmlToText(page));
  });

  it('read from a single-file page (.mht, or a .doc that is one): quoted-printable GB2312 or base64 UTF-8, in a multipart message', async () => {
    const page = governmentPage(seed000);
    // Quoted-printable as a mailer writes it: =XX for high bytes and =, a soft line break (=) every 24 bytes, never inside an =XX.
    const qp = [...iconv.encode(page, 'gb18030')].map((b, i) => (b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b)) + (i % 24 === 23 ? '=\r\n' : '')).join('');
    const mht = ['MIME-Version: 1.0', 'Content-Type: multipart/related;', '\tboundary="----=_NextPart_01D7"', '', 'This is a multi-part message in MIME format.', '',
      '------=_NextPart_01D7', 'Content-Location: file:///C:/plan.htm', 'Content-Transfer-Encoding: quoted-printable', 'Content-Type: text/html; charset="gb2312"', '',
      qp, '', '------=_NextPart_01D7', 'Content-Type: image/png', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo=', '', '------=_NextPart_01D7--', ''].join('\r\n');
    const file = path.join(tmp, '苏府〔2016〕63号-mht.doc');
    writeFileSync(file, mht, 'latin1');
    expect(await readPlanFile(file)).toEqual({ text: htmlToText(page), encoding: 'gb18030', format: 'html' });
    const b64 = ['MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(page).toString('base64').replace(/(.{76})/g, '$1\r\n')].join('\r\n');
    writeFileSync(file, b64, 'latin1');
    expect(await readPlanFile(file)).toEqual({ text: htmlToText(page), encoding: 'utf-8', format: 'html' });
  });

  it('keep a line per paragraph, heading, list item, table cell and line break, and collapse spaces in a line', () => {
    expect(htmlToText('<h2>一、 总体\n  要求</h2><ul><li>（一）加强品牌建设</li><li>（二）提升<b>标准</b>水平</li></ul><p>第一行<br/>第二行&nbsp;&amp;</p><table><tr><th>指标</th><td>%</td></tr></table>'))
      .toBe('一、 总体 要求\n（一）加强品牌建设\n（二）提升标准水平\n第一行\n第二行\u00a0&\n指标\n%\n');
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p>未闭合<div>的<p>标签')).toBe('未闭合\n的\n标签\n');
  });
});
