/**
 * The one guard of the global API: every top-level function of src/Code.ts passes here with its
 * row of src/entry-points.ts. It resolves the caller (Session email), their row on the Managers
 * sheet (role, active) and, for head-only actions, whether that sheet is protected, and refuses
 * with a message in the workbook's language. See SECURITY.md for why each rule exists.
 */
import { isUserError, UserError } from '../core/errors';
import { t } from '../core/i18n';
import { MANAGERS } from '../core/workbook/schema';
import type { Lang, Manager } from '../core/types';
import { ENTRY_POINTS, type MemberEntry } from '../entry-points';
import { currentUserEmail, spreadsheet } from '../gas/context';
import { ownerEmail, readSheetProtection } from '../gas/protections';
import { storedLang } from '../gas/settings-lang';
import { Workbook } from '../gas/workbook';

export interface Caller {
  email: string;
  /** Their active row on the Managers sheet; null for the owner or a first-setup editor. */
  me: Manager | null;
}

function managersOf(wb: Workbook): Manager[] | null {
  try {
    return wb.list('managers');
  } catch (e) {
    if (isUserError(e) && e.key === 'error.missingSheet') return null;
    throw e;
  }
}

/**
 * Whether roles read from the Managers sheet can be believed: a real protection of the whole
 * sheet, not open to the domain, that no plain manager may edit.
 */
export function managersTrusted(wb: Workbook, managers: readonly Manager[]): boolean {
  const p = readSheetProtection(wb.ss, MANAGERS);
  if (!p || !p.enforced) return false;
  const plain = new Set(managers.filter((m) => m.role === 'manager').map((m) => m.email));
  return !p.editors.some((e) => plain.has(e));
}

/** Whether `email` is the file's owner (Google does not say for shared drives: then no). */
export function isOwner(wb: Workbook, email: string): boolean {
  return !!email && email === ownerEmail(wb.ss);
}

/** Refuses unless the caller may run the member entry point `name`; throws a UserError. */
export function checkMember(name: MemberEntry, wb: Workbook): Caller {
  const rule: { roles: readonly string[]; trusted?: boolean; bootstrap?: boolean } =
    ENTRY_POINTS[name];
  const email = currentUserEmail();
  if (!email) throw new UserError('error.notSignedIn');
  // The owner's authority does not come from the sheet: an owner can edit the script itself.
  if (isOwner(wb, email)) return { email, me: null };
  const managers = managersOf(wb) ?? [];
  if (rule.bootstrap && !managers.some((m) => m.email)) return { email, me: null };
  const me = managers.find((m) => m.email === email && m.active);
  if (!me) throw new UserError('error.notAManager', { email });
  if (!rule.roles.includes(me.role)) {
    throw new UserError('error.forbidden', { role: rule.roles.map((r) => `role.${r}`).join('|') });
  }
  // Setup included: on an unprotected sheet a manager could have typed "РОП" for themselves and
  // would then lock that in; only the owner (above) may repair such a sheet.
  if ((rule.trusted || rule.bootstrap) && !managersTrusted(wb, managers)) {
    throw new UserError('guard.unprotected');
  }
  return { email, me };
}

function safeLang(wb: Workbook | null): Lang {
  try {
    return wb ? wb.lang : storedLang();
  } catch {
    return 'ru';
  }
}

/** The text of a refusal: role names in the user's language. */
export function refusalText(e: UserError, lang: Lang): string {
  const params = { ...e.params };
  if (e.key === 'error.forbidden' && typeof params.role === 'string') {
    params.role = params.role
      .split('|')
      .map((k) => t(lang, k as Parameters<typeof t>[1]))
      .join(' / ');
  }
  return t(lang, e.key, params);
}

/**
 * A menu item: opens the execution's Workbook, checks the caller, runs `fn` with it. A refusal is
 * Apps Script's error box with the message in the workbook's language.
 */
export function menuEntry(name: MemberEntry, fn: (wb: Workbook, caller: Caller) => void): void {
  const wb = new Workbook(spreadsheet());
  let caller: Caller;
  try {
    caller = checkMember(name, wb);
  } catch (e) {
    if (isUserError(e)) throw new Error(refusalText(e, safeLang(wb)));
    throw e;
  }
  fn(wb, caller);
}

/** The daily trigger: only an event carrying a trigger uid gets through (compared to the stored
 * one by the job, which knows where it is kept). A google.script.run call has none. */
export function triggerEvent<E>(e: E | undefined): E & { triggerUid: string } {
  const uid = (e as { triggerUid?: unknown } | undefined)?.triggerUid;
  if (typeof uid !== 'string' || !uid) throw new Error(t(safeLang(null), 'guard.forgedEvent'));
  return e as E & { triggerUid: string };
}

/** The form trigger: a real event has a Range (an object google.script.run cannot send) and a
 * trigger uid. */
export function formEvent<E>(e: E | undefined): E {
  const ev = e as { range?: { getSheet?: unknown }; triggerUid?: unknown } | undefined;
  if (!ev || typeof ev.range?.getSheet !== 'function' || typeof ev.triggerUid !== 'string') {
    throw new Error(t(safeLang(null), 'guard.forgedEvent'));
  }
  return e as E;
}
