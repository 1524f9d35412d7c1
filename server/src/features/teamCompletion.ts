// What the team config adds to completion: its agency list among the unit names, its clause library elsewhere.
import { CompletionItemKind, type CompletionItem, type CompletionList, type CompletionParams, type TextEdit } from 'vscode-languageserver';
import type { AgencyEntry } from '../core';
import type { Plan } from '../documents';
import type { Session } from '../session';
import { clauseCompletion } from './clauses';

/**
 * Adds to the core completion's answer: where it offered unit names, the team's agencies come
 * first (the current, agreed names); where it offered nothing, the team's clauses by prefix.
 */
export function withTeam(list: CompletionList, plan: Plan, params: CompletionParams, session: Session): CompletionList {
  const uri = plan.document.uri;
  if (list.items.length === 0) return clauseCompletion(plan, params.position, params.context, session.clauses.forUri(uri));
  return withAgencies(list, session.teamConfigs.forUri(uri)?.config.agencies, session.labels.teamAgency);
}

/** Unit items (kind Reference) with the team's agencies first, each marked as from the team's list. */
export function withAgencies(list: CompletionList, agencies: readonly AgencyEntry[] | undefined, mark: (aliases: string[]) => string): CompletionList {
  const units = list.items.filter((i) => i.kind === CompletionItemKind.Reference && i.textEdit && 'range' in i.textEdit);
  if (!agencies?.length || units.length === 0) return list;
  const range = (units[0].textEdit as TextEdit).range;
  const byName = new Map(units.map((i) => [i.label, i]));
  const team: CompletionItem[] = [];
  agencies.forEach((a, rank) => {
    const sortText = `0${String(rank).padStart(5, '0')}`;
    const known = byName.get(a.name);
    if (known) {
      team.push({ ...known, detail: [mark(a.aliases ?? []), known.detail].filter(Boolean).join(' · '), sortText });
      byName.delete(a.name);
    } else {
      team.push({ label: a.name, kind: CompletionItemKind.Reference, detail: mark(a.aliases ?? []), sortText, filterText: a.name, textEdit: { range, newText: a.name } });
    }
  });
  const rest = list.items.filter((i) => !(i.kind === CompletionItemKind.Reference && agencies.some((a) => a.name === i.label)))
    .map((i) => ({ ...i, sortText: `1${i.sortText ?? ''}` }));
  return { ...list, items: [...team, ...rest] };
}
