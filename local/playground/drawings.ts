/**
 * What Sheets draws on top of the values: the conditional formats a rule paints on a block of
 * cells, and the embedded charts with the data of their ranges as they are now. Read from the
 * emulator's recorded specs (part of the playground's door into the emulator, like bridge.ts).
 */
import type { ChartView } from './api';
import type { BridgeSession } from './bridge';
import { evaluate, satisfied, variesByColumn, type EvalContext, type Scalar } from './formula-eval';
import { formatCell } from './format';
import { wallMs } from './wall-time';

type EmuSheet = NonNullable<ReturnType<BridgeSession['emulator']['workbook']['_sheet']>>;

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** A date as Sheets' serial number, read on the wall clock of the spreadsheet's zone. */
function serial(d: Date, timeZone: string): number {
  return (wallMs(d.getTime(), timeZone) - EPOCH) / DAY;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function scalarOf(v: unknown, timeZone: string): Scalar {
  if (isDate(v)) return serial(v, timeZone);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return '';
}

/**
 * Inline CSS per cell of rows row..row+count-1, columns 1..cols, from the sheet's conditional
 * format rules ('' = none). As in Sheets, the first rule that matches a cell wins.
 */
export function conditionalLooks(
  s: BridgeSession,
  sheetName: string,
  row: number,
  count: number,
  cols: number,
  timeZone: string,
): string[][] {
  const out = Array.from({ length: count }, () => new Array<string>(cols).fill(''));
  const book = s.emulator.workbook;
  const sheet = book._sheet(sheetName) as EmuSheet | null;
  if (!sheet || !sheet._conditional.length) return out;
  const columns = new Map<string, ReturnType<EvalContext['column']>>();
  const ctx: EvalContext = {
    today: Math.floor(serial(new Date(s.emulator.clock.now()), timeZone)),
    cell: (r, c) => scalarOf(sheet._cell(r, c), timeZone),
    column: (name, c) => {
      const key = `${name}\u0000${c}`;
      if (!columns.has(key)) {
        const other = book._sheet(name) as EmuSheet | null;
        columns.set(
          key,
          other
            ? (() => {
                // Read once per request: MATCH scans it for every row painted.
                const size = other._lastRow();
                const values: Scalar[] = [];
                for (let i = 1; i <= size; i++) values.push(scalarOf(other._cell(i, c), timeZone));
                return { size, column: (i: number) => values[i - 1] ?? '' };
              })()
            : null,
        );
      }
      return columns.get(key) ?? null;
    },
  };
  const painted = new Set<number>();
  for (const rule of sheet._conditional) {
    const cond = rule.condition;
    const css = lookOf(rule.format);
    if (!cond || cond.type !== 'CUSTOM_FORMULA' || !css || !rule.ranges.length) continue;
    const formula = String(cond.args[0] ?? '');
    const first = sheet._rangeA1(rule.ranges[0].a1);
    const anchor = { row: first._r, col: first._c };
    // A rule whose references all fix the column (=$E2<TODAY()) paints whole rows: one
    // evaluation per row is enough.
    const perCell = variesByColumn(formula);
    const rowResult = new Map<number, boolean>();
    for (const ref of rule.ranges) {
      if (ref.sheet !== sheetName) continue;
      const rg = sheet._rangeA1(ref.a1);
      const r0 = Math.max(rg._r, row);
      const r1 = Math.min(rg._r + rg._nr, row + count);
      const c1 = Math.min(rg._c + rg._nc, cols + 1);
      for (let r = r0; r < r1; r++)
        for (let c = Math.max(rg._c, 1); c < c1; c++) {
          const i = (r - row) * cols + (c - 1);
          if (painted.has(i)) continue;
          let ok = perCell ? undefined : rowResult.get(r);
          if (ok === undefined) {
            ok = satisfied(evaluate(formula, anchor, { row: r, col: c }, ctx));
            if (!perCell) rowResult.set(r, ok);
          }
          if (!ok) continue;
          painted.add(i);
          out[r - row][c - 1] = css;
        }
    }
  }
  return out;
}

function lookOf(format: Record<string, unknown>): string {
  const color = (v: unknown) => (typeof v === 'string' && /^#[0-9a-f]{3,8}$/i.test(v) ? v : '');
  const css: string[] = [];
  if (color(format.background)) css.push(`background:${color(format.background)}`);
  if (color(format.fontColor)) css.push(`color:${color(format.fontColor)}`);
  if (format.bold === true) css.push('font-weight:600');
  if (format.italic === true) css.push('font-style:italic');
  if (format.strikethrough === true) css.push('text-decoration:line-through');
  return css.join(';');
}

/**
 * The sheet's charts with their data as Sheets reads it: with one header row, the first column
 * of the range gives the labels and each further column a series named by its header.
 */
export function chartViews(
  s: BridgeSession,
  sheetName: string,
  locale: string,
  timeZone: string,
): ChartView[] {
  const book = s.emulator.workbook;
  const sheet = book._sheet(sheetName) as EmuSheet | null;
  if (!sheet) return [];
  return sheet._charts.map((spec) => {
    const rows: unknown[][] = [];
    for (const ref of spec.ranges) {
      const src = book._sheet(ref.sheet) as EmuSheet | null;
      if (!src) continue;
      const rg = src._rangeA1(ref.a1);
      for (let r = 0; r < rg._nr; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < rg._nc; c++) line.push(src._cell(rg._r + r, rg._c + c));
        rows.push(line);
      }
    }
    const o = spec.options;
    const headers = typeof o.numHeaders === 'number' ? o.numHeaders : 1;
    const head = headers > 0 ? (rows[0] ?? []) : [];
    const body = rows.slice(Math.max(0, headers));
    const text = (v: unknown) =>
      isDate(v) ? formatCell(v, 'dd.mm.yyyy', { locale, timeZone }).text : String(v ?? '');
    const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
    const series = [];
    for (let c = 1; c < width; c++) {
      series.push({
        name: text(head[c]) || `${c}`,
        values: body.map((r) => {
          const v = r[c];
          if (v === '' || v === null || v === undefined) return null;
          return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : 0;
        }),
      });
    }
    const legend = o.legend as { position?: unknown } | undefined;
    return {
      id: spec.id,
      type: spec.type,
      title: typeof o.title === 'string' ? o.title : '',
      colors: Array.isArray(o.colors) ? o.colors.map(String) : [],
      stacked: o.isStacked === true,
      legend: String(legend?.position ?? o['legend.position'] ?? 'right').toLowerCase(),
      ranges: spec.ranges.map((r) => `${r.sheet}!${r.a1}`),
      position: { ...spec.position },
      labels: body.map((r) => text(r[0])),
      series,
    };
  });
}
