/**
 * Writes a workbook straight into the emulated spreadsheet (outside any execution), with the
 * schema's Russian headers, the way a user's sheet looks: dates as Date cells (midnight in
 * Moscow), money in roubles, emails as text.
 */
import { createEmulator, type Emulator, type TriggerRec } from '../../../local/emulator';
import { loadProject, type Project } from '../../../local/harness';
import {
  ACTIVITIES,
  CLIENTS,
  DEALS,
  INVOICES,
  MANAGERS,
  PLANS,
  STAGE_HISTORY,
  type SheetDef,
} from '../../../src/core/workbook/schema';

export type Row = Record<string, unknown>;

export interface Seed {
  managers: Row[];
  clients?: Row[];
  deals?: Row[];
  activities?: Row[];
  plans?: Row[];
  invoices?: Row[];
  /** Settings key/value rows by their Russian names, e.g. { 'Получатели отчётов': 'dir@x.ru' }. */
  settings?: Record<string, string>;
}

const MSK = 3 * 3_600_000;
/** Midnight (or the given hour) in Moscow of a calendar date. */
export const msk = (y: number, m: number, d: number, h = 0, min = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min) - MSK);

function writeTable(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  def: SheetDef,
  rows: Row[],
): void {
  const sheet = ss.getSheetByName(def.ru) ?? ss.insertSheet(def.ru);
  const header = def.columns.map((c) => c.ru);
  const values = [header, ...rows.map((r) => def.columns.map((c) => (r[c.key] ?? '') as unknown))];
  const max = sheet.getMaxRows();
  if (values.length > max) sheet.insertRowsAfter(max, values.length - max);
  sheet.getRange(1, 1, values.length, header.length).setValues(values);
}

export function seedWorkbook(em: Emulator, seed: Seed): void {
  const ss = em.spreadsheet;
  writeTable(ss, MANAGERS, seed.managers);
  // As Setup leaves it: only the owner and the heads may edit the Managers sheet (SECURITY.md).
  const heads = seed.managers.filter((m) => /роп|head/i.test(String(m.role ?? '')));
  ss.getSheetByName(MANAGERS.ru)
    ?.protect()
    .setDomainEdit(false)
    .addEditors(heads.map((m) => String(m.email)));
  writeTable(ss, CLIENTS, seed.clients ?? []);
  writeTable(ss, DEALS, seed.deals ?? []);
  writeTable(ss, ACTIVITIES, seed.activities ?? []);
  writeTable(ss, STAGE_HISTORY, []);
  writeTable(ss, PLANS, seed.plans ?? []);
  writeTable(ss, INVOICES, seed.invoices ?? []);
  // These workbooks test sending, so every forgotten record is listed every day unless a test
  // sets the weekly repeat itself (digest-month.test.ts does).
  const settings = Object.entries({ ...seed.settings });
  if (!seed.settings?.['Повтор давно забытых, дней'])
    settings.push(['Повтор давно забытых, дней', '1']);
  const sheet = ss.getSheetByName('Настройки') ?? ss.insertSheet('Настройки');
  const values = [['Параметр', 'Значение'], ...settings];
  sheet.getRange(1, 1, values.length, 2).setValues(values);
  em.calls.reset();
}

export function project(opts: Parameters<typeof createEmulator>[0] = {}): Project {
  return loadProject({ emulator: createEmulator(opts) });
}

export const HEAD = 'head@example.com';
export const DIRECTOR = 'director@example.com';

export function manager(email: string, name: string, role = 'Менеджер'): Row {
  return { name, email, team: 'Москва', role, active: 'Да' };
}

/** A deal in "Квалификация" (3 days to rot) whose last activity was `idleDays` before `now`. */
export function deal(n: number, managerEmail: string, now: Date, over: Row = {}): Row {
  const id = `D-${String(n).padStart(6, '0')}`;
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  return {
    id,
    clientId: 'C-000001',
    clientName: 'ООО «Ромашка»',
    title: `Сделка ${id}`,
    manager: managerEmail,
    stage: 'Квалификация',
    amount: 100_000 + n,
    // A step with no date: a forgotten deal stays forgotten (a dated future step would plan it).
    nextStep: 'Позвонить',
    nextStepDate: '',
    createdAt: ago(60),
    firstActivityAt: ago(59),
    lastActivityAt: ago(10),
    ...over,
  };
}

/** Outgoing mail by kind, from the subject. */
export function kindOf(subject: string): 'digest' | 'summary' | 'weekly' | 'monthly' | '?' {
  if (/задач|item/.test(subject)) return 'digest';
  if (/сводка|summary/.test(subject)) return 'summary';
  if (/недельный|weekly/.test(subject)) return 'weekly';
  if (/итоги|results/.test(subject)) return 'monthly';
  return '?';
}

/**
 * Turns reminders on as the head would and fires the daily trigger at its first scheduled time
 * (9:00 the next working morning), as Google's scheduler would. Returns the trigger for reruns.
 */
export function firstDailyRun(p: Project): TriggerRec {
  p.run('menuRemindersOn');
  const [trigger] = p.emulator.triggers.list();
  p.emulator.clock.set(trigger.nextAt!);
  p.emulator.fireTimeTrigger(trigger.uid);
  return trigger;
}
