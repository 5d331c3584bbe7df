/**
 * One CRM operation's view of the execution: the execution's Workbook (each sheet read at most
 * once), the caller, and the clock. Operations that write run inside `locked`, so what they read
 * is what their write is based on.
 */
import type { SheetKey } from '../../core/workbook/schema';
import { dayOfInstant, type Day, type Instant, type Zone } from '../../core/time';
import type { Lang, Manager, Settings } from '../../core/types';
import type { OpContext } from '../../core/crm/ops';
import { currentUserEmail } from '../../gas/context';
import type { Table } from '../../gas/sheets/table';
import type { Workbook } from '../../gas/workbook';

export class CrmSession {
  readonly now: Instant;
  readonly today: Day;

  constructor(
    readonly wb: Workbook,
    readonly user: string,
    now: Instant = Date.now(),
  ) {
    this.now = now;
    this.today = dayOfInstant(now, wb.zone);
  }

  get ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.wb.ss;
  }

  get zone(): Zone {
    return this.wb.zone;
  }

  get settings(): Settings {
    return this.wb.settings;
  }

  get lang(): Lang {
    return this.wb.lang;
  }

  table(key: SheetKey): Table {
    return this.wb.table(key);
  }

  managers(): Manager[] {
    return this.wb.list('managers');
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

/** The caller's email, or '' where Google does not tell (simple triggers, other domains). */
export function callerEmail(): string {
  try {
    return currentUserEmail();
  } catch {
    return '';
  }
}

/** Runs `fn` under the document lock with a session over the execution's workbook. */
export function locked<T>(wb: Workbook, fn: (s: CrmSession) => T, user = callerEmail()): T {
  return wb.locked(() => fn(new CrmSession(wb, user)));
}

/** A read-only session without the lock (previews, duplicate lookups for a form). */
export function readOnly<T>(wb: Workbook, fn: (s: CrmSession) => T, user = callerEmail()): T {
  return fn(new CrmSession(wb, user));
}
