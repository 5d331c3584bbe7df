/**
 * Who is calling and what they may see. Built once per RPC: the Session's email ('' = unknown,
 * refused), the caller's row on the Managers sheet (absent or inactive = refused), the workbook's
 * language, zone and "now". Workbook reads are lazy and cached for the call; a handler that wrote
 * calls `reread()` before answering with fresh lists.
 */
import { UserError } from '../../core/errors';
import { dayOfInstant, type Day, type Instant, type Zone } from '../../core/time';
import type { Lang, Manager, WorkbookData } from '../../core/types';
import { currentUserEmail, spreadsheet } from '../../gas/context';
import { storedLang } from '../../gas/settings-lang';
import { readWorkbook } from '../../gas/workbook';
import { zoneOf } from '../../gas/zone';

const REST = ['clients', 'deals', 'activities', 'stageHistory', 'plans', 'invoices'] as const;

export interface Ctx {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  zone: Zone;
  lang: Lang;
  me: Manager;
  now: Instant;
  today: Day;
  /** The whole workbook (one getValues per sheet), read on first use. */
  data(): WorkbookData;
  /** Forget the cached read (after a write), so the next `data()` sees the change. */
  reread(): void;
}

function fallbackLang(): Lang {
  try {
    return storedLang();
  } catch {
    return 'ru';
  }
}

export function callerContext(): Ctx {
  const lang0 = fallbackLang();
  const email = currentUserEmail();
  if (!email) throw withLang(new UserError('error.notSignedIn'), lang0);
  const ss = spreadsheet();
  const zone = zoneOf(ss.getSpreadsheetTimeZone());
  // Settings + Managers only: the role check must stay cheap for every call.
  const head = readWorkbook(ss, ['managers']);
  const me = head.managers.find((m) => m.email === email && m.active);
  if (!me) throw withLang(new UserError('error.notAManager', { email }), head.settings.lang);
  const now = Date.now();
  let cache: WorkbookData | null = null;
  return {
    ss,
    zone,
    lang: head.settings.lang,
    me,
    now,
    today: dayOfInstant(now, zone),
    data() {
      // The Managers sheet was read for the role check a moment ago; CRM operations never write it.
      cache ??= { ...readWorkbook(ss, REST), managers: head.managers };
      return cache;
    },
    reread() {
      cache = null;
    },
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
