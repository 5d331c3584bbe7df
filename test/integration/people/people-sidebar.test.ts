/**
 * The People methods the sidebar added in its second round, through the built bundle on the demo:
 * the head moves a candidate's stage and scores them (one block written, no sheet read twice;
 * scoring again replaces), a manager may call neither, a manager's view carries their own growth
 * line and grade criteria marked met or not, and a mentor sees and marks their mentee's steps.
 */
import type { Project } from '../../../local/harness';
import { CANDIDATES, MANAGERS, SCORECARD } from '../../../src/core/workbook/schema';
import { ok, rpc, seedDemo, type Demo } from '../rpc/seed';

let demo: Demo;
let project: Project;

beforeAll(() => {
  demo = seedDemo();
  project = demo.project;
});

const rows = (def: { ru: string }) =>
  project.emulator.spreadsheet.getSheetByName(def.ru)?.getDataRange().getValues() ?? [];

function oneWriteNoRereads(): void {
  expect(Object.entries(project.lastReads).filter(([, n]) => n > 1)).toEqual([]);
  expect(project.lastCalls['Range.setValues']).toBe(1);
}

function openCandidate() {
  const v = ok(rpc(project, demo.head, 'people', {}));
  const c = v.candidates?.find((k) => k.open);
  if (!c) throw new Error('the demo has no open candidate');
  return { v, c };
}

describe('candidates from the sidebar', () => {
  it('the head moves a candidate to another stage', () => {
    const { v, c } = openCandidate();
    expect(v.stages.map(([k]) => k)).not.toContain('hired');
    const after = ok(
      rpc(project, demo.head, 'candidateStage', { row: c.row, name: c.name, stage: 'declined' }),
    );
    oneWriteNoRereads();
    expect(after.candidates?.find((k) => k.row === c.row)).toMatchObject({
      stage: 'Отказ',
      open: false,
    });
    expect(rows(CANDIDATES).find((r) => r[0] === c.name)).toContain('Отказ');
  });

  it('the head scores a candidate; scoring the same question again replaces the score', () => {
    const { v, c } = openCandidate();
    const question = v.questions[v.questions.length - 1];
    const before = rows(SCORECARD).length;
    const score = (n: number) =>
      rpc(project, demo.head, 'scoreCandidate', { row: c.row, name: c.name, question, score: n });
    ok(score(2));
    oneWriteNoRereads();
    const mid = rows(SCORECARD);
    const mine = (r: unknown[]) => r[0] === c.name && r[1] === question;
    expect(mid.filter(mine)).toHaveLength(1);
    ok(score(5));
    oneWriteNoRereads();
    const after = rows(SCORECARD);
    expect(after.length).toBe(mid.length);
    expect(after.length).toBeLessThanOrEqual(before + 1);
    expect(after.find(mine)?.[2]).toBe(5);
    expect(score(7).ok).toBe(false);
    const unknown = rpc(project, demo.head, 'scoreCandidate', {
      row: c.row,
      name: c.name,
      question: 'no such question',
      score: 3,
    });
    expect(unknown.ok).toBe(false);
    expect(rows(SCORECARD).length).toBe(after.length);
  });

  it('a manager can neither move nor score a candidate', () => {
    for (const method of ['candidateStage', 'scoreCandidate'] as const) {
      const reply = project.rpc('rpc', [method, {}], { user: demo.managers[0] }) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('forbidden');
    }
  });
});

describe("a manager's own growth", () => {
  it('carries the growth line and grade criteria marked met or not, and no head data', () => {
    const v = ok(rpc(project, demo.managers[1], 'people', {}));
    expect(v.growth).toMatch(/^Обучений за год: \d+ · аттестация: (\d\d\.\d\d\.\d{4}|—)$/);
    expect(v.grades.length).toBeLessThanOrEqual(1);
    if (v.grades[0]) expect(v.grades[0].note).toMatch(/[✓✗] /);
    expect(v.candidates).toBeNull();
    expect(v.questions).toEqual([]);
    expect(v.stages).toEqual([]);
  });

  it("a mentor sees their mentee's steps and marks one; others see none", () => {
    const table = rows(MANAGERS);
    const at = table[0].indexOf('Наставник');
    const row = table.find((r, i) => i > 0 && String(r[at]).includes('@'));
    const mentor = String(row?.[at]).toLowerCase();
    const mentee = String(row?.[1]).toLowerCase();
    const v = ok(rpc(project, mentor, 'people', {}));
    expect(v.mentees.length).toBeGreaterThan(0);
    expect(v.mentees.every((s) => s.manager === mentee)).toBe(true);
    const open = v.mentees.find((s) => !s.done);
    const after = ok(
      rpc(project, mentor, 'markOnboarding', {
        manager: mentee,
        step: open?.step ?? '',
        done: true,
        comment: '',
      }),
    );
    expect(after.mentees.find((s) => s.step === open?.step)?.done).toBe(true);
    const other = demo.managers.find((m) => m !== mentor && m !== mentee) as string;
    expect(ok(rpc(project, other, 'people', {})).mentees).toEqual([]);
  });
});
