/**
 * Plan periods as the core spells them: "2026-11" (month), "2026-Q4" (quarter), "2026" (year).
 * People type "11.2026", "ноябрь 2026", "Q4 2026", "4 кв. 2026"; Sheets may have turned a typed
 * month into a date cell. All of these are accepted.
 */
const MONTHS: Record<string, number> = {
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  мая: 5,
  май: 5,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function normalizePeriod(value: unknown): string | null {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    // A month typed as a date is the first of that month; the zone cannot move it across months
    // by more than a day, so read it at noon UTC of the same calendar day.
    const t = new Date(d.getTime() + 12 * 3_600_000);
    return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}`;
  }
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1900 && value <= 2200 ? String(value) : null;
  const text = String(value ?? '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е');
  let m = /^(\d{4})$/.exec(text);
  if (m) return m[1];
  m = /^(\d{4})[-./ ](\d{1,2})$/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${m[1]}-${pad2(+m[2])}`;
  m = /^(\d{1,2})[-./ ](\d{4})$/.exec(text);
  if (m && +m[1] >= 1 && +m[1] <= 12) return `${m[2]}-${pad2(+m[1])}`;
  m = /^(\d{4})[- ]?(?:q|кв\.?|квартал)\s*([1-4])$/.exec(text);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^(?:q|кв\.?|квартал)?\s*([1-4])\s*(?:q|кв\.?|квартал)?[ ,.-]*(\d{4})(?:\s*г\.?)?$/.exec(
    text,
  );
  if (m && /q|кв/.test(text)) return `${m[2]}-Q${m[1]}`;
  m = /^([a-zа-я]+)\.?\s+(\d{4})(?:\s*г\.?)?$/.exec(text);
  if (m) {
    const month = MONTHS[m[1].slice(0, 3)];
    if (month) return `${m[2]}-${pad2(month)}`;
  }
  return null;
}
