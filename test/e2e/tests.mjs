// The real-editor tests: what a drafter sees in VS Code (code-server) with the qplan .vsix installed,
// in a zh-cn display language. Each test starts with no editor open (Workbench.reset).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { escape, PLAN_MODE, qplanOutput, root, waitFor } from './editorHelpers.mjs';
import { precedentTests } from './precedentTests.mjs';

/** @typedef {import('./workbench.mjs').Workbench} Workbench */

export const tests = [
  {
    id: 'new-draft',
    name: '中文命令：命令面板里的“质量规划: 新建质量规划草稿”打开标准骨架草稿',
    /** @param {Workbench} wb */
    async run(wb) {
      // The title comes from package.nls.zh-cn.json: proof that the display language is zh-cn.
      const input = wb.quickInput().locator('input.input');
      const row = wb.quickInput().locator('.monaco-list-row', {
        has: wb.page.locator('.label-name', { hasText: /^\s*质量规划: 新建质量规划草稿\s*$/ }),
      }).first();
      // The first test can open the palette before the workbench has read the extension's
      // contributions ("No matching commands"): the palette lists only what it saw on opening,
      // so reopen it until the command is listed.
      for (let attempt = 1; ; attempt++) {
        await wb.page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 15_000 });
        await input.fill('>新建质量规划草稿');
        try {
          await row.waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt === 4) throw error;
          wb.log(`palette does not list the command yet (attempt ${attempt}); reopening`);
          await wb.page.keyboard.press('Escape');
        }
      }
      await wb.screenshot('command-palette');
      await wb.chooseFocused(wb.quickInput().locator('.monaco-list-row'), row);
      // An untitled plan with the skeleton, its placeholders live, the outline reading it.
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.waitForVisibleText(/××市人民政府关于印发××市质量强市建设行动计划的通知/);
      await wb.waitForVisibleText(/一、总体要求（一）指导思想/);
      const pane = await wb.showOutline();
      for (const title of ['一、总体要求', '二、重点任务', '三、保障措施']) {
        await pane.locator('.label-name', { hasText: title }).first().waitFor({ timeout: 30_000 });
      }
      await wb.screenshot('new-draft');
      await wb.page.keyboard.press('Escape');
      await wb.command('View: Revert and Close Editor');
    },
  },

  {
    id: 'outline',
    name: '大纲：打开种子方案 000，大纲视图列出章节与任务，点击可跳转',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      await wb.openFile(ws.seed('000'));
      // A plain .txt seed is recognised as a plan by its content, without renaming.
      await wb.waitForLanguageMode(PLAN_MODE);
      const pane = await wb.showOutline();
      const row = (text) => pane.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: text }) }).first();
      await row('一、深入推进质量强市战略').waitFor({ timeout: 30_000 });
      const section = row('一、深入推进质量强市战略');
      const task = row(/^[（(]一[）)]\s*完成全国质量强市示范城市创建工作$/);
      await task.waitFor({ timeout: 15_000 });
      // The task is a child of the section in the tree.
      const level = async (r) => Number(await r.getAttribute('aria-level'));
      assert.equal(await level(task), (await level(section)) + 1, 'the task sits one level under its section');
      for (const title of ['二、开展质量品牌提升行动', '三、提高重点领域质量管理水平']) {
        assert.ok(await row(title).count(), `outline lists ${title}`);
      }
      const labels = await wb.outlineLabels(pane);
      wb.log(`outline: ${labels.slice(0, 6).join(' | ')} …`);
      // Clicking a section in the outline moves the editor there.
      await row('三、提高重点领域质量管理水平').click();
      await wb.waitForVisibleText(/三、提高重点领域质量管理水平/);
      await row('一、深入推进质量强市战略').click();
      await wb.waitForVisibleText(/一、深入推进质量强市战略/);
      await wb.screenshot('outline');
    },
  },

  {
    id: 'problems',
    name: '问题面板：种子 003 的“未明确牵头单位”警告（中文）与种子 004 的括号不配对错误',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      const expected = JSON.parse(qplanOutput(['check', '--format', 'json', path.join(root, 'seeds', ws.seed('003'))]));
      const expectedLeads = expected.filter((d) => (d.rule ?? d.code) === 'missing-lead').length;
      await wb.openFile(ws.seed('003'));
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.showOutline();
      const panel = await wb.showProblems();
      const leadRow = panel.locator('.monaco-list-row', { has: wb.page.locator('.marker-code', { hasText: 'missing-lead' }) }).first();
      await leadRow.waitFor({ timeout: 30_000 });
      const rows = (await wb.problemRows(panel)).filter((r) => r.code === 'missing-lead');
      assert.ok(rows.length > 0);
      for (const r of rows) {
        assert.equal(r.severity, 'warning', `missing-lead is a warning: ${r.message}`);
        assert.match(r.message, /^任务“.+”未明确牵头单位。请在段末补充责任分工/, 'the message is in Chinese');
      }
      wb.log(`problems: ${rows[0].message} ${rows[0].line}`);
      // The file's count in the Problems panel is what the qplan command finds.
      const fileRow = panel.locator('.monaco-list-row', { hasText: ws.seed('003') }).first();
      await fileRow.locator('.monaco-count-badge', { hasText: String(expected.length) }).waitFor({ timeout: 15_000 });
      // Filtering as a user would: every missing-lead warning, and only those.
      await wb.filterProblems(panel, '未明确牵头单位');
      // “Showing 28 of 38”
      await wb.page.locator('.viewpane-filter-badge', { hasText: new RegExp(`\\b${expectedLeads}\\D+${expected.length}\\b`) })
        .waitFor({ timeout: 15_000 });
      await wb.screenshot('problems-003');

      // Seed 004 has one unclosed bracket: an error, in Chinese, coded unbalanced-bracket.
      await wb.filterProblems(panel, '');
      await wb.openFile(ws.seed('004'));
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.showProblems();
      await wb.filterProblems(panel, '缺少对应的');
      await wb.page.locator('.viewpane-filter-badge', { hasText: /\b1\b\D+\d+/ }).waitFor({ timeout: 15_000 });
      const errorRow = panel.locator('.monaco-list-row', { has: wb.page.locator('.marker-code', { hasText: 'unbalanced-bracket' }) }).first();
      await errorRow.waitFor({ timeout: 30_000 });
      const errors = (await wb.problemRows(panel)).filter((r) => r.code === 'unbalanced-bracket');
      assert.equal(errors.length, 1, 'one unbalanced bracket in seed 004');
      assert.equal(errors[0].severity, 'error');
      assert.match(errors[0].message, /^“[（(]”缺少对应的“[）)]”。$/);
      assert.match(errors[0].line, /Ln 75\b/);
      await wb.screenshot('problems-004');
      await wb.filterProblems(panel, '');
    },
  },

  {
    id: 'quickfix',
    name: '快速修复：在“未明确牵头单位”的任务末尾插入责任分工条款，光标停在牵头单位处',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      const file = 'quickfix-003.plan.txt';
      const before = fs.readFileSync(path.join(ws.dir, file), 'utf8');
      await wb.openFile(file);
      await wb.waitForLanguageMode(PLAN_MODE);
      const panel = await wb.showProblems();
      const fileRow = panel.locator('.monaco-list-row', { hasText: file }).first();
      await fileRow.waitFor({ timeout: 30_000 });
      const countBefore = Number(await fileRow.locator('.monaco-count-badge').innerText());
      const leadRow = panel.locator('.monaco-list-row', { has: wb.page.locator('.marker-code', { hasText: 'missing-lead' }) }).first();
      await leadRow.waitFor({ timeout: 30_000 });
      const [{ message, line }] = (await wb.problemRows(panel)).filter((r) => r.code === 'missing-lead');
      const task = /^任务“(.+)”未明确牵头单位/.exec(message)[1];
      // Opening the problem puts the cursor on the task; Ctrl+. lists the fixes there.
      // Enter on the problem opens it in the editor, the task's title selected, the editor focused.
      await leadRow.click();
      await wb.page.keyboard.press('Enter');
      await wb.waitForVisibleText(new RegExp(escape(task)));
      await wb.editor().locator('.selected-text').first().waitFor({ timeout: 15_000 });
      await wb.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 15_000 });
      await wb.page.keyboard.press('Control+.');
      const widget = wb.page.locator('.action-widget');
      const fix = widget.locator('.monaco-list-row', { hasText: '补充责任分工' }).first();
      await fix.waitFor({ timeout: 15_000 });
      await wb.screenshot('quickfix-menu');
      await wb.chooseFocused(widget.locator('.monaco-list-row'), fix);
      await wb.waitForVisibleText(/（市××局牵头，各有关部门配合）/);
      // The lead slot is selected: typing replaces it, Tab moves to the cooperators.
      await wb.page.keyboard.type('市市场监管局');
      await wb.page.keyboard.press('Tab');
      await wb.page.keyboard.type('市发改委');
      await wb.page.keyboard.press('Escape');
      await wb.waitForVisibleText(/（市市场监管局牵头，市发改委配合）/);
      await wb.page.keyboard.press('Control+S');
      await fileRow.locator('.monaco-count-badge', { hasText: new RegExp(`^${countBefore - 1}$`) }).waitFor({ timeout: 30_000 });
      await wb.screenshot('quickfix-applied');
      // On disk: the clause ends the task's paragraph, and nothing else changed.
      await waitFor(() => fs.readFileSync(path.join(ws.dir, file), 'utf8') !== before, 15_000, 'the file is saved');
      const after = fs.readFileSync(path.join(ws.dir, file), 'utf8');
      const inserted = '（市市场监管局牵头，市发改委配合）';
      const at = after.indexOf(inserted);
      assert.ok(at > 0, 'the clause is in the saved file');
      assert.equal(after.slice(0, at) + after.slice(at + inserted.length), before, 'only the clause was added');
      const lineNo = after.slice(0, at).split('\n').length;
      wb.log(`quick fix: clause inserted on line ${lineNo} for “${task}” (${line})`);
      assert.ok(lineNo >= Number(/Ln (\d+)/.exec(line)[1]), 'the clause follows the task heading');
      assert.match(after.split('\n')[lineNo - 1], /。（市市场监管局牵头，市发改委配合）\s*$/, 'at the end of the paragraph, after its 。');
    },
  },

  {
    id: 'team-config',
    name: '团队配置：qplan.config.json 的语法错误标在文件上，改正后重新检查；忽略此任务上的该问题并写明原因；团队条款补全',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      const configFile = path.join(ws.dir, 'team/qplan.config.json');
      const draft = 'team-draft.plan.txt';
      await wb.openFile(draft);
      await wb.waitForLanguageMode(PLAN_MODE);
      const panel = await wb.showProblems();
      // The broken file: one error on the file itself, and the draft checked with the defaults (missing-target on).
      const configRow = panel.locator('.monaco-list-row', { has: wb.page.locator('.marker-message', { hasText: '配置文件不是有效的 JSON' }) }).first();
      await configRow.waitFor({ timeout: 30_000 });
      const broken = (await wb.problemRows(panel)).find((r) => /配置文件不是有效的 JSON/.test(r.message));
      assert.equal(broken.severity, 'error');
      assert.equal(broken.message, '配置文件不是有效的 JSON：此处应为逗号“,”。已按默认设置检查。');
      assert.match(broken.line, /Ln 4, Col 3/);
      const targetRow = panel.locator('.monaco-list-row', { has: wb.page.locator('.marker-code', { hasText: 'missing-target' }) }).first();
      await targetRow.waitFor({ timeout: 30_000 });
      await wb.screenshot('team-config-broken');

      // Fixed on disk (as a colleague's commit would): the watcher re-reads it, the rule it turns off goes quiet.
      fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('"off" }\n', '"off" },\n'));
      await configRow.waitFor({ state: 'detached', timeout: 30_000 });
      await targetRow.waitFor({ state: 'detached', timeout: 30_000 });

      // Ignore the missing lead on 加强品牌培育, with a reason, from the quick fix.
      const leadRow = panel.locator('.monaco-list-row', { has: wb.page.locator('.marker-code', { hasText: 'missing-lead' }) }).first();
      await leadRow.waitFor({ timeout: 30_000 });
      await leadRow.click();
      await wb.page.keyboard.press('Enter');
      await wb.editor().locator('.selected-text').first().waitFor({ timeout: 15_000 });
      await wb.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 15_000 });
      await wb.page.keyboard.press('Control+.');
      const widget = wb.page.locator('.action-widget');
      const fix = widget.locator('.monaco-list-row', { hasText: '忽略此任务上的该问题' }).first();
      await fix.waitFor({ timeout: 15_000 });
      await wb.screenshot('team-config-suppress-menu');
      await wb.chooseFocused(widget.locator('.monaco-list-row'), fix);
      const input = wb.quickInput().locator('input.input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill('品牌培育以活动为主，分工见附件');
      await wb.screenshot('team-config-reason');
      await wb.page.keyboard.press('Enter');
      await leadRow.waitFor({ state: 'detached', timeout: 30_000 });
      await waitFor(() => fs.readFileSync(configFile, 'utf8').includes('"reason": "品牌培育以活动为主，分工见附件"'), 15_000, 'the suppression is written');
      const written = fs.readFileSync(configFile, 'utf8');
      assert.match(written, /\/\/ 团队配置/, 'the team’s comment is kept');
      assert.match(written, /\{ "rule": "missing-lead", "task": "加强品牌培育", "reason": "品牌培育以活动为主，分工见附件", "file": "team-draft\.plan\.txt" \}/);
      wb.log(`suppression: ${written.replace(/\s+/g, ' ')}`);

      // The team clause library: sx + Ctrl+Space offers sxzlg, described, with its text as a preview.
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.type('sx');
      await wb.page.keyboard.press('Control+Space');
      const suggest = wb.page.locator('.editor-widget.suggest-widget.visible');
      const item = suggest.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: /^sxzlg$/ }) }).first();
      await item.waitFor({ timeout: 15_000 });
      await wb.screenshot('team-clause-suggest');
      await wb.chooseFocused(suggest.locator('.monaco-list-row'), item);
      await wb.waitForVisibleText(/（三）推行首席质量官制度。引导规模以上工业企业设立首席质量官。/);
      await wb.page.keyboard.press('Escape');
      await wb.command('View: Revert and Close Editor');
    },
  },

  {
    id: 'team-clauses',
    name: '团队条款库：选中文字“将所选内容保存为团队条款…”存为新条款，再用“插入团队条款…”选出插入',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      const draft = 'clauses-draft.plan.txt';
      const saved = path.join(ws.dir, 'team/.qplan/clauses/bzsp.md');
      await wb.openFile(draft);
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.focusEditor();
      await wb.goToLine(4);
      await wb.page.keyboard.press('Home');
      await wb.page.keyboard.press('Shift+End');
      await wb.command('将所选内容保存为团队条款…', { opensInput: true });
      const input = wb.quickInput().locator('input.input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill('bzsp');
      await wb.page.keyboard.press('Enter');
      await wb.page.waitForFunction(() => !document.querySelector('.quick-input-widget input.input')?.value, undefined, { timeout: 15_000 });
      await input.fill('标准水平提升');
      await wb.page.keyboard.press('Enter');
      await waitFor(() => fs.existsSync(saved), 15_000, 'the clause file is written');
      const text = fs.readFileSync(saved, 'utf8');
      assert.equal(text, '---\nprefix: bzsp\ndescription: 标准水平提升\n---\n\n（二）提升标准水平。修订地方标准。（市市场监管局牵头）\n');

      // Inserted from the palette: the quick pick lists the library with descriptions and the text.
      await wb.page.keyboard.press('Escape');
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.command('插入团队条款…', { opensInput: true });
      const row = wb.quickInput().locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: /^bzsp$/ }) }).first();
      await row.waitFor({ timeout: 15_000 });
      assert.match(await row.innerText(), /标准水平提升/);
      assert.ok(await wb.quickInput().locator('.monaco-list-row', { hasText: 'sxzlg' }).count(), 'the other clause is listed too');
      await wb.screenshot('team-clause-pick');
      await row.click();
      await wb.waitForVisibleText(/（市市场监管局牵头）\s*（二）提升标准水平。修订地方标准。（市市场监管局牵头）\s*$/);
      await wb.command('View: Revert and Close Editor');
    },
  },

  {
    id: 'snippet',
    name: '代码片段：输入 zdsx、组织领导 并接受建议，展开为标准段落，大纲随之更新',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      const file = 'snippet.plan.txt';
      await wb.openFile(file);
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      // Pinyin initials: zdsx → （一）指导思想 and its paragraph.
      await wb.page.keyboard.type('zdsx');
      await wb.page.keyboard.press('Control+Space');
      const suggest = wb.page.locator('.editor-widget.suggest-widget.visible');
      const item = (label) => suggest.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
      await item('zdsx').waitFor({ timeout: 15_000 });
      assert.match(await item('zdsx').innerText(), /指导思想/, 'the suggestion names the section');
      await wb.screenshot('snippet-suggest');
      await wb.chooseFocused(suggest.locator('.monaco-list-row'), item('zdsx'));
      await wb.waitForVisibleText(/（一）指导思想/);
      // The first placeholder (the ordinal) is selected; Tab keeps it and moves on.
      await wb.page.keyboard.press('Tab');
      await wb.waitForVisibleText(/以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神/);
      await wb.page.keyboard.press('Escape');
      // The Chinese prefix: 组织领导 → a 保障措施 item with its responsibility clause.
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('二、保障措施');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('组织领导');
      await wb.page.keyboard.press('Control+Space');
      await item('组织领导').waitFor({ timeout: 15_000 });
      await wb.chooseFocused(suggest.locator('.monaco-list-row'), item('组织领导'));
      await wb.waitForVisibleText(/（一）加强组织领导。成立质量强市工作领导小组，统筹推进各项任务。（市政府办公室牵头，各成员单位配合）/);
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('Control+S');
      // The expanded snippets are headings the server understands: the outline shows them.
      const pane = await wb.showOutline();
      const row = (text) => pane.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: text }) }).first();
      await row(/^[（(]一[）)]\s*加强组织领导$/).waitFor({ timeout: 30_000 });
      await row(/^[（(]一[）)]\s*指导思想$/).waitFor({ timeout: 15_000 });
      await wb.screenshot('snippet-expanded');
      await waitFor(() => /一、总体要求\n（一）指导思想\n以习近平/.test(fs.readFileSync(path.join(ws.dir, file), 'utf8')), 15_000, 'the expanded snippet is saved');
    },
  },

  {
    id: 'colours',
    name: '着色：标题、牵头单位与正文颜色不同（TextMate 语法生效）',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      await wb.openFile('colours-000.plan.txt');
      await wb.waitForLanguageMode(PLAN_MODE);
      await wb.goToLine(15);
      await wb.waitForVisibleText(/深入推进质量强市战略/);
      const heading = await wb.tokenStyle('深入推进质量强市战略');
      const body = await wb.tokenStyle('做好各项迎检准备工作');
      const lead = await wb.tokenStyle('市政府办公室');
      wb.log(`colours: heading ${JSON.stringify(heading)}, body ${JSON.stringify(body)}, lead ${JSON.stringify(lead)}`);
      assert.notEqual(heading.className, body.className, 'the heading is its own token');
      assert.notEqual(heading.color, body.color, 'the heading is coloured differently from body text');
      assert.notEqual(lead.color, body.color, 'a lead unit is coloured differently from body text');
      await wb.screenshot('colours');
    },
  },

  {
    id: 'reopen',
    name: '识别：关闭后重新打开的 .txt 方案仍是“质量规划”，大纲仍在',
    /** @param {Workbench} wb */
    async run(wb, ws) {
      // Seed 000 was opened and closed by the outline test; a drafter reopens it.
      await wb.openFile(ws.seed('000'));
      await wb.waitForLanguageMode(PLAN_MODE, 30_000).catch(async (e) => {
        throw new Error(`reopened ${ws.seed('000')} shows language “${await wb.languageMode()}”: ${e.message.split('\n')[0]}`);
      });
      const pane = await wb.showOutline();
      await pane.locator('.label-name', { hasText: '一、深入推进质量强市战略' }).first().waitFor({ timeout: 30_000 });
    },
  },
  ...precedentTests,
];
