/**
 * Every CRM operation with good and bad input, run against the emulator's services on a workbook
 * set up by the bundle.
 */
import * as crm from '../../../src/app/crm';
import { book } from './helpers';
import { t } from '../../../src/core/i18n';
import type { Project } from '../../../local/harness';
import { rows, setUpProject, sheet, thrown, values, withServices } from './helpers';

const lead = (over: Record<string, unknown> = {}) => ({
  clientName: 'ООО «Ромашка»',
  contactName: 'Мария Иванова',
  phone: '8 (916) 123-45-67',
  email: 'Maria@Romashka.RU',
  inn: '7707083893',
  need: 'Поставка упаковки, 2 раза в месяц',
  firstConversation: 'Обсудили объёмы, ждут КП',
  nextStep: 'Отправить КП',
  nextStepDate: '01.12.2026',
  ...over,
});

function run<T>(p: Project, fn: () => T): T {
  return withServices(p.emulator, fn);
}

describe('addLead', () => {
  it('records client, deal, first activity and stage history; assigns round-robin', () => {
    const p = setUpProject();
    const r = run(p, () => crm.addLead(book(), lead()));
    expect(r).toMatchObject({
      status: 'created',
      clientId: 'C-000001',
      dealId: 'D-000001',
      activityId: 'A-000001',
      manager: 'ivan@firm.ru',
    });
    const [client] = rows(p, 'Клиенты');
    expect(client).toMatchObject({
      ID: 'C-000001',
      Клиент: 'ООО «Ромашка»',
      Телефон: '+79161234567',
      Email: 'maria@romashka.ru',
      ИНН: '7707083893',
      Менеджер: 'ivan@firm.ru',
    });
    const [deal] = rows(p, 'Сделки');
    expect(deal).toMatchObject({
      ID: 'D-000001',
      'ID клиента': 'C-000001',
      Этап: 'Новая заявка',
      'Что обсуждали': 'Обсудили объёмы, ждут КП',
      'Следующий шаг': 'Отправить КП',
    });
    expect(Object.prototype.toString.call(deal['Первая активность'])).toBe('[object Date]');
    expect(rows(p, 'История этапов')[0]).toMatchObject({
      'ID сделки': 'D-000001',
      'В этап': 'Новая заявка',
    });
    expect(rows(p, 'Активности')[0]).toMatchObject({
      ID: 'A-000001',
      Тип: 'Звонок',
      'ID сделки': 'D-000001',
    });
    // The next lead goes to the next active manager, then back (the inactive one is skipped).
    const r2 = run(p, () =>
      crm.addLead(
        book(),
        lead({ clientName: 'Вектор', phone: '+7 495 000-00-01', email: '', inn: '' }),
      ),
    );
    const r3 = run(p, () =>
      crm.addLead(
        book(),
        lead({ clientName: 'Гранит', phone: '+7 495 000-00-02', email: '', inn: '' }),
      ),
    );
    expect([r2, r3].map((x) => (x as { manager: string }).manager)).toEqual([
      'anna@firm.ru',
      'ivan@firm.ru',
    ]);
  });

  it('refuses bad input naming each field in Russian, and writes nothing', () => {
    const p = setUpProject();
    const e = thrown(() =>
      run(p, () =>
        crm.addLead(
          book(),
          lead({ clientName: '', need: '', phone: '12-34', inn: '7707083894', email: 'x@y' }),
        ),
      ),
    );
    const fields = (e.fields ?? []).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'inn', 'name', 'need', 'phone']);
    const texts = (e.fields ?? []).map((f) => t('ru', f.key as never, f.params as never));
    expect(texts).toContain('Поле «Клиент» обязательно.');
    expect(texts.join(' ')).toContain(
      'Поле «ИНН»: ИНН 7707083894 не проходит проверку контрольной суммы',
    );
    expect(values(p, 'Клиенты')).toHaveLength(1);
    expect(values(p, 'Сделки')).toHaveLength(1);
  });

  it('needs an amount from qualification on, and a known manager', () => {
    const p = setUpProject();
    const e = thrown(() =>
      run(p, () => crm.addLead(book(), lead({ stage: 'Коммерческое предложение' }))),
    );
    expect(e.fields?.[0]).toMatchObject({ field: 'amount', key: 'crm.field.amountForStage' });
    const e2 = thrown(() => run(p, () => crm.addLead(book(), lead({ manager: 'gone@firm.ru' }))));
    expect(e2.fields?.[0]).toMatchObject({ field: 'manager', key: 'crm.field.unknownManager' });
    const ok = run(p, () =>
      crm.addLead(book(), lead({ stage: 'коммерческое предложение', amount: '1 234 567,5 ₽' })),
    );
    expect(ok.status).toBe('created');
    expect(rows(p, 'Сделки')[0]).toMatchObject({
      Этап: 'Коммерческое предложение',
      Сумма: 1234567.5,
    });
  });

  it('returns duplicates instead of adding, unless forced', () => {
    const p = setUpProject();
    run(p, () => crm.addLead(book(), lead()));
    const cases = [
      { clientName: 'Другая', phone: '+7 916 123 45 67', email: '', inn: '' },
      { clientName: 'Другая', phone: '', email: 'MARIA@romashka.ru', inn: '' },
      { clientName: 'Другая', phone: '+74950000009', email: '', inn: '7707083893' },
      { clientName: 'Ромашка ООО', phone: '+74950000009', email: '', inn: '' },
      { clientName: 'ООО "РОМАШКА"', phone: '+74950000009', email: '', inn: '' },
    ];
    const matched = cases.map((c) => {
      const r = run(p, () => crm.addLead(book(), lead(c)));
      expect(r.status).toBe('duplicates');
      return r.status === 'duplicates' ? r.duplicates[0] : null;
    });
    expect(matched.map((m) => m?.matchedOn[0])).toEqual(['phone', 'email', 'inn', 'name', 'name']);
    expect(matched[0]).toMatchObject({ clientId: 'C-000001', row: 2 });
    expect(values(p, 'Клиенты')).toHaveLength(2);
    expect(run(p, () => crm.addLead(book(), lead({ ...cases[3], force: true }))).status).toBe(
      'created',
    );
    expect(run(p, () => crm.findDuplicates(book(), { name: 'ромашка' }))).toHaveLength(2);
    // A new deal for the existing client, no second card.
    const again = run(p, () =>
      crm.addLead(book(), { ...lead(), existingClientId: 'C-000001', title: 'Вторая поставка' }),
    );
    expect(again).toMatchObject({ status: 'created', clientId: 'C-000001', clientCreated: false });
    expect(values(p, 'Клиенты')).toHaveLength(3);
  });

  it('keeps formula-injection payloads as the exact text typed', () => {
    const p = setUpProject();
    const payloads = [
      '=HYPERLINK("http://evil.example","click")',
      '+7+7',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      "'quoted",
      '01.02.2026',
      '1 234',
      'TRUE',
      '25%',
    ];
    payloads.forEach((text, i) => {
      const r = run(p, () =>
        crm.addLead(
          book(),
          lead({
            clientName: `${text}`,
            contactName: text,
            need: text,
            firstConversation: text,
            nextStep: text,
            phone: `+7 495 100-00-${String(i).padStart(2, '0')}`,
            email: '',
            inn: '',
            force: true,
          }),
        ),
      );
      expect(r.status).toBe('created');
    });
    const clients = rows(p, 'Клиенты');
    expect(clients.map((c) => c['Клиент'])).toEqual(payloads);
    expect(clients.map((c) => c['Потребность'])).toEqual(payloads);
    expect(rows(p, 'Сделки').map((d) => d['Что обсуждали'])).toEqual(payloads);
    expect(rows(p, 'Активности').map((d) => d['Итог'])).toEqual(payloads);
    for (const name of ['Клиенты', 'Сделки', 'Активности']) {
      const formulas = sheet(p, name).getDataRange().getFormulas().flat().filter(Boolean);
      expect(formulas).toEqual([]);
    }
  });
});

