/**
 * The demo company's tasks through the bundle: the head sees late managers and on-time figures
 * a head would believe; a manager sees only theirs; every tasks call reads each sheet once and
 * makes the same calls on the small team as on the demo company.
 */
import type { TasksView } from '../../../src/shared/contract';
import { HEAD, IVAN, ok, rpc, seedDemo, seedTeam } from '../rpc/seed';

const demo = seedDemo();

it('the head sees who is late and completion on time for the month', () => {
  const view: TasksView = ok(
    rpc(demo.project, demo.head, 'tasks', { dealId: '', period: '2026-11' }),
  );
  expect(Object.entries(demo.project.lastReads).filter(([, n]) => n > 1)).toEqual([]);
  expect(view.late.length).toBeGreaterThan(2);
  expect(view.late[0].maxDays).toBe(5);
  const shares = view.onTime.filter((r) => r.due).map((r) => r.share ?? 0);
  expect(shares.length).toBe(demo.managers.length);
  expect(Math.min(...shares)).toBeLessThan(Math.max(...shares));
  expect(view.tasks.some((t) => t.status === 'done' && t.result)).toBe(true);
});

it('a manager sees only their own tasks', () => {
  const me = demo.managers[1];
  const view = ok(rpc(demo.project, me, 'tasks', { dealId: '', period: '2026-11' }));
  expect(view.tasks.length).toBeGreaterThan(0);
  expect(view.tasks.every((t) => t.canComplete || t.status !== 'open')).toBe(true);
  expect(view.late).toEqual([]);
  expect(view.onTime).toEqual([]);
});

it('makes the same service calls on the small team as on the demo company', () => {
  const small = seedTeam().project;
  const callsOf = (p: typeof small, user: string) => {
    ok(rpc(p, user, 'tasks', { dealId: '', period: '2026-11' }));
    return Object.fromEntries(
      Object.entries(p.lastCalls).filter(
        ([k]) => k !== 'Utilities.formatDate' && k !== 'Spreadsheet.getSheetByName',
      ),
    );
  };
  expect(callsOf(demo.project, demo.head)).toEqual(callsOf(small, HEAD));
  expect(callsOf(demo.project, demo.managers[0])).toEqual(callsOf(small, IVAN));
});

it('adds the on-time block to the Dashboard, one row per manager with tasks due', () => {
  ok(rpc(demo.project, demo.head, 'refreshDashboard', { period: '2026-11' }));
  expect(Object.entries(demo.project.lastReads).filter(([, n]) => n > 1)).toEqual([]);
  const sheet = demo.project.emulator.spreadsheet.getSheetByName('Дашборд');
  const values = sheet?.getDataRange().getValues() ?? [];
  const at = values.findIndex((r) => r[0] === 'Задачи: выполнение в срок');
  expect(at).toBeGreaterThan(0);
  expect(values[at + 1].slice(0, 6)).toEqual([
    'Менеджер',
    'Со сроком в периоде',
    'В срок',
    'С опозданием',
    'Просрочены',
    'Доля в срок',
  ]);
  const rows = values.slice(at + 2, at + 2 + demo.managers.length);
  expect(rows.every((r) => typeof r[1] === 'number' && r[1] > 0)).toBe(true);
});
