import { createHmac } from 'node:crypto';
import { approvalQueue, blockingLines, gatedStage } from '../../../src/core/money/approvals';
import type { DealLine } from '../../../src/core/money/lines';
import { sealCheck, signLine, type Hmac } from '../../../src/core/money/seal';
import { deal, manager, rub, settings } from '../analytics/fixtures';

const line = (over: Partial<DealLine>): DealLine => ({
  row: 2,
  dealId: 'D-1',
  product: 'Станок',
  sku: '',
  quantity: 1,
  listPrice: rub(100_000),
  price: null,
  discount: null,
  currency: '',
  status: '',
  approvedBy: '',
  approvedAt: null,
  seal: '',
  ...over,
});

const hmac: Hmac = (m) => createHmac('sha256', 'k').update(m).digest('base64url');
const sealed = sealCheck(hmac);

describe('the stage gate and the approval queue', () => {
  const s = settings();
  const managers = [manager({ email: 'ivan@x.ru' }), manager({ email: 'head@x.ru', role: 'head' })];

  it('gates the won stage and the last open stage (the invoice), nothing earlier', () => {
    expect(gatedStage('Успешно', s)).toBe(true);
    expect(gatedStage('Счёт выставлен', s)).toBe(true);
    expect(gatedStage('Согласование договора', s)).toBe(false);
    expect(gatedStage('Проиграна', s)).toBe(false);
  });

  it("blocks by the seller's role: 10 % is over a manager's limit, within the head's", () => {
    const lines = [line({ price: rub(90_000) })];
    const ivan = { id: 'D-1', manager: 'ivan@x.ru' };
    expect(blockingLines(lines, ivan, managers, sealed)).toHaveLength(1);
    expect(blockingLines(lines, { id: 'D-1', manager: 'head@x.ru' }, managers, sealed)).toEqual([]);
    const decided = line({
      price: rub(90_000),
      status: 'Согласовано',
      approvedBy: 'head@x.ru',
      approvedAt: Date.UTC(2026, 10, 30, 9),
    });
    // The word alone does not open the gate; with the head's seal it does.
    expect(blockingLines([decided], ivan, managers, sealed)).toHaveLength(1);
    const approved = [{ ...decided, seal: signLine(decided, hmac) ?? '' }];
    expect(blockingLines(approved, ivan, managers, sealed)).toEqual([]);
  });

  it('queues lines over the limit with the margin (head limit − discount), rejected ones last', () => {
    const deals = [
      deal({ id: 'D-1', manager: 'ivan@x.ru', title: 'Станки' }),
      deal({ id: 'D-2', manager: 'ivan@x.ru' }),
    ];
    const q = approvalQueue(
      [
        line({ dealId: 'D-1', row: 2, discount: 0.2, status: 'Отклонено' }),
        line({ dealId: 'D-2', row: 3, discount: 0.08 }),
        line({ dealId: 'D-2', row: 4, discount: 0.05 }),
      ],
      deals,
      managers,
      sealed,
    );
    expect(q.map((x) => [x.row, x.rejected])).toEqual([
      [3, false],
      [2, true],
    ]);
    expect(q[0].margin).toBeCloseTo(0.07, 12);
    expect(q[1].margin).toBeCloseTo(-0.05, 12);
  });
});