describe('deal and client updates', () => {
  function withDeal() {
    const p = setUpProject();
    run(p, () =>
      crm.addLead(
        book(),
        lead({ stage: 'Квалификация', amount: 100000, expectedClose: '2026-12-10' }),
      ),
    );
    const deal = () => run(p, () => crm.updateDeal(book(), { id: 'D-000001', changes: {} })).record;
    return { p, deal };
  }

  it('refuses an update whose row changed since it was read (updatedAt)', () => {
    const { p, deal } = withDeal();
    const seen = deal().updatedAt;
    p.emulator.clock.advance(5_000);
    run(p, () =>
      crm.updateDeal(book(), {
        id: 'D-000001',
        expectedUpdatedAt: seen,
        changes: { title: 'Первое' },
      }),
    );
    const e = thrown(() =>
      run(p, () =>
        crm.updateDeal(book(), {
          id: 'D-000001',
          expectedUpdatedAt: seen,
          changes: { title: 'Второе' },
        }),
      ),
    );
    expect(e).toMatchObject({ key: 'error.stale', params: { id: 'D-000001' } });
    expect(rows(p, 'Сделки')[0]['Сделка']).toBe('Первое');
  });

  it('counts close-date pushes and keeps the amount a stage needs', () => {
    const { p, deal } = withDeal();
    run(p, () =>
      crm.updateDeal(book(), { id: 'd-000001', changes: { expectedClose: '20.12.2026' } }),
    );
    run(p, () =>
      crm.updateDeal(book(), { id: 'D-000001', changes: { expectedClose: '15.12.2026' } }),
    );
    run(p, () =>
      crm.updateDeal(book(), { id: 'D-000001', changes: { expectedClose: '2027-01-15' } }),
    );
    expect(deal().closeDatePushes).toBe(2);
    const e = thrown(() =>
      run(p, () => crm.updateDeal(book(), { id: 'D-000001', changes: { amount: '' } })),
    );
    expect(e.fields?.[0]).toMatchObject({ field: 'amount', key: 'crm.field.amountForStage' });
    expect(
      thrown(() => run(p, () => crm.updateDeal(book(), { id: 'D-404', changes: {} }))),
    ).toMatchObject({
      key: 'error.notFound',
    });
    const e2 = thrown(() =>
      run(p, () =>
        crm.updateDeal(book(), {
          id: 'D-000001',
          changes: { probability: 140, nextStepDate: '31.02.2026' },
        }),
      ),
    );
    expect((e2.fields ?? []).map((f) => f.field).sort()).toEqual(['nextStepDate', 'probability']);
  });

  it('updates a client and the client name its deals show', () => {
    const { p } = withDeal();
    const r = run(p, () =>
      crm.updateClient(book(), {
        id: 'C-000001',
        changes: { name: 'ООО «Ромашка+»', phone: '8 800 555 35 35' },
      }),
    );
    expect(r.record).toMatchObject({ name: 'ООО «Ромашка+»', phone: '+78005553535' });
    expect(rows(p, 'Сделки')[0]['Клиент']).toBe('ООО «Ромашка+»');
    const e = thrown(() =>
      run(p, () =>
        crm.updateClient(book(), {
          id: 'C-000001',
          changes: { email: 'not-an-email', manager: 'who@firm.ru' },
        }),
      ),
    );
    expect((e.fields ?? []).map((f) => f.field).sort()).toEqual(['email', 'manager']);
  });

  it('logs an activity onto the deal and the client', () => {
    const { p } = withDeal();
    p.emulator.clock.advance(3_600_000);
    const r = run(p, () =>
      crm.logActivity(book(), {
        dealId: 'D-000001',
        type: 'meeting',
        summary: 'Презентация прошла',
        nextStep: 'Договор',
        nextStepDate: '05.12.2026',
      }),
    );
    expect(r.activityId).toBe('A-000002');
    expect(r.deal).toMatchObject({ lastDiscussed: 'Презентация прошла', nextStep: 'Договор' });
    const act = rows(p, 'Активности')[1];
    expect(act).toMatchObject({
      Тип: 'Встреча',
      'ID клиента': 'C-000001',
      'ID сделки': 'D-000001',
    });
    expect(
      thrown(() =>
        run(p, () =>
          crm.logActivity(book(), { dealId: 'D-000001', type: 'fax' as never, summary: '' }),
        ),
      )
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['summary', 'type']);
    expect(
      thrown(() => run(p, () => crm.logActivity(book(), { type: 'call', summary: 'x' }))).key,
    ).toBe('crm.noDealOrClient');
    expect(
      thrown(() =>
        run(p, () => crm.logActivity(book(), { dealId: 'D-000009', type: 'call', summary: 'x' })),
      ).key,
    ).toBe('error.notFound');
    // A client-level activity (no deal) updates the client's last contact.
    run(p, () =>
      crm.logActivity(book(), {
        clientId: 'C-000001',
        type: 'email',
        summary: 'Отправили каталог',
      }),
    );
    expect(rows(p, 'Активности')).toHaveLength(3);
  });

  it('moves stages with history, closes won and lost, reopens', () => {
    const { p, deal } = withDeal();
    run(p, () => crm.moveStage(book(), { id: 'D-000001', stage: 'Встреча / презентация' }));
    expect(
      thrown(() => run(p, () => crm.moveStage(book(), { id: 'D-000001', stage: 'Нет такого' })))
        .fields?.[0].key,
    ).toBe('crm.field.unknownStage');
    expect(
      thrown(() => run(p, () => crm.closeLost(book(), { id: 'D-000001', reason: '' }))).fields?.[0]
        .key,
    ).toBe('crm.field.lostReason');
    run(p, () => crm.closeLost(book(), { id: 'D-000001', reason: 'Дорого' }));
    expect(deal()).toMatchObject({ stage: 'Проиграна', lostReason: 'Дорого' });
    expect(deal().closedAt).not.toBeNull();
    expect(thrown(() => run(p, () => crm.closeWon(book(), { id: 'D-000001' }))).key).toBe(
      'crm.dealClosed',
    );
    run(p, () => crm.moveStage(book(), { id: 'D-000001', stage: 'Согласование договора' }));
    expect(deal()).toMatchObject({
      stage: 'Согласование договора',
      closedAt: null,
      lostReason: '',
    });
    run(p, () => crm.closeWon(book(), { id: 'D-000001', amount: '150 000' }));
    expect(deal()).toMatchObject({ stage: 'Успешно', amount: 15_000_000 });
    const history = rows(p, 'История этапов').map((h) => `${h['Из этапа']}>${h['В этап']}`);
    expect(history).toEqual([
      '>Квалификация',
      'Квалификация>Встреча / презентация',
      'Встреча / презентация>Проиграна',
      'Проиграна>Согласование договора',
      'Согласование договора>Успешно',
    ]);
  });

  it('snoozes deals and clients with a reason, and lifts it', () => {
    const { p, deal } = withDeal();
    expect(
      thrown(() =>
        run(p, () => crm.snooze(book(), { kind: 'deal', id: 'D-000001', until: '10.12.2026' })),
      ).fields?.[0].field,
    ).toBe('snoozeReason');
    expect(
      thrown(() =>
        run(p, () =>
          crm.snooze(book(), { kind: 'deal', id: 'D-000001', until: '01.01.2020', reason: 'x' }),
        ),
      ).fields?.[0].field,
    ).toBe('snoozedUntil');
    run(p, () =>
      crm.snooze(book(), {
        kind: 'deal',
        id: 'D-000001',
        until: '10.12.2026',
        reason: 'Клиент в отпуске',
      }),
    );
    expect(deal()).toMatchObject({ snoozeReason: 'Клиент в отпуске' });
    const c = run(p, () =>
      crm.snooze(book(), {
        kind: 'client',
        id: 'C-000001',
        until: '2026-12-20',
        reason: 'Переезд',
      }),
    );
    expect(c.record).toMatchObject({ snoozeReason: 'Переезд' });
    run(p, () => crm.snooze(book(), { kind: 'deal', id: 'D-000001', until: null }));
    expect(deal()).toMatchObject({ snoozedUntil: null, snoozeReason: '' });
  });

  it('adds invoices and registers payments', () => {
    const { p } = withDeal();
    expect(
      thrown(() =>
        run(p, () =>
          crm.addInvoice(book(), {
            dealId: 'D-000001',
            issuedAt: '10.12.2026',
            dueDate: '01.12.2026',
            amount: '100',
          }),
        ),
      ).fields?.[0].key,
    ).toBe('crm.field.dueBeforeIssue');
    expect(
      thrown(() => run(p, () => crm.addInvoice(book(), { dueDate: '01.12.2026', amount: '100' })))
        .key,
    ).toBe('crm.noDealOrClient');
    const inv = run(p, () =>
      crm.addInvoice(book(), { dealId: 'D-000001', dueDate: '20.12.2026', amount: '100 000,00' }),
    ).record;
    expect(inv).toMatchObject({
      id: 'I-000001',
      number: 'I-000001',
      clientId: 'C-000001',
      amount: 10_000_000,
      paidAmount: 0,
    });
    run(p, () => crm.registerPayment(book(), { invoiceId: 'I-000001', amount: '40 000' }));
    expect(
      thrown(() =>
        run(p, () => crm.registerPayment(book(), { invoiceId: 'I-000001', amount: '60 000,01' })),
      ).fields?.[0].key,
    ).toBe('crm.field.paymentTooLarge');
    const paid = run(p, () =>
      crm.registerPayment(book(), { invoiceId: 'I-000001', amount: 60000, paidAt: '15.12.2026' }),
    ).record;
    expect(paid.paidAmount).toBe(10_000_000);
    expect(rows(p, 'Счета')[0]['Оплачено']).toBe(100000);
  });
});

