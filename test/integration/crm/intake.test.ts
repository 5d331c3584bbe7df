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
    // The same name without a matching contact is not merged: a flagged card of its own, with
    // the phone the person gave; the third answer (same phone) joins that second card.
    const clients = rows(p, 'Клиенты');
    expect(clients).toHaveLength(2);
    expect(clients[1]).toMatchObject({ Клиент: 'Гранит', Телефон: '+79160001122' });
    expect(String(clients[1]['Потребность'])).toContain(
      'Возможный дубль C-000001 (совпало: название)',
    );
    const deals = rows(p, 'Сделки');
    expect(deals).toHaveLength(3);
    expect(deals.map((d) => d['ID клиента'])).toEqual(['C-000001', 'C-000002', 'C-000002']);
    expect(String(deals[0]['Потребность'])).toContain('12345');
  });

  it('cuts an answer longer than a cell with a visible marker and still makes the lead', () => {
    const p = setUpProject();
    p.run('menuSetupWorkbook');
    p.submitForm('Ответы', {
      Компания: 'ООО «Многословие»',
      Телефон: '+7 495 123-45-67',
      Комментарий: 'а'.repeat(50_000), // the most a cell of the responses sheet holds
      'Удобное время звонка': 'после 15:00', // joins the need, which now exceeds a cell
    });
    const [d] = rows(p, 'Сделки');
    const need = String(d['Потребность']);
    expect(need.length).toBeLessThanOrEqual(50_000);
    expect(need.slice(-60)).toMatch(/… \[обрезано \d+ симв\.\]$/);
    expect(rows(p, 'Клиенты')[0]).toMatchObject({ Телефон: '+74951234567' });
  });

  it('never merges on a name alone or over a conflicting INN or phone', () => {
    const p = setUpProject();
    p.run('menuSetupWorkbook');
    // Every response answers the same questions (a form's sheet has one header).
    const send = (answers: Record<string, string>) =>
      p.submitForm('Ответы', { Компания: '', Телефон: '', ИНН: '', Email: '', ...answers });
    send({ Компания: 'ООО «Ромашка»', Телефон: '+7 495 111-11-11', ИНН: '7707083893' });
    send({ Компания: 'Ромашка', Телефон: '+7 495 222-22-22', ИНН: '7707083893' }); // phone differs
    send({ Компания: 'Ромашка', Телефон: '+7 495 111-11-11', ИНН: '7736207543' }); // INN differs
    send({ Компания: 'ООО Ромашка', Email: 'new@romashka.ru' }); // the name only
    send({ Компания: 'Ромашка', Телефон: '84951111111', ИНН: '7707083893' }); // a clean match
    const clients = rows(p, 'Клиенты');
    expect(clients).toHaveLength(4);
    expect(clients.slice(1).map((c) => String(c['Потребность']))).toEqual([
      expect.stringContaining('Возможный дубль C-000001'),
      expect.stringContaining('Возможный дубль C-000001'),
      expect.stringContaining('Возможный дубль C-000001'),
    ]);
    expect(clients.map((c) => [c['Телефон'], c['ИНН'], c['Email']])).toEqual([
      ['+74951111111', '7707083893', ''],
      ['+74952222222', '7707083893', ''],
      ['+74951111111', '7736207543', ''],
      ['', '', 'new@romashka.ru'],
    ]);
    expect(rows(p, 'Сделки').map((d) => d['ID клиента'])).toEqual([
      'C-000001',
      'C-000002',
      'C-000003',
      'C-000004',
      'C-000001',
    ]);
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
    // «ООО «Альфа»» has another phone than the existing «Альфа»: a flagged new client; «Альфа
    // ООО» matches on the name only and has no contacts of its own: rejected, saying so.
    expect(preview).toMatchObject({ format: 'csv', totalRows: 5, toAdd: 2, toMerge: 0 });
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
    expect(report.added).toBe(2);
    expect(report.merged).toEqual([]);
    expect(report.rejected.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(report.rejected[0].reasons[0]).toBe('нет ни телефона, ни email');
    expect(report.rejected[1].reasons).toEqual([
      'нет ни телефона, ни email',
      expect.stringMatching(/^Возможный дубль C-00000[12] \(совпало: название\)/),
    ]);
    expect(report.rejected[2].reasons[0]).toContain('не проходит проверку контрольной суммы');
    const alfa = rows(p, 'Клиенты').find((c) => c['Клиент'] === 'ООО «Альфа»');
    expect(alfa).toMatchObject({
      Телефон: '+74951111111',
      Email: 'ivan@alfa.ru',
      ИНН: '7707083893',
    });
    expect(String(alfa?.['Потребность'])).toContain('Возможный дубль C-000001');
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
    // Over the size limit: "too large", whatever the format would have been.
    for (const name of ['big.xlsx', 'big.csv', 'big.pdf']) {
      expect(go(name, 'x'.repeat(20 * 1024 * 1024 + 1))).toMatchObject({
        key: 'crm.import.fileTooLarge',
        params: { name, mb: 20 },
      });
    }
    const wide = ['Компания', 'Телефон', ...Array.from({ length: 300 }, (_, i) => `c${i}`)];
    expect(go('wide.csv', `${wide.join(';')}\nА;+74951111111`)).toMatchObject({
      key: 'crm.import.tooMany.columns',
    });
  });

  it('refuses an amount above the sane bound, naming the field', () => {
    const p = setUpProject();
    const e = thrown(() =>
      withServices(p.emulator, () =>
        crm.addLead(book(), {
          clientName: 'ООО «Ноль лишний»',
          phone: '+7 495 777-77-77',
          need: 'x',
          title: 'Поставка',
          amount: '15 000 000 000 000',
        }),
      ),
    );
    expect(e.fields).toEqual([
      expect.objectContaining({ field: 'amount', key: 'crm.field.amountTooLarge' }),
    ]);
    expect(rows(p, 'Клиенты')).toHaveLength(0);
  });

  it('keeps xlsx numbers exact: 125.125 roubles is not 125 125', async () => {
    const p = setUpProject();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лиды');
    ws.addRow(['Компания', 'Телефон', 'Сумма', 'Название сделки']);
    ws.addRow(['ООО «Точность»', '+7 495 555-55-55', 125.125, 'Поставка']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    withServices(p.emulator, () => crm.runImport(book(), { name: 'leads.xlsx', base64 }));
    expect(rows(p, 'Сделки')[0]['Сумма']).toBe(125.13);
  });
});
