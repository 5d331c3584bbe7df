/**
 * Where Sheets draws a script's menu: createMenu adds a top-level menu; createAddonMenu puts a
 * sub-menu under Extensions, named after the add-on when published, and after the script project
 * in a container-bound script ("Untitled project" until renamed).
 * https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()
 */
import { project } from './fixture';

const CODE = `
function top() { SpreadsheetApp.getUi().createMenu('ROP Desk').addItem('Open', 'top').addToUi(); }
function ext() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'ext').addToUi(); }
`;

describe('menu placement', () => {
  it('puts createMenu in the menu bar under its own caption', () => {
    const { project: p, emulator } = project(CODE);
    p.run('top');
    expect(emulator.ui.menus).toEqual([
      expect.objectContaining({ title: 'ROP Desk', placement: 'menubar', addon: false }),
    ]);
  });

  it('names a bound script’s add-on menu after the project, under Extensions', () => {
    const { project: p, emulator } = project(CODE);
    p.run('ext');
    expect(emulator.ui.menus).toEqual([
      expect.objectContaining({ title: 'Untitled project', placement: 'extensions' }),
    ]);
    const named = project(CODE, { projectName: 'Мой CRM' });
    named.project.run('ext');
    expect(named.emulator.ui.menus[0]).toMatchObject({
      title: 'Мой CRM',
      placement: 'extensions',
    });
  });

  it('names a published add-on’s menu after the add-on', () => {
    const { project: p, emulator } = project(CODE, { addon: true });
    p.run('ext');
    expect(emulator.ui.menus[0]).toMatchObject({ title: 'ROP Desk', placement: 'extensions' });
  });
});
