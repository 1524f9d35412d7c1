// The table preview's HTML: document text escaped, a CSP that admits only the nonce'd style and script, rows that jump.
import { describe, expect, it } from 'vitest';
import { escapeHtml, previewHtml, tableBodyHtml, type PreviewLabels, type TableViewData } from '../../client/src/tableHtml';

const labels: PreviewLabels = { exportMarkdown: '导出 Markdown', exportCsv: '导出 CSV', exportDocx: '导出 Word', clickHint: '单击转到', empty: '没有任务' };
const data = (rows: TableViewData['view']['rows']): TableViewData => ({
  title: '某市<script>alert(1)</script>任务分工表',
  view: { headers: ['序号', '重点任务', '牵头单位', '配合单位', '目标/指标', '完成时限'], widths: [1, 3, 2, 2, 2, 1], rows },
});

describe('table preview HTML', () => {
  it('escapes everything that comes from the document, in cells, groups and the title', () => {
    const html = previewHtml(data([
      { group: '一、<img src=x onerror=alert(1)>' },
      { cells: ['1', '推进"A&B"<b>试点</b>', "市局'牵头'", '', '', '2024年底前'], line: 3 },
    ]), labels, 'NONCE', 'vscode-resource:');
    expect(html).not.toMatch(/<script>alert|<img|<b>试点/);
    expect(html).toContain('推进&quot;A&amp;B&quot;&lt;b&gt;试点&lt;/b&gt;');
    expect(html).toContain('一、&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>某市&lt;script&gt;alert(1)&lt;/script&gt;任务分工表</title>');
  });

  it('has a CSP with no default source, scripts and styles only by nonce, and no inline handlers', () => {
    const html = previewHtml(data([]), labels, 'abc123', 'https://file+.vscode-resource.vscode-cdn.net');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toBe("default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-abc123'; script-src 'nonce-abc123';");
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script nonce="abc123">']);
    expect(html).not.toMatch(/\son[a-z]+=/);
    // Style attributes would be blocked by that CSP: widths are classes.
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('gives each task row its 1-based line and Chinese headers; an empty table says so', () => {
    const body = tableBodyHtml(data([{ group: '一、重点任务' }, { cells: ['1', '加强品牌培育', '市局', '', '', ''], line: 15 }]), labels);
    expect(body).toContain('<tr class="group"><th colspan="6" scope="colgroup">一、重点任务</th></tr>');
    expect(body).toMatch(/<tr class="item" tabindex="0" data-line="15"[^>]*><td>1<\/td><td>加强品牌培育<\/td>/);
    expect(previewHtml(data([]), labels, 'n', 'c')).toContain('<th scope="col">牵头单位</th>');
    expect(tableBodyHtml(data([]), labels)).toContain('没有任务');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
