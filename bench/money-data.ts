/**
 * The money benches' ranges beside the generated CRM (seeded, the same every run): expenses over
 * two years, a budget of 240 rows, and deal lines (two per deal on average, a third of them
 * discounted, a few in dollars), each with its header row as Sheets passes a range.
 */
import { Random } from '../src/core/demo/random';
import { dayFromYmd, startOfDay } from '../src/core/time';
import type { WorkbookData } from '../src/core/types';
import { DEFAULT_SOURCES } from '../src/core/workbook/settings';
import { TODAY, ZONE } from './workbook';

type Grid = unknown[][];

export function moneyGrids(
  data: WorkbookData,
  sizes: { expenses: number; lines: number },
): { spend: Grid; budget: Grid; lines: Grid } {
  const rnd = new Random(15);
  const sources = DEFAULT_SOURCES.ru;
  const LINES = ['Реклама', 'Выставки', 'Сервисы', 'Обучение', 'Премии'];
  const first = dayFromYmd(2024, 12, 1);
  const spend: Grid = [['Дата', 'Статья', 'Источник', 'Сумма', 'Комментарий']];
  for (let i = 0; i < sizes.expenses; i++) {
    const day = first + rnd.int(0, TODAY - first);
    spend.push([
      new Date(startOfDay(day, ZONE)),
      rnd.pick(LINES),
      rnd.chance(0.1) ? '' : rnd.pick(sources),
      rnd.int(1_000, 90_000),
      'счёт',
    ]);
  }
  const budget: Grid = [['Статья', 'Источник', 'Месяц', 'План']];
  for (let m = 0; m < 24; m++) {
    const label = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (const line of LINES) budget.push([line, '', label, 2_000_000]);
    for (const s of sources.slice(0, 5)) budget.push(['Реклама', s, label, 500_000]);
  }
  const dealIds = data.deals.map((d) => d.id);
  const lines: Grid = [
    ['ID сделки', 'Товар', 'Количество', 'Цена по прайсу', 'Цена', 'Скидка', 'Валюта'],
  ];
  for (let i = 0; i < sizes.lines; i++) {
    const list = rnd.int(1, 50) * 1_000;
    lines.push([
      dealIds[i % dealIds.length],
      `Товар ${rnd.int(1, 300)}`,
      rnd.int(1, 20),
      list,
      '',
      rnd.chance(0.33) ? rnd.int(1, 25) / 100 : '',
      rnd.chance(0.05) ? 'USD' : '',
    ]);
  }
  return { spend, budget, lines };
}
