// The file layer's reasons (PlanReadError, Chinese) for an English client: the one place the
// server hands them to the editor is the import command's answer.

type Translation = [RegExp, (m: RegExpExecArray) => string];

const detail = (m: RegExpExecArray) => (m[1] ? `: ${m[1]}` : '');

const TRANSLATIONS: Translation[] = [
  [/^文件不存在$/, () => 'the file does not exist'],
  [/^文件夹不存在$/, () => 'the folder does not exist'],
  [/^是文件夹，不是文件$/, () => 'it is a folder, not a file'],
  [/^无法读取（没有权限）$/, () => 'it cannot be read (no permission)'],
  [/^无法读取（打开的文件过多）$/, () => 'it cannot be read (too many open files)'],
  [/^无法读取（(.*)）$/, (m) => `it cannot be read (${m[1]})`],
  [/^文件过大（超过上限 (\d+) MB）$/, (m) => `it is too large (over the ${m[1]} MB limit)`],
  [/^文件过大（([\d.]+) MB，上限 (\d+) MB）$/, (m) => `it is too large (${m[1]} MB; the limit is ${m[2]} MB)`],
  [/^不是文本文件（疑似二进制）$/, () => 'it is not a text file (it looks binary)'],
  [/^无法识别文件编码/, () => 'its encoding is not recognised (not UTF-8, UTF-16 or GB18030 text)'],
  [/^无法解码文件内容（(.*)）$/, (m) => `its content cannot be decoded (${m[1]})`],
  [/^不是有效的 Word 文件（压缩包里没有 word\/document\.xml）$/, () => 'it is not a valid Word file (the package has no word/document.xml)'],
  [/^不是有效的 Word 文件（压缩包已损坏）$/, () => 'it is not a valid Word file (the package is damaged)'],
  [/^不是有效的 Word 文件（不是 \.docx 压缩包）$/, () => 'it is not a valid Word file (not a .docx package)'],
  [/^不是有效的 Word 文件（无法解析(?:：(.*))?）$/, (m) => `it is not a valid Word file (it cannot be parsed${detail(m)})`],
  [/^不是有效的 PDF 文件（无法解析(?:：(.*))?）$/, (m) => `it is not a valid PDF file (it cannot be parsed${detail(m)})`],
  [/^是扫描版 PDF/, () => 'it is a scanned PDF: its pages are images, with no text to read'],
  [/^是 RTF 文件/, () => 'it is an RTF file, which is not supported (save it as .docx in Word)'],
  [/^是单个文件网页（\.mht），但其中没有网页正文$/, () => 'it is a single-file web page (.mht) with no page in it'],
];

/** `reason` in English when it is one the file layer gives; as it is otherwise. */
export function englishReadReason(reason: string): string {
  for (const [pattern, english] of TRANSLATIONS) {
    const m = pattern.exec(reason);
    if (m) return english(m);
  }
  return reason;
}
