/**
 * Discount control through the bundle, on the demo: a line over the manager's 5 % stops the move
 * to the invoice stage and to won; at exactly 5 % it does not; the head approves from the queue,
 * which is recorded on the line and in the Audit trail, and the move then goes through.
 */
import type { TodayView } from '../../../src/shared/contract';
import { dealsOf, ok, rpc, seedDemo } from '../rpc/seed';

describe('discount approvals', () => {
  const demo = seedDemo();
  const { project } = demo;
  const ss = project.emulator.spreadsheet;
  const manager = demo.managers[0];
  const deals = () => dealsOf(ok(rpc(project, manager, 'today', {})) as TodayView);
  const [first, second] = deals();
  const linesSheet = ss.getSheetByName('Строки сделок')!;
  // The demo's own lines (two awaiting approval) make way for the two this story is about.
  linesSheet.getRange(2, 1, linesSheet.getMaxRows() - 1, 11).clearContent();
  // Deal ID, product, SKU, quantity, list price, price.
  linesSheet.getRange(2, 1, 2, 6).setValues([
    [first.id, 'Станок ЧПУ', '', 1, 100_000, 90_000],
    [second.id, 'Станок ЧПУ', '', 2, 100_000, 95_000],
  ]);
  const move = (id: string) => {
    const d = deals().find((x) => x.id === id)!;
    return rpc(project, manager, 'moveStage', {
      dealId: id,
      stage: 'Счёт выставлен',
      amount: '190000',
      updatedAt: d.updatedAt,
      // Past the playbook's warning: this test is about the discount gate.
      confirm: true,
    });
  };

  it('a line 10 % off (limit 5 %) stops the move to the invoice stage, writing nothing', () => {
    const r = move(first.id);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(/ждёт согласования скидки.*Станок ЧПУ/);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });

  it('a discount exactly at the limit moves', () => {
    expect(move(second.id).ok).toBe(true);
  });

  it('the head sees the line in the queue with the margin, approves it; the move then goes', () => {
    const queue = ok(rpc(project, demo.head, 'discountQueue', {}));
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      dealId: first.id,
      row: 2,
      product: 'Станок ЧПУ',
      limit: 0.05,
    });
    expect(queue[0].discount).toBeCloseTo(0.1, 12);
    expect(queue[0].margin).toBeCloseTo(0.05, 12);
    expect(rpc(project, manager, 'discountQueue', {}).ok).toBe(false);

    const after = ok(
      rpc(project, demo.head, 'decideDiscount', { dealId: first.id, row: 2, approve: true }),
    );
    expect(after).toEqual([]);
    expect(Object.entries(project.lastReads).filter(([, n]) => n > 1)).toEqual([]);
    const line = linesSheet.getRange(2, 1, 1, 11).getValues()[0];
    expect(line[8]).toBe('Согласовано');
    expect(line[9]).toBe(demo.head);
    expect(line[10]).toBeInstanceOf(Date);
    const audit = ss.getSheetByName('Журнал изменений')!.getDataRange().getValues();
    expect(audit[audit.length - 1].slice(1, 6)).toEqual([
      demo.head,
      first.id,
      'Скидка',
      'Станок ЧПУ: 10.00 %',
      'Согласовано',
    ]);
    expect(move(first.id).ok).toBe(true);
  });
});
