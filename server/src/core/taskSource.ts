// A task as written, heading to last body line: what a side-by-side comparison shows.
import type { PlanModel, Task } from './model';

/**
 * The task's text from its heading's first character to the end of its last non-blank line,
 * clause included, with \n line ends: the whole item as a drafter wrote it.
 */
export function taskSource(model: PlanModel, text: string, task: Task): string {
  const start = model.lineStarts[task.line] ?? 0;
  const next = model.lineStarts[task.endLine + 1];
  const end = next === undefined ? text.length : next;
  return text.slice(start, end).replace(/\r\n?/g, '\n').replace(/^[ \t\u3000]+/, '').trimEnd();
}

/**
 * The text with each sentence on its own line (a break after 。！？； where text follows), so a
 * line diff of two long paragraphs pairs sentence with sentence instead of one paragraph with another.
 */
export function sentencePerLine(text: string): string {
  return text.replace(/([。！？；!?;])[ \t\u3000]*(?=[^\s。！？；!?;])/g, '$1\n');
}
