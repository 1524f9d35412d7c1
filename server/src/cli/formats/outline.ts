// `qplan outline --format text`: the heading tree, two spaces per depth, tasks marked with their units.
import type { Outline, OutlineNode } from '../../core/report';

/**
 * A header line (file and plan title), then one line per heading: `marker title  [line]`,
 * indented two spaces per depth; a task adds `◆ 牵头：…；配合：…` (or 无牵头单位).
 */
export function formatOutlineText(file: string, outline: Outline): string {
  const lines = [`${file}  ${outline.title ? `《${outline.title}》` : '（未识别标题）'}`];
  const visit = (node: OutlineNode, depth: number) => {
    let line = `${'  '.repeat(depth)}${node.marker} ${node.title}  [${node.line}]`;
    if (node.task) line += `  ◆ ${units(node)}`;
    lines.push(line);
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of outline.children) visit(root, 1);
  if (outline.children.length === 0) lines.push('  （没有识别出标题）');
  return lines.join('\n') + '\n';
}

function units(node: OutlineNode): string {
  const lead = node.leads.length > 0 ? `牵头：${node.leads.join('、')}` : '无牵头单位';
  return node.cooperators.length > 0 ? `${lead}；配合：${node.cooperators.join('、')}` : lead;
}
