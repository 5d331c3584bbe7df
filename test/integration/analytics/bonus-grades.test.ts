/**
 * A grade switches the bonus scheme, through the built bundle on the demo workbook: the
 * dashboard's bonus block pays each manager by the scheme their grade names in Settings (the
 * demo's Senior on «Старшая», the others on «Базовая»), with the amounts recomputed here from the
 * Settings bonus table; a grade naming a missing scheme says so on its row; SALES_BONUS follows
 * the grades when its scheme range is the whole Settings sheet, and not from ROP_BONUS alone.
 */
import { demoProject, named, range, records, round2 } from './helpers';

type Row = Record<string, unknown>;

/** The rows of the dashboard block under `title` (header row below it, a blank row after). */
function block(values: unknown[][], title: string): Row[] {
  const at = values.findIndex((r) => r[0] === title);
  if (at < 0) throw new Error(`no block ${title}`);
  const end = values.findIndex((r, i) => i > at + 1 && r[0] === '');
  return records(values.slice(at + 1, end < 0 ? undefined : end));
}

/** A Settings table found by its first header, read down to its first blank row. */
function table(settings: unknown[][], first: string): Row[] {
  for (let c = 0; c < settings[0].length; c++) {
    if (settings[0][c] !== first) continue;
    const head = settings[0].slice(c);
    const width = head.indexOf('') < 0 ? head.length : head.indexOf('');
    const rows = settings.map((r) => r.slice(c, c + width));
    const end = rows.findIndex((r, i) => i > 0 && r[0] === '');
    return records(rows.slice(0, end < 0 ? undefined : end));
  }
  throw new Error(`no Settings table ${first}`);
}

/** Marginal tiers: each pays its rate on the slice of the fact between from×plan and to×plan. */
function marginal(tiers: Row[], plan: number, fact: number): number {
  let bonus = 0;
  for (const t of tiers) {
    const lower = (t['От % плана'] as number) * plan;
    const upper = t['До % плана'] === '' ? Infinity : (t['До % плана'] as number) * plan;
    bonus += Math.max(0, Math.min(fact, upper) - lower) * (t['Ставка'] as number);
  }
  return bonus;
}

describe("the bonus follows the manager's grade", () => {
  const p = demoProject();
  const settings = range(p, 'Настройки');
  const grades = new Map(
    table(settings, 'Грейд').map((g) => [String(g['Грейд']), String(g['Схема премии'])]),
  );
  const tiers = table(settings, 'Схема');
  const gradeOf = new Map(
    records(range(p, 'Менеджеры')).map((m) => [String(m['Имя']), String(m['Грейд'])]),
  );

  it('pays each row of the dashboard block by the scheme its grade names', () => {
    p.run('menuRefreshDashboard');
    const rows = block(range(p, 'Дашборд'), 'Премии за период');
    expect(rows.length).toBeGreaterThan(5);
    // A head sees two schemes at work, each the one the grade names.
    expect(new Set(rows.map((r) => r['Схема']))).toEqual(new Set(['Базовая', 'Старшая']));
    let checked = 0;
    for (const r of rows) {
      const scheme = grades.get(gradeOf.get(String(r['Менеджер'])) ?? '');
      expect(r['Схема']).toBe(scheme);
      const plan = r['План'] as number;
      if (!(plan > 0) || r['Просроченная дебиторка'] !== 0) continue;
      const own = tiers.filter((t) => t['Схема'] === scheme);
      expect(r['Премия']).toBeCloseTo(round2(marginal(own, plan, r['Факт'] as number)), 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('a grade naming a missing scheme pays by the fallback and says so on the row', () => {
    const q = demoProject();
    const sheet = q.emulator.spreadsheet.getSheetByName('Настройки')!;
    const values = sheet.getDataRange().getValues();
    const col = values[0].indexOf('Схема премии');
    const gradeCol = values[0].indexOf('Грейд');
    const row = values.findIndex((r) => r[gradeCol] === 'Senior');
    sheet.getRange(row + 1, col + 1).setValue('Золото');
    q.run('menuRefreshDashboard');
    const senior = block(range(q, 'Дашборд'), 'Премии за период').find(
      (r) => gradeOf.get(String(r['Менеджер'])) === 'Senior',
    );
    expect(senior?.['Схема']).toBe('Базовая');
    expect(String(senior?.['Расчёт'])).toMatch(
      /^схема грейда Senior «Золото» не найдена — взята «Базовая»(; |$)/,
    );
    // The monthly results mail shows the figure without the calculation: the note goes with it.
    q.run('menuRemindersOn');
    q.emulator.runDueTriggers(Date.parse('2026-12-01T10:00:00+03:00'));
    const monthly = q.emulator.outbox.filter((m) =>
      /^ROP Desk: итоги ноября 2026$/.test(m.subject),
    );
    expect(monthly.length).toBeGreaterThan(0); // the head and the report recipients
    for (const m of monthly)
      expect(m.body).toContain('схема грейда Senior «Золото» не найдена — взята «Базовая»');
  });

  it('SALES_BONUS uses the grades when its scheme range is the Settings sheet', () => {
    const args = (scheme: unknown[][]) => [
      range(p, 'Планы'),
      range(p, 'Сделки'),
      scheme,
      '2026-11',
      range(p, 'Счета'),
    ];
    const schemesOf = (t: unknown[][]) =>
      new Map(t.slice(1, -1).map((r) => [String(r[0]), String(r[1])]));
    const whole = schemesOf(p.customFunction('SALES_BONUS', args(settings)) as unknown[][]);
    expect(whole.size).toBeGreaterThan(5);
    for (const [name, scheme] of whole) {
      expect(scheme).toBe(grades.get(gradeOf.get(name) ?? ''));
    }
    expect(new Set(whole.values())).toEqual(new Set(['Базовая', 'Старшая']));
    // The bonus table alone names no grades: everyone on the first scheme, as documented.
    const bonusOnly = p.customFunction('SALES_BONUS', args(named(p, 'ROP_BONUS')));
    expect(new Set(schemesOf(bonusOnly as unknown[][]).values())).toEqual(new Set(['Базовая']));
  });
});
