/** Leads from a linked Google Form (bundle trigger) and from CSV / .xlsx files. */
import ExcelJS from 'exceljs';
import * as crm from '../../../src/app/crm';
import { book } from './helpers';
import { rows, setUpProject, thrown, withServices } from './helpers';

describe('Google Form responses', () => {
  it('setup installs the form trigger once; a response becomes a client and a deal', () => {
    const p = setUpProject();
    p.run('menuSetupWorkbook');
    const triggers = p.emulator.triggers.list().filter((t) => t.handler === 'onFormSubmit');
    expect(triggers).toHaveLength(1);
    p.submitForm('Ответы на форму (1)', {
      'Название компании': 'ООО «Из формы»',
      'Ваше имя': 'Сергей',
      Телефон: '8 916 000 11 22',
      Email: 'SERGEY@forma.ru',
      'Что вас интересует': 'Нужен расчёт поставки',
      'Удобное время звонка': 'после 15:00',
    });
    const [c] = rows(p, 'Клиенты');
    expect(c).toMatchObject({
      ID: 'C-000001',
      Клиент: 'ООО «Из формы»',
      Телефон: '+79160001122',
      Email: 'sergey@forma.ru',
      Источник: 'Google Форма',
      Менеджер: 'ivan@firm.ru',
    });
    const [d] = rows(p, 'Сделки');
    expect(d['Этап']).toBe('Новая заявка');
    expect(String(d['Потребность'])).toContain('Нужен расчёт поставки');
    expect(String(d['Потребность'])).toContain('Удобное время звонка: после 15:00');
    expect(rows(p, 'Журнал').some((l) => String(l['Сообщение']).includes('C-000001'))).toBe(true);
  });

  it('keeps a response with a mistyped phone, and adds a returning client a deal, not a card', () => {
    const p = setUpProject();
    p.run('menuSetupWorkbook');
    const send = (phone: string) =>
      p.submitForm('Ответы', { Компания: 'Гранит', Телефон: phone, Комментарий: 'Перезвоните' });
    send('12345');
    send('8 916 000 11 22');
    send('+7 916 000-11-22');
    const clients = rows(p, 'Клиенты');
    expect(clients).toHaveLength(1);
    expect(rows(p, 'Сделки')).toHaveLength(3);
    expect(String(rows(p, 'Сделки')[0]['Потребность'])).toContain('12345');
  });
});

function csvBase64(text: string, encoding: 'utf8' | 'cp1251' = 'utf8'): string {
  if (encoding === 'utf8') return Buffer.from(`\ufeff${text}`, 'utf8').toString('base64');
  const table = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
  const bytes = [...text].map((ch) => {
    const i = table.indexOf(ch);
    if (i >= 0) return 0xc0 + i;
    if (ch === 'ё') return 0xb8;
    if (ch === 'Ё') return 0xa8;
    if (ch === '«') return 0xab;
    if (ch === '»') return 0xbb;
    return ch.charCodeAt(0);
  });
  return Buffer.from(bytes).toString('base64');
}

