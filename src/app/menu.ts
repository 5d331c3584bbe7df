/**
 * The ROP Desk menu. onOpen may run in AuthMode.NONE (an add-on installed but not yet used in
 * this file): then it may not read properties or the document, so it builds the menu in the
 * default language and touches nothing else. The bound script (the README's deploy) shows a
 * top-level "ROP Desk" menu; the add-on build (`npm run build -- --addon`) an Extensions menu.
 */
import { t, type MessageKey } from '../core/i18n';
import type { Lang } from '../core/types';
import { storedLang } from '../gas/settings-lang';
import { isAuthModeNone, showMenu, showSidebar } from '../gas/ui';

/** Set by the build: true only in the add-on build (`scripts/build.mjs --addon`). */
declare const ROPDESK_ADDON: boolean | undefined;
/** Top-level menus carry the product's name in every language. */
const MENU_TITLE = 'ROP Desk';

export function isAddonBuild(): boolean {
  return typeof ROPDESK_ADDON !== 'undefined' && ROPDESK_ADDON === true;
}

const ITEMS: ReadonlyArray<[MessageKey, string] | null> = [
  ['menu.open', 'menuOpenSidebar'],
  null,
  ['menu.setup', 'menuSetupWorkbook'],
  ['menu.setupDemo', 'menuSetupDemo'],
  ['menu.refreshDashboard', 'menuRefreshDashboard'],
  ['menu.recalculate', 'menuRecalculateFormulas'],
  ['playbook.menu', 'menuInstructions'],
  null,
  ['menu.remindersOn', 'menuRemindersOn'],
  ['menu.remindersOff', 'menuRemindersOff'],
  ['menu.runRemindersNow', 'menuRunRemindersNow'],
  null,
  ['menu.plans', 'menuPlans'],
  ['menu.planDefence', 'menuPlanDefence'],
];

function menuLang(e: { authMode?: GoogleAppsScript.Script.AuthMode } | undefined): Lang {
  if (isAuthModeNone(e)) return 'ru';
  try {
    return storedLang();
  } catch {
    // LIMITED mode in some contexts still refuses properties; the default language will do.
    return 'ru';
  }
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = menuLang(e);
  showMenu(
    MENU_TITLE,
    ITEMS.map((item) => (item ? ([t(lang, item[0]), item[1]] as const) : null)),
    isAddonBuild(),
  );
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function openSidebar(screen = ''): void {
  showSidebar(t(storedLang(), 'sidebar.title'), screen);
}
