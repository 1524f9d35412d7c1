// Decides from a document's opening text whether a .txt/.md file is a quality plan; pure, no editor API.
//
// This is the one piece of text inspection that runs in the extension host, on purpose: it must
// answer before the language server ever sees the file (switching the language is what sends the
// file to the server at all). It reads only the first few kilobytes, with two regular expressions,
// and it only decides *which language mode* a file gets: every analysis stays in the server.

/** How much of a document the heuristic reads: enough to get past a web page's chrome (seed 004). */
export const DETECTION_WINDOW = 8000;

/** A plan's own or its cover notice's title: 质量 … 行动计划/实施方案/规划/意见, or 质量强市 and its kin. */
const TITLE = /质量[^\n。]{0,30}?(?:行动计划|实施方案|实施意见|规划|意见|纲要|工作要点|工作方案)|质量(?:强[国省市县区]|提升行动|兴[市省县])/;

/** A level-1/level-2 heading or chapter at the start of a line, allowing Markdown's # and ** around it. */
const HEADING = /^[ \t\u3000>*#•]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}章)/gm;

/**
 * True when the opening text reads like a quality plan: a 质量 plan title and at least two
 * outline headings (一、 （一） 第一章) within the first {@link DETECTION_WINDOW} characters.
 * Both are needed: meeting notes about quality have no outline, and other outlines have no such title.
 */
export function looksLikePlan(text: string): boolean {
  const head = text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text;
  if (!TITLE.test(head)) return false;
  let headings = 0;
  HEADING.lastIndex = 0;
  while (HEADING.exec(head) && ++headings < 2) { /* count up to two */ }
  return headings >= 2;
}

/**
 * True when the text was most likely decoded with the wrong encoding (a GB18030 file read as UTF-8):
 * several U+FFFD replacement characters in the opening text. Then detection cannot see the Chinese.
 */
export function looksMisdecoded(text: string): boolean {
  const head = text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text;
  let bad = 0;
  for (let i = head.indexOf('\uFFFD'); i !== -1 && bad < 8; i = head.indexOf('\uFFFD', i + 1)) bad++;
  return bad >= 8;
}
