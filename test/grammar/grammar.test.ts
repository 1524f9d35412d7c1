// The TextMate grammar on real lines from the seeds: headings by level, clauses with lead and
// cooperating units, targets, years, periods, document numbers and dates get the scopes themes colour.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OnigScanner } from 'vscode-oniguruma';
import { dump, loadGrammar, scopesOf, tokenize, tokenizeLines, type Token } from './tokenize';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seedFiles = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const seedText = (n: number) => readFileSync(new URL(seedFiles[n], seedsDir), 'utf8');

/** The first line of seed `n` that contains `needle`: tests read real lines, not retyped ones. */
function seedLine(n: number, needle: string): string {
  const line = seedText(n).split(/\r?\n/).find((l) => l.includes(needle));
  if (!line) throw new Error(`seed ${n} has no line with ${needle}`);
  return line;
}

/** The innermost scope of the token starting at `text`, checked to carry the grammar's suffix. */
async function innermost(line: string, text: string): Promise<string> {
  const tokens = await tokenize(line);
  const scopes = scopesOf(tokens, text);
  return scopes[scopes.length - 1];
}

/** Asserts a token's scopes include `scope`, printing the whole line's tokens when they do not. */
function expectScope(tokens: Token[], text: string, scope: string) {
  const scopes = scopesOf(tokens, text);
  if (!scopes.includes(scope)) expect.fail(`"${text}" has ${scopes.join(' ')}, not ${scope}\n${dump(tokens)}`);
}

describe('headings by level', () => {
  it.each([
    [0, '一、深入推进质量强市战略', '一、', 'markup.heading.1.quality-plan', '深入推进质量强市战略'],
    [0, '(一)完成全国质量强市示范城市创建工作', '(一)', 'markup.heading.2.quality-plan', '完成全国质量强市示范城市创建工作'],
    [1, '1.名牌战略', '1.', 'markup.heading.3.quality-plan', '名牌战略'],
    [3, '——产品质量。', '——', 'markup.list.unnumbered.quality-plan', null],
    [4, '(二)深入实施四大质量提升工程', '(二)', 'markup.heading.2.quality-plan', '深入实施四大质量提升工程'],
  ] as const)('seed %i: %s', async (seed, needle, marker, scope, title) => {
    const tokens = await tokenize(seedLine(seed, needle));
    expectScope(tokens, marker, scope);
    if (title) {
      expectScope(tokens, title, scope);
      expectScope(tokens, title, 'entity.name.section.quality-plan');
    }
  });

  it('gives every level its own scope, Markdown and damaged markers included', async () => {
    const cases: [string, string][] = [
      ['第三章 主要任务', 'markup.heading.chapter.quality-plan'],
      ['## 二、主要任务', 'markup.heading.1.quality-plan'],
      ['、总体要求', 'markup.heading.1.quality-plan'],
      ['**（一）指导思想**', 'markup.heading.2.quality-plan'],
      ['3、强化标准引领。', 'markup.heading.3.quality-plan'],
      ['（1）强化标准引领。', 'markup.heading.4.quality-plan'],
      ['(2)强化标准引领。', 'markup.heading.4.quality-plan'],
      ['①建立健全质量诚信体系', 'markup.heading.5.quality-plan'],
    ];
    for (const [line, scope] of cases) {
      const tokens = await tokenize(line);
      expect(tokens[0].scopes, `${line}\n${dump(tokens)}`).toContain(scope);
    }
  });

  it('ends the title at the first 。 and leaves the body as plain text with its own tokens', async () => {
    const tokens = await tokenize(seedLine(0, '(六)加大品牌培育力度'));
    expectScope(tokens, '加大品牌培育力度', 'entity.name.section.quality-plan');
    expect(scopesOf(tokens, '。')).toContain('punctuation.separator.title.quality-plan');
    expect(scopesOf(tokens, '大力推动品牌建设')).toEqual(['text.quality-plan']);
  });

  it('falls back to a known section word when the title runs on without punctuation', async () => {
    const tokens = await tokenize('(一)指导思想以邓小平理论和“三个代表”重要思想为指导，深入贯彻落实科学发展观，以世界先进质量水平为标杆');
    expectScope(tokens, '指导思想', 'entity.name.section.quality-plan');
    expect(scopesOf(tokens, '以邓小平理论')).toEqual(['text.quality-plan']);
  });

  it('does not take decimals, years or look-alikes for headings', async () => {
    for (const line of ['2.5亿元用于质量提升', '2016年苏州市', '(此件公开发布)', '一是加强领导，二是强化考核', '(市质监局负责)']) {
      const tokens = await tokenize(line);
      expect(tokens.flatMap((t) => t.scopes).filter((s) => s.startsWith('markup.heading.') && !s.startsWith('markup.heading.title')), line).toEqual([]);
    }
  });

  it('marks the plan title and the notice title', async () => {
    for (const [seed, needle] of [[0, '2016年苏州市质量强市工作行动计划'], [3, '宿州市人民政府关于印发'], [2, '落实质量纲要行动计划']] as const) {
      const line = seedLine(seed, needle);
      const tokens = await tokenize(line);
      expect(tokens.every((t) => t.scopes.includes('markup.heading.title.quality-plan')), dump(tokens)).toBe(true);
    }
    expectScope(await tokenize(seedLine(3, '宿州市人民政府关于印发')), '“十四五”', 'constant.other.period.quality-plan');
  });
});

