/**
 * People through the built bundle on the demo workbook: the view for the head and for a manager
 * (who sees only their own rows), onboarding marked by its owner and refused to others, a
 * training added by the head, a candidate hired once (the second click is refused), each sheet
 * read at most once and each block written with one setValues.
 */
import type { Project } from '../../../local/harness';
import type { PeopleView } from '../../../src/shared/contract-people';
import { CANDIDATES, MANAGERS, ONBOARDING, TRAINING } from '../../../src/core/workbook/schema';
import { ok, rpc, seedDemo, type Demo } from '../rpc/seed';

let demo: Demo;
let project: Project;

beforeAll(() => {
  demo = seedDemo();
  project = demo.project;
});

const rows = (def: { ru: string }) =>
  project.emulator.spreadsheet.getSheetByName(def.ru)?.getDataRange().getValues() ?? [];

function noSheetReadTwice(): void {
  expect(Object.entries(project.lastReads).filter(([, n]) => n > 1)).toEqual([]);
}

/** The demo's newest hire: the one with onboarding rows. */
function newHire(): string {
  const v = ok(rpc(project, demo.head, 'people', {}));
  return v.onboarding[0].manager;
}

describe('the People view', () => {
  it('shows the head everyone: onboarding, due, grades, candidates', () => {
    const v: PeopleView = ok(rpc(project, demo.head, 'people', {}));
    noSheetReadTwice();
    expect(v.onboarding).toHaveLength(1);
    expect(v.onboarding[0].total).toBe(4);
    expect(v.due.length).toBeGreaterThan(0);
    expect(v.grades.length).toBeGreaterThan(demo.managers.length / 2);
    expect(v.grades.length).toBeLessThanOrEqual(demo.managers.length);
    // Each line leads with the scheme the bonus uses: the one its grade names (Settings).
    for (const g of v.grades) {
      const scheme = g.grade === 'Senior' || g.grade === 'Lead' ? 'Старшая' : 'Базовая';
      expect([g.scheme, g.note.startsWith(`«${scheme}»,`)]).toEqual([scheme, true]);
    }
    expect(new Set(v.grades.map((g) => g.scheme)).size).toBe(2);
    expect(v.candidates?.length).toBe(5);
    expect(v.candidates?.some((c) => c.score !== '')).toBe(true);
    expect(v.canHire).toBe(true);
  });

  it('shows a manager only their own part and no candidates', () => {
    const me = newHire();
    const v = ok(rpc(project, me, 'people', {}));
    expect(v.candidates).toBeNull();
    expect(v.canHire).toBe(false);
    expect(v.onboarding.every((o) => o.manager === me)).toBe(true);
    expect(v.mine).toHaveLength(4);
    expect(v.grades.length).toBeLessThanOrEqual(1);
    const other = demo.managers.find((m) => m !== me) as string;
    const theirs = ok(rpc(project, other, 'people', {}));
    expect(theirs.mine).toEqual([]);
    expect(theirs.onboarding).toEqual([]);
    const own = rows(MANAGERS).find((r) => String(r[1]).toLowerCase() === other)?.[0];
    expect(theirs.trainings.length).toBeGreaterThan(0);
    expect(theirs.trainings.every((t) => t.name === own)).toBe(true);
  });
});

describe('onboarding', () => {
  it('the new manager marks their own step: one write, no sheet read twice', () => {
    const me = newHire();
    const steps = ok(rpc(project, me, 'myOnboarding', {}));
    const open = steps.find((s) => !s.done);
    expect(open).toBeDefined();
    const before = rows(ONBOARDING).length;
    const v = ok(
      rpc(project, me, 'markOnboarding', {
        manager: me,
        step: open?.step ?? '',
        done: true,
        comment: '',
      }),
    );
    noSheetReadTwice();
    expect(project.lastCalls['Range.setValues']).toBe(1);
    expect(v.mine.find((s) => s.step === open?.step)?.done).toBe(true);
    expect(rows(ONBOARDING).length).toBe(before);
  });

  it("another manager cannot mark someone else's step", () => {
    const me = newHire();
    const other = demo.managers.find((m) => m !== me) as string;
    const reply = rpc(project, other, 'markOnboarding', {
      manager: me,
      step: 'x',
      done: true,
      comment: '',
    });
    expect(reply.ok).toBe(false);
  });

  it('starting onboarding again adds nothing (idempotent)', () => {
    const before = rows(ONBOARDING).length;
    ok(rpc(project, demo.head, 'startOnboarding', {}));
    expect(rows(ONBOARDING).length).toBe(before);
  });
});

describe('training and hiring', () => {
  it('the head adds a training: one row, one setValues', () => {
    const before = rows(TRAINING).length;
    ok(
      rpc(project, demo.head, 'addTraining', {
        date: '2026-11-26',
        manager: demo.managers[0],
        kind: 'attestation',
        topic: '=HYPERLINK("http://x")',
        trainer: 'Анна',
        score: '88',
        passed: true,
      }),
    );
    noSheetReadTwice();
    expect(project.lastCalls['Range.setValues']).toBe(1);
    const after = rows(TRAINING);
    expect(after.length).toBe(before + 1);
    expect(String(after[after.length - 1][3])).toBe('=HYPERLINK("http://x")');
  });

  it('a manager can neither add a training nor hire', () => {
    for (const method of ['addTraining', 'hireCandidate', 'startOnboarding'] as const) {
      const reply = project.rpc('rpc', [method, {}], { user: demo.managers[0] }) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('forbidden');
    }
  });

  it('hiring a candidate adds a manager and starts onboarding, once', () => {
    const v = ok(rpc(project, demo.head, 'people', {}));
    const offer = v.candidates?.find((c) => c.open && c.stage === 'Оффер');
    expect(offer).toBeDefined();
    const managers = rows(MANAGERS).length;
    const steps = rows(ONBOARDING).length;
    const after = ok(
      rpc(project, demo.head, 'hireCandidate', {
        row: offer?.row ?? 0,
        name: offer?.name ?? '',
        mentor: demo.managers[0],
        team: '',
      }),
    );
    noSheetReadTwice();
    // One block each: the Managers row, the candidate's stage, the onboarding steps.
    expect(project.lastCalls['Range.setValues']).toBe(3);
    expect(rows(MANAGERS).length).toBe(managers + 1);
    expect(rows(ONBOARDING).length).toBe(steps + 4);
    expect(after.onboarding).toHaveLength(2);
    expect(after.candidates?.find((c) => c.row === offer?.row)?.open).toBe(false);
    const again = rpc(project, demo.head, 'hireCandidate', {
      row: offer?.row ?? 0,
      name: offer?.name ?? '',
      mentor: '',
      team: '',
    });
    expect(again.ok).toBe(false);
    expect(rows(MANAGERS).length).toBe(managers + 1);
    expect(rows(CANDIDATES).length).toBeGreaterThan(1);
  });
});

describe('a broken people sheet', () => {
  it('names the missing column and writes nothing', () => {
    const fresh = seedDemo();
    const sheet = fresh.project.emulator.spreadsheet.getSheetByName(TRAINING.ru);
    if (!sheet) throw new Error('no Training sheet');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const kind = header.indexOf('Вид') + 1;
    sheet.getRange(1, kind).setValue('');
    const before = sheet.getLastRow();
    const reply = rpc(fresh.project, fresh.head, 'addTraining', {
      date: '',
      manager: fresh.managers[0],
      kind: 'training',
      topic: 'x',
      trainer: '',
      score: '',
      passed: true,
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('Вид');
    expect(sheet.getLastRow()).toBe(before);
  });
});
