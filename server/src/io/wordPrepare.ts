// Word files made ready for reading as a plan: what Word draws but does not store as text (a .docx's
// automatic numbering) written in, and table cells one per line, as in the web copies the analysis reads.
import JSZip from 'jszip';
import { labelParagraphs, readNumbering } from './wordNumbering';

/**
 * The .docx with its document part prepared; the same bytes when nothing changes or preparing
 * fails; null when the package itself is damaged (an entry that does not inflate to its size and
 * checksum), which the extractor might never finish reading.
 */
export async function prepareWordText(bytes: Uint8Array): Promise<Uint8Array | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    return null;
  }
  try {
    const document = zip.file('word/document.xml');
    if (!document) return bytes;
    const [documentXml, numberingXml, stylesXml] = await Promise.all([
      document.async('string'), zip.file('word/numbering.xml')?.async('string') ?? '', zip.file('word/styles.xml')?.async('string') ?? '',
    ]);
    const labelled = numberingXml ? labelParagraphs(documentXml, readNumbering(numberingXml, stylesXml)) : documentXml;
    const prepared = cellsAsParagraphs(labelled);
    if (prepared === documentXml) return bytes;
    zip.file('word/document.xml', prepared);
    // Stored, not compressed: the package only goes on to the extractor in memory.
    return await zip.generateAsync({ type: 'uint8array' });
  } catch {
    // A help, not a requirement: a package that cannot be prepared is read as it stands, and its own errors reported.
    return bytes;
  }
}

/**
 * Table rows and cells renamed so the extractor reads each cell's paragraphs as paragraphs: one
 * cell per line, as a goal table (类别 / 指标 / 单位 / 目标值) is in the web copies the analysis
 * reads, instead of a row of tab-joined cells whose values run into their units.
 */
export function cellsAsParagraphs(xml: string): string {
  return xml.replace(/<(\/?)w:(tc|tr)(?=[\s>/])/g, '<$1w:$2Flat');
}

/**
 * A .doc's table rows, which the extractor gives as cells each ended by a tab, one cell per line as
 * `cellsAsParagraphs` gives a .docx's. A row is told by the tab that ends it; a tab inside a cell
 * splits the cell too, which a .doc's text no longer tells apart.
 */
export function docCellsOnLines(text: string): string {
  return text.replace(/^([^\n]*)\t$/gm, (_, row: string) => row.replace(/\t/g, '\n'));
}
