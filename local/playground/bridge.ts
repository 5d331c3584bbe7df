/**
 * The playground's and the runner's one door into the emulator and the harness: creating a
 * session, loading and saving it, the signed-in user, google.script.run calls, user edits with
 * their onEdit, triggers, the menu. Everything that depends on the emulator's API is here.
 */
import path from 'node:path';
import { createEmulator, loadEmulator, type Emulator, type TriggerRec } from '../emulator';
import { clockEvent } from '../emulator/services/triggers';
import { loadProject, type Project } from '../harness';
import { LANG_KEY } from '../../src/gas/settings-lang';
import type { FormQuestions, MenuItem, TriggerInfo } from './api';
import { formatCell } from './format';
import { checkSaved, saveAtomically, WorkbookFileError } from './store';

export { WorkbookFileError } from './store';

export interface BridgeSession {
  emulator: Emulator;
  project: Project;
  /** The signed-in user's email ('' = unknown). */
  readonly user: string;
  setUser(email: string): void;
  /** google.script.run: serialised like Google, as the signed-in user. */
  rpc(name: string, args: unknown[]): unknown;
  /** Whether an execution showed a sidebar since the last call. */
  takeSidebarRequest(): boolean;
  /** Alerts and toasts shown since the last call, as text. */
  takeNotices(): string[];
  /** A file from the sidebar's form, as the server sees a file input (a Blob). */
  makeBlob(bytes: Buffer, type: string, name: string): unknown;
  /** A warning from loading (a half-finished save), shown once. */
  loadWarning: string;
}

function sessionOf(emulator: Emulator, bundleDir: string): BridgeSession {
  const project = loadProject({ bundlePath: path.join(bundleDir, 'Code.js'), emulator });
  let sidebarsSeen = emulator.ui.sidebars.length;
  let alertsSeen = emulator.ui.alerts.length;
  let toastsSeen = emulator.toasts.length;
  return {
    emulator,
    project,
    loadWarning: '',
    get user() {
      return emulator.activeUser;
    },
    setUser(email: string) {
      emulator.setActiveUser(email);
    },
    rpc(name: string, args: unknown[]) {
      return project.rpc(name, args, { user: emulator.activeUser });
    },
    takeSidebarRequest() {
      const n = emulator.ui.sidebars.length;
      const shown = n > sidebarsSeen;
      sidebarsSeen = n;
      return shown;
    },
    takeNotices() {
      const alerts = emulator.ui.alerts
        .slice(alertsSeen)
        .map((a) => [a.title, a.prompt].filter(Boolean).join(': '));
      const toasts = emulator.toasts
        .slice(toastsSeen)
        .map((t) => [t.title, t.message].filter(Boolean).join(': '));
      alertsSeen = emulator.ui.alerts.length;
      toastsSeen = emulator.toasts.length;
      return [...alerts, ...toasts];
    },
    makeBlob(bytes: Buffer, type: string, name: string) {
      const utilities = emulator.globals().Utilities as {
        newBlob(d: unknown, t?: string, n?: string): unknown;
      };
      return utilities.newBlob(new Uint8Array(bytes), type || 'application/octet-stream', name);
    },
  };
}

export function createSession(bundleDir: string, now: number): BridgeSession {
  return sessionOf(createEmulator({ now, htmlDir: bundleDir }), bundleDir);
}

/**
 * Loads the saved workbook, or returns null when there is none. `forReset`: only check the file
 * is ours (it is about to be replaced) and return null.
 */
export async function openSession(
  file: string,
  bundleDir: string,
  opts: { allowMissing: boolean; forReset?: boolean },
): Promise<BridgeSession | null> {
  const warning = await checkSaved(file);
  if (warning === null) {
    if (opts.allowMissing) return null;
    throw new WorkbookFileError(`There is no workbook at ${file}.`, 'corrupt');
  }
  if (opts.forReset) return null;
  let emulator: Emulator;
  try {
    emulator = await loadEmulator(file, undefined, { htmlDir: bundleDir });
  } catch (e) {
    throw new WorkbookFileError(
      `${file} could not be read (${(e as Error).message}). Nothing was changed.`,
      'corrupt',
    );
  }
  const s = sessionOf(emulator, bundleDir);
  s.loadWarning = warning;
  return s;
}

