/**
 * Text typed with a leading `+` or `-` that reads as a formula expression: Sheets (like the
 * spreadsheets before it) takes it as a formula and stores `=` + the text, so `+7+7` reads 14
 * and `-abc` reads `#NAME?`. Text that is no valid expression (a sentence starting with a dash,
 * a phone in brackets) stays text. Values are computed for number-only arithmetic; references and
 * function calls are stored but not calculated (the emulator does not evaluate formulas). A
 * leading `@` is not a formula prefix in Sheets (it is Excel's implicit intersection): it stays
 * text. These are claims checked by the parity suite (parity/checks.ts, "typed-formula-*").
 */
import type { Cell } from './values';

type Token =
  | { t: 'num'; v: number }
  | { t: 'op'; v: string }
  | { t: '('; v: '(' }
  | { t: ')'; v: ')' }
  | { t: 'ref'; v: string }
  | { t: 'name'; v: string }
  | { t: 'fn'; v: string }
  | { t: 'str'; v: string }
  | { t: 'sep'; v: string };

const TOKEN =
  /\s*(?:(\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?%?)|("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)(\s*\()?|([-+*/^&]|<=|>=|<>|[<>=])|(\()|(\))|([;,]))/y;

function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m || m[0].length === 0) return null;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      const pct = m[1].endsWith('%');
      const n = Number(m[1].replace('%', '').replace(',', '.'));
      out.push({ t: 'num', v: pct ? n / 100 : n });
    } else if (m[2] !== undefined) out.push({ t: 'str', v: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'ref', v: m[3] });
    else if (m[4] !== undefined) out.push(m[5] ? { t: 'fn', v: m[4] } : { t: 'name', v: m[4] });
    else if (m[6] !== undefined) out.push({ t: 'op', v: m[6] });
    else if (m[7] !== undefined) out.push({ t: '(', v: '(' });
    else if (m[8] !== undefined) out.push({ t: ')', v: ')' });
    else out.push({ t: 'sep', v: m[9] });
  }
  return out;
}

/** Recursive-descent check of the grammar; returns the tokens used or null when invalid. */
function parses(tokens: Token[]): boolean {
  let i = 0;
  const peek = () => tokens[i];
  function operand(): boolean {
    const tok = peek();
    if (!tok) return false;
    if (tok.t === 'op' && (tok.v === '+' || tok.v === '-')) {
      i++;
      return operand();
    }
    if (tok.t === 'num' || tok.t === 'ref' || tok.t === 'str' || tok.t === 'name') {
      i++;
      return true;
    }
    if (tok.t === '(') {
      i++;
      if (!expr()) return false;
      if (peek()?.t !== ')') return false;
      i++;
      return true;
    }
    if (tok.t === 'fn') {
      i++;
      if (peek()?.t === ')') {
        i++;
        return true;
      }
      for (;;) {
        if (!expr()) return false;
        const next = peek();
        if (next?.t === ')') {
          i++;
          return true;
        }
        if (next?.t !== 'sep') return false;
        i++;
      }
    }
    return false;
  }
  function expr(): boolean {
    if (!operand()) return false;
    while (peek()?.t === 'op') {
      i++;
      if (!operand()) return false;
    }
    return true;
  }
  return expr() && i === tokens.length;
}

/** Evaluates number-only arithmetic (+ - * / ^, parentheses); null when not number-only. */
function arithmetic(tokens: Token[]): Cell | null {
  if (tokens.some((t) => t.t !== 'num' && t.t !== '(' && t.t !== ')' && t.t !== 'op')) return null;
  if (tokens.some((t) => t.t === 'op' && !'+-*/^'.includes(t.v))) return null;
  let i = 0;
  let divZero = false;
  function unary(): number {
    const tok = tokens[i];
    if (tok.t === 'op' && (tok.v === '-' || tok.v === '+')) {
      i++;
      const v = unary();
      return tok.v === '-' ? -v : v;
    }
    if (tok.t === '(') {
      i++;
      const v = sum();
      i++;
      return v;
    }
    i++;
    return tok.v as number;
  }
  function power(): number {
    let v = unary();
    while (tokens[i]?.t === 'op' && tokens[i].v === '^') {
      i++;
      v = v ** unary();
    }
    return v;
  }
  function product(): number {
    let v = power();
    while (tokens[i]?.t === 'op' && (tokens[i].v === '*' || tokens[i].v === '/')) {
      const op = tokens[i++].v;
      const r = power();
      if (op === '/' && r === 0) divZero = true;
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }
  function sum(): number {
    let v = product();
    while (tokens[i]?.t === 'op' && (tokens[i].v === '+' || tokens[i].v === '-')) {
      const op = tokens[i++].v;
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }
  const v = sum();
  if (divZero) return '#DIV/0!';
  return Number.isFinite(v) ? Number(v.toPrecision(15)) : '#NUM!';
}

/**
 * For text starting with `+` or `-` that is not a plain number: the formula Sheets stores and
 * the value it reads, or null when the text stays text.
 */
export function typedFormula(text: string): { formula: string; value: Cell } | null {
  const tokens = tokenize(text);
  if (!tokens || tokens.length < 2 || !parses(tokens)) return null;
  const value = arithmetic(tokens);
  if (value !== null) return { formula: `=${text}`, value };
  // A bare name that is not a cell reference: no such named range, so #NAME?.
  if (tokens.some((t) => t.t === 'name' && !/^(TRUE|FALSE)$/i.test(t.v)))
    return { formula: `=${text}`, value: '#NAME?' };
  return { formula: `=${text}`, value: '' };
}
