/**
 * src/app holds use-cases and reaches Google only through src/gas: no Apps Script global, and no
 * raw spreadsheet call on a Google object. Files the execution-context rewrite still owns are
 * listed until that rewrite moves their calls into gas too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const GLOBALS = new Set([
  'SpreadsheetApp',
  'Session',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'MailApp',
  'GmailApp',
  'Utilities',
  'HtmlService',
  'CacheService',
  'UrlFetchApp',
  'DriveApp',
]);
/** Methods only Google's Spreadsheet objects have (a Map's get/set are fine). */
const SHEET_METHODS = new Set([
  'getRange',
  'getValues',
  'setValues',
  'getValue',
  'setValue',
  'getDataRange',
  'getFormulas',
  'getNotes',
  'setNotes',
  'getSheetByName',
  'insertSheet',
  'getSheets',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'toast',
  'getUi',
  'getSpreadsheetTimeZone',
]);
const PENDING = new Set(['rpc/context.ts', 'crm/session.ts', 'crm/records.ts', 'analytics.ts']);

function googleCalls(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isMemberName = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const inType = ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent);
      if (!isMemberName && !inType) found.push(node.text);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SHEET_METHODS.has(node.expression.name.text)
    ) {
      found.push(`.${node.expression.name.text}()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const APP = path.join(__dirname, '../../src/app');

describe('src/app calls Google only through src/gas', () => {
  it('finds a planted global and a planted raw sheet call', () => {
    expect(
      googleCalls('SpreadsheetApp.flush(); const x = sheet.getRange(1, 1).getValues();'),
    ).toEqual(['SpreadsheetApp', '.getValues()', '.getRange()']);
    expect(
      googleCalls('type S = GoogleAppsScript.Spreadsheet.Sheet; m.get(k); o.Session;'),
    ).toEqual([]);
  });

  const files = filesUnder(APP)
    .map((f) => path.relative(APP, f).split(path.sep).join('/'))
    .filter((f) => !PENDING.has(f));
  it.each(files)('%s', (file) => {
    expect(googleCalls(fs.readFileSync(path.join(APP, file), 'utf8'), file)).toEqual([]);
  });
});
