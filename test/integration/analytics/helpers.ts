/** Shared helpers of the analytics integration tests: the demo workbook and its raw ranges. */
import { createEmulator } from '../../../local/emulator';
import { loadProject, type Project } from '../../../local/harness';

export function demoProject(): Project {
  // The emulator's default clock: 27.11.2026 09:00 Moscow (a Friday).
  const p = loadProject({ emulator: createEmulator({ activeUser: 'head@vektor-trade.ru' }) });
  p.run('menuSetupDemo');
  return p;
}

export function range(p: Project, sheetName: string): unknown[][] {
  const s = p.emulator.spreadsheet.getSheetByName(sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  return s.getDataRange().getValues();
}

export function named(p: Project, name: string): unknown[][] {
  const r = p.emulator.spreadsheet.getRangeByName(name);
  if (!r) throw new Error(`no named range ${name}`);
  return r.getValues();
}

/** A date cell's value (midnight in Moscow) as "yyyy-mm-dd"; '' for a blank. */
export function mskDay(v: unknown): string {
  if (Object.prototype.toString.call(v) !== '[object Date]') return '';
  return new Date((v as Date).getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

/** A Date as Sheets passes a date cell: midnight of that day in Moscow. */
export function dateCell(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d) - 3 * 3_600_000);
}

/** Rows as objects keyed by the header row. */
export function records(values: unknown[][]): Array<Record<string, unknown>> {
  const [head, ...rows] = values;
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Calls that would write, mail or touch triggers: none may happen in a custom function. */
export function forbiddenCalls(calls: Record<string, number>): string[] {
  return Object.keys(calls).filter((k) =>
    /\.(set|append|insert|delete|clear)|MailApp|GmailApp|ScriptApp/.test(k),
  );
}
