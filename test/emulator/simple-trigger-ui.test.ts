// Simple triggers may build menus but not show anything: Ui.showSidebar, showModalDialog,
// showModelessDialog, alert and prompt need script.container.ui, which the user has not
// authorized for a simple trigger (https://developers.google.com/apps-script/guides/triggers#restrictions).
import { project } from './fixture';

const CODE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('ROP Desk').addItem('Open', 'open').addToUi();
  PropertiesService.getDocumentProperties().setProperty('mode', String(e.authMode));
}
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
function modal() { SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>x</p>'), 'T'); }
function modeless() { SpreadsheetApp.getUi().showModelessDialog(HtmlService.createHtmlOutput('<p>x</p>'), 'T'); }
function alertIt() { return SpreadsheetApp.getUi().alert('Hi'); }
function promptIt() { return SpreadsheetApp.getUi().prompt('Name?').getResponseText(); }
`;
const SHOWN: Array<[string, string]> = [
  ['sidebar', 'Ui.showSidebar'],
  ['modal', 'Ui.showModalDialog'],
  ['modeless', 'Ui.showModelessDialog'],
  ['alertIt', 'Ui.alert'],
  ['promptIt', 'Ui.prompt'],
];

describe('UI in simple triggers', () => {
  it.each(['LIMITED', 'NONE'] as const)('refuses every show call in AuthMode.%s', (mode) => {
    const { project: p, emulator } = project(CODE);
    for (const [fn, name] of SHOWN)
      expect(() => p.run(fn, [], { authMode: mode })).toThrow(
        `You do not have permission to call ${name}. Required permissions: https://www.googleapis.com/auth/script.container.ui`,
      );
    expect(emulator.ui.shown).toEqual([]);
    expect(emulator.ui.alerts).toEqual([]);
  });

  it('still lets onOpen build the menu, and a menu item (FULL) show everything', () => {
    const { project: p, emulator } = project(CODE);
    p.open();
    expect(emulator.ui.menus.map((m) => m.title)).toEqual(['ROP Desk']);
    for (const [fn] of SHOWN) p.run(fn);
    expect(emulator.ui.shown.map((s) => s.kind)).toEqual(['sidebar', 'modal', 'modeless']);
    expect(emulator.ui.alerts.map((a) => a.kind)).toEqual(['alert', 'prompt']);
  });
});
