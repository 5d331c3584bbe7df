/**
 * Cells that call a custom function, recalculated as Sheets does: a custom function's result is
 * cached and the cell is computed again only when the values of its arguments change. Google
 * forbids volatile functions such as NOW() or RAND() as arguments ("Custom function arguments must
 * be deterministic", https://developers.google.com/apps-script/guides/sheets/functions#arguments),
 * so nothing else moves it: a function that reads the clock or another sheet by itself keeps its
 * first answer until an argument changes (the usual workaround is to pass the cells it depends on
 * as extra arguments).
 * The emulator does not evaluate formulas; this drives the bundle's functions for the cells a
 * test (or the playground) places, and writes their results as Sheets would (spilling down/right).
 */
import type { Project } from './index';

/** An argument: a reference ('Счета!A1:J50', 'ROP_TODAY') or a literal value. */
export type CellArg = { ref: string } | { value: unknown };

interface Placed {
  sheet: string;
  a1: string;
  fn: string;
  args: CellArg[];
  /** The argument values the cached result was computed from (JSON). */
  seen: string | null;
  result: unknown;
}

export class CustomFunctionCells {
  private readonly cells: Placed[] = [];

  constructor(private readonly project: Project) {}

  /** Puts `=fn(args)` into sheet!a1; it is computed on the next `recalculate`. */
  place(sheet: string, a1: string, fn: string, args: CellArg[]): void {
    this.cells.push({ sheet, a1, fn, args, seen: null, result: undefined });
  }

  /** What a cell shows now (its cached result). */
  result(sheet: string, a1: string): unknown {
    return this.find(sheet, a1).result;
  }

  /**
   * Sheets' recalculation pass: each placed cell whose argument values changed since its last
   * computation runs its function again; the others keep their cached result. Returns the cells
   * (as 'Sheet!A1') that were computed.
   */
  recalculate(): string[] {
    const computed: string[] = [];
    for (const cell of this.cells) {
      const values = cell.args.map((a) => ('ref' in a ? this.read(a.ref) : a.value));
      const seen = JSON.stringify(values);
      if (seen === cell.seen) continue;
      cell.seen = seen;
      try {
        cell.result = this.project.customFunction(cell.fn, values);
      } catch (e) {
        cell.result = `#ERROR! ${e instanceof Error ? e.message : String(e)}`;
      }
      this.write(cell);
      computed.push(`${cell.sheet}!${cell.a1}`);
    }
    return computed;
  }

  /** What Sheets would compute for the cell now, ignoring the cache (for comparisons). */
  fresh(sheet: string, a1: string): unknown {
    const cell = this.find(sheet, a1);
    const values = cell.args.map((a) => ('ref' in a ? this.read(a.ref) : a.value));
    return this.project.customFunction(cell.fn, values);
  }

  private find(sheet: string, a1: string): Placed {
    const cell = this.cells.find((c) => c.sheet === sheet && c.a1 === a1);
    if (!cell) throw new Error(`No custom function placed at ${sheet}!${a1}`);
    return cell;
  }

  /** A range argument arrives as a 2-D array, a single cell as its value. */
  private read(ref: string): unknown {
    const book = this.project.emulator.spreadsheet;
    const range = ref.includes('!') ? book.getRange(ref) : book.getRangeByName(ref);
    if (!range) throw new Error(`Unknown range ${ref}`);
    const values = range.getValues();
    return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
  }

  private write(cell: Placed): void {
    const sheet = this.project.emulator.spreadsheet.getSheetByName(cell.sheet);
    if (!sheet) throw new Error(`No sheet ${cell.sheet}`);
    const rows = Array.isArray(cell.result)
      ? (cell.result as unknown[]).map((r) => (Array.isArray(r) ? r : [r]))
      : [[cell.result]];
    const width = Math.max(...rows.map((r) => r.length));
    const block = rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
    const top = sheet.getRange(cell.a1);
    sheet
      .getRange(top.getRow(), top.getColumn(), block.length, width)
      .setValues(block as unknown[][] as never);
  }
}
