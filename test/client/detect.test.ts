// The client's plan detection: every seed is a plan (from its first 8000 characters), ordinary text is not.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DETECTION_WINDOW, looksLikePlan, looksMisdecoded } from '../../client/src/detect';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const seed = (f: string) => readFileSync(new URL(f, seedsDir), 'utf8');

describe('looksLikePlan', () => {
  it.each(seeds)('recognises seed %s', (f) => {
    expect(looksLikePlan(seed(f))).toBe(true);
  });

  it('recognises Markdown copies and a bare outline with its title', () => {
    expect(looksLikePlan('# 2024年某市质量强市工作行动计划\n\n## 一、总体要求\n\n**（一）指导思想**\n')).toBe(true);
    expect(looksLikePlan('某县质量提升行动实施方案\n第一章 现实基础\n第二章 总体要求\n')).toBe(true);
  });

  it('needs both a quality-plan title and an outline', () => {
    expect(looksLikePlan('关于加强产品质量工作的意见\n全文无序号，只是一段话。')).toBe(false);
    expect(looksLikePlan('会议纪要\n一、会议议题\n二、会议决定\n')).toBe(false);
    expect(looksLikePlan('README\n\n1. Install\n2. Run\n')).toBe(false);
    expect(looksLikePlan('')).toBe(false);
  });

  it('reads only the detection window, so a huge file costs no more than its head', () => {
    const late = `${'无关文字。'.repeat(DETECTION_WINDOW)}\n质量强市行动计划\n一、总体要求\n二、重点任务\n`;
    expect(looksLikePlan(late)).toBe(false);
    const started = performance.now();
    looksLikePlan(`${seed(seeds[3])}${'文'.repeat(20_000_000)}`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('looksMisdecoded', () => {
  it('spots a GB18030 seed decoded as UTF-8, and not the seeds themselves', () => {
    const gb = iconv.encode(seed(seeds[0]), 'gb18030');
    expect(looksMisdecoded(new TextDecoder('utf-8').decode(gb))).toBe(true);
    for (const f of seeds) expect(looksMisdecoded(seed(f)), f).toBe(false);
  });
});
