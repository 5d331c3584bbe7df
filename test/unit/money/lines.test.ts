import { MoneyConverter } from '../../../src/core/analytics/currency';
import {
  deeperWinsMore,
  priceRealisation,
  winRate,
  type BandRow,
} from '../../../src/core/money/discounts';
import {
  DEFAULT_DISCOUNT_LIMITS,
  discountLimits,
  lineDiscount,
  linesTotal,
  overLimit,
  type DealLine,
} from '../../../src/core/money/lines';
import { fixedZone } from '../../../src/core/time';
import { parsePeriod } from '../../../src/core/workbook/period';
import { parseSettings, percentIn } from '../../../src/core/workbook/settings';
import { day, deal, rub, settings } from '../analytics/fixtures';

const line = (over: Partial<DealLine>): DealLine => ({
  row: 0,
  dealId: 'D-000001',
  product: 'Станок',
  sku: '',
  quantity: 1,
  listPrice: null,
  price: null,
  discount: null,
  currency: '',
  status: '',
  approvedBy: '',
  approvedAt: null,
  seal: '',
  ...over,
});

describe('deal lines and the discount limit', () => {
  it('a discount exactly at the limit is allowed, a kopeck more awaits approval', () => {
    const at = line({ listPrice: rub(10_000), price: rub(9_500) });
    expect(lineDiscount(at)).toBeCloseTo(0.05, 12);
    expect(overLimit(lineDiscount(at), DEFAULT_DISCOUNT_LIMITS.manager)).toBe(false);
    const over = line({ listPrice: rub(10_000), price: rub(9_499.99) });
    expect(overLimit(lineDiscount(over), DEFAULT_DISCOUNT_LIMITS.manager)).toBe(true);
    expect(overLimit(lineDiscount(over), DEFAULT_DISCOUNT_LIMITS.head)).toBe(false);
    // A typed discount gives the price.
    expect(lineDiscount(line({ listPrice: rub(200), discount: 0.15 }))).toBeCloseTo(0.15, 12);
  });

  it('a deal with lines in two currencies: dollars converted, euros without a rate reported', () => {
    const money = new MoneyConverter('RUB', [{ currency: 'USD', rate: 90 }]);
    const t = linesTotal(
      [
        line({ listPrice: rub(1_000), price: rub(1_000), quantity: 3 }),
        line({ listPrice: rub(100), discount: 0.1, quantity: 2, currency: 'USD' }),
        line({ listPrice: rub(50), price: rub(50), quantity: 1, currency: 'EUR' }),
      ],
      'RUB',
      money,
    );
    // 3 × 1 000 ₽ + 2 × 90 $ × 90 ₽ = 3 000 + 16 200.
    expect(t.amount).toBe(rub(19_200));
    expect(t.unconverted).toEqual([{ currency: 'EUR', amount: rub(50), count: 1 }]);
  });
});

describe('price realisation', () => {
  const P = parsePeriod('2026-11')!;
  const won = { stage: 'Успешно', closedAt: day(2026, 11, 10) };
  const lost = { stage: 'Проиграна', closedAt: day(2026, 11, 12) };
  const deals = [
    deal({ id: 'D-1', manager: 'ivan@x.ru', ...won }),
    deal({ id: 'D-2', manager: 'ivan@x.ru', ...lost }),
    deal({ id: 'D-3', manager: 'olga@x.ru', ...won }),
    deal({ id: 'D-4', manager: 'olga@x.ru', ...won }),
    deal({ id: 'D-5', manager: 'olga@x.ru', ...won }),
  ];
  const lines = [
    // Ivan: won at 10 % off (given 10 000), lost at 20 % off.
    line({ dealId: 'D-1', listPrice: rub(100_000), price: rub(90_000) }),
    line({ dealId: 'D-2', listPrice: rub(100_000), price: rub(80_000) }),
    // Olga: one at list price, one at 5 % off, exactly.
    line({ dealId: 'D-3', listPrice: rub(50_000), price: rub(50_000) }),
    line({ dealId: 'D-4', listPrice: rub(20_000), price: rub(19_000) }),
  ];
  const r = priceRealisation({ deals, lines, settings: settings(), period: P, by: 'manager' });

  it('per manager: average discount, given away, win rate with and without a discount', () => {
    expect(r.rows.find((x) => x.key === 'ivan@x.ru')).toMatchObject({
      given: rub(10_000),
      avgDiscount: 0.1,
      closedWith: 2,
      wonWith: 1,
      closedWithout: 0,
    });
    const olga = r.rows.find((x) => x.key === 'olga@x.ru')!;
    expect(olga).toMatchObject({
      given: rub(1_000),
      closedWith: 1,
      closedWithout: 1,
      wonWithout: 1,
    });
    expect(olga.avgDiscount).toBeCloseTo(1_000 / 70_000, 12);
    expect(r.dealsWithoutLines).toBe(1);
    expect(winRate(r.total.wonWith, r.total.closedWith)).toBeCloseTo(2 / 3, 12);
  });

  it('by band: 0 %, up to 5 % (5 % itself included), 5–10, 10–15, over 15', () => {
    expect(r.bands.map((b) => [b.closed, b.won])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
  });
});

describe('discount limits from Settings', () => {
  it('reads "5", "5 %", 5 and a percent cell (0.05) alike, and refuses nonsense', () => {
    expect(percentIn('7')).toBeCloseTo(0.07);
    expect(percentIn('7 %')).toBeCloseTo(0.07);
    expect(percentIn(7)).toBeCloseTo(0.07);
    expect(percentIn(0.07)).toBeCloseTo(0.07);
    expect(percentIn('lots')).toBeNull();
    expect(percentIn(150)).toBeNull();
  });

  it('uses the Settings values over the defaults, per role', () => {
    expect(discountLimits()).toEqual(DEFAULT_DISCOUNT_LIMITS);
    const l = discountLimits({ discountManager: 0.1 });
    expect(l.manager).toBe(0.1);
    expect(l.head).toBe(DEFAULT_DISCOUNT_LIMITS.head);
    // 8 % is over the default 5 % but within a 10 % manager limit.
    expect(overLimit(0.08, DEFAULT_DISCOUNT_LIMITS.manager)).toBe(true);
    expect(overLimit(0.08, l.manager)).toBe(false);
  });

  it('a Settings workbook row sets the limit', () => {
    const s = parseSettings(
      [
        ['Параметр', 'Значение'],
        ['Скидка менеджера до, %', '10'],
        ['Head discount up to, %', 20],
      ],
      fixedZone('Europe/Moscow', 180),
    );
    expect(discountLimits(s)).toEqual({ manager: 0.1, head: 0.2, director: 1 });
  });
});

describe('do deeper discounts win more?', () => {
  const band = (closed: number, won: number, from = 0): BandRow => ({ from, to: 0, closed, won });

  it('too little data below two bands of ten closed deals', () => {
    expect(deeperWinsMore([band(40, 10), band(9, 9), band(0, 0)]).answer).toBe('little');
  });

  it('yes only when each deeper band wins at least as often and the deepest by 5 points', () => {
    expect(deeperWinsMore([band(20, 6), band(10, 3), band(10, 4)]).answer).toBe('yes');
    // Rising by less than 5 points overall is no.
    expect(deeperWinsMore([band(100, 30), band(100, 34)]).answer).toBe('no');
    // A dip between counts: the small discount wins, the deeper one does not.
    const r = deeperWinsMore([band(29, 12), band(25, 12), band(12, 2), band(4, 1)]);
    expect(r.answer).toBe('no');
    expect(r.used.map((b) => b.closed)).toEqual([29, 25, 12]);
  });
});
