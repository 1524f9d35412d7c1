// Similar-task results as the public JSON of `qplan similar` (cli-contract.md), lines 1-based.
import type { SimilarTask } from './similarity';

export interface SimilarJson {
  score: number;
  file: string;
  line: number;
  title: string;
  city: string | null;
  year: number | null;
  docNumber: string | null;
  leads: string[];
  cooperators: string[];
  targets: { text: string; value: number | null; unit: string }[];
  excerpt: string;
}

/** The `qplan similar --format json` objects for `results`, in their order; scores rounded to 3 places. */
export function toSimilarJson(results: readonly SimilarTask[]): SimilarJson[] {
  return results.map(({ score, doc, task, excerpt }) => ({
    score: Math.round(score * 1000) / 1000,
    file: doc.file,
    line: task.line + 1,
    title: task.title,
    city: doc.city,
    year: doc.year,
    docNumber: doc.docNumber,
    leads: [...task.leads],
    cooperators: [...task.cooperators],
    targets: task.targets.map((i) => doc.model.targets[i]).filter((t) => t !== undefined).map((t) => ({ text: t.text, value: t.value, unit: t.unit })),
    excerpt: excerpt.text,
  }));
}
