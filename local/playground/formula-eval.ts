/**
 * A small evaluator for the custom formulas of conditional format rules, so the playground can
 * paint the cells Sheets would paint. The emulator stores formulas without computing them; this
 * covers what a rule needs (references relative to the rule's first cell, comparisons,
 * arithmetic, AND/OR/IF/IFERROR/ISNUMBER/N/INT/TODAY/INDEX/MATCH and INDIRECT of a literal
 * whole column). Anything else is an error, and an erroring rule paints nothing, as in Sheets.
 */

export type Scalar = number | string | boolean;
/** A whole column of a sheet, as INDIRECT("'Sheet'!B:B") gives it. */
interface Column {
  column: (i: number) => Scalar;
  size: number;
}
type Value = Scalar | Column | FormulaError;

export class FormulaError {
  constructor(readonly code: string) {}
}

export interface EvalContext {
  /** A cell of the rule's sheet (1-based), dates already as serial numbers, empty as ''. */
  cell(row: number, col: number): Scalar;
  /** A whole column of a named sheet, or null when there is no such sheet. */
  column(sheet: string, col: number): Column | null;
  /** Today's date as a Sheets serial number (days since 30.12.1899, in the sheet's zone). */
  today: number;
}

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; col: number; row: number; absCol: boolean; absRow: boolean }
  | { t: 'fn'; v: string }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])|([A-Za-z_][\w.]*)\s*(\()?|(<=|>=|<>|[-+*/&=<>(),]))/y;

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m || m[0].length === 0) throw new FormulaError('#ERROR!');
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined)
      out.push({
        t: 'ref',
        col: letters(m[4]),
        row: Number(m[6]),
        absCol: m[3] === '$',
        absRow: m[5] === '$',
      });
    else if (m[7] !== undefined)
      out.push(m[8] ? { t: 'fn', v: m[7].toUpperCase() } : { t: 'name', v: m[7].toUpperCase() });
    else out.push({ t: 'op', v: m[9] });
  }
  return out;
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; tok: Extract<Tok, { t: 'ref' }> }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

/** Precedence climbing: comparison < & < + - < * / < unary minus. */
function parse(toks: Tok[]): Node {
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new FormulaError('#ERROR!');
    i++;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op' || !levels[level].includes(t.v)) return a;
      i++;
      a = { k: 'bin', op: t.v, a, b: binary(level + 1) };
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      i++;
      return { k: 'neg', a: unary() };
    }
    if (isOp('+')) {
      i++;
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new FormulaError('#ERROR!');
    if (t.t === 'num' || t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') return { k: 'ref', tok: t };
    if (t.t === 'name' && (t.v === 'TRUE' || t.v === 'FALSE'))
      return { k: 'lit', v: t.v === 'TRUE' };
    if (t.t === 'fn') {
      const args: Node[] = [];
      if (!isOp(')')) {
        args.push(binary(0));
        while (isOp(',')) {
          i++;
          args.push(binary(0));
        }
      }
      expect(')');
      return { k: 'call', fn: t.v, args };
    }
    if (t.t === 'op' && t.v === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    throw new FormulaError('#ERROR!');
  };
  const node = binary(0);
  if (i !== toks.length) throw new FormulaError('#ERROR!');
  return node;
}

const parsed = new Map<string, Node | FormulaError>();

function compile(formula: string): Node | FormulaError {
  let hit = parsed.get(formula);
  if (!hit) {
    try {
      hit = parse(tokenize(formula.replace(/^=/, '')));
    } catch (e) {
      hit = e instanceof FormulaError ? e : new FormulaError('#ERROR!');
    }
    parsed.set(formula, hit);
  }
  return hit;
}

function isColumn(v: Value): v is Column {
  return typeof v === 'object' && !(v instanceof FormulaError);
}

function toNumber(v: Scalar): number | FormulaError {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.trim() === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function truthy(v: Scalar): boolean | FormulaError {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === '') return false;
  const u = v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : new FormulaError('#VALUE!');
}

/** Sheets orders numbers < text < booleans; an empty cell equals "" and 0 and FALSE. */
function compare(a: Scalar, b: Scalar): number {
  if (a === '' && b !== '') a = typeof b === 'number' ? 0 : typeof b === 'boolean' ? false : '';
  if (b === '' && a !== '') b = typeof a === 'number' ? 0 : typeof a === 'boolean' ? false : '';
  const rank = (x: Scalar) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Evaluates `formula` as written for the rule's first cell `anchor`, at cell `at`. */
export function evaluate(
  formula: string,
  anchor: { row: number; col: number },
  at: { row: number; col: number },
  ctx: EvalContext,
): Scalar | FormulaError {
  const node = compile(formula);
  if (node instanceof FormulaError) return node;
  const v = run(node, anchor, at, ctx);
  return isColumn(v) ? new FormulaError('#VALUE!') : v;
}

function scalar(v: Value): Scalar | FormulaError {
  return isColumn(v) ? new FormulaError('#VALUE!') : v;
}

function run(
  n: Node,
  anchor: { row: number; col: number },
  at: { row: number; col: number },
  ctx: EvalContext,
): Value {
  const ev = (x: Node): Value => run(x, anchor, at, ctx);
  const sc = (x: Node): Scalar | FormulaError => scalar(ev(x));
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref': {
      const r = n.tok.absRow ? n.tok.row : n.tok.row + at.row - anchor.row;
      const c = n.tok.absCol ? n.tok.col : n.tok.col + at.col - anchor.col;
      return r < 1 || c < 1 ? new FormulaError('#REF!') : ctx.cell(r, c);
    }
    case 'neg': {
      const a = sc(n.a);
      if (a instanceof FormulaError) return a;
      const x = toNumber(a);
      return x instanceof FormulaError ? x : -x;
    }
    case 'bin': {
      const a = sc(n.a);
      if (a instanceof FormulaError) return a;
      const b = sc(n.b);
      if (b instanceof FormulaError) return b;
      if (n.op === '&') return `${String(a)}${String(b)}`;
      if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
        const c = compare(a, b);
        return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[
          n.op
        ] as boolean;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (x instanceof FormulaError) return x;
      if (y instanceof FormulaError) return y;
      if (n.op === '/' && y === 0) return new FormulaError('#DIV/0!');
      return n.op === '+' ? x + y : n.op === '-' ? x - y : n.op === '*' ? x * y : x / y;
    }
    case 'call':
      return call(n.fn, n.args, ev, sc, ctx);
  }
}

