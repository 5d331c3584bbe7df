/**
 * The deal card through the built bundle: one deal with its client, its activities (newest first,
 * capped with "and N more"), its stage changes and its invoices, as the sheets hold them; a manager
 * sees only their own deals, the head and the director any; each sheet read once.
 */
import { rows } from '../crm/helpers';
import { DIRECTOR, HEAD, IVAN, MARIA, STRANGER, ok, rpc, seedTeam, type Seeded } from './seed';

let seeded: Seeded;
beforeAll(() => {
  seeded = seedTeam();
});

const card = (user: string, dealId: string) =>
  ok(rpc(seeded.project, user, 'dealCard', { dealId }));

test('the card holds the deal, its client and its history as the sheets hold them', () => {
  const { vector } = seeded.deals;
  const c = card(IVAN, vector);
  expect(c.deal).toMatchObject({ id: vector, clientName: 'АО «Вектор»', stage: 'Квалификация' });
  expect(c.deal.nextStep).toBe('Перезвонить с ценой');
  expect(c.deal.nextStepDate).toBe('2026-11-26');
  expect(c.open).toBe(true);
  expect(c.manager).toBe('Иван Петров');
  expect(c.client).toMatchObject({
    name: 'АО «Вектор»',
    contact: 'Пётр Иванов',
    email: 'info@vector.ru',
  });
  expect(c.client?.phone).toMatch(/495/);
  // Activities: exactly the deal's rows of the Activities sheet, newest first.
  const sheet = rows(seeded.project, 'Активности').filter((r) => r['ID сделки'] === vector);
  expect(c.activities.map((a) => a.id).sort()).toEqual(sheet.map((r) => r.ID).sort());
  expect(c.activities.map((a) => a.summary)).toEqual([
    'Согласовали объём',
    'Обсудили объём и сроки',
  ]);
  expect(c.activities[0]).toMatchObject({ type: 'call', by: 'Иван Петров' });
  expect(c.moreActivities).toBe(0);
  // Stage changes: the deal's rows of the Stage history sheet, newest first.
  const history = rows(seeded.project, 'История этапов').filter((r) => r['ID сделки'] === vector);
  expect(c.stages).toHaveLength(history.length);
  expect(c.stages[0]).toMatchObject({
    from: 'Новая заявка',
    to: 'Квалификация',
    by: 'Иван Петров',
    at: '2026-11-25T09:00:00.000Z',
  });
  expect(c.invoices).toEqual([]);
});

test('invoices: number, amount, due date and what is paid', () => {
  const c = card(IVAN, seeded.deals.romashka);
  expect(c.invoices).toEqual([
    {
      id: 'I-000001',
      number: '17',
      amount: { amount: 50_000_000, currency: 'RUB' },
      paid: { amount: 0, currency: 'RUB' },
      dueDate: '2026-11-05',
      paidAt: null,
    },
  ]);
});

test('a manager opens only their own deals; the head and the director any', () => {
  const { maria } = seeded.deals;
  const refused = rpc(seeded.project, IVAN, 'dealCard', { dealId: maria });
  // The same answer as for a missing deal, in the user's language.
  expect(refused).toEqual({
    ok: false,
    error: { code: 'notFound', message: `Запись ${maria} не найдена.`, fields: [] },
  });
  expect(rpc(seeded.project, IVAN, 'dealCard', { dealId: 'D-999999' })).toMatchObject({
    ok: false,
    error: { code: 'notFound' },
  });
  expect(card(MARIA, maria).manager).toBe('Мария Смирнова');
  expect(card(HEAD, maria).deal.id).toBe(maria);
  expect(card(DIRECTOR, maria).deal.id).toBe(maria);
  expect(rpc(seeded.project, STRANGER, 'dealCard', { dealId: maria })).toMatchObject({
    ok: false,
    error: { code: 'unknownUser' },
  });
  expect(rpc(seeded.project, IVAN, 'dealCard', { dealId: 'x' })).toMatchObject({
    ok: false,
    error: { code: 'invalid' },
  });
});

test('a long history shows the newest activities and says how many more there are', () => {
  const fresh = seedTeam();
  const id = fresh.deals.alpha;
  for (let i = 1; i <= 11; i++) {
    // The card carries the stamp an action needs, whether or not Today still lists the deal.
    const shown = ok(rpc(fresh.project, IVAN, 'dealCard', { dealId: id })).deal;
    fresh.project.emulator.clock.set(
      Date.parse(`2026-11-27T10:${String(i).padStart(2, '0')}:00+03:00`),
    );
    ok(
      rpc(fresh.project, IVAN, 'logActivity', {
        dealId: id,
        updatedAt: shown.updatedAt,
        type: 'call',
        summary: `Звонок ${i}`,
        nextStep: 'Перезвонить',
        nextStepDate: '2026-11-30',
      }),
    );
  }
  const c = ok(rpc(fresh.project, IVAN, 'dealCard', { dealId: id }));
  expect(c.activities).toHaveLength(10);
  expect(c.activities[0].summary).toBe('Звонок 11');
  expect(c.activities[9].summary).toBe('Звонок 2');
  // 11 calls and the first conversation: 12 in all, 10 shown.
  expect(c.moreActivities).toBe(2);
});

test('a closed deal’s card says so: no one-click actions are offered for it', () => {
  const fresh = seedTeam();
  const id = fresh.deals.alpha;
  const shown = ok(rpc(fresh.project, IVAN, 'dealCard', { dealId: id }));
  expect(shown.open).toBe(true);
  ok(
    rpc(fresh.project, IVAN, 'closeWon', {
      dealId: id,
      updatedAt: shown.deal.updatedAt,
      reason: '',
      amount: '',
    }),
  );
  const after = ok(rpc(fresh.project, IVAN, 'dealCard', { dealId: id }));
  expect(after.open).toBe(false);
  expect(after.stages[0]).toMatchObject({ from: 'Новая заявка', by: 'Иван Петров' });
});

test('an English workbook refuses in English', () => {
  const en = seedTeam({ lang: 'en' });
  const r = rpc(en.project, IVAN, 'dealCard', { dealId: en.deals.maria });
  expect(r).toMatchObject({
    ok: false,
    error: { message: `Record ${en.deals.maria} was not found.` },
  });
  expect(ok(rpc(en.project, IVAN, 'dealCard', { dealId: en.deals.vector })).manager).toBe(
    'Ivan Petrov',
  );
});
