/**
 * Money is carried as integer kopecks (minor units) so that sums never drift; it is rounded only
 * when shown. A cell amount of 1234.5 becomes 123450.
 */
export type Kopecks = number;

export function toKopecks(amount: number): Kopecks {
  const x = amount * 100;
  // Whole roubles (most cells) are exact; `+ 0` turns -0 into 0 as the text round trip does.
  if (Number.isInteger(amount)) return x + 0;
  // Away from a half kopeck, rounding to 6 decimals first cannot change the result.
  const frac = x - Math.floor(x);
  if (Math.abs(frac - 0.5) > 1e-5) return Math.round(x);
  // Round half up on the third decimal, after killing binary noise (1.005 * 100 = 100.49999…).
  return Math.round(Number(x.toFixed(6)));
}

export function fromKopecks(k: Kopecks): number {
  return k / 100;
}

export function sumKopecks(values: readonly Kopecks[]): Kopecks {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Multiplies by a fraction (a probability, a rate) and rounds back to whole kopecks. */
export function scaleKopecks(k: Kopecks, factor: number): Kopecks {
  return Math.round(k * factor);
}
