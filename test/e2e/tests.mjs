// The real-editor tests: what a drafter sees in VS Code (code-server) with the qplan .vsix installed,
// in a zh-cn display language. Each test starts with no editor open (Workbench.reset).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('./workbench.mjs').Workbench} Workbench */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLAN_MODE = /^(质量规划|Quality Plan)$/;

/** The findings of the qplan command on a seed, to compare with what the editor shows. */
function cliFindings(file) {
  let out;
  try {
    out = execFileSync(process.execPath, [path.join(root, 'server/out/qplan.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1 when an error-level finding exists
  }
  return JSON.parse(out);
}

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
      const expected = cliFindings(path.join(root, 'seeds', ws.seed('003')));
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
      const menu = wb.page.locator('.context-view .monaco-menu, .monaco-menu-container .monaco-menu').first();
      const entry = menu.locator('.action-item', { hasText: '对比先例' }).first();
      await entry.waitFor({ timeout: 15_000 });
      // Menus ignore a click until the mouse has moved over them; hover first, then choose.
      await entry.hover();
      await entry.click();
      if (await menu.isVisible()) await wb.page.keyboard.press('Enter');
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
      const [analysis] = JSON.parse(execFileSync(process.execPath, [path.join(root, 'server/out/qplan.js'), 'analyze', path.join(ws.dir, file)], { encoding: 'utf8' }));
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
      const [table] = JSON.parse(execFileSync(process.execPath, [path.join(root, 'server/out/qplan.js'), 'targets', '--format', 'json', path.join(ws.dir, ws.seed('003'))], { encoding: 'utf8' }));
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

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls a condition on the file system (the editor has no event for "written to disk"). */
async function waitFor(check, timeout, what) {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
