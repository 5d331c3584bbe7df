/**
 * Money is carried as integer kopecks (minor units) so that sums never drift; it is rounded only
 * when shown. A cell amount of 1234.5 becomes 123450.
 */
export type Kopecks = number;

export function toKopecks(amount: number): Kopecks {
  // Round half away from zero on the third decimal, after killing binary noise (0.1 + 0.2).
  return Math.round(Number((amount * 100).toFixed(6)));
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
