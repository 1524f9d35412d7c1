// Drives the VS Code workbench in the page the way a user does (Quick Open, the command palette,
// views, keyboard) and reads back what a user sees. Every wait is for a DOM state, with a timeout.
import path from 'node:path';

const SHORT = 15_000;
const LONG = 60_000;

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { workspace, screenshots, log }) {
    this.page = page;
    this.workspace = workspace;
    this.screenshots = screenshots;
    this.log = log;
  }

  async open(url) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: LONG });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: LONG });
    // The explorer shows the workspace once the remote file system is connected.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
  }

  /** Back to a known state between tests: no dialog, no widget, no open editor, panel closed. */
  async reset() {
    await this.dismissDialogs();
    await this.page.keyboard.press('Escape');
    await this.command('View: Close All Editors');
    await this.dismissDialogs();
    if (await this.page.locator('.part.panel').isVisible()) await this.command('View: Toggle Panel Visibility');
  }

  async dismissDialogs() {
    const dialog = this.page.locator('.monaco-dialog-box');
    if (await dialog.count()) {
      const dontSave = dialog.getByRole('button', { name: /Don't Save|不保存/ });
      if (await dontSave.count()) await dontSave.click();
      else await this.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: SHORT });
    }
  }

  async screenshot(name) {
    const file = path.join(this.screenshots, `${name}.png`);
    await this.page.screenshot({ path: file });
    this.log(`screenshot ${path.basename(file)}`);
    return file;
  }

  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Runs a command from the command palette by its label (exact match on the label text).
   * `opensInput`: the command shows its own input box or quick pick, so the widget stays open.
   */
  async command(label, options = {}) {
    const input = this.quickInput().locator('input.input');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${label}`, { timeout: 2_000 });
        break;
      } catch (error) {
        // The palette closes when something else takes the focus just as it opens; open it again.
        if (attempt === 3) throw error;
      }
    }
    const row = this.quickInput().locator('.monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*(.*: )?${escapeRegExp(label)}\\s*$`) }),
    }).first();
    await row.waitFor({ timeout: SHORT });
    await row.click();
    if (options.opensInput) {
      // The command asks something in a quick input of its own: wait for the palette to give way to it.
      await this.page.waitForFunction(() => !document.querySelector('.quick-input-widget input.input')?.value?.startsWith('>'), undefined, { timeout: SHORT });
      return;
    }
    await this.quickInput().waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** Right-clicks a file of the workspace in the explorer, opening its context menu. */
  async rightClickInExplorer(name) {
    await this.command('View: Show Explorer');
    // An earlier test may have collapsed the folder tree to give the outline room.
    const collapsed = this.page.locator('.pane-header[aria-label^="Explorer Section"][aria-expanded="false"]');
    if (await collapsed.count()) await collapsed.first().click();
    const file = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await file.waitFor({ timeout: SHORT });
    await file.click({ button: 'right' });
  }

  /** Chooses `label` in the context menu just opened (by a right-click). */
  async chooseFromContextMenu(label) {
    const menu = this.page.locator('.context-view .monaco-menu, .monaco-menu-container .monaco-menu').first();
    const entry = menu.locator('.action-item', { hasText: label }).first();
    await entry.waitFor({ timeout: SHORT });
    // Menus ignore a click until the mouse has moved over them; hover first, then choose.
    await entry.hover();
    await entry.click();
    if (await menu.isVisible()) await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor to show text. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput().locator('input.input');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(name);
    const row = this.quickInput().locator('.monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: name }),
    }).first();
    await row.waitFor({ timeout: SHORT });
    await row.click();
    await this.quickInput().waitFor({ state: 'hidden', timeout: SHORT });
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: name });
    await tab.waitFor({ timeout: SHORT });
    await this.editor().locator('.view-line').first().waitFor({ timeout: SHORT });
  }

  /** The active editor. */
  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The language shown in the status bar (the language mode picker). */
  async languageMode() {
    const item = this.page.locator('#status\\.editor\\.mode');
    await item.waitFor({ timeout: SHORT });
    return (await item.innerText()).trim();
  }

  /** Waits until the status bar shows a language mode matching re. */
  async waitForLanguageMode(re, timeout = LONG) {
    await this.page.locator('#status\\.editor\\.mode', { hasText: re }).waitFor({ timeout });
  }

  /**
   * Text of the editor's rendered lines in visual order, wrapped parts joined (Monaco renders
   * only what is in view, and keeps its line elements in no particular DOM order).
   */
  async visibleText() {
    return this.editor().locator('.view-lines').evaluate(readViewLines);
  }

  /** Waits until the visible editor text matches re. */
  async waitForVisibleText(re, timeout = SHORT) {
    const lines = await this.editor().locator('.view-lines').elementHandle({ timeout });
    try {
      await this.page.waitForFunction(([el, source, flags, read]) => new RegExp(source, flags).test(new Function(`return (${read})`)()(el)),
        [lines, re.source, re.flags, readViewLines.toString()], { timeout });
    } catch (error) {
      throw new Error(`editor text never matched ${re}; it shows:\n${(await this.visibleText()).slice(0, 600)}\n${error.message.split('\n')[0]}`);
    }
  }

  /** Focuses the editor text (clicks into it) so that keys go to the editor. */
  async focusEditor() {
    await this.editor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** Ctrl+G: go to a line (1-based). */
  async goToLine(line) {
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput().locator('input.input');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** Shows the Outline view and returns its locator once it lists at least one symbol. */
  async showOutline() {
    await this.command('Explorer: Focus on Outline View');
    // Collapse the folder tree so the outline gets the side bar's height.
    const folders = this.page.locator('.pane-header[aria-label^="Explorer Section"][aria-expanded="true"]');
    if (await folders.count()) {
      await folders.first().click();
      await this.page.locator('.explorer-folders-view').waitFor({ state: 'hidden', timeout: SHORT });
    }
    const pane = this.page.locator('.pane:has(.pane-header[aria-label^="Outline"]), .pane:has(.pane-header[aria-label^="大纲"])').first();
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: LONG });
    return pane;
  }

  /** The labels of the outline rows currently rendered. */
  async outlineLabels(pane) {
    return pane.locator('.monaco-list-row .monaco-icon-label .label-name').allInnerTexts();
  }

  /** Opens the Problems panel and returns its locator. */
  async showProblems() {
    await this.command('View: Focus Problems (Errors, Warnings, Infos)');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: SHORT });
    return panel;
  }

  /** Marker rows of the Problems panel (the rendered ones) as { severity, message, code, line }. */
  async problemRows(panel) {
    return panel.locator('.monaco-list-row').evaluateAll((rows) => rows
      .filter((row) => row.querySelector('.marker-message'))
      .map((row) => {
        const cls = row.querySelector('.marker-icon')?.className ?? '';
        const severity = /error/.test(cls) ? 'error' : /warning/.test(cls) ? 'warning' : /info/.test(cls) ? 'info' : '';
        const text = (sel) => row.querySelector(sel)?.textContent?.trim() ?? '';
        return { severity, message: text('.marker-message'), code: text('.marker-code'), line: text('.marker-line') };
      }));
  }

  /**
   * Picks an item of a keyboard-driven list (code actions, suggestions) as a user does: arrow
   * keys until it has the focus, then Enter. (These menus block the mouse until it moves.)
   */
  async chooseFocused(rows, item) {
    const n = await rows.count();
    for (let i = 0; i <= n; i++) {
      if (/\bfocused\b/.test((await item.getAttribute('class')) ?? '')) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus ${await item.innerText()}`);
  }

  /** Types into the Problems panel's filter box (empty text clears it). */
  async filterProblems(panel, text) {
    const input = this.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    await input.waitFor({ timeout: SHORT });
    await input.fill(text);
    // The filter applies after a debounce; its badge ("Showing 3 of 38") says when it has.
    const badge = this.page.locator('.viewpane-filter-badge');
    if (text) await badge.filter({ hasText: /\d/ }).waitFor({ timeout: SHORT });
    else await this.page.waitForFunction(() => {
      const b = document.querySelector('.viewpane-filter-badge');
      return !b || b.offsetParent === null || !/\d/.test(b.textContent ?? '');
    }, undefined, { timeout: SHORT });
  }

  /**
   * The class and computed colour of the rendered token that contains text (the innermost span
   * of the first visible editor line that shows it).
   */
  async tokenStyle(text) {
    const span = this.editor().locator('.view-line span span', { hasText: text }).first();
    await span.waitFor({ timeout: SHORT });
    return span.evaluate((el) => ({ className: el.className, color: getComputedStyle(el).color, fontWeight: getComputedStyle(el).fontWeight }));
  }
}

/** Runs in the page: the .view-line elements' text, sorted by their top, joined. */
function readViewLines(el) {
  return [...el.querySelectorAll('.view-line')]
    .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent }))
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text)
    .join('')
    .replace(/\u00a0/g, ' ');
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