describe('file import', () => {
  const amo = [
    'Название сделки;Бюджет;Ответственный;Компания;Полное имя контакта;Рабочий телефон;Рабочий email;ИНН;Примечание',
    'Поставка;150 000;Анна Козлова;ООО «Альфа»;Иван Альфин;8 (495) 111-11-11;ivan@alfa.ru;7707083893;Срочно',
    ';;;ООО «Бета»;;;;;Без контактов',
    'Ещё;1000;;Альфа ООО;;;;;',
    ';;;ООО «Гамма»;Гамма Петровна;+7 495 333 33 33;gamma@g.ru;7707083894;',
    ';;;"ООО ""Дельта""";;"+7 495 444-44-44";;;"Многострочный\nкомментарий; с точкой с запятой"',
  ].join('\r\n');

  it('previews without writing, then imports: added / merged / rejected with reasons', () => {
    const p = setUpProject();
    withServices(p.emulator, () =>
      crm.addLead(book(), { clientName: 'Альфа', phone: '+7 495 999 99 99', need: 'x' }),
    );
    const before = rows(p, 'Клиенты').length;
    const file = { name: 'amocrm_export.csv', base64: csvBase64(amo, 'cp1251') };
    const preview = withServices(p.emulator, () => crm.previewImport(book(), file));
    expect(preview).toMatchObject({ format: 'csv', totalRows: 5, toAdd: 1, toMerge: 2 });
    expect(preview.columns.map((c) => c.field)).toEqual([
      'title',
      'amount',
      'manager',
      'name',
      'contactName',
      'phone',
      'email',
      'inn',
      'need',
    ]);
    expect(rows(p, 'Клиенты')).toHaveLength(before);
    const report = withServices(p.emulator, () => crm.runImport(book(), file));
    expect(report.added).toBe(1);
    expect(report.merged.map((m) => m.row)).toEqual([2, 4]);
    expect(report.merged[0].dealId).toMatch(/^D-/);
    expect(report.rejected.map((r) => r.row)).toEqual([3, 5]);
    expect(report.rejected[0].reasons[0]).toBe('нет ни телефона, ни email');
    expect(report.rejected[1].reasons[0]).toContain('не проходит проверку контрольной суммы');
    const delta = rows(p, 'Клиенты').find((c) => c['Клиент'] === 'ООО "Дельта"');
    expect(delta).toMatchObject({ Телефон: '+74954444444', Источник: 'Импорт' });
    const deals = rows(p, 'Сделки');
    expect(deals.find((d) => d['Клиент'] === 'ООО "Дельта"')?.['Потребность']).toBe(
      'Многострочный\nкомментарий; с точкой с запятой',
    );
    expect(deals.find((d) => d['Сделка'] === 'Поставка')).toMatchObject({
      Сумма: 150000,
      Менеджер: 'anna@firm.ru',
    });
  });

  it('reads a Bitrix24-style .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лиды');
    ws.addRow([
      'Название лида',
      'Имя',
      'Фамилия',
      'Название компании',
      'Мобильный телефон',
      'Рабочий e-mail',
      'Сумма',
      'Дата создания',
    ]);
    ws.addRow([
      'Заявка с сайта',
      'Олег',
      'Орлов',
      'ИП Орлов',
      '89031234567',
      'oleg@orlov.ru',
      25000,
      new Date(Date.UTC(2026, 10, 20)),
    ]);
    ws.addRow(['Пусто', '', '', '', '', '', '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const p = setUpProject();
    const report = withServices(p.emulator, () =>
      crm.runImport(book(), { name: 'bitrix.xlsx', base64: buf.toString('base64') }),
    );
    expect(report.added).toBe(1);
    expect(report.rejected).toEqual([{ row: 3, reasons: ['нет названия клиента и контакта'] }]);
    expect(rows(p, 'Клиенты')[0]).toMatchObject({
      Клиент: 'ИП Орлов',
      'Контактное лицо': 'Орлов Олег',
      Телефон: '+79031234567',
    });
  });

  it('refuses files it cannot use, naming them', () => {
    const p = setUpProject();
    const go = (name: string, text: string) =>
      thrown(() =>
        withServices(p.emulator, () =>
          crm.runImport(book(), { name, base64: Buffer.from(text).toString('base64') }),
        ),
      );
    expect(go('x.pdf', '%PDF')).toMatchObject({ key: 'crm.import.unsupported' });
    expect(go('x.csv', 'a;b\n1;2')).toMatchObject({ key: 'crm.import.noHeader' });
    expect(go('x.csv', 'Компания;Телефон')).toMatchObject({ key: 'crm.import.empty' });
    expect(go('x.xlsx', 'not a zip')).toMatchObject({ key: 'crm.import.badFile' });
  });
});
