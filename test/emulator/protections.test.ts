// Protected ranges and sheets refuse writes by users who may not edit them
// (https://developers.google.com/apps-script/reference/spreadsheet/protection): the owner, the
// listed editors and, when domain editing is on, users of the owner's Workspace domain may.
import { MSG } from '../../local/emulator';
import { project } from './fixture';

const CODE = `
function protectSettings(domainEdit, warningOnly) {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  var p = sh.getRange('A1:B2').protect().setDescription('settings');
  p.removeEditors(p.getEditors().map(function (u) { return u.getEmail(); }));
  p.addEditor('lead@example.com');
  p.setDomainEdit(domainEdit);
  p.setWarningOnly(warningOnly);
}
function protectSheet() {
  SpreadsheetApp.getActive().getSheets()[0].protect().setDomainEdit(false).removeEditor('head@example.com');
}
function write(a1, v) { SpreadsheetApp.getActive().getSheets()[0].getRange(a1).setValues([[v]]); return 'ok'; }
function canEdit() { return SpreadsheetApp.getActive().getSheets()[0].getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].canEdit(); }
function clearIt(a1) { SpreadsheetApp.getActive().getSheets()[0].getRange(a1).clearContent(); return 'ok'; }
`;

describe('protections', () => {
  it('refuses an editor who is not on the list, with Google’s text, and writes nothing', () => {
    const { project: p, emulator } = project(CODE, { activeUser: 'head@example.com' });
    p.run('protectSettings', [false, false]);
    expect(() => p.run('write', ['A1', 'x'], { user: 'manager@example.com' })).toThrow(
      MSG.protectedCell,
    );
    expect(() => p.run('clearIt', ['B2'], { user: 'manager@example.com' })).toThrow(
      MSG.protectedCell,
    );
    expect(emulator.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('');
    // Outside the protected block, a listed editor and the owner may write.
    expect(p.run('write', ['C3', 'x'], { user: 'manager@example.com' })).toBe('ok');
    expect(p.run('write', ['A1', 'x'], { user: 'lead@example.com' })).toBe('ok');
    expect(p.run('write', ['B2', 'y'], { user: 'head@example.com' })).toBe('ok');
  });

  it('lets the domain in when domain editing is on, unless users are outside it', () => {
    const { project: p, emulator } = project(CODE);
    p.run('protectSettings', [true, false]);
    expect(p.run('write', ['A1', 'x'], { user: 'manager@example.com' })).toBe('ok');
    emulator.setSameDomain(false);
    expect(() => p.run('write', ['A1', 'x'], { user: 'manager@example.com' })).toThrow(
      MSG.protectedCell,
    );
  });

  it('lets everyone write through a warning-only protection', () => {
    const { project: p } = project(CODE);
    p.run('protectSettings', [false, true]);
    expect(p.run('write', ['A1', 'x'], { user: 'manager@example.com' })).toBe('ok');
  });

  it('protects a whole sheet, but never from its owner or from test code', () => {
    const { project: p, emulator } = project(CODE);
    p.run('protectSheet');
    expect(() => p.run('write', ['Z999', 'x'], { user: 'manager@example.com' })).toThrow(
      MSG.protectedCell,
    );
    expect(p.run('write', ['Z999', 'x'], { user: 'head@example.com' })).toBe('ok');
    emulator.spreadsheet.getSheets()[0].getRange('A1').setValue('test code');
  });

  it('answers canEdit() for the user running the script, as the writes are refused', () => {
    const { project: p } = project(CODE, { activeUser: 'head@example.com' });
    p.run('protectSheet');
    expect(p.run('canEdit', [], { user: 'manager@example.com' })).toBe(false);
    expect(p.run('canEdit', [], { user: 'head@example.com' })).toBe(true);
  });
});
