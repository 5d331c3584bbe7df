import { forecastReport, parsePeriod } from '../../../src/core/analytics';
import { day, deal, manager, moscow, plan, rub, workbook } from './fixtures';

const nov = parsePeriod('2026-11')!;

describe('forecastReport', () => {
  it('needs pipeline of 1 / win rate over the last 12 months, per manager and in total', () => {
    const won = (email: string, at: number) =>
      deal({ manager: email, stage: 'Успешно', amount: rub(1_000), closedAt: at });
    const lost = (email: string, at: number) =>
      deal({ manager: email, stage: 'Проиграно', amount: rub(1_000), closedAt: at });
    const data = workbook({
      managers: [
        manager({ email: 'ivan@example.com', name: 'Иван' }),
        manager({ email: 'olga@example.com', name: 'Ольга' }),
      ],
      plans: [plan({ period: '2026-11', value: rub(100_000) })],
      deals: [
        won('ivan@example.com', day(2026, 3, 1)),
        lost('ivan@example.com', day(2026, 4, 1)),
        lost('ivan@example.com', day(2026, 5, 1)),
        lost('ivan@example.com', day(2026, 6, 1)),
        // More than 364 days before the as-of day: outside the window.
        won('olga@example.com', day(2025, 11, 1)),
      ],
    });
    const f = forecastReport(data, nov, day(2026, 11, 27), moscow);
    const byName = new Map(f.managers.map((m) => [m.row.name, m.neededCoverage]));
    expect(byName.get('Иван')).toBe(4);
    expect(byName.get('Ольга')).toBeNull();
    expect(f.company.neededCoverage).toBe(4);
    expect(f.company.row.level).toBe('company');
  });
});
