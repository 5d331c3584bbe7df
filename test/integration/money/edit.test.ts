/**
 * onEdit and deal lines (issue #15): an amount typed on a deal that has lines goes back with a
 * note; a stage typed past the gate while a line awaits approval goes back with a note naming the
 * product; after the head's approval the same typing stands. Deals without lines are untouched.
 */
import type { Project } from '../../../local/harness';
import { DEALS } from '../../../src/core/workbook/schema';
import { HEAD, IVAN, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;

beforeEach(() => {
  seeded = seedTeam();
  project = seeded.project;
  const lines = project.emulator.spreadsheet.getSheetByName('Строки сделок')!;
  // Deal ID, product, SKU, quantity, list price, price: 10 % off, over the manager's 5 %.
  lines.getRange(2, 1, 1, 6).setValues([[seeded.deals.vector, 'Стеллаж', '', 2, 10_000, 9_000]]);
});

function a1(id: string, header: string): string {
  const sheet = project.emulator.spreadsheet.getSheetByName(DEALS.ru)!;
  const values = sheet.getDataRange().getValues();
  const col = values[0].indexOf(header);
  const row = values.findIndex((r) => r[0] === id);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

/** Ticks every checklist item of the deal's current stage, so only the discount gate is left. */
function tickPlaybook(): void {
  const view = ok(rpc(project, IVAN, 'playbook', { dealId: seeded.deals.vector }));
  for (const { item } of view.playbook?.items ?? []) {
    ok(rpc(project, IVAN, 'tickItem', { dealId: seeded.deals.vector, item, done: true }));
  }
}

const cell = (ref: string) => {
  const r = project.emulator.spreadsheet.getSheetByName(DEALS.ru)!.getRange(ref);
  return { value: r.getValue(), note: r.getNote() };
};

it('an amount typed on a deal with lines goes back, with a note', () => {
  const ref = a1(seeded.deals.vector, 'Сумма');
  const before = cell(ref).value;
  project.edit(DEALS.ru, ref, '1000000', { user: IVAN });
  expect(cell(ref).value).toBe(before);
  expect(cell(ref).note).toMatch(/считается по её строкам/);
});

it('a deal without lines takes the typed amount', () => {
  const ref = a1(seeded.deals.romashka, 'Сумма');
  project.edit(DEALS.ru, ref, '123456', { user: IVAN });
  expect(cell(ref).value).toBe(123_456);
  expect(cell(ref).note).toBe('');
});

it('the invoice stage typed while a line awaits approval goes back; after approval it stands', () => {
  const ref = a1(seeded.deals.vector, 'Этап');
  const before = cell(ref).value;
  project.edit(DEALS.ru, ref, 'Счёт выставлен', { user: IVAN });
  expect(cell(ref).value).toBe(before);
  expect(cell(ref).note).toMatch(/ждёт согласования.*Стеллаж/);
  // An earlier stage is not gated by discounts (the strict stage's playbook is done first).
  tickPlaybook();
  project.edit(DEALS.ru, ref, 'Согласование договора', { user: IVAN });
  expect(cell(ref).value).toBe('Согласование договора');
  tickPlaybook();

  ok(rpc(project, HEAD, 'decideDiscount', { dealId: seeded.deals.vector, row: 2, approve: true }));
  // The contract stage's playbook also asks for the expected close date.
  project.edit(DEALS.ru, a1(seeded.deals.vector, 'Ожидаемое закрытие'), '20.12.2026', {
    user: IVAN,
  });
  project.edit(DEALS.ru, ref, 'Счёт выставлен', { user: IVAN });
  expect(cell(ref).value).toBe('Счёт выставлен');
});
