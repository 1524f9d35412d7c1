// 完成时限 of a task: read from its own text, else from its targets' years, else the plan period's end.
import type { Period } from '../model';

/** Where a deadline came from, so a table can mark the ones the drafter never wrote. */
export type DeadlineSource = 'text' | 'ongoing' | 'target' | 'period';

export interface Deadline {
  /** As a table shows it: 2017年6月底前, 长期坚持, 2025年底前; "" when nothing says. */
  text: string;
  source: DeadlineSource | null;
}

// A dated limit: 2017年底前, 2017年6月底前, 2017年前, 2017年年底前, 2017年内, 到/至2020年 (year first).
const DATED = /(?:(?:到|至|于)\s*)?((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月\s*(?:底|末)?|年?(?:底|末)|内)?\s*(以前|之前|前)?/g;
// Standing work has no date: the table says so in the plan's words.
const ONGOING: [RegExp, string][] = [
  // Phrases, not the bare words: 中长期规划 and 持续加大 say nothing about when.
  [/长期坚持|长期开展|长期推进/, '长期坚持'],
  [/持续推进|持续开展|持续实施|常态化推进|常态化开展/, '持续推进'],
];
// A limit without a year, in force for an annual plan's year.
const UNDATED = /年底前|年内|年底|年末/;

/**
 * The deadline of one task. Explicit dated limits win (the latest when several: the task is done
 * when its last part is); a bare year counts only with 前/底/内 or after 到/至/于, so a base year
 * (较2013年) or a history (2015年已建成) is never read as a deadline. Then standing work
 * (长期坚持, 持续推进), then 年底前/年内 in an annual plan, then the latest year of the task's
 * targets, then the plan period's end.
 */
export function taskDeadline(text: string, targetYears: readonly (number | null)[], period: Period | null): Deadline {
  const t = text.normalize('NFKC');
  let best: { year: number; month: number; text: string } | undefined;
  for (const m of t.matchAll(DATED)) {
    const lead = /^(?:到|至|于)/.test(m[0]);
    const month = m[2] ? Number(m[2]) : 12;
    // "2017年" alone is a date in a sentence, not a limit.
    const limited = m[3] !== undefined || /[底末内]/.test(m[0]);
    if (!lead && !limited) continue;
    if (m[2] && (month < 1 || month > 12)) continue;
    const year = Number(m[1]);
    if (!best || year > best.year || (year === best.year && month > best.month)) {
      // 到2025年 means by the end of 2025: written as a table writes a limit.
      const text = lead && !limited ? `${year}年${m[2] ? `${month}月底` : '底'}前` : formatDated(m[0]);
      best = { year, month, text };
    }
  }
  if (best) return { text: best.text, source: 'text' };
  for (const [re, label] of ONGOING) if (re.test(t)) return { text: label, source: 'ongoing' };
  if (period && period.start === period.end && UNDATED.test(t)) return { text: `${period.end}年底前`, source: 'text' };
  const years = targetYears.filter((y): y is number => y !== null);
  if (years.length) return { text: `${Math.max(...years)}年底前`, source: 'target' };
  if (period) return { text: `${period.end}年底前`, source: 'period' };
  return { text: '', source: null };
}

/** "到 2020年" → "2020年"; "2017年6月底前" kept; spaces dropped. */
function formatDated(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/^(?:到|至|于)/, '');
}
