import { SHEETS } from '../../../src/core/workbook/schema';
import { freshProject, lastToast, rows, sheet, snapshot, values } from './helpers';

describe('setup on an empty workbook', () => {
  const p = freshProject();
  p.run('menuSetupWorkbook');

  it('creates every sheet in Russian with its headers, frozen and styled', () => {
    const names = p.emulator.spreadsheet.getSheets().map((s) => s.getName());
    for (const def of SHEETS) expect(names).toContain(def.ru);
    for (const def of SHEETS) {
      if (!def.columns.length || def.key === 'settings') continue;
      expect(values(p, def.ru)[0]).toEqual(def.columns.map((c) => c.ru));
      expect(sheet(p, def.ru).getFrozenRows()).toBe(1);
    }
    expect(p.emulator.ui.alerts).toEqual([]);
    expect(lastToast(p)).toContain('Создан лист «Сделки»');
  });

  it('writes the default settings tables and their named ranges', () => {
    const v = values(p, 'Настройки');
    expect(v[0].slice(0, 3)).toEqual(['Параметр', 'Значение', 'Пояснение']);
    const stages = p.emulator.spreadsheet.getRangeByName('ROP_STAGES');
    expect(stages).not.toBeNull();
    const sv = (stages as GoogleAppsScript.Spreadsheet.Range).getValues();
    expect(sv[0]).toEqual(['Этап', 'Вероятность', 'Дней без активности', 'Тип этапа']);
    expect(sv.slice(1, 9).map((r) => r[1])).toEqual([0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 0]);
    for (const n of ['ROP_CALENDAR', 'ROP_BONUS', 'ROP_RATES']) {
      expect(p.emulator.spreadsheet.getRangeByName(n)).not.toBeNull();
    }
    const cal = (
      p.emulator.spreadsheet.getRangeByName('ROP_CALENDAR') as GoogleAppsScript.Spreadsheet.Range
    ).getValues();
    expect(Object.prototype.toString.call(cal[1][0])).toBe('[object Date]');
    const byKey = Object.fromEntries(v.slice(1).map((r) => [r[0], r[1]]));
    expect(byKey['Язык']).toBe('ru');
    expect(byKey['Час напоминаний']).toBe('9');
    expect(byKey['Начало рабочего дня']).toBe('09:00');
  });

  it('formats money, dates and plain-text ids/phones/INN', () => {
    const deals = sheet(p, 'Сделки');
    const header = values(p, 'Сделки')[0];
    const fmt = (name: string) => deals.getRange(2, header.indexOf(name) + 1).getNumberFormat();
    expect(fmt('Сумма')).toBe('#,##0.00 "₽"');
    expect(fmt('Дата следующего шага')).toBe('dd.mm.yyyy');
    expect(fmt('Создана')).toBe('dd.mm.yyyy hh:mm');
    expect(fmt('ID')).toBe('@');
    const clients = sheet(p, 'Клиенты');
    const ch = values(p, 'Клиенты')[0];
    expect(clients.getRange(2, ch.indexOf('Телефон') + 1).getNumberFormat()).toBe('@');
    expect(clients.getRange(2, ch.indexOf('ИНН') + 1).getNumberFormat()).toBe('@');
  });

  it('adds dropdowns, conditional formatting and warning-only header protection', () => {
    const deals = sheet(p, 'Сделки');
    const header = values(p, 'Сделки')[0];
    const stageRule = deals.getRange(2, header.indexOf('Этап') + 1).getDataValidation();
    expect(stageRule?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    const managerRule = deals.getRange(5, header.indexOf('Менеджер') + 1).getDataValidation();
    expect(managerRule?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    const acts = sheet(p, 'Активности');
    const typeRule = acts
      .getRange(2, values(p, 'Активности')[0].indexOf('Тип') + 1)
      .getDataValidation();
    expect(typeRule?.getCriteriaValues()[0]).toEqual(['Звонок', 'Встреча', 'Письмо', 'Сообщение']);
    expect(deals.getConditionalFormatRules()).toHaveLength(2);
    expect(sheet(p, 'Счета').getConditionalFormatRules()).toHaveLength(1);
    const prot = deals.getProtections(
      'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(prot).toHaveLength(1);
    expect(prot[0].isWarningOnly()).toBe(true);
  });

  it('stores the schema version, language and spreadsheet id', () => {
    const doc = p.emulator.properties.document;
    expect(doc.get('ropdesk.schemaVersion')).toBe('1');
    expect(doc.get('ropdesk.lang')).toBe('ru');
    expect(doc.get('ropdesk.spreadsheetId')).toBe(p.emulator.spreadsheet.getId());
  });

  it('changes nothing when run again, and says so', () => {
    const before = snapshot(p);
    p.run('menuSetupWorkbook');
    expect(snapshot(p)).toEqual(before);
    expect(lastToast(p)).toContain('ничего не изменено');
  });
});

describe('setup on a workbook in use', () => {
  it('keeps data, reordered and extra user columns, adds only what is missing', () => {
    const p = freshProject();
    const ss = p.emulator.spreadsheet;
    const deals = ss.insertSheet('Сделки');
    // Reordered columns, an extra user column, required ones present, most optional ones missing.
    deals.getRange(1, 1, 3, 6).setValues([
      ['Этап', 'Моя пометка', 'ID', 'Менеджер', 'ID клиента', 'Сумма'],
      ['Квалификация', 'важно', 'D-000001', 'ivan@firm.ru', 'C-000001', 1000],
      ['Проиграна', '=1+1', 'D-000002', 'ivan@firm.ru', 'C-000002', ''],
    ]);
    const settings = ss.insertSheet('Настройки');
    settings.getRange(1, 1, 2, 2).setValues([
      ['Параметр', 'Значение'],
      ['Час напоминаний', '8'],
    ]);
    p.emulator.calls.reset();
    p.run('menuSetupWorkbook');
    const v = values(p, 'Сделки');
    expect(v[0].slice(0, 6)).toEqual([
      'Этап',
      'Моя пометка',
      'ID',
      'Менеджер',
      'ID клиента',
      'Сумма',
    ]);
    expect(v[0]).toContain('Следующий шаг');
    expect(v[1].slice(0, 6)).toEqual([
      'Квалификация',
      'важно',
      'D-000001',
      'ivan@firm.ru',
      'C-000001',
      1000,
    ]);
    expect(deals.getRange(3, 2).getFormula()).toBe('=1+1');
    expect(lastToast(p)).toMatch(/Сделки.*добавлены столбцы/);
    // The user's setting stays; the missing rows and tables are added.
    const sv = rows(p, 'Настройки');
    expect(sv.find((r) => r['Параметр'] === 'Час напоминаний')?.['Значение']).toBe(8);
    expect(sv.some((r) => r['Параметр'] === 'Язык')).toBe(true);
    expect(ss.getRangeByName('ROP_STAGES')).not.toBeNull();
    const before = snapshot(p);
    p.run('menuSetupWorkbook');
    expect(snapshot(p)).toEqual(before);
  });

  it('refuses a workbook made by a newer version, touching nothing', () => {
    const p = freshProject();
    p.emulator.properties.document.set('ropdesk.schemaVersion', '99');
    p.run('menuSetupWorkbook');
    expect(p.emulator.spreadsheet.getSheetByName('Сделки')).toBeNull();
    expect(p.emulator.ui.alerts[0]?.message ?? JSON.stringify(p.emulator.ui.alerts)).toContain(
      'более новой версией',
    );
  });

  it('builds an English workbook when the language is English', () => {
    const p = freshProject();
    p.emulator.properties.document.set('ropdesk.lang', 'en');
    p.run('menuSetupWorkbook');
    expect(p.emulator.spreadsheet.getSheetByName('Deals')).not.toBeNull();
    expect(values(p, 'Deals')[0][0]).toBe('ID');
    expect(values(p, 'Settings')[1][1]).toBe('en');
  });
});
