/**
 * The spreadsheet's UI: the add-on menu, the sidebar and the alert box. Each works only where a
 * user is looking (a menu item, onOpen, a sidebar call), never in a trigger.
 */

/** Whether onOpen runs in AuthMode.NONE, where it may build the menu and touch nothing else. */
export function isAuthModeNone(
  e: { authMode?: GoogleAppsScript.Script.AuthMode } | undefined,
): boolean {
  return Boolean(e && e.authMode === ScriptApp.AuthMode.NONE);
}

/**
 * Items as [label, global function name]; null draws a separator. A container-bound script gets a
 * top-level menu `title` (createMenu: createAddonMenu would hide it under Extensions, named after
 * the script project); a published editor add-on must use createAddonMenu, which Sheets shows
 * under Extensions with the add-on's name.
 */
export function showMenu(
  title: string,
  items: ReadonlyArray<readonly [string, string] | null>,
  addon: boolean,
): void {
  const ui = SpreadsheetApp.getUi();
  const menu = addon ? ui.createAddonMenu() : ui.createMenu(title);
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Opens the built sidebar page (dist/Sidebar.html) under `title`. */
export function showSidebar(title: string, screen = ''): void {
  // Google ignores <meta> tags inside the HTML file: only addMetaTag sets the viewport.
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
  // A menu item's screen to open first (a fixed key from our own code, never user text).
  if (/^[a-z]+$/.test(screen)) html.append(`<script>window.ROPDESK_SCREEN='${screen}'</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function alert(text: string): void {
  SpreadsheetApp.getUi().alert(text);
}
