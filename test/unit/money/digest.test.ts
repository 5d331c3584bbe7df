import { budgetAlerts, budgetSection } from '../../../src/core/reminders/budget';
import { t, type MessageKey, type MessageParams } from '../../../src/core/i18n';
import { parsePeriod } from '../../../src/core/workbook/period';
import { day, rub } from '../analytics/fixtures';

const month = parsePeriod('2026-11');
const budget = [
  { row: 2, line: 'Реклама', source: 'Яндекс', month, amount: rub(100_000) },
  { row: 3, line: 'Сервисы', source: '', month, amount: rub(30_000) },
  { row: 4, line: 'Выставки', source: '', month, amount: rub(50_000) },
];
const spend = [
  // 45 000 in 10 days of 30: 135 000 by the month's end.
  {
    row: 2,
    day: day(2026, 11, 4),
    line: 'Реклама',
    source: 'Яндекс',
    amount: rub(45_000),
    comment: '',
  },
  { row: 3, day: day(2026, 11, 2), line: 'Сервисы', source: '', amount: rub(5_000), comment: '' },
  { row: 4, day: day(2026, 11, 1), line: 'Выставки', source: '', amount: rub(60_000), comment: '' },
];

describe("the head's summary: budget lines overspending this month", () => {
  const alerts = budgetAlerts({ budget, spend }, day(2026, 11, 10));

  it('flags a line at its pace before it overspends, and one already over', () => {
    expect(alerts).toEqual([
      {
        line: 'Выставки',
        source: '',
        plan: rub(50_000),
        actual: rub(60_000),
        projection: rub(180_000),
        status: 'over',
      },
      {
        line: 'Реклама',
        source: 'Яндекс',
        plan: rub(100_000),
        actual: rub(45_000),
        projection: rub(135_000),
        status: 'atRisk',
      },
    ]);
  });

  it('renders one line per alert, and nothing when none', () => {
    const out: string[] = [];
    const doc = {
      tr: (key: MessageKey, params?: MessageParams) => t('ru', key, params),
      heading: (text: string, count?: number) => out.push(`# ${text} (${count})`),
      para: (text: string) => out.push(text),
    };
    budgetSection(doc, alerts, (k) => String(k / 100));
    expect(out).toEqual([
      '# Бюджет: статьи с перерасходом (2)',
      'Выставки: факт 60000 из 50000, по темпу к концу месяца 180000',
      'Реклама · Яндекс: факт 45000 из 100000, по темпу к концу месяца 135000',
    ]);
    out.length = 0;
    budgetSection(doc, [], String);
    expect(out).toEqual([]);
  });
});
