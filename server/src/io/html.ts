// Plans saved from a web page (.html, .htm, or a .doc that is really a page, as government sites
// often serve them): the text a reader sees, one line per paragraph, heading, list item and table
// cell, as in the web copies the analysis was built on. The parser is htmlparser2's.
import { Parser } from 'htmlparser2';

/** Elements that begin and end a line of their own. A table cell is one: one cell a line, as Word tables are read. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content a reader never sees. */
const HIDDEN = new Set(['noscript', 'script', 'style', 'template', 'title', 'xml']);

/** The visible text of an HTML page, a line per block; spaces inside a line collapsed as a browser does. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let hidden = 0;
  const endLine = () => {
    const text = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BLOCK.has(name)) endLine();
      },
      onclosetag(name, implied) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name) && !(implied && name === 'br')) endLine();
      },
      ontext(text) {
        if (hidden === 0) line += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return lines.length ? lines.join('\n') + '\n' : '';
}
