import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createEmulator, loadEmulator } from '../../local/emulator';
import { tempDir } from './fixture';

const tmp = () => tempDir('emu-save-');

describe('save and load', () => {
  it('round-trips the workbook and the state through .xlsx + sidecar', async () => {
    const em = createEmulator({ activeUser: 'rop@example.com' });
    const ss = em.spreadsheet;
    const deals = ss.insertSheet('Сделки');
    ss.insertSheet('Настройки', 0);
    deals.getRange('A1:E3').setValues([
      ['ID', 'Дата', 'Сумма', 'Этап', 'ИНН'],
      ['D-000001', '27.11.2026', 150000.5, 'Новая', ''],
      ['D-000002', '01.12.2026 14:30', 7, 'Выиграна', ''],
    ]);
    deals.getRange('E2:E3').setNumberFormat('@');
    deals.getRange('E2:E3').setValues([['0123456789'], ['7707083893']]);
    deals
      .getRange('D2:D100')
      .setDataValidation(
        em.app
          .newDataValidation()
          .requireValueInList(['Новая', 'Выиграна'])
          .setAllowInvalid(false)
          .build(),
      );
    const settings = ss.getSheetByName('Настройки')!;
    settings.getRange('Y2:Y3').setValues([['Анна'], ['Борис']]);
    deals
      .getRange('G2:G100')
      .setDataValidation(
        em.app
          .newDataValidation()
          .requireValueInRange(settings.getRange('Y2:Y3'))
          .setAllowInvalid(false)
          .build(),
      );
    deals.setFrozenRows(1);
    deals.getRange('F1').setFormula('=SUM(C2:C3)');
    ss.setNamedRange('ROP_DEALS', deals.getRange('A1:E3'));
    ss.addDeveloperMetadata('ropdesk.version', '1');
    em.properties.document.set('ropdesk.lang', 'en');
    em.properties.user('rop@example.com').set('k', 'v');
    em.clock.advance(3_600_000);
    const dir = tmp();
    const file = path.join(dir, 'book.xlsx');
    await em.save(file);

    const back = await loadEmulator(file);
    const s2 = back.spreadsheet;
    expect(s2.getSheets().map((s) => s.getName())).toEqual(['Настройки', 'Лист1', 'Сделки']);
    const d2 = s2.getSheetByName('Сделки')!;
    expect(d2.getRange('A1:E3').getValues()).toEqual(deals.getRange('A1:E3').getValues());
    expect(d2.getRange('A1:E3').getDisplayValues()).toEqual(
      deals.getRange('A1:E3').getDisplayValues(),
    );
    expect(d2.getRange('E2').getValue()).toBe('0123456789');
    expect(d2.getRange('E2').getNumberFormat()).toBe('@');
    expect(d2.getRange('F1').getFormula()).toBe('=SUM(C2:C3)');
    expect(d2.getFrozenRows()).toBe(1);
    expect(() => d2.getRange('D50').setValue('Потеряна')).toThrow(
      'violates the data validation rules',
    );
    expect(s2.getRangeByName('ROP_DEALS')!.getA1Notation()).toBe('A1:E3');
    expect(s2.getDeveloperMetadata()[0].getValue()).toBe('1');
    expect(back.properties.document.get('ropdesk.lang')).toBe('en');
    expect(back.properties.user('rop@example.com').get('k')).toBe('v');
    expect(back.clock.now()).toBe(em.clock.now());
    expect(back.activeUser).toBe('rop@example.com');
    expect(s2.getId()).toBe(ss.getId());
  });

  it('writes dates as serials of their wall time in the spreadsheet zone', async () => {
    const em = createEmulator({
      spreadsheetTimeZone: 'Asia/Vladivostok',
      spreadsheetId: 'sheet-42',
    });
    em.spreadsheet.getSheets()[0].getRange('A1').setValue('27.11.2026');
    const file = path.join(tmp(), 'd.xlsx');
    await em.save(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const v = wb.worksheets[0].getCell('A1').value as Date;
    // exceljs reads serials back as UTC: the wall date is 27.11.2026 00:00.
    expect(v.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    const back = await loadEmulator(file);
    expect(back.spreadsheet.getId()).toBe('sheet-42');
    expect(back.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Vladivostok');
    expect((back.spreadsheet.getSheets()[0].getRange('A1').getValue() as Date).toISOString()).toBe(
      '2026-11-26T14:00:00.000Z',
    );
  });

  it('loads a plain .xlsx without a sidecar, with list validations', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Clients');
    ws.getCell('A1').value = 'Name';
    ws.getCell('A2').value = 'ООО Ромашка';
    ws.getCell('B2').value = new Date(Date.UTC(2026, 10, 27));
    ws.getCell('B2').numFmt = 'dd.mm.yyyy';
    ws.getCell('C2').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"a,b"'],
      showErrorMessage: true,
    };
    const file = path.join(tmp(), 'foreign.xlsx');
    await wb.xlsx.writeFile(file);
    const em = await loadEmulator(file);
    const sh = em.spreadsheet.getSheetByName('Clients')!;
    expect(sh.getRange('A2').getValue()).toBe('ООО Ромашка');
    expect((sh.getRange('B2').getValue() as Date).toISOString()).toBe('2026-11-26T21:00:00.000Z');
    expect(sh.getRange('C2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['a', 'b']);
  });

  it('refuses a corrupt workbook or a foreign sidecar with a clear error', async () => {
    const dir = tmp();
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, 'this is not a zip');
    await expect(loadEmulator(bad)).rejects.toThrow(`${bad} is not a readable .xlsx workbook`);
    const em = createEmulator();
    const good = path.join(dir, 'good.xlsx');
    await em.save(good);
    writeFileSync(path.join(dir, 'good.state.json'), '{"something":"else"}');
    await expect(loadEmulator(good)).rejects.toThrow('is not an emulator state file');
    writeFileSync(path.join(dir, 'good.state.json'), '{not json');
    await expect(loadEmulator(good)).rejects.toThrow('is not valid JSON');
  });
});
