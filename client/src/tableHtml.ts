// The preview's HTML: a themed table under a strict CSP; every document string escaped. No vscode import, so it is testable.

/** What the server's qplan/table answers, as far as the preview needs it. */
export interface TableViewData {
  title: string;
  view: {
    headers: readonly string[];
    widths: readonly number[];
    rows: readonly ({ group: string } | { cells: readonly string[]; line: number })[];
  };
}

export interface PreviewLabels {
  exportMarkdown: string;
  exportCsv: string;
  exportDocx: string;
  clickHint: string;
  empty: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The table body: one clickable row per task or target (data-line is 1-based), group rows spanning the table. */
export function tableBodyHtml(data: TableViewData, labels: PreviewLabels): string {
  const columns = data.view.headers.length;
  if (!data.view.rows.length) return `<tr><td colspan="${columns}" class="empty">${escapeHtml(labels.empty)}</td></tr>`;
  return data.view.rows.map((row) => 'group' in row
    ? `<tr class="group"><th colspan="${columns}" scope="colgroup">${escapeHtml(row.group)}</th></tr>`
    : `<tr class="item" tabindex="0" data-line="${Math.max(1, Math.floor(row.line))}" title="${escapeHtml(labels.clickHint)}">${
      row.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
}

/**
 * The whole page. The CSP allows only the nonce'd inline style and script: no remote content, no
 * eval, no inline handlers. The script posts {type:'reveal', line} on a row click or Enter,
 * {type:'export', format} from the toolbar, and swaps in new rows on {type:'update'}.
 */
export function previewHtml(data: TableViewData, labels: PreviewLabels, nonce: string, cspSource: string): string {
  const total = data.view.widths.reduce((a, b) => a + b, 0) || 1;
  // Widths as classes in the nonce'd style: the CSP forbids style attributes.
  const cols = data.view.widths.map((_, i) => `<col class="c${i}">`).join('');
  const widths = data.view.widths.map((w, i) => `.c${i} { width: max(${i === 0 ? 3.5 : 5}em, ${((w / total) * 100).toFixed(1)}%); }`).join(' ');
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(data.title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; text-align: center; margin: 12px 0; }
  .toolbar { display: flex; gap: 8px; justify-content: flex-end; margin-bottom: 8px; }
  button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  thead th { background: var(--vscode-editorWidget-background); position: sticky; top: 0; text-align: center; }
  tr.group th { background: var(--vscode-sideBarSectionHeader-background, var(--vscode-editorWidget-background)); font-weight: bold; }
  tr.item { cursor: pointer; }
  tr.item:hover, tr.item:focus { background: var(--vscode-list-hoverBackground); outline: 1px solid var(--vscode-focusBorder); }
  td:first-child { text-align: center; }
  ${widths}
  .empty { text-align: center; color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1 id="title">${escapeHtml(data.title)}</h1>
<div class="toolbar">
  <button type="button" data-format="md">${escapeHtml(labels.exportMarkdown)}</button>
  <button type="button" data-format="csv">${escapeHtml(labels.exportCsv)}</button>
  <button type="button" data-format="docx">${escapeHtml(labels.exportDocx)}</button>
</div>
<table>
<colgroup>${cols}</colgroup>
<thead><tr>${data.view.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody id="rows">
${tableBodyHtml(data, labels)}
</tbody>
</table>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const rows = document.getElementById('rows');
  const reveal = (tr) => tr && vscode.postMessage({ type: 'reveal', line: Number(tr.dataset.line) });
  rows.addEventListener('click', (e) => reveal(e.target.closest('tr.item')));
  rows.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(e.target.closest('tr.item')); });
  for (const b of document.querySelectorAll('button[data-format]')) {
    b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.format }));
  }
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'update') {
      rows.innerHTML = e.data.body;
      document.getElementById('title').textContent = e.data.title;
      document.title = e.data.title;
    }
  });
</script>
</body>
</html>`;
}
