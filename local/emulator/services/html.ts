/**
 * HtmlService: outputs from strings or from the project's .html files (the build's dist/),
 * and templates where `<?= x ?>` escapes, `<?!= x ?>` prints raw and `<? code ?>` runs code.
 * Template code sees the template's own properties, then the script's globals.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GasError, MSG } from '../errors';
import { Svc, instrument, type Runtime } from '../runtime';

export function escapeHtml(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class HtmlOutput extends Svc {
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _meta: Array<{ name: string; content: string }> = [];
  constructor(
    rt: Runtime,
    public _content: string,
  ) {
    super(rt);
  }
  getContent(): string {
    return this._content;
  }
  setContent(c: string): this {
    this._content = String(c);
    return this;
  }
  append(c: string): this {
    this._content += String(c);
    return this;
  }
  appendUntrusted(c: string): this {
    this._content += escapeHtml(c);
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(t: string): this {
    this._title = String(t);
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setWidth(w: number): this {
    this._width = w;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(h: number): this {
    this._height = h;
    return this;
  }
  setSandboxMode(_m: unknown): this {
    return this;
  }
  setXFrameOptionsMode(_m: unknown): this {
    return this;
  }
  setFaviconUrl(_u: string): this {
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._meta.push({ name, content });
    return this;
  }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this._meta.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
}
instrument(HtmlOutput, 'HtmlOutput');

/** Turns template text into the body of a function printing into `__out`. */
export function compileTemplate(source: string): string {
  let code = 'var __out = [];\n';
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    if (m[1] === '=') code += `__out.push(__esc(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out.push(String(${m[2]}));\n`;
    else code += `${m[2]}\n`;
    last = m.index + m[0].length;
  }
  code += `__out.push(${JSON.stringify(source.slice(last))});\nreturn __out.join('');`;
  return code;
}

export class HtmlTemplate extends Svc {
  [key: string]: unknown;
  constructor(
    rt: Runtime,
    private readonly _source: string,
    private readonly _scope: () => object | null,
  ) {
    super(rt);
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) vars[k] = this[k];
    const scope = this._scope() ?? {};
    // Sloppy-mode function so that `with` can expose the variables, as Google's templates do.
    const fn = new Function(
      '__scope',
      '__vars',
      '__esc',
      `with (__scope) { with (__vars) { ${compileTemplate(this._source)} } }`,
    ) as (s: object, v: object, e: (x: unknown) => string) => string;
    return new HtmlOutput(this._rt, fn(scope, vars, escapeHtml));
  }
}
instrument(HtmlTemplate, 'HtmlTemplate');

export class HtmlService extends Svc {
  readonly SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
  constructor(
    rt: Runtime,
    private readonly _dir: () => string,
    private readonly _scope: () => object | null,
  ) {
    super(rt);
  }
  private _read(name: string): string {
    const base = path.join(this._dir(), String(name));
    for (const file of [`${base}.html`, base])
      if (existsSync(file) && file.endsWith('.html')) return readFileSync(file, 'utf8');
    throw new GasError(MSG.htmlMissing(String(name)));
  }
  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this._rt, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this._rt, this._read(filename));
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this._rt, String(html), this._scope);
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this._rt, this._read(filename), this._scope);
  }
}
instrument(HtmlService, 'HtmlService');