export async function saveSession(s: BridgeSession, file: string): Promise<void> {
  await saveAtomically(file, async (xlsxTmp, sideTmp) => {
    await s.emulator.save(xlsxTmp, sideTmp);
  });
}

/** A trigger's schedule as the page's language says it (Google's own list is localised too). */
const WORDS = {
  ru: {
    CLOCK: 'по времени',
    ON_OPEN: 'при открытии',
    ON_EDIT: 'при правке',
    ON_CHANGE: 'при изменении',
    ON_FORM_SUBMIT: 'при отправке формы',
    minutes: (n: number) => `каждые ${n} мин`,
    hours: (n: number) => `каждые ${n} ч`,
    days: (n: number) => (n === 1 ? 'ежедневно' : `каждые ${n} дн.`),
    weeks: (d: string) => `еженедельно, день ${d}`,
    monthDay: (d: string) => `ежемесячно, ${d}-го числа`,
    at: 'в',
    once: 'однократно',
    next: 'следующий запуск',
  },
  en: {
    CLOCK: 'time-driven',
    ON_OPEN: 'on open',
    ON_EDIT: 'on edit',
    ON_CHANGE: 'on change',
    ON_FORM_SUBMIT: 'on form submit',
    minutes: (n: number) => `every ${n} min`,
    hours: (n: number) => `every ${n} h`,
    days: (n: number) => (n === 1 ? 'daily' : `every ${n} days`),
    weeks: (d: string) => `weekly, day ${d}`,
    monthDay: (d: string) => `monthly, day ${d}`,
    at: 'at',
    once: 'once',
    next: 'next',
  },
};

function describe(t: Readonly<TriggerRec>, timeZone: string, lang: 'ru' | 'en'): string {
  const w = WORDS[lang];
  const s = t.schedule;
  const at = (h: number | null, m: number) =>
    h === null ? '' : ` ${w.at} ${h}:${String(m).padStart(2, '0')}`;
  let what: string;
  if (!s) what = ((w as Record<string, unknown>)[t.eventType] as string | undefined) ?? t.eventType;
  else if (s.kind === 'minutes') what = w.minutes(s.every);
  else if (s.kind === 'hours') what = w.hours(s.every);
  else if (s.kind === 'days') what = `${w.days(s.every)}${at(s.hour, s.minute)}`;
  else if (s.kind === 'weeks') what = `${w.weeks(String(s.weekDay ?? '?'))}${at(s.hour, s.minute)}`;
  else if (s.kind === 'monthDay')
    what = `${w.monthDay(String(s.monthDay ?? '?'))}${at(s.hour, s.minute)}`;
  else what = w.once;
  const next =
    t.nextAt === null
      ? ''
      : `, ${w.next} ${formatCell(new Date(t.nextAt), 'dd.mm.yyyy hh:mm', { timeZone }).text}`;
  return `${what}${next}`;
}

export function listTriggers(s: BridgeSession): TriggerInfo[] {
  const tz = s.emulator.spreadsheet.getSpreadsheetTimeZone();
  return s.emulator.triggers.list().map((t) => ({
    uid: t.uid,
    handler: t.handler,
    description: describe(
      t,
      tz,
      s.emulator.properties.document.get(LANG_KEY) === 'en' ? 'en' : 'ru',
    ),
    owner: t.owner,
    clock: t.eventType === 'CLOCK',
    form: t.eventType === 'ON_FORM_SUBMIT',
  }));
}

/** Fires an installed trigger now; or, by handler, what a daily clock trigger would pass. */
export function fireTrigger(
  s: BridgeSession,
  which: { uid: string } | { handler: string },
): unknown {
  if ('uid' in which) return s.emulator.fireTimeTrigger(which.uid);
  const installed = s.emulator.triggers
    .list()
    .find((t) => t.handler === which.handler && t.eventType === 'CLOCK');
  if (installed) return s.emulator.fireTimeTrigger(installed.uid);
  return s.project.run(which.handler, [clockEvent('', s.emulator.clock.now())]);
}

/**
 * A Google Form linked to the spreadsheet, as Sheets names its responses sheet and as a lead form
 * asks (the product maps the questions by their wording, like an import's columns).
 */
