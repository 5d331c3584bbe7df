/**
 * One CRM execution's view of the workbook: the spreadsheet, its zone, the caller, the clock, the
 * settings, and each sheet read at most once (one getValues per sheet). Created inside the document
 * lock so that what it reads is what the write will be based on.
 */
import type { SheetKey } from '../../core/schema';
import { sheetDef } from '../../core/schema';
import { dayOfInstant, type Day, type Instant, type Zone } from '../../core/time';
import type { Lang, Manager, Settings } from '../../core/types';
import type { OpContext } from '../../core/crm/ops';
import { toManager } from '../../core/crm/records';
import { spreadsheet } from '../../gas/context';
import { withDocumentLock } from '../../gas/lock';
import { storedLang } from '../../gas/settings-lang';
import { openTable, type Table } from '../../gas/sheets/table';
import { readSettings } from '../../gas/workbook';
import { zoneOf } from '../../gas/zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class CrmSession {
  readonly zone: Zone;
  readonly now: Instant;
  readonly today: Day;
  readonly settings: Settings;
  private readonly tables = new Map<SheetKey, Table>();
  private managerList: Manager[] | null = null;

  constructor(
    readonly ss: Spreadsheet,
    readonly user: string,
  ) {
    this.zone = zoneOf(ss.getSpreadsheetTimeZone());
    this.now = Date.now();
    this.today = dayOfInstant(this.now, this.zone);
    this.settings = readSettings(ss, this.zone, safeStoredLang());
  }

  get lang(): Lang {
    return this.settings.lang;
  }

  table(key: SheetKey): Table {
    let t = this.tables.get(key);
    if (!t) {
      t = openTable(this.ss, sheetDef(key), this.zone, this.lang);
      this.tables.set(key, t);
    }
    return t;
  }

  managers(): Manager[] {
    this.managerList ??= this.table('managers').records.map(toManager);
    return this.managerList;
  }

  ctx(): OpContext {
    return {
      now: this.now,
      today: this.today,
      user: this.user,
      lang: this.lang,
      settings: this.settings,
      managers: this.managers(),
    };
  }
}

function safeStoredLang(): Lang {
  try {
    return storedLang();
  } catch {
    return 'ru';
  }
}

/** The caller's email, or '' where Google does not tell (simple triggers, other domains). */
export function callerEmail(): string {
  try {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** Runs `fn` under the document lock with a fresh session. */
export function locked<T>(
  fn: (s: CrmSession) => T,
  opts: { ss?: Spreadsheet; user?: string } = {},
): T {
  const ss = opts.ss ?? spreadsheet();
  const user = opts.user ?? callerEmail();
  return withDocumentLock(() => fn(new CrmSession(ss, user)));
}

/** A read-only session without the lock (previews, duplicate lookups for a form). */
export function readOnly<T>(fn: (s: CrmSession) => T): T {
  return fn(new CrmSession(spreadsheet(), callerEmail()));
}
