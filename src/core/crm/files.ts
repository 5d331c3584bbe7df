/**
 * Reading lead files, the product's one CSV reader (the sidebar's file import and any other
 * CSV path go through parseCsv): CSV (UTF-8 with or without BOM, or Windows-1251 as Russian Excel, amoCRM and
 * Bitrix24 save it; ';', ',' or tab separated; RFC 4180 quotes) and the first worksheet of an
 * .xlsx (its XML parts, already unzipped by the shell). Pure: bytes or XML text in, rows out.
 */

// ---- Text decoding ---------------------------------------------------------------------------

const CP1251_HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\ufffd™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕї' +
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

function decodeUtf8(bytes: Uint8Array): string | null {
  let out = '';
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const chunk: number[] = [];
  const flush = () => {
    out += String.fromCodePoint(...chunk);
    chunk.length = 0;
  };
  while (i < bytes.length) {
    const b = bytes[i];
    let cp: number;
    let extra: number;
    if (b < 0x80) {
      cp = b;
      extra = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      extra = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      extra = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      extra = 3;
    } else return null;
    if (i + extra >= bytes.length + (extra ? 0 : 1) && extra) return null;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    chunk.push(cp);
    if (chunk.length >= 4096) flush();
    i += extra + 1;
  }
  flush();
  return out;
}

function decodeCp1251(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP1251_HIGH[b - 0x80];
  return out;
}

/** Text of a CSV file: UTF-8 when the bytes are valid UTF-8, else Windows-1251. */
export function decodeText(bytes: Uint8Array): string {
  return decodeUtf8(bytes) ?? decodeCp1251(bytes);
}

// ---- CSV -------------------------------------------------------------------------------------

/**
 * The separator of the header row: the most frequent of ';', ',' and tab outside quotes (a header
 * like "Компания, ООО";Телефон is ';'-separated), ';' on a tie as Russian Excel writes it.
 */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c in counts) counts[c]++;
  }
  return [',', '\t'].reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

/** Rows of a CSV text (quoted fields may hold separators, quotes and line breaks). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

// ---- XLSX ------------------------------------------------------------------------------------

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : whole;
    }
    return XML_ENTITIES[e] ?? whole;
  });
}

/**
 * The next occurrence of a token at or after a position, for scans whose positions only grow: the
 * answer is remembered, so a token missing from the rest of the file (a truncated or hostile
 * worksheet) is searched for once, not once per cell. That keeps the reader linear in the size.
 */
class Finder {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly token: string,
  ) {}
  from(pos: number): number {
    if (this.at === -1 || this.at >= pos) return this.at;
    this.at = this.text.indexOf(this.token, pos);
    return this.at;
  }
}

/** The text of every <t> run inside an element (rich text has several). */
function textOf(xml: string): string {
  let out = '';
  const open = new Finder(xml, '<t');
  const close = new Finder(xml, '</t>');
  const gts = new Finder(xml, '>');
  for (let pos = 0; ;) {
    const i = open.from(pos);
    if (i < 0) break;
    const next = xml[i + 2];
    if (next !== '>' && next !== ' ' && next !== '/') {
      pos = i + 2;
      continue;
    }
    const gt = gts.from(i);
    if (gt < 0) break;
    if (xml[gt - 1] === '/') {
      pos = gt + 1;
      continue;
    }
    const end = close.from(gt);
    out += unescapeXml(xml.slice(gt + 1, end < 0 ? xml.length : end));
    if (end < 0) break;
    pos = end + 4;
  }
  return out;
}

/** The inner text of each element named `tag` (self-closing ones give ''), in one pass. */
function elements(xml: string, tag: string, each: (inner: string) => void): void {
  const open = new Finder(xml, `<${tag}`);
  const close = new Finder(xml, `</${tag}>`);
  const gts = new Finder(xml, '>');
  for (let pos = 0; ;) {
    const i = open.from(pos);
    if (i < 0) return;
    const next = xml[i + tag.length + 1];
    if (next !== '>' && next !== ' ' && next !== '/') {
      pos = i + tag.length + 1;
      continue;
    }
    const gt = gts.from(i);
    if (gt < 0) return;
    if (xml[gt - 1] === '/') {
      each('');
      pos = gt + 1;
      continue;
    }
    const end = close.from(gt);
    each(xml.slice(gt + 1, end < 0 ? xml.length : end));
    if (end < 0) return;
    pos = end + tag.length + 3;
  }
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  elements(xml, 'si', (inner) => {
    out.push(inner ? textOf(inner) : '');
  });
  return out;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Date-formatted number styles (built-in ids 14-22, 45-47, or custom formats with d/m/y). */
export function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  const reFmt = /<numFmt\s[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g;
  for (let m = reFmt.exec(stylesXml); m; m = reFmt.exec(stylesXml))
    custom.set(Number(m[1]), unescapeXml(m[2]));
  const isDate = (id: number) =>
    (id >= 14 && id <= 22) ||
    (id >= 45 && id <= 47) ||
    /[dmy]/i.test((custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, ''));
  const out = new Set<number>();
  const from = stylesXml.indexOf('<cellXfs');
  const to = stylesXml.indexOf('</cellXfs>', from);
  const cellXfs = from < 0 || to < 0 ? '' : stylesXml.slice(from, to);
  const reXf = /<xf\s([^>]*?)\/?>/g;
  let i = 0;
  for (let m = reXf.exec(cellXfs); m; m = reXf.exec(cellXfs), i++) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    if (isDate(id)) out.add(i);
  }
  return out;
}