describe('spreadsheet calls do not grow with the rows', () => {
  function calls(n: number, op: (p: Project) => void): Record<string, number> {
    const p = setUpProject();
    const clients = sheet(p, 'Клиенты');
    const deals = sheet(p, 'Сделки');
    const cRows = Array.from({ length: n }, (_, i) => [
      `C-${String(i + 1).padStart(6, '0')}`,
      `Клиент ${i}`,
      '',
      '',
      `+7495${String(i).padStart(7, '0')}`,
      '',
      '',
      'ivan@firm.ru',
    ]);
    const dRows = Array.from({ length: n }, (_, i) => [
      `D-${String(i + 1).padStart(6, '0')}`,
      `C-${String(i + 1).padStart(6, '0')}`,
      `Клиент ${i}`,
      'Сделка',
      'ivan@firm.ru',
      'Квалификация',
      1000,
    ]);
    // Room below the data in both cases, so neither run has to grow the sheet.
    clients.insertRowsAfter(clients.getMaxRows(), n + 100);
    deals.insertRowsAfter(deals.getMaxRows(), n + 100);
    clients.getRange(2, 1, n, 8).setValues(cRows);
    deals.getRange(2, 1, n, 7).setValues(dRows);
    p.emulator.calls.reset();
    op(p);
    return p.emulator.calls.byMethod();
  }

  it.each([
    [
      'addLead',
      (p: Project) =>
        run(p, () =>
          crm.addLead(
            book(),
            lead({ phone: '+7 999 000 00 00', email: '', inn: '', clientName: 'Новый' }),
          ),
        ),
    ],
    [
      'logActivity',
      (p: Project) =>
        run(p, () =>
          crm.logActivity(book(), { dealId: 'D-000005', type: 'call', summary: 'Созвонились' }),
        ),
    ],
    [
      'moveStage',
      (p: Project) =>
        run(p, () => crm.moveStage(book(), { id: 'D-000005', stage: 'Встреча / презентация' })),
    ],
  ])('%s: the same calls for 10 and 1,000 rows', (_name, op) => {
    const small = calls(10, op);
    const big = calls(1000, op);
    expect(big).toEqual(small);
    expect(small['Range.setValues']).toBeLessThanOrEqual(6);
  });
});

