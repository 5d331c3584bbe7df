/**
 * Process compliance as a grade criterion, hand-computed: the share of a manager's checked stage
 * moves (Stage history's «Критерий выполнен») over the grade's look-back months, counted for the
 * deal's owner; moves outside the window or never checked are ignored; no move = no figure.
 */
import { gradeFigures, TeamFigures } from '../../../src/core/people/figures';
import { readiness } from '../../../src/core/people/grades';
import type { GradeDef } from '../../../src/core/people/types';
import { change, day, deal, manager, moscow, msk, workbook } from '../analytics/fixtures';

const today = day(2026, 11, 27);
const ivan = manager({ email: 'ivan@example.com' });
const maria = manager({ email: 'maria@example.com' });
const grade = (name: string, planMonths: number, minCompliance: number | null): GradeDef => ({
  grade: name,
  planMonths,
  minPlan: null,
  minConversion: null,
  minCompliance,
  minTrainings: null,
  minMonths: null,
  bonusScheme: '',
});
// Senior looks back three finished months (August-October), Lead one (October).
const ladder = [grade('Middle', 3, null), grade('Senior', 3, 0.8), grade('Lead', 1, 0.5)];

const d1 = deal({ id: 'D1', manager: 'Ivan@Example.com' });
const d2 = deal({ id: 'D2', manager: 'ivan@example.com' });
const met = (id: string, at: number, exitMet: boolean | null) => ({
  ...change(id, 'A', 'B', at),
  exitMet,
});
const data = workbook({
  managers: [ivan, maria],
  deals: [d1, d2],
  stageHistory: [
    met('D1', msk(2026, 7, 31, 23, 59), false), // July: before the window
    met('D1', msk(2026, 8, 10, 12), true),
    met('D2', msk(2026, 9, 5, 12), true),
    met('D2', msk(2026, 9, 6, 12), null), // not checked by a playbook: not a move that counts
    met('D1', msk(2026, 10, 20, 12), false),
    met('D2', msk(2026, 10, 31, 23, 30), true), // the window's last evening, Moscow time
    met('D1', msk(2026, 11, 3, 12), false), // this month: not finished, outside
  ],
});

describe('process compliance in the grade check', () => {
  it('counts 3 of 4 checked moves in the window: 75 % is short of an 80 % criterion', () => {
    const f = gradeFigures(new TeamFigures(data, moscow), [], ivan, today);
    expect(f(ladder[1]).compliance).toBeCloseTo(0.75, 9);
    const r = readiness(ladder, 'Middle', f);
    expect(r.next?.checks).toEqual([{ key: 'compliance', need: 0.8, have: 0.75, ok: false }]);
    expect(r.next?.ready).toBe(false);
  });

  it("looks back each grade's own months", () => {
    const f = gradeFigures(new TeamFigures(data, moscow), [], ivan, today);
    // October alone: one met of two.
    expect(f(ladder[2]).compliance).toBeCloseTo(0.5, 9);
    expect(readiness(ladder, 'Senior', f).next).toMatchObject({ grade: 'Lead', ready: true });
    // In their own grade 75 % < 80 %: at risk of falling below it.
    expect(readiness(ladder, 'Senior', f).risks.map((c) => c.key)).toEqual(['compliance']);
  });

  it('has no figure for a manager without moves: skipped, neither met nor failed', () => {
    const f = gradeFigures(new TeamFigures(data, moscow), [], maria, today);
    expect(f(ladder[1]).compliance).toBeNull();
    const r = readiness(ladder, 'Middle', f);
    expect(r.next?.checks).toEqual([{ key: 'compliance', need: 0.8, have: null, ok: null }]);
    expect(readiness(ladder, 'Senior', f).risks).toEqual([]);
  });
});
