// What reviewers read: every diagnostic message in Chinese first, with its English rendering.

type Template = { zh: string; en: string };

export const MESSAGES = {
  'missing-lead': {
    zh: '任务“{task}”未明确牵头单位。请在段末补充责任分工，如“{clause}”。',
    en: 'Task "{task}" names no lead unit. Add a responsibility clause at the end of the paragraph, e.g. "{clause}".',
  },
  'missing-lead.coop-only': {
    zh: '任务“{task}”的责任分工只列了配合单位，未明确牵头单位。请写明由哪个单位牵头。',
    en: 'Task "{task}" lists only cooperating units. Say which unit leads.',
  },
  'missing-target': {
    zh: '任务“{task}”没有量化指标。可补充可考核的目标，如“到{year}年，××达到××%以上”。',
    en: 'Task "{task}" has no quantitative target. Add a measurable one, e.g. "到{year}年，××达到××%以上".',
  },
  'heading-sequence.skip': {
    zh: '标题序号不连续：“{previous}”之后应为“{expected}”，此处为“{actual}”。',
    en: 'Heading numbers skip: after "{previous}" comes "{expected}", not "{actual}".',
  },
  'heading-sequence.repeat': {
    zh: '标题序号重复：“{actual}”与上一个同级标题相同，应为“{expected}”。',
    en: 'Heading number repeated: "{actual}" is the same as the previous sibling; expected "{expected}".',
  },
  'heading-sequence.first': {
    zh: '同级第一个标题的序号应为“{expected}”，此处为“{actual}”。',
    en: 'The first heading at this level should be "{expected}", not "{actual}".',
  },
  'heading-sequence.missing': {
    zh: '标题“{title}”缺少序号，应为“{expected}”。',
    en: 'Heading "{title}" has lost its number; expected "{expected}".',
  },
  'heading-style.separator': {
    zh: '一级标题序号后应使用顿号“、”，此处为“{marker}”。',
    en: 'A first-level heading number takes "、", not "{marker}".',
  },
  'heading-style.mixed': {
    zh: '同级标题序号标点不一致：此处为“{marker}”，本文件同级多用“{usual}”。',
    en: 'Heading marker punctuation is mixed at this level: "{marker}" here, "{usual}" elsewhere.',
  },
  'heading-style.halfwidth': {
    zh: '标题序号使用半角括号“{marker}”，公文应使用全角括号“{full}”（本文件共 {count} 处）。',
    en: 'Heading numbers use half-width brackets "{marker}"; official documents use full-width "{full}" ({count} in this file).',
  },
  'heading-level': {
    zh: '标题层级不当：“{marker}”直接位于“{parent}”之下，而本文件其他处在“{parent}”之下使用“{usual}”。',
    en: 'Heading level: "{marker}" sits directly under "{parent}", where this file elsewhere uses "{usual}".',
  },
  'unbalanced-bracket.unclosed': {
    zh: '“{mark}”缺少对应的“{expected}”。',
    en: '"{mark}" is never closed by "{expected}".',
  },
  'unbalanced-bracket.unopened': {
    zh: '多余的“{mark}”：前面没有对应的“{expected}”。',
    en: 'Stray "{mark}": no "{expected}" opens it.',
  },
  'clause-format.empty': {
    zh: '责任分工没有列出任何单位。',
    en: 'The responsibility clause lists no unit.',
  },
  'clause-format.duplicate': {
    zh: '责任分工中“{unit}”重复列出。',
    en: '"{unit}" is listed twice in the responsibility clause.',
  },
  'clause-format.both-roles': {
    zh: '“{unit}”同时列为牵头单位和配合单位。',
    en: '"{unit}" is listed both as lead and as cooperating unit.',
  },
  'multiple-leads': {
    zh: '责任分工列了 {count} 个牵头单位（{units}）。联合牵头易致责任不清，建议明确一个主牵头单位，其余改为配合单位。',
    en: 'The clause names {count} lead units ({units}). Joint leads blur accountability: name one lead and make the others cooperating units.',
  },
  'obsolete-agency': {
    zh: '“{unit}”已在 {year} 年机构改革中撤并，职能划入“{successor}”；本方案为 {planYear} 年，请改用现名。',
    en: '"{unit}" was abolished in the {year} institutional reform; its duties passed to "{successor}". This plan is from {planYear}: use the current name.',
  },
  'unknown-agency': {
    zh: '“{unit}”不在团队单位名录中。请核对单位名称，或将其加入团队配置的单位名录（agencies）。',
    en: '"{unit}" is not in the team\'s agency list. Check the name, or add it to the agencies of the team config.',
  },
  'unknown-agency.near': {
    zh: '“{unit}”不在团队单位名录中，是否应为“{suggestion}”？',
    en: '"{unit}" is not in the team\'s agency list. Did you mean "{suggestion}"?',
  },
  'target-no-year': {
    zh: '指标“{metric}”没有年份：句中、所在标题下和方案标题都未说明到哪一年。请写明“到××年”，或在团队配置中设定规划期（period）。',
    en: 'Target "{metric}" has no year: neither the sentence, its heading nor the title says by when. Write "到××年", or set the plan period (period) in the team config.',
  },
  'target-out-of-period': {
    zh: '指标“{metric}”的年份 {year} 年不在本方案的规划期（{range}）内。请核对年份。',
    en: 'Target "{metric}" is set for {year}, outside the plan period ({range}). Check the year.',
  },
  'target-impossible.over100': {
    zh: '指标“{metric}”要求 {value}%，比率不可能超过 100%。请核对数值。',
    en: 'Target "{metric}" asks for {value}%: a rate cannot exceed 100%. Check the value.',
  },
  'target-impossible.above100': {
    zh: '指标“{metric}”要求“100%以上”，比率最高为 100%，无法实现。请改为“达到100%”。',
    en: 'Target "{metric}" asks for "100%以上" (above 100%), which a rate cannot reach. Write "达到100%".',
  },
  'target-impossible.down-over100': {
    zh: '指标“{metric}”要求下降 {value}%，降幅不可能超过 100%。请核对数值。',
    en: 'Target "{metric}" asks for a fall of {value}%: nothing falls by more than 100%. Check the value.',
  },
  'target-impossible.negative': {
    zh: '指标“{metric}”的数值为负数（{value}），数量不可能为负。请核对数值。',
    en: 'Target "{metric}" has a negative value ({value}); a count cannot be negative. Check the value.',
  },
  'target-conflict.value': {
    zh: '指标“{metric}”在此为 {value}，而第 {otherLine} 行同一指标为 {otherValue}（同为 {year} 年）。请统一数值。',
    en: 'Target "{metric}" is {value} here but {otherValue} on line {otherLine}, for the same year {year}. Make them agree.',
  },
  'target-conflict.order': {
    zh: '指标“{metric}”{year} 年的目标 {value} 比第 {otherLine} 行 {otherYear} 年的 {otherValue} 更宽松，后一年的要求反而降低。请核对年份与数值。',
    en: 'Target "{metric}" for {year} ({value}) is looser than {otherValue} for {otherYear} on line {otherLine}: the later year asks for less. Check the years and values.',
  },
  'halfwidth-punctuation': {
    zh: '中文之间使用了半角“{mark}”，公文应使用全角“{full}”。',
    en: 'Half-width "{mark}" between Chinese characters; official documents use full-width "{full}".',
  },
  'halfwidth-punctuation.pervasive': {
    zh: '本文件中文之间有 {count} 处半角标点（如“{mark}”），疑为网页复制时被转换；公文应使用全角标点。快速修复可一次全部改为全角。',
    en: 'This file has {count} half-width punctuation marks between Chinese characters (e.g. "{mark}"), probably converted when copied from a web page; official documents use full width. A quick fix converts them all.',
  },
  'missing-section': {
    zh: '方案缺少“{section}”部分：{docType}应包括{required}。',
    en: 'The plan has no "{section}" section: a {docType} should include {required}.',
  },
  'precedent-residue.agency': {
    zh: '“{mention}”指向{other}，而本方案是{own}的方案，疑为照搬先例时遗留。请改为本地的单位或名称。',
    en: '"{mention}" belongs to {other}, but this is a plan of {own}: probably left over from a precedent. Use the local body or name.',
  },
  'precedent-residue.document': {
    zh: '《{mention}》是{other}的文件，而本方案是{own}的方案，疑为照搬先例时遗留。请核对所依据的文件。',
    en: '《{mention}》 is a document of {other}, but this is a plan of {own}: probably left over from a precedent. Check the document cited.',
  },
  'precedent-residue.place': {
    zh: '“{mention}”属于{other}，而本方案是{own}的方案，疑为照搬先例时遗留。请核对。',
    en: '"{mention}" belongs to {other}, but this is a plan of {own}: probably left over from a precedent. Check it.',
  },
  'precedent-residue.slogan': {
    zh: '“{mention}”是{other}的提法，而本方案是{own}的方案，疑为照搬先例时遗留。请改为本地提法。',
    en: '"{mention}" is a slogan of {other}, but this is a plan of {own}: probably left over from a precedent. Use the local one.',
  },
  'fix.replace': {
    zh: '改为“{text}”',
    en: 'Change to "{text}"',
  },
  'fix.fullwidth': {
    zh: '改为全角“{full}”',
    en: 'Use full-width "{full}"',
  },
  'fix.fullwidth-all': {
    zh: '全文半角标点改为全角（{count} 处）',
    en: 'Use full-width punctuation throughout ({count} marks)',
  },
  'fix.align': {
    zh: '改为与主要目标一致的 {value}',
    en: 'Align with the main goal: {value}',
  },
} satisfies Record<string, Template>;

export type MessageId = keyof typeof MESSAGES;

/** A template cut at its placeholders: text, name, text, name, …, text. */
type Compiled = string[];
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  const parts: Compiled = [];
  let from = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    parts.push(template.slice(from, m.index), m[1]);
    from = m.index + m[0].length;
  }
  parts.push(template.slice(from));
  return parts;
}

/** Renders a message in the locale, filling {name} placeholders from args. */
export function renderMessage(id: MessageId, args: Record<string, string | number>, locale: 'zh-cn' | 'en' = 'zh-cn'): string {
  const template = MESSAGES[id][locale === 'en' ? 'en' : 'zh'];
  // Each template is cut once: rendering thousands of findings is then only concatenation.
  let parts = compiled.get(template);
  if (parts === undefined) compiled.set(template, (parts = compile(template)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += String(args[parts[i]] ?? '') + parts[i + 1];
  return out;
}
