/**
 * Utilities: formatDate (Java patterns, any zone), formatString, parseCsv, sleep on the fake
 * clock, getUuid, blobs and base64 (Apps Script bytes are signed, -128..127), digests, zip.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { types } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { GasError } from '../errors';
import { formatDate } from '../format-date';
import { Svc, instrument, type Runtime } from '../runtime';

const toSigned = (buf: Uint8Array): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: unknown, charset = 'UTF-8'): Buffer => {
  if (typeof data === 'string')
    return Buffer.from(data, /^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 0xff));
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (data && typeof data === 'object' && '_bytes' in data)
    return Buffer.from((data as Blob)._bytes);
  throw new GasError(`Cannot convert ${String(data)} to bytes`);
};

export class Blob extends Svc {
  constructor(
    rt: Runtime,
    public _bytes: Buffer,
    public _type: string | null,
    public _name: string | null,
  ) {
    super(rt);
  }
  getBytes(): number[] {
    return this._rt.realm.value(toSigned(this._bytes));
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset && !/^utf-?8$/i.test(charset) ? 'latin1' : 'utf8');
  }
  getContentType(): string | null {
    return this._type;
  }
  setContentType(t: string): this {
    this._type = t;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(n: string): this {
    this._name = n;
    return this;
  }
  setDataFromString(s: string, charset?: string): this {
    this._bytes = toBuffer(s, charset);
    return this;
  }
  setBytes(bytes: number[]): this {
    this._bytes = toBuffer(bytes);
    return this;
  }
  copyBlob(): Blob {
    return new Blob(this._rt, Buffer.from(this._bytes), this._type, this._name);
  }
  getBlob(): Blob {
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
}
instrument(Blob, 'Blob');

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const text = String(csv);
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
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
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const DIGESTS: Record<string, string> = {
  MD2: 'md5',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export class Utilities
  extends Svc
  implements
    Pick<
      GoogleAppsScript.Utilities.Utilities,
      'formatDate' | 'formatString' | 'getUuid' | 'sleep' | 'parseCsv'
    >
{
  readonly Charset = { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' } as const;
  readonly DigestAlgorithm = {
    MD2: 'MD2',
    MD5: 'MD5',
    SHA_1: 'SHA_1',
    SHA_256: 'SHA_256',
    SHA_384: 'SHA_384',
    SHA_512: 'SHA_512',
  } as const;

  constructor(
    rt: Runtime,
    private readonly _uuid: () => string = randomUUID,
  ) {
    super(rt);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!types.isDate(date))
      throw new GasError(
        'The parameters (' +
          typeof date +
          ",String,String) don't match the method signature for Utilities.formatDate.",
      );
    return formatDate(date.getTime(), String(timeZone), String(format));
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(-?\d*)(?:\.(\d+))?([sdfi%])/g,
      (_m, width: string, prec: string, conv: string) => {
        if (conv === '%') return '%';
        const v = args[i++];
        let s: string;
        if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(v)));
        else if (conv === 'f') s = Number(v).toFixed(prec ? Number(prec) : 6);
        else s = String(v);
        const w = Number(width || 0);
        return w < 0 ? s.padEnd(-w) : s.padStart(w);
      },
    );
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return this._rt.realm.value(parseCsv(csv, delimiter ?? ','));
  }
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > 300_000) throw new GasError('Invalid argument: milliseconds');
    this._rt.clock.advance(ms);
    const ex = this._rt.exec;
    if (ex) this._rt.checkBudget(ex);
  }
  getUuid(): string {
    return this._uuid();
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(this._rt, toBuffer(data ?? ''), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return this._rt.realm.value(toSigned(Buffer.from(String(encoded), 'base64')));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return this._rt.realm.value(
      toSigned(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64')),
    );
  }
  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const algo = DIGESTS[String(algorithm)];
    if (!algo) throw new GasError(`Invalid argument: algorithm`);
    return this._rt.realm.value(
      toSigned(createHash(algo).update(toBuffer(value, charset)).digest()),
    );
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return this._rt.realm.value(
      toSigned(
        createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
      ),
    );
  }
  zip(blobs: Blob[], name?: string): Blob {
    const files: Record<string, Uint8Array> = {};
    blobs.forEach((b, i) => {
      files[b._name ?? `file${i + 1}`] = new Uint8Array(b._bytes);
    });
    return new Blob(
      this._rt,
      Buffer.from(zipSync(files)),
      'application/zip',
      name ?? 'archive.zip',
    );
  }
  unzip(blob: Blob): Blob[] {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(new Uint8Array(blob._bytes));
    } catch {
      throw new GasError('Could not unzip: the blob is not a zip archive.');
    }
    return this._rt.realm.list(
      Object.entries(files).map(([n, bytes]) => new Blob(this._rt, Buffer.from(bytes), null, n)),
    );
  }
  jsonParse(text: string): unknown {
    return this._rt.realm.value(JSON.parse(text) as unknown);
  }
  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }
}
instrument(Utilities, 'Utilities');
