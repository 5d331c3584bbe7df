/**
 * The emulator's rules as checks that run unchanged in real Apps Script (parity/main.ts, built by
 * `npm run parity:build`) and in the emulator (parity/emulator.ts). Each check says what Google
 * documents, with the page; `unverified` marks what Google does not document and we believe
 * (one real run settles it). A new emulator rule is a new check here.
 *
 * Contexts: `script` runs from a menu item / the editor (AuthMode.FULL) with a fresh scratch
 * sheet; `custom` runs inside a custom function (a cell `=PARITY_CUSTOM("id")`); `simple` inside
 * the simple onOpen trigger; `rpc` returns a value whose arrival in the browser through
 * google.script.run is the observation.
 */
import type { Json, Observation } from './observe';

export type Context = 'script' | 'custom' | 'simple' | 'rpc';

export interface Check {
  id: string;
  context: Context;
  /** What Google documents (or, when `unverified`, what the emulator claims). */
  expected: Observation;
  source: string;
  unverified?: boolean;
  /** `scratch`: a fresh sheet (script checks); `event`: the trigger's event (simple checks). */
  run(scratch: GoogleAppsScript.Spreadsheet.Sheet | null, event?: { authMode?: unknown }): unknown;
}

const value = (v: Json): Observation => ({ value: v });
const error = (message: string): Observation => ({ error: message });
const date = (iso: string): Json => ({ $date: iso });

const DOCS = 'https://developers.google.com/apps-script';
const RANGE = `${DOCS}/reference/spreadsheet/range`;
const SCOPE = 'https://www.googleapis.com/auth/';

function sheet(s: GoogleAppsScript.Spreadsheet.Sheet | null): GoogleAppsScript.Spreadsheet.Sheet {
  if (!s) throw new Error('this check needs a scratch sheet');
  return s;
}

/** Types `text` into A1 of the scratch sheet; returns [formula, value]. */
function typed(s: GoogleAppsScript.Spreadsheet.Sheet | null, text: string): unknown[] {
  const range = sheet(s).getRange('A1');
  range.setValues([[text]]);
  SpreadsheetApp.flush();
  return [range.getFormula(), range.getValue()];
}

/** Types an ISO date into a cell of a spreadsheet set to `zone`; returns the Date read back. */
function typedDateIn(s: GoogleAppsScript.Spreadsheet.Sheet | null, zone: string): unknown {
  const ss = SpreadsheetApp.getActive();
  ss.setSpreadsheetTimeZone(zone);
  const range = sheet(s).getRange('A1');
  range.setValue('2026-11-01');
  SpreadsheetApp.flush();
  return range.getValue();
}

function failMessage(fn: () => unknown): unknown {
  fn();
  return 'no error';
}

