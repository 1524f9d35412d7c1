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
} satisfies Record<string, Template>;

export type MessageId = keyof typeof MESSAGES;

/** Renders a message in the locale, filling {name} placeholders from args. */
export function renderMessage(id: MessageId, args: Record<string, string | number>, locale: 'zh-cn' | 'en' = 'zh-cn'): string {
  const template = MESSAGES[id][locale === 'en' ? 'en' : 'zh'];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
}
