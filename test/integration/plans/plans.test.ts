/**
 * The plan builder and the plan defence through the built bundle on the demo workbook: what is
 * read (each sheet once), what is written (one setValues per block), and the refusals (a
 * manager, a stale preview, hand-typed rows not ticked).
 */
import type { Project } from '../../../local/harness';
import { PLANS } from '../../../src/core/workbook/schema';
import { mapHeaders } from '../../../src/core/workbook/headers';
import type { Request } from '../../../src/shared/contract';
import { ok, rpc, seedDemo, type Demo } from '../rpc/seed';

let demo: Demo;
let project: Project;

beforeAll(() => {
  demo = seedDemo();
  project = demo.project;
});

const draft = (over: Partial<Request<'planPreview'>> = {}): Request<'planPreview'> => ({
  metric: 'revenue',
  period: '2027',
  target: 120_000_000,
  growth: NaN,
  spread: 'workdays',
  weights: [],
  split: 'capacity',
  respread: false,
  ...over,
});

const reReads = () => Object.entries(project.lastReads).filter(([, n]) => n > 1);
const setValues = () => project.lastCalls['Range.setValues'] ?? 0;

function plansSheet() {
  const sheet = project.emulator.spreadsheet.getSheetByName(PLANS.ru)!;
  const values = sheet.getDataRange().getValues();
  const index = mapHeaders(values[0].map(String), PLANS.columns).index;
  return { sheet, values, index };
}

describe('plan builder through the bundle', () => {
  it('previews a year plan: every row added, each sheet read once', () => {
    const p = ok(rpc(project, demo.head, 'planPreview', draft()));
    expect(reReads()).toEqual([]);
    expect(setValues()).toBe(0);
    expect(p.months).toHaveLength(12);
    expect(p.total).toBe(120_000_000_00);
    expect(p.months.reduce((s, m) => s + m.value, 0)).toBe(p.total);
    expect(p.unchanged).toBe(0);
    expect(p.diff.every((d) => d.kind === 'added')).toBe(true);
  });

  it('a manager may not preview or write', () => {
    const r = rpc(project, demo.managers[0], 'planPreview', draft());
    expect(r.ok).toBe(false);
    const w = rpc(project, demo.managers[0], 'planWrite', { ...draft(), version: '', ticked: [] });
    expect(w.ok).toBe(false);
  });

  it('writes in one block under the lock, consistent; a second preview finds it unchanged', () => {
    const p = ok(rpc(project, demo.head, 'planPreview', draft()));
    const before = plansSheet().values.length;
    const w = ok(
      rpc(project, demo.head, 'planWrite', { ...draft(), version: p.version, ticked: [] }),
    );
    expect(reReads()).toEqual([]);
    expect(setValues()).toBe(1);
    expect(w.written).toBe(p.diff.length);
    expect(w.problems).toEqual([]);
    const after = plansSheet();
    expect(after.values.length).toBe(before + p.diff.length);
    const last = after.values[after.values.length - 1];
    expect(last[after.index.source]).toBe('Построитель');
    const again = ok(rpc(project, demo.head, 'planPreview', draft()));
    expect(again.diff).toEqual([]);
    expect(again.unchanged).toBe(p.diff.length);
    expect(again.version).toBe(w.preview.version);
  });

  it('re-spreads the builder rows in place: one setValues per run of rows', () => {
    const p = ok(rpc(project, demo.head, 'planPreview', draft({ spread: 'equal' })));
    expect(p.diff.length).toBeGreaterThan(0);
    expect(p.diff.every((d) => d.kind === 'changed' && !d.hand)).toBe(true);
    const w = ok(
      rpc(project, demo.head, 'planWrite', {
        ...draft({ spread: 'equal' }),
        version: p.version,
        ticked: [],
      }),
    );
    expect(w.written).toBe(p.diff.length);
    // The builder appended its rows together: the changed ones are one run of rows.
    expect(setValues()).toBe(1);
    expect(w.problems).toEqual([]);
  });

  it('refuses a stale preview: the Plans sheet changed since', () => {
    const p = ok(rpc(project, demo.head, 'planPreview', draft()));
    const { sheet, values, index } = plansSheet();
    sheet.getRange(values.length, index.value + 1).setValue(1);
    const w = rpc(project, demo.head, 'planWrite', { ...draft(), version: p.version, ticked: [] });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.error.message).toContain('изменился после предпросмотра');
    expect(setValues()).toBe(0);
  });

  it('leaves hand-typed rows alone unless ticked', () => {
    // The demo's 2026 plans were typed (no Source mark); rebuilding the year changes them.
    const req = draft({ period: '2026-Q1', target: 1_000_000, split: 'equal' });
    const p = ok(rpc(project, demo.head, 'planPreview', req));
    const hand = p.diff.filter((d) => d.hand);
    expect(hand.length).toBeGreaterThan(0);
    const before = plansSheet().values;
    const w = ok(rpc(project, demo.head, 'planWrite', { ...req, version: p.version, ticked: [] }));
    expect(w.kept).toBe(hand.length);
    expect(w.written).toBe(p.diff.length - hand.length);
    const same = plansSheet().values;
    for (const row of same.slice(0, before.length)) {
      if (row[0] === '') continue;
      const was = before[same.indexOf(row)];
      expect(row[plansSheet().index.value]).toBe(was[plansSheet().index.value]);
    }
    const q = ok(rpc(project, demo.head, 'planPreview', req));
    const tick = q.diff.filter((d) => d.hand).map((d) => d.key);
    const t = ok(
      rpc(project, demo.head, 'planWrite', { ...req, version: q.version, ticked: tick }),
    );
    expect(t.written).toBe(q.diff.length);
    expect(t.kept).toBe(0);
    expect(reReads()).toEqual([]);
  });

  it('re-spreads the shortfall of the closed months of 2026', () => {
    const p = ok(
      rpc(
        project,
        demo.head,
        'planPreview',
        draft({ period: '2026', target: 200_000_000, respread: true }),
      ),
    );
    expect(p.shortfall).not.toBeNull();
    expect(p.months.filter((m) => m.closed)).toHaveLength(10);
  });
});

