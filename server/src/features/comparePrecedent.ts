// qplan/comparePrecedent: the task under the cursor and its most similar precedent tasks, as text for a side-by-side diff.
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver';
import { findSimilarTasks, headingSpan, sentencePerLine, taskAtLine, taskSource, taskText, type PrecedentIndex } from '../core';
import type { Plan } from '../documents';
import type { Labels } from '../labels';
import { toRange } from '../lsp/convert';
import { where } from './precedentHover';
import { headingName } from './symbols';

/** The custom request behind the 对比先例 command (client/src/comparePrecedent.ts). */
export const COMPARE_REQUEST = 'qplan/comparePrecedent';

export interface CompareParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
}

export interface ComparedPrecedent {
  /** The precedent's file, as the library names it. */
  file: string;
  /** “苏州市 · 2016年 · 苏府〔2016〕63号”. */
  where: string;
  /** The task's marker and title. */
  name: string;
  /** Cosine similarity in [0, 1]. */
  score: number;
  /** The whole task as written, heading to clause, one sentence a line (for a readable diff). */
  text: string;
}

export interface CompareResult {
  /** The draft's task under the cursor (text one sentence a line); null when the cursor is on no task. */
  task: { name: string; text: string; range: Range } | null;
  /** At most 3, most similar first; empty when nothing is similar enough. */
  precedents: ComparedPrecedent[];
}

/** How many precedents the command offers to pick from. */
const TOP = 3;

/**
 * The task holding the cursor (heading or body) and its top precedent tasks by the library's own
 * look-up (the draft's own file never among them), each with its full text for the diff.
 */
export function comparePrecedent(plan: Plan, position: Position, library: { index: PrecedentIndex; exclude: string | undefined }, labels: Labels): CompareResult {
  const { document, model, text } = plan;
  const t = taskAtLine(model, position.line);
  if (t === undefined) return { task: null, precedents: [] };
  const task = model.tasks[t];
  const heading = model.headings[task.heading];
  const found = findSimilarTasks(library.index, taskText(model, text, task), { top: TOP, excludeFile: library.exclude });
  return {
    task: {
      name: headingName(heading),
      text: sentencePerLine(taskSource(model, text, task)),
      range: toRange(document, headingSpan(heading)),
    },
    precedents: found.map((r) => {
      const h = r.doc.model.headings[r.task.heading];
      return {
        file: r.doc.file,
        where: where(r.doc, labels),
        name: h ? headingName(h) : r.task.title,
        score: Math.round(r.score * 1000) / 1000,
        text: sentencePerLine(taskSource(r.doc.model, r.doc.text, r.task)),
      };
    }),
  };
}
