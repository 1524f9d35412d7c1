// The server's own state, without the wire: one analysis per document version, and lenient settings.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanDocuments } from '../../server/src/documents';
import { readSettings } from '../../server/src/settings';

describe('PlanDocuments', () => {
  it('analyses a version once and a new version once more, whichever feature asks', () => {
    const plans = new PlanDocuments(() => undefined);
    const doc = TextDocument.create('file:///a.plan.txt', 'quality-plan', 1, '一、重点任务\n（一）加强品牌培育。');
    const first = plans.of(doc);
    expect(plans.of(doc)).toBe(first);
    // TextDocuments updates the document object in place; only the version tells the change.
    TextDocument.update(doc, [{ text: '一、重点任务\n（一）加强品牌培育。\n（二）强化标准引领。' }], 2);
    const second = plans.of(doc);
    expect(second).not.toBe(first);
    expect(second.model.headings).toHaveLength(3);
    expect(plans.of(doc)).toBe(second);
  });
});

describe('readSettings', () => {
  it('keeps what is valid and drops the rest', () => {
    expect(readSettings({
      severity: { 'missing-lead': 'ERROR', 'missing-target': 'off', 'heading-style': 'warn', 'no-such-rule': 'error', 'clause-format': 'loud' },
      leadSections: ['task', 'safeguard', 'bogus', 3],
      targetSections: 'task',
    })).toEqual({
      severities: { 'missing-lead': 'error', 'missing-target': 'off', 'heading-style': 'warning' },
      leadSections: ['task', 'safeguard'],
    });
  });

  it('gives the defaults for nothing or nonsense', () => {
    expect(readSettings(undefined)).toEqual({});
    expect(readSettings(null)).toEqual({});
    expect(readSettings([1, 2])).toEqual({});
  });
});
