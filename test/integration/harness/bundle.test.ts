/**
 * The real artifact: dist/Code.js (run `npm run build` first) loaded into node:vm with the
 * emulator as its globals, called as Apps Script would call it.
 */
import { createEmulator } from '../../../local/emulator';
import { loadProject } from '../../../local/harness';

const EXPECTED_MENU = [
  'menuOpenSidebar',
  null,
  'menuSetupWorkbook',
  'menuSetupDemo',
  'menuRefreshDashboard',
  'menuRecalculateFormulas',
  'menuInstructions',
  null,
  'menuRemindersOn',
  'menuRemindersOff',
  'menuRunRemindersNow',
  null,
  'menuPlans',
  'menuPlanDefence',
];

/** The bound script's menu: top-level "ROP Desk", where users look for it. */
function topMenu(project: ReturnType<typeof loadProject>) {
  const menu = project.emulator.ui.menus.find((m) => m.placement === 'menubar');
  if (!menu) throw new Error('no top-level menu was built');
  return menu;
}

function menuFunctions(project: ReturnType<typeof loadProject>): Array<string | null> {
  const menu = topMenu(project);
  expect(menu.title).toBe('ROP Desk');
  expect(project.emulator.ui.menus).toHaveLength(1);
  return menu.items.map((i) => (i.kind === 'item' ? i.functionName : null));
}

describe('dist/Code.js in the harness', () => {
  it('loads without calling any service', () => {
    const emulator = createEmulator();
    emulator.calls.reset();
    const project = loadProject({ emulator });
    expect(emulator.calls.byMethod()).toEqual({});
    expect(project.publicFunctions).toEqual(expect.arrayContaining(['onOpen', 'rpc', 'INN_CHECK']));
    // Only the allow-listed entry points are top-level: no helper ends in '_' or leaks out.
    expect(project.publicFunctions.filter((n) => n.endsWith('_'))).toEqual([]);
  });

  it.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'builds the top-level ROP Desk menu from onOpen in AuthMode.%s',
    (mode) => {
      const project = loadProject();
      project.open({ authMode: mode });
      expect(menuFunctions(project)).toEqual(EXPECTED_MENU);
      // Every menu item names a function the bundle really exposes.
      for (const fn of EXPECTED_MENU) if (fn) expect(project.publicFunctions).toContain(fn);
      const menu = topMenu(project);
      expect(menu.items[0]).toEqual({
        kind: 'item',
        caption: 'Открыть панель',
        functionName: 'menuOpenSidebar',
      });
      if (mode === 'NONE') {
        // Nothing but the menu may be touched before the add-on is used in this file.
        expect(
          Object.keys(project.lastCalls).every((k) =>
            /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k),
          ),
        ).toBe(true);
      }
    },
  );

  it('opens the sidebar with its viewport set by addMetaTag (Google ignores <meta> in the file)', () => {
    const project = loadProject();
    project.run('menuOpenSidebar');
    const [shown] = project.emulator.ui.sidebars;
    expect(shown.metaTags).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
  });

  it('shows the menu in English when the document says so (LIMITED reads properties)', () => {
    const project = loadProject();
    project.emulator.properties.document.set('ropdesk.lang', 'en');
    project.open({ authMode: 'LIMITED' });
    expect(topMenu(project).items[0]).toMatchObject({
      caption: 'Open panel',
    });
    project.open({ authMode: 'NONE' });
    expect(topMenu(project).items[0]).toMatchObject({
      caption: 'Открыть панель',
    });
  });

  it('calls a custom function as a cell would: a range argument arrives as a 2-D array', () => {
    const project = loadProject();
    const sheet = project.emulator.spreadsheet.getSheets()[0];
    sheet.getRange('A1:A3').setNumberFormat('@');
    sheet.getRange('A1:A3').setValues([['7707083893'], ['7707083894'], ['']]);
    const column = sheet.getRange('A1:A3').getValues();
    expect(project.customFunction('INN_CHECK', [column])).toEqual([[true], [false], ['']]);
    expect(project.customFunction('INN_CHECK', ['7707083893'])).toBe(true);
    expect(project.lastCalls).toEqual({});
  });

  it('opens the sidebar from the menu item with the built Sidebar.html', () => {
    const project = loadProject();
    project.run('menuOpenSidebar');
    const [shown] = project.emulator.ui.sidebars;
    expect(shown.title).toBe('ROP Desk');
    expect(shown.content).toContain('<script');
  });
});
