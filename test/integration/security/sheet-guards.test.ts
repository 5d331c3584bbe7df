/**
 * Typing into the unprotected sheets with rules (issue #14), through the bundle's onEdit: on
 * Checklists a manager ticks items of their own deals only; on Onboarding a manager marks their
 * own steps or their mentee's, and never rewrites a step. What is refused goes back (one cell) or
 * is cleared (a paste), with a note; the head edits freely. Each guard reads the header and the
 * edited rows of its sheet, plus Deals' header and two columns for the checklist owner check.
 */
import type { Project } from '../../../local/harness';
import { CHECKLISTS, DEALS, MANAGERS, ONBOARDING } from '../../../src/core/workbook/schema';
import { HEAD, IVAN, MARIA, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;

const sheet = (name: string) => project.emulator.spreadsheet.getSheetByName(name)!;
const values = (name: string) => sheet(name).getDataRange().getValues();
const at = (name: string, a1: string) => {
  const r = sheet(name).getRange(a1);
  return { value: r.getValue(), note: r.getNote() };
};

describe('Checklists', () => {
  const S = CHECKLISTS.ru;
  let ivanItem = '';

  beforeAll(() => {
    seeded = seedTeam();
    project = seeded.project;
    const tick = (user: string, dealId: string) => {
      const view = ok(rpc(project, user, 'playbook', { dealId }));
      const item = view.playbook?.items[0].item ?? '';
      ok(rpc(project, user, 'tickItem', { dealId, item, done: true }));
      return item;
    };
    ivanItem = tick(IVAN, seeded.deals.vector);
    tick(MARIA, seeded.deals.maria);
    // Row 2: Ivan's tick on his deal; row 3: Maria's on hers. Columns: deal, stage, item, ticked.
    expect(
      values(S)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([seeded.deals.vector, seeded.deals.maria]);
  });

  it("puts back a manager's untick on another's deal, with a note; reads two columns of Deals", () => {
    const before = at(S, 'D3').value;
    project.edit(S, 'D3', 'FALSE', { user: IVAN });
    expect(at(S, 'D3').value).toBe(before);
    expect(at(S, 'D3').note).toMatch(/^ROP Desk: Пункты чек-листа отмечают по своим сделкам/);
    expect(project.lastReads[S]).toBe(2);
    expect(project.lastReads[DEALS.ru]).toBe(2);
    expect(project.lastCalls['Range.setValues']).toBe(1);
  });

  it('lets a manager untick and tick again on their own deal', () => {
    project.edit(S, 'D2', 'FALSE', { user: IVAN });
    expect(at(S, 'D2').value).toBe(false);
    expect(at(S, 'D2').note).toBe('');
    project.edit(S, 'D2', 'TRUE', { user: IVAN });
    expect(at(S, 'D2').value).toBe(true);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });

  it("refuses moving a row onto another's deal, and off one", () => {
    project.edit(S, 'A2', seeded.deals.maria, { user: IVAN });
    expect(at(S, 'A2').value).toBe(seeded.deals.vector);
    project.edit(S, 'A3', seeded.deals.vector, { user: IVAN });
    expect(at(S, 'A3').value).toBe(seeded.deals.maria);
  });

  it("clears a pasted block over another's row and keeps it over the manager's own", () => {
    project.edit(
      S,
      'C2:D3',
      [
        [ivanItem, 'FALSE'],
        ['Чужой пункт', 'FALSE'],
      ],
      { user: IVAN },
    );
    expect(at(S, 'D2').value).toBe(false);
    expect([at(S, 'C3').value, at(S, 'D3').value]).toEqual(['', '']);
    expect(at(S, 'C3').note).toContain('Было: —');
    expect(at(S, 'C2').note).toBe('');
  });

  it("lets the head edit anyone's row", () => {
    project.edit(S, 'D3', 'TRUE', { user: HEAD });
    expect(at(S, 'D3').value).toBe(true);
  });
});

describe('Onboarding', () => {
  const S = ONBOARDING.ru;

  beforeAll(() => {
    seeded = seedTeam();
    project = seeded.project;
    // Ivan mentors Maria (the Mentor column of Managers, typed by the head).
    const managers = values(MANAGERS.ru);
    const col = managers[0].indexOf('Наставник');
    const row = managers.findIndex((r) => r.includes(MARIA)) + 1;
    sheet(MANAGERS.ru)
      .getRange(row, col + 1)
      .setValue(IVAN);
    // Manager, step, due, done, done by, comment.
    sheet(S)
      .getRange(2, 1, 3, 3)
      .setValues([
        [MARIA, 'Пройти продукт', new Date(2026, 11, 1)],
        [IVAN, 'Пройти продукт', new Date(2026, 11, 1)],
        [HEAD, 'Провести встречу', new Date(2026, 11, 1)],
      ]);
  });

  it('lets a manager comment their own step, and a mentor their mentee’s', () => {
    project.edit(S, 'F2', 'Прошла модули 1-3', { user: MARIA });
    expect(at(S, 'F2')).toEqual({ value: 'Прошла модули 1-3', note: '' });
    project.edit(S, 'F2', 'Проверил: модули 1-3', { user: IVAN });
    expect(at(S, 'F2').value).toBe('Проверил: модули 1-3');
    expect(project.lastReads[S]).toBe(2);
    expect(project.lastReads[MANAGERS.ru]).toBe(1);
  });

  it("puts back a manager's mark on someone else's step (not their mentee's), with a note", () => {
    project.edit(S, 'F3', 'Готово', { user: MARIA });
    expect(at(S, 'F3').value).toBe('');
    expect(at(S, 'F3').note).toMatch(/^ROP Desk: Отметить шаг может сам менеджер/);
    project.edit(S, 'E4', IVAN, { user: IVAN });
    expect(at(S, 'E4').value).toBe('');
  });

  it('puts back a step or its due date rewritten by a manager, even their own', () => {
    project.edit(S, 'B3', 'Пропустить', { user: IVAN });
    expect(at(S, 'B3').value).toBe('Пройти продукт');
    expect(at(S, 'B3').note).toContain('Шаг и срок задаёт руководитель');
    // A date comes back from its serial (Google's old value) as the same date, not a number.
    const due = sheet(S).getRange('C3').getValue() as Date;
    project.edit(S, 'C3', '31.12.2026', { user: IVAN });
    expect(sheet(S).getRange('C3').getValue()).toEqual(due);
    expect(at(S, 'C3').note).toContain('Шаг и срок задаёт руководитель');
  });

  it('clears what a manager pasted over rows that are not theirs; the head edits freely', () => {
    project.edit(
      S,
      'E2:F4',
      [
        [MARIA, 'a'],
        [MARIA, 'b'],
        [MARIA, 'c'],
      ],
      { user: MARIA },
    );
    expect(
      values(S)
        .slice(1, 4)
        .map((r) => r.slice(4, 6)),
    ).toEqual([
      [MARIA, 'a'],
      ['', ''],
      ['', ''],
    ]);
    project.edit(S, 'B2', 'Пройти продукт и CRM', { user: HEAD });
    expect(at(S, 'B2').value).toBe('Пройти продукт и CRM');
  });
});