export const CHECKS: Check[] = [
  // ---- value types ------------------------------------------------------------------------
  {
    id: 'values-empty-cell',
    context: 'script',
    expected: value(''),
    source: `${RANGE}#getValue()`,
    run: (s) => sheet(s).getRange('A1').getValue(),
  },
  {
    id: 'values-types',
    context: 'script',
    expected: value([[42, true, 'x', '']]),
    source: `${RANGE}#getValues()`,
    run: (s) => {
      const r = sheet(s).getRange('A1:D1');
      r.setValues([[42, true, 'x', '']]);
      return r.getValues();
    },
  },
  {
    id: 'values-percent',
    context: 'script',
    expected: value(0.25),
    source: `${RANGE}#getValue()`,
    run: (s) => {
      sheet(s).getRange('A1').setValue('25%');
      return sheet(s).getRange('A1').getValue();
    },
  },
  {
    id: 'values-date-object',
    context: 'script',
    expected: value(date('2026-10-31T21:00:00.000Z')),
    source: `${RANGE}#getValue()`,
    run: (s) => typedDateIn(s, 'Europe/Moscow'),
  },
  // ---- error texts --------------------------------------------------------------------------
  {
    id: 'error-rows-mismatch',
    context: 'script',
    expected: error(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ),
    source: `${RANGE}#setValues(Object)`,
    run: (s) =>
      failMessage(() =>
        sheet(s)
          .getRange('A1:A2')
          .setValues([[1]]),
      ),
  },
  {
    id: 'error-zero-rows',
    context: 'script',
    expected: error('The number of rows in the range must be at least 1'),
    source: `${DOCS}/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)`,
    run: (s) => failMessage(() => sheet(s).getRange(2, 1, 0, 1)),
  },
  {
    id: 'error-outside-grid',
    context: 'script',
    expected: error('The coordinates of the range are outside the dimensions of the sheet.'),
    source: `${DOCS}/reference/spreadsheet/sheet#getRange(Integer,Integer)`,
    run: (s) =>
      failMessage(() =>
        sheet(s)
          .getRange(sheet(s).getMaxRows() + 1, 1)
          .getValue(),
      ),
  },
  {
    id: 'error-cell-too-long',
    context: 'script',
    expected: error(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    ),
    source: 'https://support.google.com/drive/answer/37603',
    unverified: true,
    run: (s) =>
      failMessage(() => {
        sheet(s).getRange('A1').setValue('x'.repeat(50_001));
        SpreadsheetApp.flush();
      }),
  },
  {
    // The apostrophe that keeps text literal is not stored, but is it counted? ROP Desk's
    // formula-injection guard adds one to text of up to 50,000 characters.
    id: 'error-cell-apostrophe-counts',
    context: 'script',
    expected: error(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    ),
    source: 'https://support.google.com/drive/answer/37603',
    unverified: true,
    run: (s) =>
      failMessage(() => {
        sheet(s)
          .getRange('A1')
          .setValue(`'=${'x'.repeat(49_999)}`);
        SpreadsheetApp.flush();
      }),
  },
  {
    id: 'error-cell-50000-fits',
    context: 'script',
    expected: value(50_000),
    source: 'https://support.google.com/drive/answer/37603',
    run: (s) => {
      sheet(s).getRange('A1').setValue('x'.repeat(50_000));
      SpreadsheetApp.flush();
      return String(sheet(s).getRange('A1').getValue()).length;
    },
  },
  // ---- USER_ENTERED parsing of setValues ------------------------------------------------------
  {
    id: 'typed-apostrophe',
    context: 'script',
    expected: value(['', '=1+1']),
    source: `${RANGE}#setValues(Object)`,
    unverified: true,
    run: (s) => typed(s, "'=1+1"),
  },
  {
    id: 'typed-leading-zero',
    context: 'script',
    expected: value(['', 123]),
    source: `${RANGE}#setValues(Object)`,
    unverified: true,
    run: (s) => typed(s, '0123'),
  },
  {
    id: 'typed-plain-text-format',
    context: 'script',
    expected: value(['', '0123']),
    source: `${RANGE}#setNumberFormat(String)`,
    run: (s) => {
      sheet(s).getRange('A1').setNumberFormat('@');
      return typed(s, '0123');
    },
  },
  {
    id: 'typed-formula-plus',
    context: 'script',
    expected: value(['=+7+7', 14]),
    source: `${RANGE}#setValues(Object)`,
    unverified: true,
    run: (s) => typed(s, '+7+7'),
  },
  {
    id: 'typed-formula-minus-name',
    context: 'script',
    expected: value(['=-abc', '#NAME?']),
    source: `${RANGE}#setValues(Object)`,
    unverified: true,
    run: (s) => typed(s, '-abc'),
  },
  {
    id: 'typed-formula-dash-sentence',
    context: 'script',
    expected: value(['', '- call back tomorrow']),
    source: `${RANGE}#setValues(Object)`,
    unverified: true,
    run: (s) => typed(s, '- call back tomorrow'),
  },
  {
    id: 'typed-formula-at',
    context: 'script',
    expected: value(['', '@SUM(A1:A2)']),
    source: `${RANGE}#setValues(Object)`,
    unverified: true,
    run: (s) => typed(s, '@SUM(A1:A2)'),
  },
  // ---- time zones ---------------------------------------------------------------------------
  {
    id: 'zone-typed-date-utc+14',
    context: 'script',
    expected: value(date('2026-10-31T10:00:00.000Z')),
    source: `${DOCS}/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()`,
    run: (s) => typedDateIn(s, 'Pacific/Kiritimati'),
  },
  {
    id: 'zone-typed-date-utc-11',
    context: 'script',
    expected: value(date('2026-11-01T11:00:00.000Z')),
    source: `${DOCS}/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()`,
    run: (s) => typedDateIn(s, 'Pacific/Pago_Pago'),
  },
  {
    id: 'zone-format-date',
    context: 'script',
    expected: value('2026-11-01 14:00 +1400'),
    source: `${DOCS}/reference/utilities/utilities#formatDate(Date,String,String)`,
    run: () =>
      Utilities.formatDate(
        new Date(Date.UTC(2026, 10, 1, 0, 0)),
        'Pacific/Kiritimati',
        'yyyy-MM-dd HH:mm Z',
      ),
  },
  // ---- google.script.run serialization ------------------------------------------------------
  {
    id: 'rpc-date-nulls-result',
    context: 'rpc',
    expected: value(null),
    source: `${DOCS}/guides/html/reference/run#parameters`,
    run: () => ({ n: 1, when: new Date(0) }),
  },
  {
    id: 'rpc-undefined-in-array',
    context: 'rpc',
    expected: value([1, null, 'x']),
    source: `${DOCS}/guides/html/communication#parameters_and_return_values`,
    unverified: true,
    run: () => [1, undefined, 'x'],
  },
  {
    id: 'rpc-undefined-property',
    context: 'rpc',
    expected: value({ a: 1 }),
    source: `${DOCS}/guides/html/communication#parameters_and_return_values`,
    unverified: true,
    run: () => ({ a: 1, b: undefined }),
  },
  {
    id: 'rpc-plain-object',
    context: 'rpc',
    expected: value({ list: [1, 'two', true, null], nested: { ok: true } }),
    source: `${DOCS}/guides/html/reference/run#parameters`,
    run: () => ({ list: [1, 'two', true, null], nested: { ok: true } }),
  },
  // ---- custom functions ---------------------------------------------------------------------
  {
    id: 'custom-write-refused',
    context: 'custom',
    expected: error('You do not have permission to call Range.setValue'),
    source: `${DOCS}/guides/sheets/functions#using_apps_script_services`,
    unverified: true,
    run: () => SpreadsheetApp.getActive().getSheets()[0].getRange('Z1').setValue(1),
  },
  {
    id: 'custom-get-ui',
    context: 'custom',
    expected: error('Cannot call SpreadsheetApp.getUi() from this context.'),
    source: `${DOCS}/guides/sheets/functions#using_apps_script_services`,
    unverified: true,
    run: () => SpreadsheetApp.getUi(),
  },
  {
    id: 'custom-active-user',
    context: 'custom',
    expected: value(''),
    source: `${DOCS}/reference/base/session#getActiveUser()`,
    run: () => Session.getActiveUser().getEmail(),
  },
  {
    id: 'custom-read-allowed',
    context: 'custom',
    expected: value('string'),
    source: `${DOCS}/guides/sheets/functions#using_apps_script_services`,
    run: () => typeof SpreadsheetApp.getActive().getName(),
  },
  // ---- simple triggers ----------------------------------------------------------------------
  {
    id: 'simple-auth-mode',
    context: 'simple',
    expected: value('LIMITED'),
    source: `${DOCS}/guides/triggers/events#open`,
    run: (_s, e) => String(e?.authMode),
  },
  {
    id: 'simple-show-sidebar',
    context: 'simple',
    expected: error(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${SCOPE}script.container.ui`,
    ),
    source: `${DOCS}/guides/triggers#restrictions`,
    unverified: true,
    run: () => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>parity</p>')),
  },
  {
    id: 'simple-alert',
    context: 'simple',
    expected: error(
      `You do not have permission to call Ui.alert. Required permissions: ${SCOPE}script.container.ui`,
    ),
    source: `${DOCS}/guides/triggers#restrictions`,
    unverified: true,
    run: () => SpreadsheetApp.getUi().alert('parity'),
  },
  {
    id: 'simple-mail-refused',
    context: 'simple',
    expected: error(
      `You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: ${SCOPE}script.send_mail`,
    ),
    source: `${DOCS}/guides/triggers#restrictions`,
    unverified: true,
    run: () => MailApp.getRemainingDailyQuota(),
  },
  {
    id: 'simple-document-allowed',
    context: 'simple',
    expected: value('string'),
    source: `${DOCS}/guides/triggers#restrictions`,
    run: () => typeof SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue(),
  },
];

export function checksIn(context: Context): Check[] {
  return CHECKS.filter((c) => c.context === context);
}
