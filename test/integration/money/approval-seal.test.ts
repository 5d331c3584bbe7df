/**
 * Approvals cannot be forged by typing (issue #15), through the bundle: a manager's «Согласовано»
 * typed into Deal lines goes back with a note, and the invoice stage stays refused; the head's
 * typed word stays but counts for nothing; the head's approval in the panel writes a seal and
 * opens the gate; a price changed afterwards closes it again and puts the line back in the queue.
 */
import type { Project } from '../../../local/harness';
import { DEALS, DEAL_LINES } from '../../../src/core/workbook/schema';
import type { TodayView } from '../../../src/shared/contract';
import { dealsOf, HEAD, IVAN, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;
const SHEET = DEAL_LINES.ru;

beforeEach(() => {
  seeded = seedTeam();
  project = seeded.project;
  const lines = project.emulator.spreadsheet.getSheetByName(SHEET)!;
  // Deal ID, product, SKU, quantity, list price, price: 10 % off, over the manager's 5 %.
  lines.getRange(2, 1, 1, 6).setValues([[seeded.deals.vector, 'Стеллаж', '', 2, 10_000, 9_000]]);
});

const sheet = () => project.emulator.spreadsheet.getSheetByName(SHEET)!;
/** Approval, Approved by, Approved at, seal of the line. */
const approval = () => sheet().getRange('I2:L2').getValues()[0];
const note = (a1: string) => sheet().getRange(a1).getNote();

function moveToInvoice(): ReturnType<typeof rpc> {
  const d = dealsOf(ok(rpc(project, IVAN, 'today', {})) as TodayView).find(
    (x) => x.id === seeded.deals.vector,
  )!;
  return rpc(project, IVAN, 'moveStage', {
    dealId: d.id,
    stage: 'Счёт выставлен',
    amount: '18000',
    updatedAt: d.updatedAt,
    confirm: true,
  });
}

/** Ticks the deal's current checklist, so only the discount gate is left in the way. */
function tickPlaybook(): void {
  const view = ok(rpc(project, IVAN, 'playbook', { dealId: seeded.deals.vector }));
  for (const { item } of view.playbook?.items ?? []) {
    ok(rpc(project, IVAN, 'tickItem', { dealId: seeded.deals.vector, item, done: true }));
  }
}

const refusal = (r: ReturnType<typeof rpc>) => (r.ok ? '' : r.error.message);

it('has the seal as the last column of Deal lines', () => {
  expect(sheet().getRange('L1').getValue()).toBe('Подпись согласования');
});

it("puts back a manager's typed approval with a note; the stage stays refused", () => {
  project.edit(SHEET, 'I2', 'Согласовано', { user: IVAN });
  expect(approval()).toEqual(['', '', '', '']);
  expect(note('I2')).toMatch(/^ROP Desk: Согласование ставит руководитель в панели/);
  // The header and the edited row of Deal lines, Managers once; nothing else read, one write.
  expect(project.lastReads[SHEET]).toBe(2);
  expect(project.lastReads[DEALS.ru]).toBeUndefined();
  expect(project.lastCalls['Range.setValues']).toBe(1);
  expect(refusal(moveToInvoice())).toMatch(/ждёт согласования скидки.*Стеллаж/);
});

it("clears a manager's pasted approval block, each cell with a note", () => {
  project.edit(SHEET, 'I2:L2', [['Согласовано', HEAD, '27.11.2026 10:00', 'v1.made-up']], {
    user: IVAN,
  });
  expect(approval()).toEqual(['', '', '', '']);
  for (const a1 of ['I2', 'J2', 'K2', 'L2']) expect(note(a1)).toContain('Было: —');
  expect(project.lastCalls['Range.setValues']).toBe(4);
  expect(refusal(moveToInvoice())).toMatch(/ждёт согласования/);
});

it("keeps the head's typed approval with a note, but it does not count", () => {
  project.edit(SHEET, 'I2', 'Согласовано', { user: HEAD });
  expect(approval()[0]).toBe('Согласовано');
  expect(note('I2')).toContain('вписанное вручную, не действует');
  expect(ok(rpc(project, HEAD, 'discountQueue', {})).map((q) => q.row)).toEqual([2]);
  expect(refusal(moveToInvoice())).toMatch(/ждёт согласования/);
});

it("the head's approval in the panel opens the gate; a price changed after it closes it", () => {
  ok(rpc(project, HEAD, 'decideDiscount', { dealId: seeded.deals.vector, row: 2, approve: true }));
  // The key is read once in the execution (the answer's queue checks the new seal with it).
  expect(project.lastCalls['Properties.getProperty']).toBe(1);
  const [status, by, at, seal] = approval();
  expect([status, by]).toEqual(['Согласовано', HEAD]);
  expect(at).toBeInstanceOf(Date);
  // Web-safe base64 of the 32-byte HMAC, as Utilities gives it (padded).
  expect(String(seal)).toMatch(/^v1\.[\w-]{43}=$/);
  // One secret for the document, made by the first approval and kept.
  expect(project.emulator.properties.document.get('ropdesk.secret')).toMatch(/^[0-9a-f]{64}$/);

  // The manager changes the price by hand (their own column): the approval no longer matches.
  project.edit(SHEET, 'F2', '8500', { user: IVAN });
  expect(sheet().getRange('F2').getValue()).toBe(8_500);
  expect(refusal(moveToInvoice())).toMatch(/ждёт согласования/);
  expect(ok(rpc(project, HEAD, 'discountQueue', {})).map((q) => q.row)).toEqual([2]);

  ok(rpc(project, HEAD, 'decideDiscount', { dealId: seeded.deals.vector, row: 2, approve: true }));
  tickPlaybook();
  expect(refusal(moveToInvoice())).toBe('');
});

it('a stage typed on Deals past the gate goes back while the approval is only typed', () => {
  project.edit(SHEET, 'I2', 'Согласовано', { user: HEAD });
  const deals = project.emulator.spreadsheet.getSheetByName(DEALS.ru)!;
  const values = deals.getDataRange().getValues();
  const col = values[0].indexOf('Этап');
  const row = values.findIndex((r) => r[0] === seeded.deals.vector) + 1;
  const ref = `${String.fromCharCode(65 + col)}${row}`;
  const before = deals.getRange(ref).getValue();
  project.edit(DEALS.ru, ref, 'Счёт выставлен', { user: IVAN });
  expect(deals.getRange(ref).getValue()).toBe(before);
  expect(deals.getRange(ref).getNote()).toMatch(/ждёт согласования.*Стеллаж/);
});

it('on a sheet made before seals, approving asks for Setup and writes nothing; Setup adds it', () => {
  sheet().deleteColumn(12);
  const r = rpc(project, HEAD, 'decideDiscount', {
    dealId: seeded.deals.vector,
    row: 2,
    approve: true,
  });
  expect(refusal(r)).toMatch(/нет столбца «Подпись согласования».*«Настроить таблицу»/);
  expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  expect(sheet().getRange('I2').getValue()).toBe('');
  project.run('menuSetupWorkbook', [], { user: HEAD });
  expect(sheet().getRange('L1').getValue()).toBe('Подпись согласования');
  ok(rpc(project, HEAD, 'decideDiscount', { dealId: seeded.deals.vector, row: 2, approve: true }));
  expect(String(sheet().getRange('L2').getValue())).toMatch(/^v1\./);
});
