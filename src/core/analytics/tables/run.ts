/**
 * Running a custom function (SALES_*, WORKDAYS_RU): arguments as Sheets passes them, plus a
 * context the shell reads once (zone, clock, Settings, Managers, Clients). Each returns one whole
 * table with a header row, in the language of its input's headers.
 *
 * Output conventions: money in the workbook currency as a plain number with 2 decimals (format
 * the cells as you like), percents as numbers at full precision and "%" in the header, dates as
 * Date cells, blanks where a figure is undefined (no plan, no closed deals...).
 */
import { t, type MessageKey, type MessageParams } from '../../i18n';
import { isUserError } from '../../errors';
import type { SheetDef } from '../../workbook/schema';
import { startOfDay, type Day, type Instant, type Zone } from '../../time';
import type { Client, Lang, Manager, Settings, StageChange } from '../../types';
import { dayArg, headerLang, type ArgReader } from '../args';
import { asOfDay, asOfInstant, type AsOf } from '../context';
import { directoryOf, labelsOf } from '../managers';
import type { Cell, Table } from './table';

export interface FunctionContext {
  zone: Zone;
  now: Instant;
  /** Read from the workbook's Settings sheet; defaults when it is missing. */
  settings: Settings;
  /** From the Managers sheet, for names and teams; [] when missing. */
  managers: Manager[];
  /** From the Clients sheet, for names and the debt's manager; [] when missing. */
  clients: Client[];
  /** The stored interface language, used when the input's headers do not tell. */
  lang: Lang;
  /** From the Stage history sheet, for the functions that ask for it (SALES_FORECAST_NEXT). */
  stageHistory?: StageChange[];
}

export class FunctionRun implements ArgReader {
  constructor(
    readonly ctx: FunctionContext,
    readonly lang: Lang,
  ) {}
  get zone(): Zone {
    return this.ctx.zone;
  }
  problem(key: MessageKey, params: MessageParams = {}): string {
    return t(this.lang, key, params);
  }
  h(key: MessageKey): string {
    return t(this.lang, key);
  }
  asOf(name: string, value: unknown): AsOf {
    const d = dayArg(this, name, value);
    return d === null ? asOfInstant(this.ctx.now, this.zone) : asOfDay(d, this.zone);
  }
  date(day: Day | null): Cell {
    return day === null ? '' : new Date(startOfDay(day, this.zone));
  }
  /** A manager cell (email or name) as a row shows it: unambiguous when two share a name. */
  managerName(cell: string): string {
    const key = directoryOf(this.ctx.managers).keyOf(cell);
    return labelsOf(this.ctx.managers).get(key) || cell;
  }
}

/**
 * Runs one custom function: picks the language from the first table argument's headers, and
 * turns a UserError into an Error whose message is the text (Sheets shows it as the cell's
 * error); anything else becomes a short calculation error, never a stack trace.
 */
export function runFunction(
  ctx: FunctionContext,
  langFrom: ReadonlyArray<[unknown, SheetDef]>,
  body: (run: FunctionRun) => Table | number,
): Table | number {
  let lang: Lang | null = null;
  for (const [value, def] of langFrom) {
    lang = headerLang(value, def);
    if (lang) break;
  }
  const run = new FunctionRun(ctx, lang ?? ctx.lang);
  try {
    return body(run);
  } catch (e) {
    if (isUserError(e)) throw new Error(t(run.lang, e.key, e.params));
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(t(run.lang, 'an.error.internal', { message }));
  }
}