describe('responsibility clauses', () => {
  it('tells lead units (before 牵头) from cooperating units (before 配合)', async () => {
    const tokens = await tokenize(seedLine(0, '(一)完成全国质量强市示范城市创建工作'));
    expectScope(tokens, '市政府办公室', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '市质监局', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '牵头', 'keyword.other.role.lead.quality-plan');
    expectScope(tokens, '各成员单位', 'variable.other.unit.cooperate.quality-plan');
    expectScope(tokens, '配合', 'keyword.other.role.cooperate.quality-plan');
    expectScope(tokens, '(市政府办公室', 'punctuation.section.clause.begin.quality-plan');
    expect(tokens[tokens.length - 1].scopes).toContain('punctuation.section.clause.end.quality-plan');
  });

  it('reads 参加 as cooperating and 负责 as leading (seed 002)', async () => {
    const join = await tokenize(seedLine(2, '(二)加强特种设备监管工作'));
    expectScope(join, '市质监局', 'entity.name.type.unit.lead.quality-plan');
    expectScope(join, '市发展改革委', 'variable.other.unit.cooperate.quality-plan');
    expectScope(join, '市国资委', 'variable.other.unit.cooperate.quality-plan');
    expectScope(join, '参加', 'keyword.other.role.cooperate.quality-plan');
    const all = await tokenize(seedLine(2, '(四)开展产品伤害监测试点'));
    for (const unit of ['市财政局', '市卫生局', '市质监局']) expectScope(all, unit, 'entity.name.type.unit.lead.quality-plan');
    expectScope(all, '负责', 'keyword.other.role.lead.quality-plan');
  });

  it('reads a 责任单位 list as first unit leading, the rest cooperating (seed 004)', async () => {
    const tokens = await tokenize(seedLine(4, '1.推进“标准强市”建设'));
    expectScope(tokens, '责任单位', 'keyword.other.label.lead.quality-plan');
    expectScope(tokens, '市发改局', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '市经信局', 'variable.other.unit.cooperate.quality-plan');
  });

  it('keeps a unit with brackets in its name whole, and every 责任单位 leading next to 协助单位', async () => {
    const tokens = await tokenize('责任单位:市经贸委、市质监局,相关县(市、区)政府;协助单位:市外经贸局。');
    expectScope(tokens, '市经贸委', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '相关县(市、区)政府', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '协助单位', 'keyword.other.label.cooperate.quality-plan');
    expectScope(tokens, '市外经贸局', 'variable.other.unit.cooperate.quality-plan');
    expect(scopesOf(tokens, '。')).toEqual(['text.quality-plan']);
  });

  it('reads 牵头单位 inside brackets as leads, several of them across a comma', async () => {
    const tokens = await tokenize('(牵头单位:市质监局,各县区政府)');
    expectScope(tokens, '牵头单位', 'keyword.other.label.lead.quality-plan');
    expectScope(tokens, '市质监局', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '各县区政府', 'entity.name.type.unit.lead.quality-plan');
  });

  it('reads the label form on its own line', async () => {
    const tokens = await tokenize('牵头单位：市市场监管局；配合单位：市发展改革委、市教育局');
    expectScope(tokens, '市市场监管局', 'entity.name.type.unit.lead.quality-plan');
    expectScope(tokens, '市发展改革委', 'variable.other.unit.cooperate.quality-plan');
    expectScope(tokens, '市教育局', 'variable.other.unit.cooperate.quality-plan');
  });

  it('ends a clause that lost its closing bracket at the end of its line (seed 004)', async () => {
    const text = seedText(4).split(/\r?\n/);
    const at = text.findIndex((l) => l.endsWith('(责任单位:市发改局、市财政局'));
    expect(at).toBeGreaterThan(0);
    const [clauseLine, next] = await tokenizeLines(text.slice(at, at + 2));
    expectScope(clauseLine, '市财政局', 'variable.other.unit.cooperate.quality-plan');
    expect(next.flatMap((t) => t.scopes)).not.toContain('meta.clause.responsibility.quality-plan');
  });

  it('leaves brackets that are not clauses alone', async () => {
    for (const line of ['领导小组办公室(设在市质监局)负责日常工作', '《关于开展质量提升行动的通知》(以下简称“通知”)', '全市优良水体(达到或好于III类水体)比例超过90%']) {
      const tokens = await tokenize(line);
      expect(tokens.flatMap((t) => t.scopes), line).not.toContain('meta.clause.responsibility.quality-plan');
    }
  });
});

