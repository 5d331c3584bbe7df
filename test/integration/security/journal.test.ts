/**
 * SECURITY.md T4: Stage history and Log are records of what happened, so Setup protects them for
 * real (head and owner). A script runs with its caller's rights, so a manager's own stage move
 * cannot write there: the row waits in a queue (document properties), readers see it at once, and
 * the next run allowed to write the sheet (the head's, Setup, the daily job) appends it in order.
 */
import type { Project } from '../../../local/harness';
import { MSG } from '../../../local/emulator';
import { LOG, STAGE_HISTORY } from '../../../src/core/workbook/schema';
import type { TodayView } from '../../../src/shared/contract';
import { HEAD, IVAN, dealsOf, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;

beforeEach(() => {
  seeded = seedTeam();
  project = seeded.project;
});

const sheetRows = (name: string) =>
  project.emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues().slice(1);
const queuedKeys = (kind: string) =>
  [...project.emulator.properties.document.keys()].filter((k) =>
    k.startsWith(`ropdesk.q.${kind}.`),
  );

function moveVector(user: string): TodayView {
  const boot = ok(rpc(project, user, 'bootstrap', {}));
  const deal = dealsOf(boot.today).find((d) => d.id === seeded.deals.romashka)!;
  return ok(
    rpc(project, user, 'moveStage', {
      dealId: deal.id,
      updatedAt: deal.updatedAt,
      stage: boot.stages[2].name,
      amount: '',
      confirm: true,
    }),
  );
}

it('Setup protects Stage history and Log for real: only the head and the owner may edit', () => {
  for (const def of [STAGE_HISTORY, LOG]) {
    const sheet = project.emulator.spreadsheet.getSheetByName(def.ru)!;
    const [p] = sheet.getProtections('SHEET' as never);
    expect([def.ru, p.isWarningOnly(), p.canDomainEdit()]).toEqual([def.ru, false, false]);
    expect(p.getEditors().map((u) => u.getEmail())).toContain(HEAD);
    expect(p.getEditors().map((u) => u.getEmail())).not.toContain(IVAN);
  }
});

it('a manager cannot type into Stage history or Log', () => {
  const before = [sheetRows(STAGE_HISTORY.ru), sheetRows(LOG.ru)];
  expect(() => project.edit(STAGE_HISTORY.ru, 'C2', 'Успешно', { user: IVAN })).toThrow(
    MSG.protectedCell,
  );
  expect(() => project.edit(LOG.ru, 'D2', 'ничего не было', { user: IVAN })).toThrow(
    MSG.protectedCell,
  );
  expect([sheetRows(STAGE_HISTORY.ru), sheetRows(LOG.ru)]).toEqual(before);
  // The head may (the protection is theirs).
  project.edit(LOG.ru, 'F2', 'пометка руководителя', { user: HEAD });
});

it("a manager's stage move waits in the queue, is read at once, and lands at the head's next run", () => {
  const history = sheetRows(STAGE_HISTORY.ru).length;
  const reachedBefore = reached(funnelStage());
  // The seed's leads, added by the managers themselves, wait too.
  const waiting = queuedKeys('stageHistory').length;
  expect(waiting).toBeGreaterThan(0);
  moveVector(IVAN);
  // Not on the sheet (Ivan may not write it), but waiting, and the readers see it.
  expect(sheetRows(STAGE_HISTORY.ru)).toHaveLength(history);
  expect(queuedKeys('stageHistory')).toHaveLength(waiting + 1);
  // The Team funnel reads Stage history: the queued move counts already.
  expect(reached(funnelStage())).toBe(reachedBefore + 1);
  // The daily job runs as the head who turned reminders on: its Log line flushes the queue.
  project.run('menuRemindersOn', [], { user: HEAD });
  project.run('menuRunRemindersNow', [], { user: HEAD });
  const rows = sheetRows(STAGE_HISTORY.ru);
  expect(rows).toHaveLength(history + waiting + 1);
  const last = rows[rows.length - 1];
  expect([last[0], last[2], last[4]]).toEqual([seeded.deals.romashka, funnelStage(), IVAN]);
  expect(queuedKeys('stageHistory')).toEqual([]);
});

it('queued moves are appended in the order they happened, before the head’s own', () => {
  const history = sheetRows(STAGE_HISTORY.ru).length + queuedKeys('stageHistory').length;
  moveVector(IVAN);
  project.emulator.clock.advance(60_000);
  const boot = ok(rpc(project, IVAN, 'bootstrap', {}));
  const vector = dealsOf(boot.today).find((d) => d.id === seeded.deals.vector)!;
  ok(
    rpc(project, IVAN, 'closeLost', {
      dealId: vector.id,
      updatedAt: vector.updatedAt,
      reason: boot.lostReasons[0].value,
      amount: '',
      comment: '',
    }),
  );
  expect(sheetRows(STAGE_HISTORY.ru).length + queuedKeys('stageHistory').length).toBe(history + 2);
  // The head moves Maria's deal: allowed to write, the queue goes first.
  project.emulator.clock.advance(60_000);
  moveMaria();
  const added = sheetRows(STAGE_HISTORY.ru)
    .slice(history - 0)
    .slice(-3);
  expect(sheetRows(STAGE_HISTORY.ru)).toHaveLength(history + 3);
  expect(added.map((r) => r[0])).toEqual([
    seeded.deals.romashka,
    seeded.deals.vector,
    seeded.deals.maria,
  ]);
  expect(added.map((r) => r[4])).toEqual([IVAN, IVAN, HEAD]);
  expect(queuedKeys('stageHistory')).toEqual([]);
});

function funnelStage(): string {
  return ok(rpc(project, HEAD, 'bootstrap', {})).stages[2].name;
}

function reached(stage: string): number {
  const team = ok(rpc(project, HEAD, 'team', { period: '2026-11' }));
  return team.funnel.find((f) => f.stage === stage)?.reached ?? 0;
}

/** The head moves Maria's deal, with the stamp the sheet holds. */
function moveMaria(): void {
  const values = project.emulator.spreadsheet.getSheetByName('Сделки')!.getDataRange().getValues();
  const row = values.find((r) => r[0] === seeded.deals.maria)!;
  const stamp = row[values[0].indexOf('Обновлена')] as Date;
  ok(
    rpc(project, HEAD, 'moveStage', {
      dealId: seeded.deals.maria,
      updatedAt: stamp.toISOString(),
      stage: funnelStage(),
      amount: '',
      confirm: true,
    }),
  );
}
