import { readFileSync } from 'node:fs';
import { analyzePlan, checkPlan, positionAt } from '../work/main/server/src/core/index';
const f = process.argv[2];
const text = readFileSync(f, 'utf8');
const m = analyzePlan(text);
if (m.failure) console.log('FAILURE', m.failure);
console.log('title:', m.title, '| doc:', m.docNumber, '| date:', m.date, '| period:', JSON.stringify(m.period));
const mode = process.argv[3] ?? 'all';
if (mode === 'all' || mode === 'h') for (const h of m.headings) console.log(`H ${h.line + 1} ${'  '.repeat(h.depth - 1)}${h.marker}${h.title} [${h.kind} ${h.ordinal} ${h.section}${h.task >= 0 ? ' TASK' : ''}]`);
if (mode === 'all' || mode === 't') for (const t of m.tasks) console.log(`T ${t.line + 1} ${t.title} | L=${t.leads.join('/')} | C=${t.cooperators.join('/')} | ${t.clauseSource} | targets=${t.targets.length}`);
if (mode === 'all' || mode === 'g') for (const t of m.targets) console.log(`G ${t.line + 1} [${t.metric}] ${t.comparator} ${t.value}${t.valueMax !== null ? '-' + t.valueMax : ''} ${t.unit} y=${t.year}(${t.yearSource}) b=${t.baseYear} «${t.text}»`);
if (mode === 'all' || mode === 'd') for (const d of checkPlan(m, text)) { const p = positionAt(m.lineStarts, d.span.start); console.log(`D ${p.line}:${p.column} ${d.severity} ${d.rule} ${d.message}`); }
