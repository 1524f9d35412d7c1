// 查看单位分工: pick a unit of the draft, then walk the tasks it leads and cooperates on (the server's qplan/agencies).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { askAtCursor } from './commands';

export const SHOW_AGENCY = 'qplan.showAgency';

/** What qplan/agencies answers (server/src/features/agencies.ts). */
interface AgencyTask {
  name: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  role: 'lead' | 'cooperator';
}
interface AgencyUnit {
  name: string;
  generic: boolean;
  lead: number;
  cooperate: number;
  tasks: AgencyTask[];
}
interface AgenciesResult {
  current: string | null;
  units: AgencyUnit[];
}

/**
 * Two quick picks: every unit of the draft with 牵头 n · 配合 m (the unit under the cursor
 * preselected), then that unit's tasks; moving through them previews each in the editor, Enter
 * goes there, Escape puts the cursor back where it was.
 */
export async function showAgency(client: LanguageClient): Promise<void> {
  const asked = await askAtCursor<AgenciesResult>(client, 'qplan/agencies');
  if (!asked) return;
  const { editor, result } = asked;
  if (!result.units.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No task of this plan names a responsible unit yet.'));
    return;
  }
  const unit = await pickUnit(result);
  if (unit) await walkTasks(editor, unit);
}

type UnitItem = vscode.QuickPickItem & { unit: AgencyUnit };
type TaskItem = vscode.QuickPickItem & { task: AgencyTask };

function pickUnit(result: AgenciesResult): Promise<AgencyUnit | undefined> {
  const pick = vscode.window.createQuickPick<UnitItem>();
  pick.title = vscode.l10n.t('Responsibilities by unit');
  pick.placeholder = vscode.l10n.t('Pick a unit to see the tasks it leads and cooperates on ({0} units)', result.units.length);
  pick.matchOnDescription = false;
  pick.items = result.units.map((u) => ({
    label: u.name,
    description: vscode.l10n.t('Leads {0} · cooperates on {1}', u.lead, u.cooperate) + (u.generic ? vscode.l10n.t(' (generic)') : ''),
    unit: u,
  }));
  const current = pick.items.find((i) => i.unit.name === result.current);
  if (current) pick.activeItems = [current];
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.unit ?? pick.activeItems[0]?.unit);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function walkTasks(editor: vscode.TextEditor, unit: AgencyUnit): Promise<void> {
  const before = { selection: editor.selection, visible: editor.visibleRanges[0] };
  const pick = vscode.window.createQuickPick<TaskItem>();
  pick.title = vscode.l10n.t('{0}: leads {1} · cooperates on {2}', unit.name, unit.lead, unit.cooperate);
  pick.placeholder = vscode.l10n.t('Pick a task to go to it');
  pick.items = unit.tasks.map((t) => ({ label: t.name, description: t.role === 'lead' ? vscode.l10n.t('Lead') : vscode.l10n.t('Cooperating'), task: t }));
  const show = (t: AgencyTask) => {
    const range = new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  let accepted = false;
  return new Promise((resolve) => {
    pick.onDidChangeActive((items) => items[0] && show(items[0].task));
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (item) {
        accepted = true;
        show(item.task);
      }
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted) {
        editor.selection = before.selection;
        if (before.visible) editor.revealRange(before.visible, vscode.TextEditorRevealType.AtTop);
      } else void vscode.window.showTextDocument(editor.document, editor.viewColumn);
      pick.dispose();
      resolve();
    });
    pick.show();
  });
}