describe('broken sheets and other languages', () => {
  it('a missing required column stops an operation before its first write', () => {
    const p = setUpProject();
    run(p, () => crm.addLead(book(), lead({ stage: 'Квалификация', amount: 1000 })));
    const history = sheet(p, 'История этапов');
    const col = values(p, 'История этапов')[0].indexOf('В этап') + 1;
    history.getRange(1, col).setValue('Куда-то');
    const before = { clients: values(p, 'Клиенты'), deals: values(p, 'Сделки') };
    const e = thrown(() =>
      run(p, () =>
        crm.addLead(
          book(),
          lead({ clientName: 'Новый', phone: '+7 495 765 43 21', email: '', inn: '' }),
        ),
      ),
    );
    expect(e).toMatchObject({
      key: 'error.missingColumn',
      params: { sheet: 'История этапов', column: 'В этап' },
    });
    expect(t('ru', e.key as never, e.params as never)).toBe(
      'На листе «История этапов» нет обязательного столбца «В этап». Ничего не записано.',
    );
    const e2 = thrown(() =>
      run(p, () => crm.moveStage(book(), { id: 'D-000001', stage: 'Встреча / презентация' })),
    );
    expect(e2.key).toBe('error.missingColumn');
    expect({ clients: values(p, 'Клиенты'), deals: values(p, 'Сделки') }).toEqual(before);
  });

  it('speaks English in an English workbook', () => {
    const p = setUpProject();
    // Switch the workbook language on the Settings sheet, as the head of sales would.
    const s = sheet(p, 'Настройки');
    const v = s.getDataRange().getValues();
    const r = v.findIndex((row) => row[0] === 'Язык');
    s.getRange(r + 1, 2).setValue('en');
    const e = thrown(() =>
      run(p, () => crm.addLead(book(), lead({ phone: 'call me', email: '', inn: '' }))),
    );
    expect(t('en', e.fields?.[0].key as never, e.fields?.[0].params as never)).toContain(
      'Field "Phone": "call me" does not look like a phone number',
    );
    const ok = run(p, () => crm.addLead(book(), lead({ firstConversationType: 'meeting' })));
    expect(ok.status).toBe('created');
    expect(rows(p, 'Активности')[0]['Тип']).toBe('Meeting');
  });
});

