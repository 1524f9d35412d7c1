// PDF.js (unpdf's serverless build) on its own: the bundles load it from server/out/pdfjs.js on the
// first PDF read, so the 2.4 MB of it is not parsed by every `qplan` run and server start.
export { getDocumentProxy } from 'unpdf';
