/**
 * Expenses from a CSV or .xlsx file (the import's "spend" target): the header is mapped by the
 * Spend sheet's own headers and aliases, so a bank or ad-cabinet export with «Дата», «Статья»,
 * «Сумма» columns goes in as it is. A row without a readable date, a line or an amount is
 * rejected with its reasons; nothing is guessed.
 */
import { t } from '../i18n';
import type { Kopecks } from '../money';
import type { Day, Zone } from '../time';
import type { Lang } from '../types';
import { readCell } from '../workbook/cells';
import { mapHeaders } from '../workbook/headers';
import { SPEND } from '../workbook/schema';

export interface SpendCells {
  date: Day;
  line: string;
  source: string;
  amount: Kopecks;
  comment: string;
}

export interface SpendImport {
  mapping: Array<{ header: string; field: string }>;
  /** Required columns the file lacks, as their headers read in `lang`. */
  missing: string[];
  rows: SpendCells[];
  rejected: Array<{ row: number; reasons: string[] }>;
}

export function spendFromRows(table: readonly string[][], zone: Zone, lang: Lang): SpendImport {
  const head = table.findIndex((r) => r.some((c) => String(c).trim()));
  const header = head < 0 ? [] : table[head];
  const map = mapHeaders(header, SPEND.columns);
  const field = new Map(Object.entries(map.index).map(([k, i]) => [i, k]));
  const mapping = header.map((h, i) => {
    const key = field.get(i);
    const col = SPEND.columns.find((c) => c.key === key);
    return { header: String(h), field: col ? col[lang] : '' };
  });
  const out: SpendImport = {
    mapping,
    missing: map.missing.map((c) => c[lang]),
    rows: [],
    rejected: [],
  };
  if (head < 0 || out.missing.length) return out;
  const cell = (row: readonly string[], key: string): string => {
    const i = map.index[key];
    return i === undefined ? '' : String(row[i] ?? '').trim();
  };
  for (let r = head + 1; r < table.length; r++) {
    const row = table[r];
    if (!row.some((c) => String(c).trim())) continue;
    const date = readCell('date', cell(row, 'date'), zone);
    const amount = readCell('money', cell(row, 'amount'), zone);
    const line = cell(row, 'line');
    const reasons: string[] = [];
    if (typeof date !== 'number') reasons.push(t(lang, 'money.import.date'));
    if (!line) reasons.push(t(lang, 'money.import.line'));
    if (typeof amount !== 'number') reasons.push(t(lang, 'money.import.amount'));
    if (reasons.length || typeof date !== 'number' || typeof amount !== 'number') {
      out.rejected.push({ row: r + 1, reasons });
      continue;
    }
    out.rows.push({
      date,
      line,
      source: cell(row, 'source'),
      amount,
      comment: cell(row, 'comment'),
    });
  }
  return out;
}
