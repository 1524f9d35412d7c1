// Single-file web pages (.mht, and the .doc files some government sites serve that are really one):
// a MIME message whose HTML part holds the page. Only that part is read; images and styles are not.

/** The bytes of the first text/html part (transfer encoding undone), or null when there is none. */
export function mhtHtmlPart(bytes: Uint8Array): Uint8Array | null {
  // Headers and boundaries are ASCII; latin1 keeps every byte as one character, so offsets are byte offsets.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const head = headerBlock(raw, 0);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(head.headers)?.[1];
  const parts = boundary ? bodyParts(raw, boundary) : [head];
  for (const part of parts) {
    if (!/^content-type:\s*text\/html/im.test(part.headers)) continue;
    const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(part.headers)?.[1].toLowerCase();
    const body = raw.slice(part.bodyStart, part.bodyEnd);
    if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    if (encoding === 'quoted-printable') return quotedPrintable(body);
    return Buffer.from(body, 'latin1');
  }
  return null;
}

interface Part {
  headers: string;
  bodyStart: number;
  bodyEnd: number;
}

/** The headers from `from` to the first empty line, and where the body after them starts. */
function headerBlock(raw: string, from: number, to = raw.length): Part {
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = from;
  const m = blank.exec(raw);
  if (!m || m.index >= to) return { headers: raw.slice(from, to), bodyStart: to, bodyEnd: to };
  // Folded header lines (a continuation starts with a space) are joined.
  return { headers: raw.slice(from, m.index).replace(/\r?\n[ \t]+/g, ' '), bodyStart: m.index + m[0].length, bodyEnd: to };
}

/** The parts between `--boundary` lines, each with its headers. */
function bodyParts(raw: string, boundary: string): Part[] {
  const out: Part[] = [];
  const delimiter = `--${boundary}`;
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = raw.indexOf('\n', at);
    if (start < 0 || raw.startsWith(`${delimiter}--`, at)) break;
    const next = raw.indexOf(delimiter, start);
    // The line break before the next delimiter belongs to it.
    const end = next < 0 ? raw.length : raw[next - 2] === '\r' ? next - 2 : next - 1;
    out.push(headerBlock(raw, start + 1, Math.max(start + 1, end)));
    at = next;
  }
  return out;
}

/** Quoted-printable (RFC 2045): =XX is a byte, = at a line's end joins it to the next. */
function quotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x3d) { // =
      out[n++] = c;
      continue;
    }
    if (body[i + 1] === '\r' && body[i + 2] === '\n') i += 2;
    else if (body[i + 1] === '\n') i += 1;
    else if (/^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out[n++] = parseInt(body.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}