function call(
  fn: string,
  args: Node[],
  ev: (n: Node) => Value,
  sc: (n: Node) => Scalar | FormulaError,
  ctx: EvalContext,
): Value {
  switch (fn) {
    case 'AND':
    case 'OR': {
      let out = fn === 'AND';
      for (const a of args) {
        const v = sc(a);
        if (v instanceof FormulaError) return v;
        const t = truthy(v);
        if (t instanceof FormulaError) return t;
        out = fn === 'AND' ? out && t : out || t;
      }
      return out;
    }
    case 'NOT': {
      const v = sc(args[0]);
      if (v instanceof FormulaError) return v;
      const t = truthy(v);
      return t instanceof FormulaError ? t : !t;
    }
    case 'IF': {
      const v = sc(args[0]);
      if (v instanceof FormulaError) return v;
      const t = truthy(v);
      if (t instanceof FormulaError) return t;
      return t ? ev(args[1]) : args[2] ? ev(args[2]) : false;
    }
    case 'IFERROR': {
      const v = ev(args[0]);
      return v instanceof FormulaError ? (args[1] ? ev(args[1]) : '') : v;
    }
    case 'ISNUMBER':
      return typeof sc(args[0]) === 'number';
    case 'ISBLANK':
      return sc(args[0]) === '';
    case 'N': {
      const v = sc(args[0]);
      return v instanceof FormulaError ? v : typeof v === 'number' ? v : v === true ? 1 : 0;
    }
    case 'INT': {
      const v = sc(args[0]);
      if (v instanceof FormulaError) return v;
      const x = toNumber(v);
      return x instanceof FormulaError ? x : Math.floor(x);
    }
    case 'TODAY':
      return ctx.today;
    case 'INDIRECT': {
      const v = sc(args[0]);
      if (typeof v !== 'string') return new FormulaError('#REF!');
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(v);
      if (!m || m[3].toUpperCase() !== m[4].toUpperCase()) return new FormulaError('#REF!');
      const col = ctx.column((m[1] ?? m[2]).replace(/''/g, "'"), letters(m[3]));
      return col ?? new FormulaError('#REF!');
    }
    case 'INDEX': {
      const range = ev(args[0]);
      const i = args[1] ? sc(args[1]) : 1;
      if (!isColumn(range)) return range instanceof FormulaError ? range : range;
      if (i instanceof FormulaError) return i;
      const n = toNumber(i);
      if (n instanceof FormulaError) return n;
      return n < 1 || n > range.size ? new FormulaError('#REF!') : range.column(Math.floor(n));
    }
    case 'MATCH': {
      const needle = sc(args[0]);
      const range = ev(args[1]);
      if (needle instanceof FormulaError) return needle;
      if (!isColumn(range)) return new FormulaError('#N/A');
      for (let i = 1; i <= range.size; i++) {
        const v = range.column(i);
        if (v !== '' && compare(v, needle) === 0) return i;
      }
      return new FormulaError('#N/A');
    }
    default:
      return new FormulaError('#NAME?');
  }
}

/** Whether the result can differ between cells of one row (a reference with a relative column). */
export function variesByColumn(formula: string): boolean {
  const node = compile(formula);
  const walk = (n: Node): boolean =>
    n.k === 'ref'
      ? !n.tok.absCol
      : n.k === 'call'
        ? n.args.some(walk)
        : n.k === 'bin'
          ? walk(n.a) || walk(n.b)
          : n.k === 'neg'
            ? walk(n.a)
            : false;
  return node instanceof FormulaError ? false : walk(node);
}

/** A rule's formula result as Sheets reads it: true paints, anything else (errors too) does not. */
export function satisfied(v: Scalar | FormulaError): boolean {
  if (v instanceof FormulaError) return false;
  const t = truthy(v);
  return t === true;
}