export function formQuestions(s: BridgeSession): FormQuestions {
  const en = s.emulator.properties.document.get(LANG_KEY) === 'en';
  return en
    ? {
        sheet: 'Form Responses 1',
        questions: ['Company', 'Contact name', 'Phone', 'Email', 'Need'],
      }
    : {
        sheet: 'Ответы на форму (1)',
        questions: ['Компания', 'Контактное лицо', 'Телефон', 'Email', 'Потребность'],
      };
}

/** A response lands in the responses sheet, then the installable form-submit triggers fire. */
export function submitForm(s: BridgeSession, answers: Record<string, string>): void {
  s.project.submitForm(formQuestions(s).sheet, answers);
}

/** A person typing into one cell: the value is stored as typed, then the simple onEdit runs. */
export function fireEdit(
  s: BridgeSession,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  col: number,
  text: string,
): unknown {
  s.project.edit(sheet.getName(), sheet.getRange(row, col).getA1Notation(), text, { user: s.user });
  return undefined;
}

/** Where the bundle's menu appears: its title and menubar vs Extensions (as Sheets draws it). */
export function menuPlace(s: BridgeSession): {
  title: string;
  placement: 'menubar' | 'extensions';
} {
  const menu = s.emulator.ui.menus[0];
  return menu
    ? { title: menu.title, placement: menu.placement }
    : { title: 'ROP Desk', placement: 'menubar' };
}

/** The menu as the bundle's onOpen builds it (run as the simple trigger would). */
export function menuFromUi(s: BridgeSession): Array<MenuItem | null> {
  try {
    s.project.open({ authMode: 'LIMITED', user: s.user });
  } catch {
    return [];
  }
  const menu = s.emulator.ui.menus[0];
  if (!menu) return [];
  const out: Array<MenuItem | null> = [];
  const walk = (items: typeof menu.items) => {
    for (const i of items) {
      if (i.kind === 'item') out.push({ label: i.caption, fn: i.functionName });
      else if (i.kind === 'separator') out.push(null);
      else walk(i.items);
    }
  };
  walk(menu.items);
  return out;
}

/**
 * How Sheets would paint each cell of a block (bold, italic, colours, alignment), as inline CSS
 * ('' = default), from the formatting the emulator recorded. One pass over the sheet's style
 * writes, oldest first, so the last write wins as it does in Sheets.
 */
export function blockLooks(
  s: BridgeSession,
  sheetName: string,
  row: number,
  count: number,
  cols: number,
): string[][] {
  const sheet = s.emulator.workbook._sheet(sheetName);
  const props: Array<Record<string, string>> = new Array(count * cols);
  if (sheet) {
    for (const op of sheet._styles) {
      const css = cssOf(op.prop, op.value);
      if (!css) continue;
      const r0 = Math.max(op.r, row);
      const r1 = Math.min(op.r + op.nr, row + count);
      const c1 = Math.min(op.c + op.nc, cols + 1);
      for (let r = r0; r < r1; r++)
        for (let c = Math.max(op.c, 1); c < c1; c++) {
          const i = (r - row) * cols + (c - 1);
          (props[i] ??= {})[css[0]] = css[1];
        }
    }
  }
  const out: string[][] = [];
  for (let r = 0; r < count; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) {
      const p = props[r * cols + c];
      line.push(
        p
          ? Object.entries(p)
              .map(([k, v]) => `${k}:${v}`)
              .join(';')
          : '',
      );
    }
    out.push(line);
  }
  return out;
}

function cssOf(prop: string, value: unknown): [string, string] | null {
  const v = value === null || value === undefined ? '' : String(value);
  const color = /^#[0-9a-f]{3,8}$/i.test(v) ? v : '';
  switch (prop) {
    case 'fontWeight':
      return ['font-weight', v === 'bold' ? '600' : 'normal'];
    case 'fontStyle':
      return ['font-style', v === 'italic' ? 'italic' : 'normal'];
    case 'fontColor':
      return color ? ['color', color] : null;
    case 'background':
      return color ? ['background', color] : null;
    case 'horizontalAlignment': {
      const a = v.toLowerCase().replace('normal', '');
      return a === 'left' || a === 'center' || a === 'right' ? ['text-align', a] : null;
    }
    default:
      return null;
  }
}
