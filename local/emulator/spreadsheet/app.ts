/** The SpreadsheetApp global. */
import { GasError } from '../errors';
import { Svc, instrument, type Runtime } from '../runtime';
import { ChartType } from './charts';
import { ConditionalFormatRuleBuilder } from './conditional';
import type { Spreadsheet } from './spreadsheet';
import { Ui, UiLog, Button, ButtonSet } from './ui';
import { DataValidationBuilder, DataValidationCriteria } from './validation';

const names = <T extends string>(...keys: T[]): Record<T, T> =>
  Object.fromEntries(keys.map((k) => [k, k])) as Record<T, T>;

export class SpreadsheetApp extends Svc {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = names('RANGE', 'SHEET');
  readonly DeveloperMetadataVisibility = names('DOCUMENT', 'PROJECT');
  readonly DeveloperMetadataLocationType = names('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN');
  readonly BorderStyle = names(
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  );
  readonly WrapStrategy = names('WRAP', 'OVERFLOW', 'CLIP');
  readonly Dimension = names('COLUMNS', 'ROWS');
  readonly BooleanCriteria = names(
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'CUSTOM_FORMULA',
    'NUMBER_GREATER_THAN',
    'NUMBER_LESS_THAN',
    'TEXT_CONTAINS',
    'TEXT_EQUAL_TO',
    'DATE_BEFORE',
    'DATE_AFTER',
  );
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly ChartType = ChartType;

  constructor(
    rt: Runtime,
    private readonly _book: Spreadsheet,
    private readonly _ui: UiLog,
    private readonly _addonName: string,
    private readonly _hasActive: () => boolean,
  ) {
    super(rt);
  }
  getActiveSpreadsheet(): Spreadsheet | null {
    return this._hasActive() ? this._book : null;
  }
  getActive(): Spreadsheet | null {
    return this._hasActive() ? this._book : null;
  }
  getActiveSheet(): unknown {
    return this._hasActive() ? this._book.getActiveSheet() : null;
  }
  setActiveSheet(sheet: unknown): unknown {
    return this._book.setActiveSheet(sheet as Parameters<Spreadsheet['setActiveSheet']>[0]);
  }
  getActiveRange(): unknown {
    return this._hasActive() ? this._book.getActiveRange() : null;
  }
  openById(id: string): Spreadsheet {
    if (id !== this._book._id)
      throw new GasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this._book;
  }
  openByUrl(url: string): Spreadsheet {
    if (!String(url).includes(this._book._id))
      throw new GasError(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return this._book;
  }
  flush(): void {}
  getUi(): Ui {
    return new Ui(this._rt, this._ui, this._addonName);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._rt);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._rt, this._book._resolve);
  }
}
instrument(SpreadsheetApp, 'SpreadsheetApp');
