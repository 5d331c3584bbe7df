// The .xlsx reader keeps numbers exact, reads in one pass whatever the XML, and caps the work.
import { parseAmount } from '../../../src/core/workbook/normalize';
import {
  FileLimitError,
  sharedStrings,
  worksheetRows,
  XLSX_LIMITS,
} from '../../../src/core/crm/files';
import { rowsToRecords } from '../../../src/core/crm/import';

const sheet = (rows: string): string => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

describe('xlsx numeric cells', () => {
  it('stay the same number through the importer (125.125 is not 125 125)', () => {
    const xml = sheet(
      '<row r="1"><c r="A1"><v>125.125</v></c><c r="B1"><v>1234.5</v></c>' +
        '<c r="C1"><v>1.5E+7</v></c><c r="D1"><v>-0.5</v></c><c r="E1"><v>150000</v></c></row>',
    );
    const [row] = worksheetRows(xml, []);
    expect(row.map((v) => parseAmount(v))).toEqual([12513, 123450, 1_500_000_000, -50, 15_000_000]);
    expect(Number(row[0])).toBe(125.125);
  });
});

describe('xlsx reading is linear and capped', () => {
  // Speed is the bench's business (no timed assertions here); a reader that rescanned to the end of
  // the file from every unclosed tag would not finish these within the test's time-out.
  it('reads a worksheet with missing closing tags and keeps what is whole', () => {
    const cells = '<c r="A1"><v>1</v>'.repeat(20_000); // no </c>, no </row>
    const rows = worksheetRows(sheet(`<row r="1"><c r="B1"><v>2</v></c>${cells}`), []);
    expect(rows[0][1]).toBe('2');
    const strings = sharedStrings('<sst>' + '<si><t>x'.repeat(20_000) + '</sst>');
    expect(strings.length).toBeGreaterThan(0);
  });
  it('reads 100,000 rows without </row>, each once', () => {
    const xml = sheet('<row r="1"><c><v>1</v></c>'.repeat(100_000));
    const rows = worksheetRows(xml, [], new Set(), { cells: 1e9, columns: 1e9 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.every((v) => v === '' || v === '1'))).toBe(true);
  });
  it('refuses more columns or cells than the limits', () => {
    const wide = sheet(`<row r="1"><c r="JZ1"><v>1</v></c></row>`);
    expect(() => worksheetRows(wide, [])).toThrow(FileLimitError);
    const many = sheet(`<row r="1">${'<c><v>1</v></c>'.repeat(11)}</row>`);
    expect(() => worksheetRows(many, [], new Set(), { cells: 10, columns: 100 })).toThrow(
      'more than 10 cells',
    );
    expect(XLSX_LIMITS.columns).toBe(256);
  });
});

describe('CSV rows to records', () => {
  it('visits only the mapped columns', () => {
    const touched: number[] = [];
    const row = new Proxy(['Ромашка', 'skip', '+7 495 111-11-11'], {
      get(target, key, recv) {
        if (typeof key === 'string' && /^\d+$/.test(key)) touched.push(Number(key));
        return Reflect.get(target, key, recv) as unknown;
      },
    });
    const [r] = rowsToRecords(
      [row],
      [
        { header: 'Компания', field: 'name' },
        { header: 'x', field: '' },
        { header: 'Телефон', field: 'phone' },
      ],
    );
    expect(r.values).toEqual({ name: ['Ромашка'], phone: ['+7 495 111-11-11'] });
    expect(touched).toEqual([0, 2]);
  });
});