describe('targets, years and periods', () => {
  it('scopes values, units and comparators in a goal paragraph (seed 004)', async () => {
    const tokens = await tokenize(seedLine(4, '制造业产品质量合格率达到93%以上'));
    expectScope(tokens, '达到', 'keyword.operator.comparison.quality-plan');
    expectScope(tokens, '93', 'constant.numeric.value.quality-plan');
    expectScope(tokens, '%', 'keyword.other.unit.quality-plan');
    expectScope(tokens, '以上', 'keyword.operator.comparison.quality-plan');
    expectScope(tokens, '不低于', 'keyword.operator.comparison.quality-plan');
    expectScope(tokens, '个百分点', 'keyword.other.unit.quality-plan');
    expectScope(tokens, '平方米', 'keyword.other.unit.quality-plan');
  });

  it('reads compound units, ranges and 万 (seed 003 and plan-format forms)', async () => {
    const pm = await tokenize(seedLine(3, 'PM2.5年均浓度降至35微克'));
    expectScope(pm, '35', 'constant.numeric.value.quality-plan');
    expectScope(pm, '微克/立方米', 'keyword.other.unit.quality-plan');
    expectScope(pm, '以下', 'keyword.operator.comparison.quality-plan');
    expect(scopesOf(pm, 'PM2.5')).toEqual(['text.quality-plan']);
    const range = await tokenize('争取引进3-5个，选树1—2个，注册商标总量达到7万件');
    expectScope(range, '3', 'constant.numeric.value.quality-plan');
    expectScope(range, '-', 'punctuation.separator.range.quality-plan');
    expectScope(range, '5', 'constant.numeric.value.quality-plan');
    expectScope(range, '万', 'keyword.other.unit.quality-plan');
    expectScope(range, '件', 'keyword.other.unit.quality-plan');
  });

  it('scopes years and five-year periods apart from values', async () => {
    const tokens = await tokenize(seedLine(0, '2016年争创江苏名牌产品80个'));
    expectScope(tokens, '2016年', 'constant.numeric.year.quality-plan');
    expectScope(tokens, '80', 'constant.numeric.value.quality-plan');
    expectScope(tokens, '个', 'keyword.other.unit.quality-plan');
    expect(await innermost('到“十四五”末，全市', '“十四五”')).toBe('constant.other.period.quality-plan');
    expect(await innermost('“十三五”期间', '“十三五”')).toBe('constant.other.period.quality-plan');
    expect(await innermost('到2025年末，新增', '2025年末')).toBe('constant.numeric.year.quality-plan');
  });

  it('does not read ordinals, standards or codes as targets', async () => {
    const tokens = await tokenize('落实6S现场管理，通过ISO9001认证，第19次常务会议，5S管理');
    expect(tokens.flatMap((t) => t.scopes)).not.toContain('constant.numeric.value.quality-plan');
  });

  it('keeps numbers inside 《》 out of targets but still marks the years there', async () => {
    const tokens = await tokenize(seedLine(0, '为贯彻落实《质量发展纲要(2011~2020年)》'));
    expectScope(tokens, '2011~2020年', 'constant.numeric.year.quality-plan');
    expectScope(tokens, '2011~2020年', 'string.quoted.other.book-title.quality-plan');
  });
});

