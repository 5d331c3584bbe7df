/**
 * src/app holds use-cases and reaches Google only through src/gas. ESLint refuses the services'
 * globals there (eslint.config.mjs); this refuses what a global check cannot see: a raw
 * spreadsheet call on a Google object handed in (`sheet.getRange(...)`). A file the
 * execution-context rewrite still owns is listed until its calls move into gas too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

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

function rawSheetCalls(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
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

describe('src/app makes no raw spreadsheet call', () => {
  it('finds a planted raw sheet call and nothing in a type or a Map call', () => {
    expect(rawSheetCalls('const x = sheet.getRange(1, 1).getValues();')).toEqual([
      '.getValues()',
      '.getRange()',
    ]);
    expect(
      rawSheetCalls('type S = GoogleAppsScript.Spreadsheet.Sheet; m.get(k); m.set(k, v);'),
    ).toEqual([]);
  });

  const files = filesUnder(APP).map((f) => path.relative(APP, f).split(path.sep).join('/'));
  it.each(files)('%s', (file) => {
    expect(rawSheetCalls(fs.readFileSync(path.join(APP, file), 'utf8'), file)).toEqual([]);
  });
});
