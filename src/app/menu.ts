/**
 * The ROP Desk menu. onOpen may run in AuthMode.NONE (an add-on installed but not yet used in
 * this file): then it may not read properties or the document, so it builds the menu in the
 * default language and touches nothing else.
 */
import { t, type MessageKey } from '../core/i18n';
import type { Lang } from '../core/types';
import { storedLang } from '../gas/settings-lang';

const ITEMS: ReadonlyArray<[MessageKey, string] | null> = [
  ['menu.open', 'menuOpenSidebar'],
  null,
  ['menu.setup', 'menuSetupWorkbook'],
  ['menu.setupDemo', 'menuSetupDemo'],
  ['menu.refreshDashboard', 'menuRefreshDashboard'],
  null,
  ['menu.remindersOn', 'menuRemindersOn'],
  ['menu.remindersOff', 'menuRemindersOff'],
  ['menu.runRemindersNow', 'menuRunRemindersNow'],
];

function menuLang(e: { authMode?: GoogleAppsScript.Script.AuthMode } | undefined): Lang {
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return 'ru';
  try {
    return storedLang();
  } catch {
    // LIMITED mode in some contexts still refuses properties; the default language will do.
    return 'ru';
  }
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = menuLang(e);
  const ui = SpreadsheetApp.getUi();
  // createAddonMenu puts the items under Extensions for an add-on and as a top-level menu
  // named after the project in a container-bound script.
  const menu = ui.createAddonMenu();
  for (const item of ITEMS) {
    if (item) menu.addItem(t(lang, item[0]), item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(
    t(storedLang(), 'sidebar.title'),
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
