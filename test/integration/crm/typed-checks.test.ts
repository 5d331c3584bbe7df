/**
 * Typing into Deals is checked as the guide promises, through the built bundle's onEdit: a stage
 * not in the funnel is refused (the previous stage comes back, with a note), an amount in words is
 * flagged, both reach the Log; every change of manager, stage or amount, typed or made in the
 * panel, lands in the Audit trail, and a typed stage change in Stage history.
 */
import { HEAD, IVAN, MARIA, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';
import { logMessages, rows, sheet, stageHistory, values } from './helpers';

let seeded: Seeded;
beforeEach(() => {
  seeded = seedTeam();
});

function cellOf(id: string, header: string): string {
  const v = values(seeded.project, 'Сделки');
  const col = v[0].indexOf(header);
  const row = v.findIndex((r) => r[0] === id);
  if (col < 0 || row < 1) throw new Error(`no ${header} for ${id}`);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

function dealCell(id: string, header: string): GoogleAppsScript.Spreadsheet.Range {
  return sheet(seeded.project, 'Сделки').getRange(cellOf(id, header));
}

const log = () => logMessages(seeded.project);
const audit = () => rows(seeded.project, 'Журнал изменений');

test('a stage that is not in the funnel is refused, noted and logged; no history, no audit', () => {
  const p = seeded.project;
  const id = seeded.deals.romashka;
  const before = String(dealCell(id, 'Этап').getValue());
  const history = stageHistory(p).length;
  const trail = audit().length;
  p.edit('Сделки', cellOf(id, 'Этап'), 'КП отправлено', { user: IVAN });
  expect(dealCell(id, 'Этап').getValue()).toBe(before);
  expect(dealCell(id, 'Этап').getNote()).toBe(
    `ROP Desk: этапа «КП отправлено» нет в воронке, оставлен прежний — «${before}». Выберите этап из списка.`,
  );
  expect(log().some((m) => m.includes('«Этап»: «КП отправлено»'))).toBe(true);
  expect(stageHistory(p)).toHaveLength(history);
  expect(audit()).toHaveLength(trail);
});

test('an amount typed in words keeps its text, gets the note and a Log line', () => {
  const p = seeded.project;
  const id = seeded.deals.romashka;
  p.edit('Сделки', cellOf(id, 'Сумма'), 'сто тысяч', { user: IVAN });
  expect(dealCell(id, 'Сумма').getValue()).toBe('сто тысяч');
  expect(dealCell(id, 'Сумма').getNote()).toBe('ROP Desk: не похоже на сумму.');
  expect(log().some((m) => m.includes('«Сумма»: «сто тысяч». не похоже на сумму.'))).toBe(true);
});

test('typed manager, stage and amount changes land in the audit trail; the stage in its history', () => {
  const p = seeded.project;
  const id = seeded.deals.romashka;
  const stage = String(dealCell(id, 'Этап').getValue());
  const seededTrail = audit().length;
  p.edit('Сделки', cellOf(id, 'Этап'), 'встреча / презентация', { user: IVAN });
  p.edit('Сделки', cellOf(id, 'Сумма'), '250 000', { user: IVAN });
  p.edit('Сделки', cellOf(id, 'Менеджер'), MARIA, { user: HEAD });
  expect(dealCell(id, 'Этап').getValue()).toBe('Встреча / презентация');
  const typed = audit().slice(seededTrail);
  const trail = typed.map((r) => [r['Кто'], r['ID сделки'], r['Поле'], r['Было'], r['Стало']]);
  expect(trail).toEqual([
    [IVAN, id, 'Этап', stage, 'Встреча / презентация'],
    [IVAN, id, 'Сумма', expect.stringMatching(/₽$/), '250\u00a0000,00\u00a0₽'],
    [HEAD, id, 'Менеджер', IVAN, MARIA],
  ]);
  expect(typed.every((r) => r['Где'] === 'Ввод в таблице')).toBe(true);
  expect(typed.every((r) => r['Когда'] instanceof Date)).toBe(true);
  const last = stageHistory(p).at(-1)!;
  expect(last).toMatchObject({
    'ID сделки': id,
    'Из этапа': stage,
    'В этап': 'Встреча / презентация',
  });
});

test('a stage moved and a deal closed in the panel are audited with who and where', () => {
  const p = seeded.project;
  const id = seeded.deals.romashka;
  const today = ok(rpc(p, IVAN, 'today', {}));
  const item = [...today.forgotten, ...today.overdueSteps].find((d) => d.id === id);
  const from = String(dealCell(id, 'Этап').getValue());
  ok(
    rpc(p, IVAN, 'moveStage', {
      dealId: id,
      updatedAt: item?.updatedAt ?? '',
      stage: 'Коммерческое предложение',
      amount: '300 000',
      confirm: true,
    }),
  );
  const trail = audit().map((r) => [r['Кто'], r['Поле'], r['Было'], r['Стало'], r['Где']]);
  expect(trail).toContainEqual([IVAN, 'Этап', from, 'Коммерческое предложение', 'Боковая панель']);
  expect(trail.some((e) => e[1] === 'Сумма' && e[3] === '300\u00a0000,00\u00a0₽')).toBe(true);
});

test('Setup creates the audit trail with its header protected like the Log', () => {
  const s = sheet(seeded.project, 'Журнал изменений');
  expect(values(seeded.project, 'Журнал изменений')[0]).toEqual([
    'Когда',
    'Кто',
    'ID сделки',
    'Поле',
    'Было',
    'Стало',
    'Где',
  ]);
  const protections = (sh: GoogleAppsScript.Spreadsheet.Sheet) =>
    sh.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType).length;
  expect(protections(s)).toBe(protections(sheet(seeded.project, 'Журнал')));
  expect(protections(s)).toBeGreaterThan(0);
});