describe('time zones', () => {
  it('writes and reads calendar dates in the spreadsheet zone, not the script zone', () => {
    const p = setUpProject({ spreadsheetTimeZone: 'Asia/Vladivostok' });
    run(p, () =>
      crm.addLead(book(), lead({ nextStepDate: '01.12.2026', expectedClose: '2026-12-31' })),
    );
    const deals = sheet(p, 'Сделки');
    const h = values(p, 'Сделки')[0];
    expect(deals.getRange(2, h.indexOf('Дата следующего шага') + 1).getDisplayValue()).toBe(
      '01.12.2026',
    );
    expect(deals.getRange(2, h.indexOf('Ожидаемое закрытие') + 1).getDisplayValue()).toBe(
      '31.12.2026',
    );
    const record = run(p, () => crm.updateDeal(book(), { id: 'D-000001', changes: {} })).record;
    expect(record.nextStepDate).toBe(Math.floor(Date.UTC(2026, 11, 1) / 86_400_000));
  });
});

describe('setup after demo data', () => {
  it('changes nothing in a filled workbook', () => {
    const p = setUpProject();
    sheet(p, 'Менеджеры').getRange('A2:E10').clearContent();
    p.run('menuSetupDemo');
    const before = values(p, 'Сделки');
    const named = p.emulator.spreadsheet.getNamedRanges().map((n) => n.getRange().getA1Notation());
    p.run('menuSetupWorkbook');
    expect(values(p, 'Сделки')).toEqual(before);
    expect(
      p.emulator.spreadsheet.getNamedRanges().map((n) => n.getRange().getA1Notation()),
    ).toEqual(named);
    expect(p.emulator.toasts.at(-1)?.message).toContain('ничего не изменено');
  });
});
