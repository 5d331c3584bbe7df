/**
 * Every error text the emulator throws on behalf of Google, in one place. Texts marked "real"
 * are Google's own wording (parity/checks.ts gives each rule its Google source, docs/parity.md how
 * to check them against real Apps Script); the rest are close paraphrases, easy to change here.
 */
export const MSG = {
  // real
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rowsAtLeastOne: 'The number of rows in the range must be at least 1',
  colsAtLeastOne: 'The number of columns in the range must be at least 1',
  noPermission: (what: string) => `You do not have permission to call ${what}`,
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  mailDaily: 'Service invoked too many times for one day: email.',
  mailPerMessage: 'Limit Exceeded: Email Recipients Per Message.',
  mailBody: 'Limit Exceeded: Email Body Size.',
  invalidEmail: (addr: string) => `Invalid email: ${addr}`,
  timeout: 'Exceeded maximum execution time',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  propertyQuota:
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  argumentTooLarge: (what: string) => `Argument too large: ${what}`,
  functionNotFound: (name: string) => `Script function not found: ${name}`,
  illegalValue: (prop: string) => `Failed due to illegal value in property: ${prop}`,
  outOfBounds: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  sheetDeleted: 'The sheet has been deleted.',
  authRequired: 'Authorization is required to perform that action.',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  /** Range.createFilter on a sheet that has one (the text scripts report catching). */
  filterExists: "You can't create a filter in a sheet that already has a filter.",
  // paraphrased
  rangeOutOfBounds: 'Range not found',
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  invalidA1: (a1: string) => `Range not found: ${a1}`,
  lastSheet: "You can't remove all the sheets in a document.",
  everyMinutes: 'The value passed to everyMinutes must be 1, 5, 10, 15 or 30.',
  validation: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  htmlMissing: (name: string) => `No HTML file named ${name} was found.`,
  namedRangeName: (name: string) => `Invalid named range name: ${name}`,
} as const;

/** Errors thrown by services carry name "Exception" as Google's do ("Exception: …"). */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function fail(message: string): never {
  throw new GasError(message);
}
