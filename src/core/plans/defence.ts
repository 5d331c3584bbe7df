/**
 * The plan defence as a table: one row per manager, team and the company, then the levers that
 * alone would close the gap. SALES_CAPACITY returns it; the "Plan defence" sheet prints it under
 * a title block. Money in roubles (2 decimals), conversion in percent, like the other functions.
 */
import { t } from '../i18n';
import { formatDay } from '../time';
import type { Lang } from '../types';
import type { CapacityResult, CapacityRow } from './capacity';

type Cell = string | number;

const money = (k: number | null): Cell => (k === null ? '' : Math.round(k) / 100);
const round1 = (x: number | null): Cell => (x === null ? '' : Math.round(x * 10) / 10);
const percent = (f: number | null): Cell => (f === null ? '' : Math.round(f * 1000) / 10);

export const DEFENCE_COLUMNS = 9;

export function defenceHeader(lang: Lang): string[] {
  return (
    [
      'pl.col.who',
      'pl.col.team',
      'pl.col.leads',
      'pl.col.conversion',
      'pl.col.average',
      'pl.col.cycle',
      'pl.col.achievable',
      'pl.col.target',
      'pl.col.gap',
    ] as const
  ).map((k) => t(lang, k));
}

function name(lang: Lang, r: CapacityRow): string {
  if (r.level === 'company') return t(lang, 'pl.company');
  return r.estimated ? t(lang, 'pl.estimated', { name: r.name }) : r.name;
}

/** Header, rows, a blank line, the window note and the levers; every row DEFENCE_COLUMNS wide. */
export function defenceTable(lang: Lang, c: CapacityResult): Cell[][] {
  const pad = (row: Cell[]): Cell[] => [
    ...row,
    ...new Array<Cell>(DEFENCE_COLUMNS - row.length).fill(''),
  ];
  const out: Cell[][] = [defenceHeader(lang)];
  for (const r of c.rows) {
    out.push([
      name(lang, r),
      r.level === 'manager' ? r.team : '',
      round1(r.leadsPerMonth),
      percent(r.conversion),
      money(r.averageDeal),
      round1(r.cycleDays),
      money(r.achievable),
      money(r.target),
      money(r.gap),
    ]);
  }
  out.push(pad([]));
  out.push(
    pad([t(lang, 'pl.window', { from: formatDay(c.from), to: formatDay(c.to), months: c.months })]),
  );
  out.push(pad([t(lang, 'pl.revenueOnly')]));
  const company = c.rows[c.rows.length - 1];
  if (c.levers && company.gap !== null) {
    if (company.gap <= 0) out.push(pad([t(lang, 'pl.noGap')]));
    else {
      out.push(pad([t(lang, 'pl.levers')]));
      out.push(pad([t(lang, 'pl.lever.leads'), round1(c.levers.leadsPerMonth)]));
      out.push(pad([t(lang, 'pl.lever.conversion'), percent(c.levers.conversion)]));
      out.push(pad([t(lang, 'pl.lever.average'), Math.round(c.levers.averageDeal / 100)]));
      out.push(pad([t(lang, 'pl.lever.hires'), c.levers.hires ?? '']));
    }
  }
  return out;
}