describe('plan defence', () => {
  it('writes the sheet in one block, reading each sheet once', () => {
    const r = ok(
      rpc(project, demo.head, 'planDefence', { period: '2027', target: 400_000_000, months: 12 }),
    );
    expect(r.sheet).toBe('Защита плана');
    expect(reReads()).toEqual([]);
    expect(setValues()).toBe(1);
    const sheet = project.emulator.spreadsheet.getSheetByName('Защита плана')!;
    const values = sheet.getDataRange().getValues();
    expect(values[0][0]).toBe('Защита плана на 2027');
    expect(values[3][0]).toBe('Кто');
    const company = values.find((row) => row[0] === 'Компания')!;
    expect(company[7]).toBe(400_000_000);
    expect(company[8]).toBeCloseTo(400_000_000 - (company[6] as number), 2);
    expect(values.some((row) => String(row[0]).startsWith('Чтобы закрыть разрыв'))).toBe(true);
    // The managers' own 2027 plans (written above) stand beside their achievable figures.
    const body = values.slice(
      4,
      values.findIndex((row, i) => i > 4 && row[0] === ''),
    );
    const managers = body.filter((row) => row[1] !== '');
    expect(managers.length).toBeGreaterThan(0);
    expect(managers.every((row) => typeof row[7] === 'number')).toBe(true);
  });

  it('a name typed as a formula is written as its text', () => {
    const sheet = project.emulator.spreadsheet.getSheetByName('Менеджеры')!;
    const values = sheet.getDataRange().getValues();
    const col = values[0].indexOf('Имя');
    const row = values.findIndex((r) => r.includes(demo.managers[0])) + 1;
    sheet.getRange(row, col + 1).setValue('\'=HYPERLINK("http://x")');
    ok(rpc(project, demo.head, 'planDefence', { period: '2027', target: NaN, months: 12 }));
    const out = project.emulator.spreadsheet.getSheetByName('Защита плана')!;
    const cells = out
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    expect(cells).toContain('=HYPERLINK("http://x")');
    expect(out.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('the Plans… menu item opens the sidebar asking for the Plans screen', () => {
    project.run('menuPlans', [], { user: demo.head });
    const shown = project.emulator.ui.sidebars[project.emulator.ui.sidebars.length - 1];
    expect(shown.content).toContain("window.ROPDESK_SCREEN='plans'");
    expect(() => project.run('menuPlans', [], { user: demo.managers[0] })).toThrow();
  });

  it('from the menu: next year against its company plan', () => {
    project.run('menuPlanDefence', [], { user: demo.head });
    expect(reReads()).toEqual([]);
    const values = project.emulator.spreadsheet
      .getSheetByName('Защита плана')!
      .getDataRange()
      .getValues();
    expect(values[0][0]).toBe('Защита плана на 2027');
  });

  it('SALES_CAPACITY reads only its ranges and the context', () => {
    const range = (name: string) =>
      project.emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    const t = project.customFunction('SALES_CAPACITY', [
      range('Сделки'),
      range('Менеджеры'),
      '2027',
      6,
      150_000_000,
    ]) as unknown[][];
    expect(t[0][0]).toBe('Кто');
    expect(t.find((r) => r[0] === 'Компания')).toBeDefined();
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });
});
