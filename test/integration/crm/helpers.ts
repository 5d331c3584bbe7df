/** Shared helpers of the CRM integration tests: a project on a fresh emulator, sheet snapshots. */
import { spreadsheet } from '../../../src/gas/context';
import { Workbook } from '../../../src/gas/workbook';
import { createEmulator } from '../../../local/emulator';
import { loadProject, type Project } from '../../../local/harness';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function freshProject(opts: Parameters<typeof createEmulator>[0] = {}): Project {
  return loadProject({ emulator: createEmulator({ activeUser: 'head@firm.ru', ...opts }) });
}

export function sheet(p: Project, name: string): Sheet {
  const s = p.emulator.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** All values of a sheet (its data range). */
export function values(p: Project, name: string): unknown[][] {
  return sheet(p, name).getDataRange().getValues();
}

/** Every sheet's values, formulas and number formats: what "nothing changed" compares. */
export function snapshot(p: Project): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of p.emulator.spreadsheet.getSheets()) {
    const r = s.getDataRange();
    out[s.getName()] = {
      values: r.getValues(),
      formulas: r.getFormulas(),
      formats: r.getNumberFormats(),
      frozen: s.getFrozenRows(),
      rules: s.getConditionalFormatRules().length,
      protections: s.getProtections(SpreadsheetAppProtectionRange()).length,
    };
  }
  out.named = p.emulator.spreadsheet
    .getNamedRanges()
    .map((n) => `${n.getName()}=${n.getRange().getA1Notation()}`)
    .sort();
  return out;
}

function SpreadsheetAppProtectionRange(): GoogleAppsScript.Spreadsheet.ProtectionType {
  return 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}

/** Column values of a sheet by header text (row 1 headers). */
export function column(p: Project, name: string, header: string): unknown[] {
  const v = values(p, name);
  const i = v[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header} on ${name}: ${v[0].join(', ')}`);
  return v.slice(1).map((r) => r[i]);
}

/** Rows of a sheet as objects keyed by header. */
export function rows(p: Project, name: string): Array<Record<string, unknown>> {
  const v = values(p, name);
  return v.slice(1).map((r) => Object.fromEntries(v[0].map((h, i) => [String(h), r[i]])));
}

export function lastToast(p: Project): string {
  const t = p.emulator.toasts[p.emulator.toasts.length - 1] as { message?: string } | undefined;
  return t?.message ?? '';
}

/**
 * Runs shell code (src/gas, src/app) directly against the emulator's services, for operations the
 * global API reaches only through the sidebar's RPC. The bundle-level paths are tested separately.
 */
export function withServices<T>(em: Project['emulator'], fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const installed = em.globals();
  const saved: Record<string, unknown> = {};
  for (const k of Object.keys(installed)) {
    if (['Date', 'console', 'Math', 'JSON', 'Object', 'Array', 'String', 'Number'].includes(k))
      continue;
    saved[k] = g[k];
    g[k] = installed[k];
  }
  try {
    return fn();
  } finally {
    for (const k of Object.keys(saved)) g[k] = saved[k];
  }
}

export const MANAGER_ROWS: unknown[][] = [
  ['Ольга Смирнова', 'head@firm.ru', '', 'РОП', true],
  ['Иван Петров', 'ivan@firm.ru', 'Север', 'Менеджер', true],
  ['Анна Козлова', 'anna@firm.ru', 'Юг', 'Менеджер', true],
  ['Пётр Уволенный', 'gone@firm.ru', 'Юг', 'Менеджер', false],
];

/** A set-up workbook (through the bundle) with four people on the Managers sheet. */
export function setUpProject(opts: Parameters<typeof createEmulator>[0] = {}): Project {
  const p = freshProject(opts);
  p.run('menuSetupWorkbook');
  sheet(p, 'Менеджеры').getRange(2, 1, MANAGER_ROWS.length, 5).setValues(MANAGER_ROWS);
  p.emulator.calls.reset();
  return p;
}

/** Catches what fn throws (for asserting on UserErrors). */
export function thrown(fn: () => unknown): {
  key?: string;
  params?: Record<string, unknown>;
  fields?: Array<{ field: string; key: string; params?: Record<string, unknown> }>;
} {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  throw new Error('expected an error');
}

/** The execution's workbook, as an entry point opens it (call inside `withServices`). */
export function book(): Workbook {
  return new Workbook(spreadsheet());
}

/**
 * Stage history as ROP Desk's readers see it: the sheet's rows, then the changes managers made that
 * wait in the queue for a run allowed to write the protected sheet (src/gas/journal.ts).
 */
export function stageHistory(p: Project): Array<Record<string, unknown>> {
  const props = p.emulator.properties.document;
  const queued = [...props.keys()]
    .filter((k) => k.startsWith('ropdesk.q.stageHistory.'))
    .sort()
    .map((k) => JSON.parse(props.get(k)!) as Record<string, unknown>)
    .map((r) => ({
      'ID сделки': r.dealId,
      'Из этапа': r.fromStage,
      'В этап': r.toStage,
      Когда: new Date(Number(r.at)),
      Кто: r.by,
      // Written to the sheet as TRUE / FALSE, or blank for a move no playbook checked.
      'Критерий выполнен': typeof r.exitMet === 'boolean' ? r.exitMet : '',
    }));
  return [...rows(p, 'История этапов'), ...queued];
}

/** The Log's messages as the head will read them: the sheet, then what waits in the queue. */
export function logMessages(p: Project): string[] {
  const props = p.emulator.properties.document;
  const queued = [...props.keys()]
    .filter((k) => k.startsWith('ropdesk.q.log.'))
    .sort()
    .map((k) => String((JSON.parse(props.get(k)!) as { message: string }).message));
  return [...rows(p, 'Журнал').map((r) => String(r['Сообщение'])), ...queued];
}
