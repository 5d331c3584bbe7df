import { readLinePrice } from '../../../src/core/money/price-text';

describe('a line price as typed in the panel (server and new-lead form alike)', () => {
  it('empty is the list price, «10 %» a discount, money text a unit price', () => {
    expect(readLinePrice('', 48_000_00)).toEqual({ price: null, discount: null });
    expect(readLinePrice(' 10 % ', 48_000_00)).toEqual({ price: null, discount: 0.1 });
    expect(readLinePrice('7,5%', 48_000_00)).toEqual({ price: null, discount: 0.075 });
    expect(readLinePrice('1 500,50', 48_000_00)).toEqual({ price: 1_500_50, discount: null });
    // The list price typed again is no price of its own: the line follows the list.
    expect(readLinePrice('48 000', 48_000_00)).toEqual({ price: null, discount: null });
  });

  it('refuses what is not a price', () => {
    for (const bad of ['120 %', '-5 %', '-100', 'дёшево'])
      expect(readLinePrice(bad, 100)).toBeNull();
  });
});
