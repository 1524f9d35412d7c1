// Plans published as PDF: the text of each page (PDF.js, through unpdf), a line per paragraph as
// in the web copies the analysis reads. A PDF keeps only visual lines, so a line that runs to the
// right margin without ending a sentence is joined to the next, unless that one is indented or
// opens a heading; page numbers (— 3 —) are left out.

/** One line as the page shows it. */
export interface VisualLine {
  text: string;
  left: number;
  right: number;
  /** The height of the line's text: what "one character" is at this line. */
  size: number;
}

/** The text of a PDF's pages, paragraphs on a line each. Throws on a file PDF.js cannot open. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // PDF.js takes ownership of the buffer it is given: a copy keeps the caller's intact. Its warnings
  // ("Indexing all PDF objects") would land among qplan's own messages: errors only.
  const { getDocumentProxy } = await import('./pdfjs');
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages: VisualLine[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      pages.push(visualLines((await page.getTextContent()).items as PdfItem[]));
      page.cleanup();
    }
    return paragraphText(pages);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The pages' lines as paragraphs, a line each: page numbers left out, wrapped lines joined. */
export function paragraphText(pages: VisualLine[][]): string {
  const paragraphs: string[] = [];
  let previous: VisualLine | null = null; // the last line kept, whose paragraph may go on
  let margin = 0;
  for (const page of pages) {
    const lines = page.filter((l, i) => !isPageNumber(l, i, page.length));
    if (lines.length === 0) continue;
    const left = Math.min(...lines.map((l) => l.left));
    margin = Math.max(margin, ...lines.map((l) => l.right));
    for (const line of lines) {
      if (previous && continues(previous, line, left, margin)) paragraphs[paragraphs.length - 1] = join(paragraphs[paragraphs.length - 1], line.text);
      else paragraphs.push(line.text);
      previous = line;
    }
  }
  return paragraphs.length ? paragraphs.join('\n') + '\n' : '';
}

interface PdfItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/** The page's text items gathered into lines: a new line after an end of line or where the baseline moves. */
function visualLines(items: PdfItem[]): VisualLine[] {
  const lines: VisualLine[] = [];
  let line: (VisualLine & { y: number }) | null = null;
  let ended = true;
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.transform) continue;
    const x = item.transform[4];
    const y = item.transform[5];
    const size = item.height || Math.abs(item.transform[3]) || 10;
    if (item.str.trim() !== '') {
      if (!line || ended || Math.abs(y - line.y) > size / 2) {
        if (line && line.text.trim()) lines.push(line);
        line = { text: '', left: x, right: x, size, y };
      }
      line.text += item.str;
      line.left = Math.min(line.left, x);
      line.right = Math.max(line.right, x + (item.width ?? 0));
      line.size = Math.max(line.size, size);
    } else if (line) line.text += item.str;
    ended = item.hasEOL === true;
  }
  if (line && line.text.trim()) lines.push(line);
  return lines.map(({ text, left, right, size }) => ({ text: text.trim(), left, right, size }));
}

/** — 3 —, - 3 -, 3, 第3页: the first or last line of a page holding only its number. */
function isPageNumber(line: VisualLine, index: number, count: number): boolean {
  return (index === 0 || index === count - 1) && /^(?:[-—–－\s]*[0-9０-９]+[-—–－\s]*|第\s*[0-9]+\s*页(?:\s*共\s*[0-9]+\s*页)?)$/.test(line.text);
}

// Where a new paragraph starts whatever the line before: a heading marker or the sentence ends.
const HEADING_START = /^(?:第[一二三四五六七八九十百〇零]+[章节部分]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]|——|附件)/;

/**
 * Whether `line` goes on with the paragraph of `previous`: that ran to the margin (within three
 * characters: line breaking keeps 、 ， 。 off a line's start) without ending a sentence, and this
 * starts at the left, not indented as a new paragraph is, and not as a heading.
 */
function continues(previous: VisualLine, line: VisualLine, left: number, margin: number): boolean {
  return previous.right >= margin - 3 * previous.size && !SENTENCE_END.test(previous.text)
    && line.left <= left + line.size / 2 && !HEADING_START.test(line.text);
}

const SENTENCE_END = /[。！？；：]$/;

/** Two pieces of one paragraph: Chinese runs on, Latin words and numbers keep a space. */
function join(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