describe('document numbers and dates', () => {
  it('scopes the doc number forms seen in the seeds', async () => {
    expect(await innermost(seedLine(0, '政策文号'), '苏府〔2016〕63号')).toBe('constant.other.document-number.quality-plan');
    expect(await innermost(seedLine(4, '乐政办发'), '乐政办发〔2015〕31号')).toBe('constant.other.document-number.quality-plan');
    expect(await innermost(seedLine(1, '发文字号'), '青政发〔2012〕32号')).toBe('constant.other.document-number.quality-plan');
    expect(await innermost(seedLine(2, '国办发〔〕27号'), '国办发〔〕27号')).toBe('constant.other.document-number.quality-plan');
  });

  it('scopes dates in Arabic, Chinese, ISO and slash forms', async () => {
    expect(await innermost(seedLine(0, '2016年4月25日'), '2016年4月25日')).toBe('constant.other.date.quality-plan');
    expect(await innermost(seedLine(1, '成文日期'), '2012-07-04')).toBe('constant.other.date.quality-plan');
    expect(await innermost(seedLine(3, '2023/2/24'), '2023/2/24')).toBe('constant.other.date.quality-plan');
    expect(await innermost('二〇一六年四月二十五日', '二〇一六年四月二十五日')).toBe('constant.other.date.quality-plan');
  });
});

describe('grammar file', () => {
  const grammar = JSON.parse(readFileSync(new URL('../../syntaxes/quality-plan.tmLanguage.json', import.meta.url), 'utf8'));

  /** Every value under `key` anywhere in the grammar. */
  function collect(node: unknown, key: string, out: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((n) => collect(n, key, out));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === key && typeof v === 'string') out.push(v);
        else collect(v, key, out);
      }
    }
    return out;
  }

  it('compiles every regular expression with Oniguruma, as VS Code will', async () => {
    await loadGrammar();
    const regexes = ['match', 'begin', 'end'].flatMap((k) => collect(grammar.repository, k));
    expect(regexes.length).toBeGreaterThan(30);
    for (const source of regexes) expect(() => new OnigScanner([source]), source).not.toThrow();
  });

  it('names every scope with the .quality-plan suffix so themes and tests can tell them apart', () => {
    for (const name of collect(grammar, 'name').filter((n) => n !== 'Quality Plan')) expect(name).toMatch(/^[a-z][\w.-]*\.quality-plan$/);
    for (const include of collect(grammar, 'include')) expect(grammar.repository[include.slice(1)], include).toBeDefined();
  });
});

describe('whole seeds', () => {
  it.each(seedFiles.map((f, i) => [i, f] as const))('tokenizes seed %i quickly, with no state leaking past a line', async (n) => {
    const lines = seedText(n).split(/\r?\n/);
    const started = performance.now();
    const tokens = await tokenizeLines(lines);
    expect(performance.now() - started).toBeLessThan(2000);
    // Every multi-line construct ends at its line's end, so an empty line is plain text everywhere.
    const blanks = tokens.filter((_, i) => lines[i] === '');
    for (const t of blanks.flat()) expect(t.scopes).toEqual(['text.quality-plan']);
    const leads = tokens.flat().filter((t) => t.scopes.includes('entity.name.type.unit.lead.quality-plan')).length;
    // Seeds 001 and 003 carry no responsibility clauses at all (README: 有牵头单位 0).
    if (n === 1 || n === 3) expect(leads).toBe(0);
    else expect(leads).toBeGreaterThan(10);
  });
});
