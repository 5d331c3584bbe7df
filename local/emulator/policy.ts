/**
 * Which service calls each execution may make: auth modes (NONE / LIMITED / FULL), custom
 * functions (read-only Sheets, no services needing authorization), triggers without UI, and the
 * OAuth scopes of the manifest. Returns the error text, or null when the call is allowed.
 */
import { MSG } from './errors';
import type { Execution } from './runtime';

const SCOPE = 'https://www.googleapis.com/auth/';
const SHEETS = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'NamedRange',
  'Protection',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'EmbeddedChart',
]);
const SHEET_READ = /^(get|is|can|has|find|new|createDeveloperMetadataFinder|flush)/;
const UI_BUILD = new Set(['Ui.createMenu', 'Ui.createAddonMenu']);
/** What a simple trigger may not show: the user has not authorized script.container.ui for it
 * ("Simple triggers … cannot access services that require authorization",
 * https://developers.google.com/apps-script/guides/triggers#restrictions). */
const UI_SHOW = new Set([
  'showSidebar',
  'showModalDialog',
  'showModelessDialog',
  'alert',
  'prompt',
]);
const TRIGGER_ADMIN = /^ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/;

/** The scope a call needs beyond the script's own (null = none). */
function requiredScope(name: string): string | null {
  if (name === 'SpreadsheetApp.openById' || name === 'SpreadsheetApp.openByUrl')
    return 'spreadsheets';
  if (name.startsWith('MailApp.')) return 'script.send_mail';
  if (TRIGGER_ADMIN.test(name)) return 'script.scriptapp';
  if (name.startsWith('Ui.')) return 'script.container.ui';
  return null;
}

function deny(name: string, scope: string | null): string {
  return scope
    ? `${MSG.noPermission(name)}. Required permissions: ${SCOPE}${scope}`
    : MSG.noPermission(name);
}

export function policy(
  ex: Execution,
  cls: string,
  method: string,
  scopes: ReadonlyArray<string> | null,
  authorizationRequired = false,
  /** What the running user granted on the granular consent screen (null = everything asked). */
  granted: ReadonlyArray<string> | null = null,
): string | null {
  const name = `${cls}.${method}`;
  const scope = requiredScope(name);
  if (authorizationRequired && scope && ex.kind !== 'custom') return MSG.authRequired;

  if (ex.kind === 'custom') {
    if (name === 'SpreadsheetApp.getUi') return MSG.uiContext;
    if (SHEETS.has(cls) && !SHEET_READ.test(method)) return MSG.noPermission(name);
    if (cls === 'MailApp' || cls === 'ScriptApp' || cls === 'Ui' || cls === 'Menu')
      return MSG.noPermission(name);
    if (name === 'SpreadsheetApp.openById' || name === 'SpreadsheetApp.openByUrl')
      return MSG.noPermission(name);
    return null;
  }

  if (ex.kind === 'trigger' && name === 'SpreadsheetApp.getUi') return MSG.uiContext;

  if (ex.authMode === 'NONE') {
    // An add-on opened in a file where it was not used yet: build the menu, nothing else.
    if (cls === 'SpreadsheetApp' && method !== 'getUi')
      return deny(name, 'spreadsheets.currentonly');
    if (SHEETS.has(cls) && cls !== 'SpreadsheetApp') return deny(name, 'spreadsheets.currentonly');
    if (cls === 'Ui' && !UI_BUILD.has(name)) return deny(name, scope);
    if (cls === 'PropertiesService' || cls === 'Properties') return deny(name, null);
    if (name === 'LockService.getDocumentLock' || name === 'CacheService.getDocumentCache')
      return deny(name, null);
    if (cls === 'MailApp') return deny(name, scope);
    if (cls === 'ScriptApp' && method !== 'getAuthorizationInfo' && method !== 'getScriptId')
      return deny(name, 'script.scriptapp');
    if (name === 'Session.getEffectiveUser') return deny(name, 'userinfo.email');
    return null;
  }

  if (ex.authMode === 'LIMITED') {
    // Simple triggers and add-on onOpen: the current document, no services needing consent.
    if (cls === 'MailApp' || TRIGGER_ADMIN.test(name)) return deny(name, scope);
    if (cls === 'Ui' && UI_SHOW.has(method)) return deny(name, scope);
    if (name === 'SpreadsheetApp.openById' || name === 'SpreadsheetApp.openByUrl')
      return deny(name, scope);
  }

  if (scope && scopes && !scopes.includes(SCOPE + scope)) {
    // spreadsheets (full) also covers currentonly; nothing else implies another scope.
    return deny(name, scope);
  }
  // Unticked on the granular consent screen: the call fails as if the scope were never asked for.
  if (scope && granted && !grants(granted, scope)) return deny(name, scope);
  return null;
}

/** Whether `granted` covers `scope` (the full spreadsheets scope covers currentonly). */
export function grants(granted: ReadonlyArray<string>, scope: string): boolean {
  return (
    granted.includes(SCOPE + scope) ||
    (scope === 'spreadsheets.currentonly' && granted.includes(`${SCOPE}spreadsheets`))
  );
}