/** What a file may hold: beyond it, reading would outlast an execution for no lead list's sake. */
export const XLSX_LIMITS = { cells: 500_000, columns: 256 };

/** A file over one of the limits: the shell names the limit to the user. */
export class FileLimitError extends Error {
  constructor(
    readonly limit: 'cells' | 'columns',
    readonly max: number,
  ) {
    super(`more than ${max} ${limit}`);
  }
}

/**
 * A numeric cell's value as text the importer reads back as the same number. The importer reads
 * "125.125" as money grouped in thousands (125 125); a fourth decimal digit keeps it 125.125.
 * Exponent forms (1.5E+7) are written out.
 */
function numberText(v: string): string {
  let text = v.trim();
  if (/e/i.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n) && Math.abs(n) < 1e21) text = String(n);
  }
  return /^-?\d+\.\d{3}$/.test(text) ? `${text}0` : text;
}

/**
 * Rows of a worksheet XML as text (numbers as written, read back exactly; date-styled numbers as
 * dd.MM.yyyy, which the importer parses like typed dates). One pass over the XML; throws a
 * FileLimitError past XLSX_LIMITS.
 */
export function worksheetRows(
  xml: string,
  strings: readonly string[],
  dates: ReadonlySet<number> = new Set(),
  limits: { cells: number; columns: number } = XLSX_LIMITS,
): string[][] {
  const rows: string[][] = [];
  let cells = 0;
  elements(xml, 'row', (body) => {
    const row: string[] = [];
    let next = 0;
    const open = new Finder(body, '<c');
    const close = new Finder(body, '</c>');
    const gts = new Finder(body, '>');
    for (let pos = 0; ;) {
      const i = open.from(pos);
      if (i < 0) break;
      const ch = body[i + 2];
      if (ch !== ' ' && ch !== '>' && ch !== '/') {
        pos = i + 2;
        continue;
      }
      const gt = gts.from(i);
      if (gt < 0) break;
      const selfClosing = body[gt - 1] === '/';
      const attrs = body.slice(i + 2, selfClosing ? gt - 1 : gt);
      let inner = '';
      let end = gt;
      if (!selfClosing) {
        end = close.from(gt);
        inner = body.slice(gt + 1, end < 0 ? body.length : end);
      }
      if (++cells > limits.cells) throw new FileLimitError('cells', limits.cells);
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : next;
      if (col >= limits.columns) throw new FileLimitError('columns', limits.columns);
      next = col + 1;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? -1);
      const vFrom = inner.indexOf('<v>');
      const vTo = vFrom < 0 ? -1 : inner.indexOf('</v>', vFrom);
      const v = vFrom < 0 ? undefined : inner.slice(vFrom + 3, vTo < 0 ? inner.length : vTo);
      let text = '';
      if (type === 's') text = strings[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(inner);
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) {
        text = unescapeXml(v);
        if (type === 'n' && dates.has(style) && /^\d+(\.\d+)?$/.test(text))
          text = serialToText(Number(text));
        else if (type === 'n') text = numberText(text);
      }
      while (row.length < col) row.push('');
      row[col] = text;
      if (!selfClosing && end < 0) break;
      pos = selfClosing ? gt + 1 : end + 4;
    }
    rows.push(row);
  });
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

function serialToText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  return d.getUTCHours() || d.getUTCMinutes()
    ? `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
    : date;
}

/** The first worksheet's part name, from workbook.xml and its relationships. */
export function firstSheetPath(workbookXml: string, relsXml: string): string {
  const rid = /<sheet\s[^>]*r:id="([^"]+)"/.exec(workbookXml)?.[1];
  if (rid) {
    const re = /<Relationship\s([^>]*)\/?>/g;
    for (let m = re.exec(relsXml); m; m = re.exec(relsXml)) {
      if (new RegExp(`Id="${rid}"`).test(m[1])) {
        const target = /Target="([^"]+)"/.exec(m[1])?.[1] ?? '';
        return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      }
    }
  }
  return 'xl/worksheets/sheet1.xml';
}

/** Rows of an .xlsx from its unzipped parts (path -> XML text). */
export function xlsxRows(parts: ReadonlyMap<string, string>): string[][] {
  const path = firstSheetPath(
    parts.get('xl/workbook.xml') ?? '',
    parts.get('xl/_rels/workbook.xml.rels') ?? '',
  );
  const sheet = parts.get(path);
  if (sheet === undefined) throw new Error('no worksheet');
  return worksheetRows(
    sheet,
    sharedStrings(parts.get('xl/sharedStrings.xml') ?? ''),
    dateStyles(parts.get('xl/styles.xml') ?? ''),
  );
}
