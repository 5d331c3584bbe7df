/**
 * Amounts in another currency are converted to the workbook currency by the Settings rates table
 * (roubles for one unit); a currency without a rate is left out of every sum and reported apart,
 * so roubles and dollars are never added raw.
 */
import { scaleKopecks, type Kopecks } from '../money';
import type { CurrencyRate } from '../types';

const ALIASES: Record<string, string> = {
  '': '',
  RUR: 'RUB',
  '₽': 'RUB',
  РУБ: 'RUB',
  'РУБ.': 'RUB',
  Р: 'RUB',
  $: 'USD',
  '€': 'EUR',
  '¥': 'CNY',
  ЮАНЬ: 'CNY',
};

export function normalizeCurrency(code: string): string {
  const c = String(code ?? '')
    .trim()
    .toUpperCase();
  return c in ALIASES ? ALIASES[c] : c;
}

export interface CurrencyNote {
  currency: string;
  /** Sum in that currency's minor units, not converted. */
  amount: Kopecks;
  count: number;
}

export class MoneyConverter {
  readonly base: string;
  private readonly rates = new Map<string, number>();

  constructor(base: string, rates: readonly CurrencyRate[] = []) {
    this.base = normalizeCurrency(base) || 'RUB';
    this.rates.set('RUB', 1);
    for (const r of rates) {
      const c = normalizeCurrency(r.currency);
      if (c && Number.isFinite(r.rate) && r.rate > 0) this.rates.set(c, r.rate);
    }
  }

  /** Raw cell text -> factor to the base currency (null: no rate); cells repeat a few codes. */
  private readonly factors = new Map<string, number | null>();

  /** The amount in the workbook currency, or null when there is no rate for it. */
  convert(amount: Kopecks, currency: string): Kopecks | null {
    let f = this.factors.get(currency);
    if (f === undefined) {
      const c = normalizeCurrency(currency) || this.base;
      const from = this.rates.get(c);
      const to = this.rates.get(this.base);
      f = c === this.base ? 1 : from === undefined || to === undefined ? null : from / to;
      this.factors.set(currency, f);
    }
    if (f === null) return null;
    return f === 1 ? amount : scaleKopecks(amount, f);
  }
}

/** Collects what could not be converted, per currency. */
export class CurrencyNotes {
  private readonly map = new Map<string, CurrencyNote>();

  add(currency: string, amount: Kopecks): void {
    const c = normalizeCurrency(currency);
    const note = this.map.get(c) ?? { currency: c, amount: 0, count: 0 };
    note.amount += amount;
    note.count++;
    this.map.set(c, note);
  }

  merge(other: CurrencyNotes): void {
    for (const n of other.map.values()) {
      const note = this.map.get(n.currency) ?? { currency: n.currency, amount: 0, count: 0 };
      note.amount += n.amount;
      note.count += n.count;
      this.map.set(n.currency, note);
    }
  }

  get size(): number {
    return this.map.size;
  }

  list(): CurrencyNote[] {
    return [...this.map.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}
