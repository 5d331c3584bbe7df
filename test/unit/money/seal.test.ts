/**
 * The approval seal (issue #15): it verifies on the line the head approved, and fails on a typed
 * approval, on any change of what was approved, on another key and on a document with no key. The
 * panel's save carries a sealed approval over only while the line is unchanged.
 */
import { createHmac } from 'node:crypto';
import { blockingLines, isApproved } from '../../../src/core/money/approvals';
import { planLines } from '../../../src/core/money/edit-lines';
import type { DealLine } from '../../../src/core/money/lines';
import {
  sealCheck,
  sealedOnce,
  sealMessage,
  signLine,
  type Hmac,
} from '../../../src/core/money/seal';
import { manager, rub } from '../analytics/fixtures';

const keyed =
  (key: string): Hmac =>
  (m) =>
    createHmac('sha256', key).update(m, 'utf8').digest('base64url');
const hmac = keyed('document key');
const sealed = sealCheck(hmac);

const approved = (over: Partial<DealLine> = {}): DealLine => {
  const l: DealLine = {
    row: 2,
    dealId: 'D-000007',
    product: 'Станок ЧПУ',
    sku: 'CNC-1',
    quantity: 2,
    listPrice: rub(100_000),
    price: rub(90_000),
    discount: null,
    currency: '',
    status: 'Согласовано',
    approvedBy: 'head@firm.ru',
    approvedAt: Date.UTC(2026, 10, 30, 9, 15, 0),
    seal: '',
    ...over,
  };
  return { ...l, seal: signLine(l, hmac) ?? '' };
};

describe('the approval seal', () => {
  it('verifies on the line as approved, whatever the case and spaces of its ids', () => {
    const l = approved();
    expect(l.seal).toMatch(/^v1\.[\w-]{43}$/);
    expect(sealed(l)).toBe(true);
    expect(isApproved(l, sealed)).toBe(true);
    expect(sealed({ ...l, dealId: ' d-000007 ', approvedBy: 'HEAD@firm.ru' })).toBe(true);
    // The sheet keeps the time to the millisecond or not: the seal holds to the second.
    expect(sealed({ ...l, approvedAt: (l.approvedAt ?? 0) + 1 })).toBe(true);
  });

  it('fails once the price, quantity, discount, product, deal, currency or approver changes', () => {
    const l = approved();
    const changes: Partial<DealLine>[] = [
      { price: rub(80_000) },
      { quantity: 3 },
      { discount: 0.2 },
      { listPrice: rub(120_000) },
      { product: 'Станок ЧПУ 2' },
      { dealId: 'D-000008' },
      { currency: 'USD' },
      { approvedBy: 'ivan@firm.ru' },
      { approvedAt: Date.UTC(2026, 10, 30, 9, 16, 0) },
    ];
    for (const c of changes) expect([c, sealed({ ...l, ...c })]).toEqual([c, false]);
  });

  it('a typed approval (no seal, or a copied one, or a made-up one) does not count', () => {
    const l = approved();
    expect(isApproved({ ...l, seal: '' }, sealed)).toBe(false);
    expect(isApproved({ ...l, seal: 'v1.forged' }, sealed)).toBe(false);
    // Another line's seal pasted next to it.
    expect(isApproved({ ...approved({ quantity: 5 }), seal: l.seal }, sealed)).toBe(false);
    // The seal alone, without the word: not approved either.
    expect(isApproved({ ...l, status: 'Ждёт согласования' }, sealed)).toBe(false);
  });

  it('another key, or none, verifies nothing', () => {
    const l = approved();
    expect(sealCheck(keyed('other key'))(l)).toBe(false);
    expect(sealCheck(() => null)(l)).toBe(false);
    expect(signLine(l, () => null)).toBeNull();
  });

  it('the message is unambiguous: a field cannot leak into the next', () => {
    const a = approved({ product: 'A","B' });
    const b = approved({ product: 'A', sku: 'B' });
    expect(sealMessage(a)).not.toBe(sealMessage(b));
  });

  it("the panel's save keeps a sealed approval only while the line is unchanged", () => {
    const old = approved();
    const plan = (quantity: number, price: string) =>
      planLines({
        dealId: old.dealId,
        dealCurrency: '',
        existing: [old],
        requested: [{ row: old.row, product: old.product, quantity, price }],
        products: [
          {
            name: 'Станок ЧПУ',
            sku: 'CNC-1',
            unit: '',
            listPrice: rub(100_000),
            currency: '',
            active: true,
          },
        ],
        limit: 0.05,
        base: 'RUB',
        rates: [],
        lang: 'ru',
        sealed,
      });
    expect(plan(2, '90000').update).toEqual([]);
    const more = plan(3, '90000').update[0].cells;
    expect(more).toMatchObject({ status: 'Ждёт согласования', approvedBy: '', seal: '' });
    const cheaper = plan(2, '85000').update[0].cells;
    expect(cheaper).toMatchObject({ status: 'Ждёт согласования', seal: '' });
    // An unsealed «Согласовано» is not carried over either.
    const typed = planLines({
      ...{ dealId: old.dealId, dealCurrency: '', limit: 0.05, base: 'RUB', rates: [] },
      existing: [{ ...old, seal: '' }],
      requested: [{ row: old.row, product: old.product, quantity: 2, price: '90000' }],
      products: [
        {
          name: 'Станок ЧПУ',
          sku: 'CNC-1',
          unit: '',
          listPrice: rub(100_000),
          currency: '',
          active: true,
        },
      ],
      lang: 'ru',
      sealed,
    });
    expect(typed.update[0].cells).toMatchObject({ status: 'Ждёт согласования' });
  });
});

describe('a seal counts once', () => {
  it('a sealed line copied to another row of the deal is not a second approval', () => {
    const l = approved();
    const copy = { ...l, row: 9 };
    const once = sealedOnce([l, copy], sealed);
    expect([once(l), once(copy)]).toEqual([true, false]);
    const limits = { manager: 0.05, head: 0.15, director: 1 };
    const managers = [{ ...manager({ email: 'ivan@firm.ru' }) }];
    const blocking = blockingLines(
      [l, copy],
      { id: l.dealId, manager: 'ivan@firm.ru' },
      managers,
      sealed,
      limits,
    );
    expect(blocking.map((x) => x.row)).toEqual([9]);
  });
});
