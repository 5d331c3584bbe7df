/**
 * SECURITY.md T7, "a value typed while the lock is held": onEdit that cannot get the document lock
 * (another execution holds it) still moves the row's updated-at, so a sidebar write based on what
 * the manager saw before the typing is refused as stale instead of overwriting the typed value.
 */
import type { Project } from '../../../local/harness';
import { DEALS } from '../../../src/core/workbook/schema';
import { IVAN, MARIA, dealsOf, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;

beforeEach(() => {
  seeded = seedTeam();
  project = seeded.project;
});

function dealsSheet() {
  return project.emulator.spreadsheet.getSheetByName(DEALS.ru)!;
}

/** The A1 address of a deal's cell by column header. */
function cellOf(dealId: string, header: string): string {
  const values = dealsSheet().getDataRange().getValues();
  const col = values[0].indexOf(header);
  const row = values.findIndex((r) => r[0] === dealId);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

function shownUpdatedAtOf(user: string, dealId: string): string | null {
  const today = ok(rpc(project, user, 'today', {}));
  return dealsOf(today).find((d) => d.id === dealId)?.updatedAt ?? null;
}
const shownUpdatedAt = (dealId: string) => shownUpdatedAtOf(IVAN, dealId);

it('a cell typed while another execution holds the lock: the stale sidebar write is refused', () => {
  const target = seeded.deals.romashka;
  const seen = shownUpdatedAt(target);
  expect(seen).not.toBeNull();
  const mariaSeen = shownUpdatedAtOf(MARIA, seeded.deals.maria);
  const nextStep = cellOf(target, 'Следующий шаг');
  // Maria logs a call on her own deal; while her execution holds the lock (its first write), Ivan
  // types a new next step into his deal's row. His onEdit cannot get the lock.
  project.emulator.interleave('Range.setValues', () => {
    project.edit(DEALS.ru, nextStep, 'Встреча у клиента в офисе', { user: IVAN });
  });
  const locksBefore = project.emulator.clock.now();
  ok(
    rpc(project, MARIA, 'logActivity', {
      dealId: seeded.deals.maria,
      updatedAt: mariaSeen,
      type: 'call',
      summary: 'Созвонились',
      nextStep: 'Выставить счёт',
      nextStepDate: '2026-12-01',
    }),
  );
  // The nested onEdit waited out its tryLock on the fake clock: it really was refused the lock.
  expect(project.emulator.clock.now() - locksBefore).toBeGreaterThanOrEqual(3_000);
  // Ivan's sidebar, still showing the deal as it was before the typing, logs a call on it.
  const reply = rpc(project, IVAN, 'logActivity', {
    dealId: target,
    updatedAt: seen,
    type: 'call',
    summary: 'Звонок из старой карточки',
    nextStep: 'Отправить КП повторно',
    nextStepDate: '2026-12-02',
  });
  expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(dealsSheet().getRange(nextStep).getValue()).toBe('Встреча у клиента в офисе');
  // Refreshed, the sidebar sees the new stamp and the same action goes through.
  const fresh = shownUpdatedAt(target);
  expect(fresh).not.toBe(seen);
  ok(
    rpc(project, IVAN, 'logActivity', {
      dealId: target,
      updatedAt: fresh,
      type: 'call',
      summary: 'Звонок после обновления',
      nextStep: 'Отправить КП повторно',
      nextStepDate: '2026-12-02',
    }),
  );
});

it('a stage typed while another execution holds the lock still reaches the stage history', () => {
  const target = seeded.deals.romashka;
  const stageCell = cellOf(target, 'Этап');
  const queued = () =>
    [...project.emulator.properties.document.keys()]
      .filter((k) => k.startsWith('ropdesk.q.stageHistory.'))
      .map((k) => JSON.parse(project.emulator.properties.document.get(k)!) as { dealId: string });
  const before = queued().filter((r) => r.dealId === target).length;
  const mariaSeen = shownUpdatedAtOf(MARIA, seeded.deals.maria);
  project.emulator.interleave('Range.setValues', () => {
    project.edit(DEALS.ru, stageCell, 'квалификация', { user: IVAN });
  });
  ok(
    rpc(project, MARIA, 'logActivity', {
      dealId: seeded.deals.maria,
      updatedAt: mariaSeen,
      type: 'call',
      summary: 'Созвонились',
      nextStep: 'Выставить счёт',
      nextStepDate: '2026-12-01',
    }),
  );
  const mine = queued().filter((r) => r.dealId === target);
  expect(mine).toHaveLength(before + 1);
  expect(mine[mine.length - 1]).toMatchObject({
    dealId: target,
    fromStage: 'Новая заявка',
    toStage: 'Квалификация',
    by: IVAN,
  });
});
