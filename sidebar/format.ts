/** Display formats: dd.MM.yyyy dates, whole-unit money with the currency sign, percents. */
import type { IsoDay, IsoInstant, Money } from '../src/shared/contract';
import { lang } from './i18n';

const locale = (): string => (lang() === 'en' ? 'en-GB' : 'ru-RU');

export function day(iso: IsoDay | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

let zone: string | undefined;

/** The spreadsheet's zone: the Log and the emails speak its time, so the page must too. */
export function setZone(id: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    zone = id;
  } catch {
    zone = undefined;
  }
}

export function instant(iso: IsoInstant | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  // dd.MM.yyyy HH:mm in both languages: the one date format of the panel and the emails.
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).formatToParts(d);
  const p = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((x) => x.type === type)?.value ?? '';
  return `${p('day')}.${p('month')}.${p('year')} ${p('hour')}:${p('minute')}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Kopecks as whole roubles (or the currency's units) with the sign: "1 234 ₽". */
export function money(kopecks: number, currency: string): string {
  const key = `${locale()}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale(), {
        style: 'currency',
        currency: currency || 'RUB',
        currencyDisplay: 'narrowSymbol',
        maximumFractionDigits: 0,
      });
    } catch {
      // An unknown code in the settings must not break the page.
      f = new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 });
    }
    moneyFormats.set(key, f);
  }
  return f.format(Math.round(kopecks) / 100);
}

export function moneyOf(m: Money | null): string {
  return m ? money(m.amount, m.currency) : '';
}

export function percent(fraction: number | null): string {
  return fraction === null ? '—' : `${Math.round(fraction * 100)}%`;
}

export function plusDays(iso: IsoDay, days: number): IsoDay {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The currency's sign in the page's language ("₽", "$"), or its code. */
export function currencySign(code: string): string {
  try {
    const parts = new Intl.NumberFormat(locale(), {
      style: 'currency',
      currency: code || 'RUB',
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}
