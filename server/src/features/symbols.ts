// Outline, breadcrumbs and Go to Symbol: the heading tree as document symbols, named as drafters write them.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { headingSpan, type Heading, type HeadingKind, type PlanModel } from '../core';
import type { Plan } from '../documents';
import { linesRange, toRange } from '../lsp/convert';

/** Sections by marker level; tasks stand out as events (a thing someone must do). */
const KIND: Record<HeadingKind, SymbolKind> = {
  chapter: SymbolKind.Package,
  cn: SymbolKind.Module,
  'cn-paren': SymbolKind.Namespace,
  num: SymbolKind.Class,
  'num-paren': SymbolKind.Struct,
  circled: SymbolKind.Field,
  bullet: SymbolKind.Field,
};

/** “（一）加强品牌培育”: the marker as written, then the title. */
export function headingName(h: Heading): string {
  return `${h.marker}${h.title}` || h.marker || '（无标题）';
}

export function symbolKind(h: Heading): SymbolKind {
  return h.task >= 0 ? SymbolKind.Event : KIND[h.kind];
}

/** A task's lead units, shown greyed beside its name; a task with none says so. */
export function headingDetail(model: PlanModel, h: Heading, none: string): string {
  const task = h.task >= 0 ? model.tasks[h.task] : undefined;
  if (!task) return '';
  return task.leads.length ? task.leads.join('、') : `（${none}）`;
}

/**
 * The heading tree. Each symbol spans its heading's whole subtree; its selection is the marker
 * and title. A heading whose parent link does not point back in the document becomes a root,
 * so a damaged model still gives an outline.
 */
export function documentSymbols({ document, model }: Plan, noLead: string): DocumentSymbol[] {
  const nodes = model.headings.map((h): DocumentSymbol => ({
    name: headingName(h),
    detail: headingDetail(model, h, noLead),
    kind: symbolKind(h),
    range: linesRange(document, h.line, Math.max(h.line, h.endLine)),
    selectionRange: toRange(document, headingSpan(h)),
    children: [],
  }));
  const roots: DocumentSymbol[] = [];
  model.headings.forEach((h, i) => {
    if (h.parent >= 0 && h.parent < i) nodes[h.parent].children!.push(nodes[i]);
    else roots.push(nodes[i]);
  });
  return roots;
}
