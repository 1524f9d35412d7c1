// The real-editor tests of what precedents and tables give a drafter: hovers, comparing with a
// precedent, units' shares of the work, the task matrix and the targets table, and an earlier
// plan in Word imported as a new draft.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { escape, PLAN_MODE, qplanOutput, waitFor } from './editorHelpers.mjs';

/** @typedef {import('./workbench.mjs').Workbench} Workbench */

export const precedentTests = [
  {
    id: 'precedent-hover',
    name: '先例悬停：在新草稿“加强品牌培育”任务的正文上悬停，悬停窗口列出苏州 2016 年“加大品牌培育力度”及其单位、指标和摘录',
    /** @param {Workbench} wb */
    async run(wb) {
      await wb.openFile('brand-draft.plan.txt');
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.waitForVisibleText(/培育一批知名品牌企业/);
      // The mouse over the task's body line, not its heading: the body shows the same hover.
      const text = await hoverOver(wb, '培育一批知名品牌企业', /先例/);
      wb.log(`hover: ${text.split('\n').slice(0, 3).join(' | ')} …`);
      assert.match(text, /任务 （一）加强品牌培育/);
      assert.match(text, /牵头单位：市市场监管局/);
      assert.match(text, /苏州市 · 2016年 · 苏府〔2016〕63号：加大品牌培育力度/, 'the Suzhou brand task is among the precedents');
      assert.match(text, /市经信委/, 'with its lead units');
      assert.match(text, /江苏名牌产品 ≥ 80 个/, 'with its targets');
      assert.match(text, /摘录：.*品牌/, 'with an excerpt');
      assert.match(text, /先例(均|中 \d\/\d )有量化指标，本任务没有/, 'and what the draft task lacks');
      // Bold shared wording is rendered, not shown as asterisks.
      assert.doesNotMatch(text, /\*\*/);
      await wb.screenshot('precedent-hover');
      await wb.page.keyboard.press('Escape');

      // A unit name in the clause: its tasks here and in the precedents.
      const unit = await hoverOver(wb, '市市场监管局', /本方案/);
      assert.match(unit, /市市场监管局 · 牵头单位/);
      assert.match(unit, /本方案：牵头 1 项 · 配合 0 项/);
      await wb.screenshot('unit-hover');
      await wb.page.keyboard.press('Escape');
    },
  },

  {
    id: 'compare-precedent',
    name: '对比先例：右键菜单“对比先例”打开差异编辑器，左侧为先例任务，右侧为本稿任务',
    /** @param {Workbench} wb */
    async run(wb) {
      await wb.openFile('brand-draft.plan.txt');
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.waitForVisibleText(/培育一批知名品牌企业/);
      await wb.editor().locator('.view-line', { hasText: '培育一批知名品牌企业' }).first().click({ position: { x: 30, y: 8 } });
      await wb.editor().locator('.view-line', { hasText: '培育一批知名品牌企业' }).first().click({ button: 'right', position: { x: 30, y: 8 } });
      await wb.chooseFromContextMenu('对比先例');
      // Several similar precedents: a quick pick, most similar first; the Suzhou brand task is offered.
      const pick = wb.quickInput();
      const row = pick.locator('.monaco-list-row', { hasText: '加大品牌培育力度' }).first();
      await row.waitFor({ timeout: 30_000 });
      assert.match(await pick.locator('.monaco-list-row').first().innerText(), /相似度 \d\.\d\d/);
      await row.click();
      const diff = wb.page.locator('.editor-group-container.active .monaco-diff-editor');
      await diff.waitFor({ timeout: 30_000 });
      const tab = wb.page.locator('.tabs-container .tab.active');
      await tab.filter({ hasText: /先例 .*加大品牌培育力度 ↔ 本稿 （一）加强品牌培育/ }).waitFor({ timeout: 15_000 });
      const sides = async (sel) => diff.locator(`${sel} .view-lines`).first().evaluate((el) => el.textContent ?? '');
      await wb.page.waitForFunction(() => document.querySelectorAll('.monaco-diff-editor .editor.original .view-line').length > 0, undefined, { timeout: 15_000 });
      const original = await sides('.editor.original');
      const modified = await sides('.editor.modified');
      wb.log(`diff: ${original.slice(0, 40)} … ↔ ${modified.slice(0, 40)} …`);
      assert.match(original, /加大品牌培育力度。/);
      assert.match(modified, /（一）加强品牌培育。/);
      assert.match(modified, /（市市场监管局牵头，市工信局配合）/);
      await wb.screenshot('compare-precedent');
    },
  },

  {
    id: 'agency',
    name: '查看单位分工：命令面板列出各单位“牵头 n 项 · 配合 m 项”，选中单位后列出其任务并跳转',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      await wb.openFile(ws.seed('000'));
      await wb.waitForLanguageMode(PLAN_MODE);
      // From the command palette (wb.command would wait for the palette to close, and this command opens a pick of its own).
      await wb.page.keyboard.press('F1');
      const pick = wb.quickInput();
      await pick.locator('input.input').waitFor({ state: 'visible', timeout: 15_000 });
      await pick.locator('input.input').fill('>查看单位分工');
      const command = pick.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: /^\s*质量规划: 查看单位分工\s*$/ }) }).first();
      await command.waitFor({ timeout: 15_000 });
      await command.click();
      const unit = pick.locator('.monaco-list-row', { hasText: /^市质监局/ }).first();
      await unit.waitFor({ timeout: 30_000 });
      assert.match(await unit.innerText(), /牵头 \d+ 项 · 配合 \d+ 项/);
      await wb.screenshot('agency-units');
      await unit.click();
      const task = pick.locator('.monaco-list-row', { hasText: '加大品牌培育力度' }).first();
      await task.waitFor({ timeout: 15_000 });
      assert.match(await task.innerText(), /牵头/);
      await task.click();
      await pick.waitFor({ state: 'hidden', timeout: 15_000 });
      await wb.waitForVisibleText(/\(六\)加大品牌培育力度/);
      await wb.editor().locator('.selected-text').first().waitFor({ timeout: 15_000 });
      await wb.screenshot('agency-task');
    },
  },

  {
    id: 'task-matrix',
    name: '任务分工表：命令“生成任务分工表”在旁边打开预览，列出种子 000 的 18 项任务，点击一行跳到该任务，编辑后预览随之更新',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      // A copy of seed 000 of its own (run.mjs makes it): this test edits it.
      const file = 'matrix-000.plan.txt';
      await wb.openFile(file);
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.command('生成任务分工表');
      // The preview is a webview beside the editor: an iframe in an iframe.
      const tab = wb.page.locator('.tab', { hasText: `任务分工表: ${file}` }).first();
      await tab.waitFor({ timeout: 30_000 });
      const view = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('h1', { hasText: '2016年苏州市质量强市工作行动计划任务分工表' }).waitFor({ timeout: 30_000 });
      const headers = await view.locator('thead th').allInnerTexts();
      assert.deepEqual(headers.map((h) => h.trim()), ['序号', '重点任务', '牵头单位', '配合单位', '目标/指标', '完成时限']);
      const rows = view.locator('tr.item');
      assert.equal(await rows.count(), 18, 'one row per task of seed 000');
      // Every task with the units the qplan command reads from the same file.
      const [analysis] = JSON.parse(qplanOutput(['analyze', path.join(ws.dir, file)]));
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      assert.deepEqual(cells.map((c) => [c[2], c[3]]), analysis.tasks.map((t) => [t.leads.join('、'), t.cooperators.join('、')]));
      assert.ok(cells[0][1].endsWith('完成全国质量强市示范城市创建工作'));
      await view.locator('tr.group', { hasText: '三、提高重点领域质量管理水平' }).waitFor({ timeout: 5_000 });
      await wb.screenshot('task-matrix');

      // Clicking the last row puts the cursor on that task in the plan.
      const last = analysis.tasks[17];
      await rows.nth(17).click();
      await wb.page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`Ln ${last.line}\\b`) }).waitFor({ timeout: 15_000 });
      await wb.waitForVisibleText(new RegExp(escape(last.title)));
      wb.log(`task matrix: row 18 → line ${last.line} (${last.title})`);

      // The preview's Word button: a save dialog (VS Code's own in the browser) proposing a name beside the plan.
      await view.locator('button[data-format="docx"]').click();
      const dialogInput = wb.quickInput().locator('input.input');
      await dialogInput.waitFor({ state: 'visible', timeout: 15_000 });
      // The dialog fills in the folder first, then the proposed name.
      const proposed = await dialogInput.evaluate((el) => new Promise((resolve) => {
        const end = Date.now() + 10_000;
        const poll = () => (/任务分工表\.docx$/.test(el.value) || Date.now() > end ? resolve(el.value) : setTimeout(poll, 100));
        poll();
      }));
      assert.match(proposed, /matrix-000-任务分工表\.docx$/);
      await wb.page.keyboard.press('Enter');
      const saved = path.join(ws.dir, 'matrix-000-任务分工表.docx');
      await waitFor(() => fs.existsSync(saved) && fs.statSync(saved).size > 0, 15_000, 'the .docx is written');
      await wb.page.locator('.notifications-toasts', { hasText: '已导出到' }).waitFor({ timeout: 15_000 });
      const { default: JSZip } = await import('jszip');
      const xml = await (await JSZip.loadAsync(fs.readFileSync(saved))).file('word/document.xml').async('string');
      for (const t of analysis.tasks) assert.ok(xml.includes(t.title), `the .docx lists ${t.title}`);
      await wb.screenshot('task-matrix-exported');
      await rows.nth(17).click();
      await wb.page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`Ln ${last.line}\\b`) }).waitFor({ timeout: 15_000 });

      // A new task typed at the end shows up in the preview without running the command again
      // (the jump left the focus in the editor).
      await wb.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 15_000 });
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('（十九）加强计量基础建设。（市质监局牵头，市财政局配合）');
      // The preview refreshes while typing; the row is complete once the clause is in.
      await view.locator('tr.item', { hasText: /加强计量基础建设[\s\S]*市质监局[\s\S]*市财政局/ }).waitFor({ timeout: 15_000 });
      assert.equal(await view.locator('tr.item').count(), 19);
      await wb.screenshot('task-matrix-updated');
      await wb.command('File: Revert File');
    },
  },

  {
    id: 'target-table',
    name: '主要指标表：命令“生成主要指标表”列出种子 003 的指标（类别取自表 2），点击一行跳到该指标',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      await wb.openFile(ws.seed('003'));
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.command('生成主要指标表');
      await wb.page.locator('.tab', { hasText: `主要指标表: ${ws.seed('003')}` }).first().waitFor({ timeout: 30_000 });
      const view = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('h1', { hasText: '宿州市质量强市建设“十四五”规划主要指标表' }).waitFor({ timeout: 30_000 });
      assert.deepEqual((await view.locator('thead th').allInnerTexts()).map((h) => h.trim()), ['序号', '类别', '指标', '单位', '目标值', '年份']);
      const [table] = JSON.parse(qplanOutput(['targets', '--format', 'json', path.join(ws.dir, ws.seed('003'))]));
      const rows = view.locator('tr.item');
      await rows.nth(table.rows.length - 1).waitFor({ timeout: 15_000 });
      assert.equal(await rows.count(), table.rows.length, 'one row per target the qplan command lists');
      // 表2's first value cell (≥97 on line 141) sits under its category cell 产品质量.
      const i = table.rows.findIndex((r) => r.line === 141);
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(1).map((c) => c.trim()), ['产品质量', '主要工业产品质量合格率', '%', '≥97', '2025']);
      await wb.screenshot('target-table');
      await rows.nth(i).click();
      await wb.page.locator('#status\\.editor\\.selection', { hasText: /Ln 141\b/ }).waitFor({ timeout: 15_000 });
    },
  },
  {
    id: 'import-word',
    name: '导入 Word 方案：在资源管理器中右键 numbered-plan.docx，“导入方案文件为草稿…”打开新草稿，Word 自动编号的标题进入大纲',
    /** @param {Workbench} wb */
    async run(wb) {
      await wb.rightClickInExplorer('numbered-plan.docx');
      await wb.chooseFromContextMenu('导入方案文件为草稿');
      // A new untitled draft: the Word file itself is not opened, its numbers (一、 （一） 1.) are in the text.
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.waitForVisibleText(/一、总体要求/);
      await wb.waitForVisibleText(/（一）加强组织领导。（市政府办公室牵头）/);
      assert.doesNotMatch(await wb.page.locator('.tabs-container .tab.active').innerText(), /numbered-plan\.docx/);
      const pane = await wb.showOutline();
      const labels = await wb.outlineLabels(pane);
      for (const title of ['一、总体要求', '二、重点任务', '三、保障措施']) assert.ok(labels.some((l) => l.includes(title)), `outline lists ${title}: ${labels.join(' | ')}`);
      await wb.screenshot('import-word');
    },
  },
  {
    id: 'import-pdf',
    name: '导入 PDF 方案：右键 published-002.pdf 导入为草稿，折行的段落合为一行，标题与责任分工照常识别',
    /** @param {Workbench} wb */
    async run(wb) {
      await wb.rightClickInExplorer('published-002.pdf');
      await wb.chooseFromContextMenu('导入方案文件为草稿');
      await wb.waitForLanguageMode(PLAN_MODE);
      // PDF.js is loaded from its own file in the extension on this first PDF.
      await wb.waitForVisibleText(/一、强化重点产品质量安全监管/, 30_000);
      const pane = await wb.showOutline();
      const labels = await wb.outlineLabels(pane);
      assert.ok(labels.some((l) => l.includes('二、推动企业落实质量安全主体责任')), `outline: ${labels.join(' | ')}`);
      await wb.screenshot('import-pdf');
    },
  },
];

/**
 * Moves the mouse over the first rendered occurrence of `text` in the active editor and returns
 * the hover widget's text once it matches `expect` (the precedent library loads on first use).
 */
async function hoverOver(wb, text, expect) {
  const line = wb.editor().locator('.view-line', { hasText: text }).first();
  await line.waitFor({ timeout: 15_000 });
  // The character offset of `text` in the line, turned into pixels on the rendered span.
  const box = await line.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 2);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    const r = el.getBoundingClientRect();
    return { x: r.left + 20, y: r.top + r.height / 2 };
  }, text);
  const widget = wb.page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: expect }).first();
  for (let attempt = 1; ; attempt++) {
    await wb.page.mouse.move(box.x - 3, box.y);
    await wb.page.mouse.move(box.x, box.y, { steps: 3 });
    try {
      await widget.waitFor({ timeout: attempt === 1 ? 30_000 : 15_000 });
      break;
    } catch (error) {
      // The first hover may come before the server answers with the precedents; move away and back.
      if (attempt === 2) throw error;
      await wb.page.mouse.move(5, 5);
    }
  }
  return (await wb.page.locator('.monaco-hover:not(.hidden)').first().innerText()).replace(/\u00a0/g, ' ');
}
