/**
 * Who is calling and what they may see. Built once per RPC over the execution's one Workbook:
 * the Session's email ('' = unknown, refused), the caller's row on the Managers sheet (absent or
 * inactive = refused), the workbook's language, zone and "now". The role check reads Settings and
 * Managers only; a handler's further reads go through the same Workbook, each sheet at most once.
 */
import { UserError } from '../../core/errors';
import { dayOfInstant, type Day, type Instant, type Zone } from '../../core/time';
import type { Lang, Manager, WorkbookData } from '../../core/types';
import { currentUserEmail, spreadsheet } from '../../gas/context';
import { storedLang } from '../../gas/settings-lang';
import { Workbook, type DataSheetKey } from '../../gas/workbook';

const ALL: readonly DataSheetKey[] = [
  'managers',
  'clients',
  'deals',
  'activities',
  'stageHistory',
  'plans',
  'invoices',
];

export interface Ctx {
  wb: Workbook;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  zone: Zone;
  lang: Lang;
  me: Manager;
  now: Instant;
  today: Day;
  /** The workbook as the core sees it; each sheet read at most once per call, writes included. */
  data(which?: readonly DataSheetKey[]): WorkbookData;
  /**
   * Runs a write under the document lock, after reading (under it) every sheet the answer will
   * need: the write then appends to what was read, and the answer is computed from the same
   * reads, so no sheet is read twice.
   */
  write<T>(fn: () => T, answerNeeds?: readonly DataSheetKey[]): T;
}

function fallbackLang(): Lang {
  try {
    return storedLang();
  } catch {
    return 'ru';
  }
}

export function callerContext(wb?: Workbook): Ctx {
  const email = currentUserEmail();
  if (!email) throw withLang(new UserError('error.notSignedIn'), fallbackLang());
  const book = wb ?? new Workbook(spreadsheet());
  const lang = book.lang;
  const me = book.list('managers').find((m) => m.email === email && m.active);
  if (!me) throw withLang(new UserError('error.notAManager', { email }), lang);
  const now = Date.now();
  return {
    wb: book,
    ss: book.ss,
    zone: book.zone,
    lang,
    me,
    now,
    today: dayOfInstant(now, book.zone),
    data: (which = ALL) => book.data(which),
    write: (fn, answerNeeds = ALL) =>
      book.locked(() => {
        book.data(answerNeeds);
        return fn();
      }),
  };
}

/** Lets the dispatcher answer a refused caller in the workbook's language. */
export interface WithLang {
  lang?: Lang;
}

function withLang(e: UserError, lang: Lang): UserError {
  (e as UserError & WithLang).lang = lang;
  return e;
}
