/**
 * Small things that cost trust, through the built bundle: a snooze to a past date is refused with
 * a message on the date field, «Другое» as a lost reason needs a comment, and Activities carry the
 * client's name beside its id whether logged in the panel or typed into the sheet.
 */
import { rows } from '../crm/helpers';
import { HEAD, IVAN, ok, rpc, seedTeam, type Seeded } from './seed';

let seeded: Seeded;
beforeEach(() => {
  seeded = seedTeam();
});

function updatedAt(id: string): string | null {
  const today = ok(rpc(seeded.project, IVAN, 'today', {}));
  const item = [...today.forgotten, ...today.overdueSteps].find((d) => d.id === id);
  return item?.updatedAt ?? null;
}

test('a snooze to a past date is refused on the date field, saying why', () => {
  const r = rpc(seeded.project, IVAN, 'snooze', {
    dealId: seeded.deals.romashka,
    updatedAt: updatedAt(seeded.deals.romashka),
    until: '2026-11-20',
    reason: 'Отпуск',
  });
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
  if (r.ok) return;
  expect(r.error.fields).toEqual([
    {
      field: 'until',
      message: 'Дата 20.11.2026 уже прошла: отложить можно до 27.11.2026 или позже.',
    },
  ]);
  const deal = rows(seeded.project, 'Сделки').find((d) => d.ID === seeded.deals.romashka);
  expect(deal?.['Отложена до']).toBe('');
});

test('«Другое» as a lost reason needs a comment, which is kept with the deal', () => {
  const id = seeded.deals.romashka;
  const base = { dealId: id, updatedAt: updatedAt(id), reason: 'Другое', amount: '' };
  const refused = rpc(seeded.project, IVAN, 'closeLost', { ...base, comment: '' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
  if (!refused.ok) expect(refused.error.fields.map((f) => f.field)).toEqual(['comment']);
  ok(rpc(seeded.project, IVAN, 'closeLost', { ...base, comment: 'Купили у конкурента дешевле' }));
  const deal = rows(seeded.project, 'Сделки').find((d) => d.ID === id);
  expect(deal).toMatchObject({
    Этап: 'Проиграна',
    'Причина проигрыша': 'Другое',
    'Что обсуждали': 'Купили у конкурента дешевле',
  });
});

test('Activities show the client’s name beside its id, logged in the panel or typed', () => {
  const p = seeded.project;
  const id = seeded.deals.romashka;
  ok(
    rpc(p, IVAN, 'logActivity', {
      dealId: id,
      updatedAt: updatedAt(id),
      type: 'call',
      summary: 'Обсудили сроки',
      nextStep: 'Отправить договор',
      nextStepDate: '2026-12-01',
    }),
  );
  const deal = rows(p, 'Сделки').find((d) => d.ID === id)!;
  const logged = rows(p, 'Активности').at(-1)!;
  expect(logged).toMatchObject({ 'ID сделки': id, Клиент: deal['Клиент'] });
  expect(String(logged['Клиент'])).not.toBe('');

  const header = Object.keys(logged);
  const row = rows(p, 'Активности').length + 2;
  const typed = header.map(
    (h) =>
      (({ Тип: 'Звонок', 'ID сделки': id, Итог: 'Перезвонили' }) as Record<string, string>)[h] ??
      '',
  );
  const last = String.fromCharCode(64 + header.length);
  p.edit('Активности', `A${row}:${last}${row}`, [typed], { user: IVAN });
  const added = rows(p, 'Активности').at(-1)!;
  expect(added).toMatchObject({ 'ID клиента': deal['ID клиента'], Клиент: deal['Клиент'] });
});

test('a refresh from the panel shows the panel’s period on the Dashboard and in its period cell', () => {
  ok(rpc(seeded.project, HEAD, 'refreshDashboard', { period: '2026-10' }));
  const dash = seeded.project.emulator.spreadsheet.getSheetByName('Дашборд')!;
  expect(dash.getRange('B2').getValue()).toBe('2026-10');
  expect(dash.getRange('A1').getValue()).toContain('2026-10');
  // The menu's refresh then reads the same cell: both stay on the period the head chose.
  seeded.project.run('menuRefreshDashboard', [], { user: HEAD });
  expect(dash.getRange('B2').getValue()).toBe('2026-10');
});

test('an invoice typed with a client id gets the client’s name beside it', () => {
  const p = seeded.project;
  const client = rows(p, 'Клиенты')[0];
  const header = Object.keys(rows(p, 'Счета')[0] ?? {}).length
    ? Object.keys(rows(p, 'Счета')[0])
    : (p.emulator.spreadsheet.getSheetByName('Счета')!.getDataRange().getValues()[0] as string[]);
  const row = rows(p, 'Счета').length + 2;
  const typed = header.map(
    (h) =>
      (
        ({
          'ID клиента': String(client.ID),
          Выставлен: '01.12.2026',
          'Срок оплаты': '10.12.2026',
          Сумма: '100 000',
        }) as Record<string, string>
      )[h] ?? '',
  );
  const last = String.fromCharCode(64 + header.length);
  p.edit('Счета', `A${row}:${last}${row}`, [typed], { user: HEAD });
  const added = rows(p, 'Счета').at(-1)!;
  expect(added).toMatchObject({ 'ID клиента': client.ID, Клиент: client['Клиент'] });
});
