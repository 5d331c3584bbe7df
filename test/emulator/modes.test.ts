import path from 'node:path';
import { createEmulator } from '../../local/emulator';
import { loadProject } from '../../local/harness';
import { bundleDir, project } from './fixture';

const CODE = `
function readCell() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); }
function writeCell() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1); }
function mail() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function trigger() { ScriptApp.newTrigger('readCell').timeBased().everyHours(1).create(); }
function ui() { SpreadsheetApp.getUi(); }
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function props() { return PropertiesService.getDocumentProperties().getProperty('x'); }
function menu() { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'readCell').addToUi(); return Utilities.formatDate(new Date(0), 'UTC', 'yyyy'); }
function doc() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function open() { return SpreadsheetApp.openById('someone-elses').getName(); }
function swallow() { try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1); } catch (e) { return 'caught: ' + e.message; } }
var counter = 0;
function bump() { counter++; return counter; }
`;

describe('auth modes and execution kinds', () => {
  it('lets a custom function read but not write, mail, manage triggers or open UI', () => {
    const { project: p, emulator } = project(CODE);
    emulator.spreadsheet.getSheets()[0].getRange('A1').setValue('v');
    expect(p.customFunction('readCell')).toBe('v');
    expect(() => p.customFunction('writeCell')).toThrow(
      'You do not have permission to call Range.setValue',
    );
    expect(() => p.customFunction('mail')).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
    expect(() => p.customFunction('trigger')).toThrow(
      'You do not have permission to call ScriptApp.newTrigger',
    );
    expect(() => p.customFunction('ui')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(p.customFunction('who')).toEqual(['', '']);
    expect(p.customFunction('swallow')).toBe(
      'caught: You do not have permission to call Range.setValue',
    );
    expect(() => p.customFunction('helper_')).toThrow("Unknown function: 'helper_'.");
  });

  it('allows only menu building in AuthMode.NONE', () => {
    const { project: p, emulator } = project(CODE);
    expect(p.run('menu', [], { authMode: 'NONE' })).toBe('1970');
    expect(emulator.ui.menus[0].items).toEqual([
      { kind: 'item', caption: 'Go', functionName: 'readCell' },
    ]);
    expect(() => p.run('doc', [], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(() => p.run('props', [], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => p.run('who', [], { authMode: 'NONE', user: 'm@example.com' })).toThrow(
      'You do not have permission to call Session.getEffectiveUser',
    );
  });

  it('gives LIMITED the document and properties but no mail or triggers', () => {
    const { project: p } = project(CODE);
    expect(p.run('doc', [], { authMode: 'LIMITED' })).toBe('ROP Desk');
    expect(p.run('props', [], { authMode: 'LIMITED' })).toBeNull();
    expect(() => p.run('mail', [], { authMode: 'LIMITED' })).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => p.run('trigger', [], { authMode: 'LIMITED' })).toThrow('ScriptApp.newTrigger');
  });

  it('checks the manifest scopes: openById needs the spreadsheets scope', () => {
    const { project: p } = project(CODE);
    expect(() => p.run('open')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('fails calls needing consent when authorization is required', () => {
    const { project: p, emulator } = project(CODE);
    emulator.setAuthorizationRequired(true);
    expect(() => p.run('mail')).toThrow('Authorization is required to perform that action.');
    expect(p.run('doc')).toBe('ROP Desk');
  });

  it('runs each execution in a fresh global context', () => {
    const { project: p } = project(CODE);
    expect(p.run('bump')).toBe(1);
    expect(p.run('bump')).toBe(1);
  });

  it('refuses a bundle that calls a service while loading', () => {
    const dir = bundleDir(
      `var ss = SpreadsheetApp.getActiveSpreadsheet();\nfunction f() { return 1; }`,
    );
    expect(() =>
      loadProject({ bundlePath: path.join(dir, 'Code.js'), emulator: createEmulator() }),
    ).toThrow(
      'Loading Code.js called SpreadsheetApp.getActiveSpreadsheet: Apps Script forbids service calls at load time',
    );
  });

  it('reports an unknown function as Apps Script does', () => {
    const { project: p } = project(CODE);
    expect(() => p.run('nope')).toThrow('Script function not found: nope');
  });

  it('records the calls of the last execution', () => {
    const { project: p } = project(CODE);
    p.run('readCell');
    expect(p.lastCalls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 1,
      'Range.getValue': 1,
    });
  });
});

describe('service errors inside the bundle', () => {
  it('are Errors of the bundle realm named Exception', () => {
    const { project: p } = project(`
      function probe() {
        try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); }
        catch (e) { return [e instanceof Error, e.name, e.message, String(e)]; }
      }`);
    expect(p.run('probe')).toEqual([
      true,
      'Exception',
      'The starting row of the range is too small.',
      'Exception: The starting row of the range is too small.',
    ]);
  });
});
