/**
 * Tasks through the built bundle: the head sets them (one manager, a team, from a deal), each
 * manager sees only theirs, completes them only with a result, cannot cancel the head's, and every
 * call reads each sheet at most once and writes each block with one setValues.
 */
import type { Project } from '../../../local/harness';
import type { TasksView } from '../../../src/shared/contract';
import { DIRECTOR, HEAD, IVAN, MARIA, ok, rpc, seedTeam } from '../rpc/seed';

let project: Project;
let deals: ReturnType<typeof seedTeam>['deals'];

beforeAll(() => {
  ({ project, deals } = seedTeam());
});

function overRead(): Array<[string, number]> {
  return Object.entries(project.lastReads).filter(([, n]) => n > 1);
}

const form = (over: Partial<Record<string, string>> = {}) => ({
  what: 'Позвонить по КП',
  whom: IVAN,
  dealId: '',
  due: '2026-11-30',
  time: '12:00',
  priority: 'high' as const,
  ...over,
});

describe('tasks through the bundle', () => {
  let ivanTask = '';

  it('the head sets a task from a deal: one row, one setValues, each sheet read once', () => {
    const view = ok(rpc(project, HEAD, 'setTask', form({ dealId: deals.vector, period: '' })));
    expect(overRead()).toEqual([]);
    expect(project.lastCalls['Range.setValues']).toBe(1);
    expect(view.tasks).toHaveLength(1);
    const t = view.tasks[0];
    expect(t).toMatchObject({ what: 'Позвонить по КП', dealId: deals.vector, status: 'open' });
    expect(t.clientName).toBe('АО «Вектор»');
    expect(t.canComplete).toBe(false);
    ivanTask = t.id;
    expect(ivanTask).toMatch(/^T-\d{6}$/);
  });

  it('a team task becomes one row per manager of the team', () => {
    const view = ok(rpc(project, DIRECTOR, 'setTask', form({ whom: 'Москва', what: 'Отчёт' })));
    expect(project.lastCalls['Range.setValues']).toBe(1);
    expect(
      view.tasks
        .filter((t) => t.what === 'Отчёт')
        .map((t) => t.whom)
        .sort(),
    ).toEqual(['Иван Петров', 'Мария Смирнова'].sort());
  });

  it('a manager sees only their tasks and cannot set one', () => {
    const ivan = ok(rpc(project, IVAN, 'tasks', { dealId: '', period: '' }));
    expect(overRead()).toEqual([]);
    expect(ivan.tasks.map((t) => t.what).sort()).toEqual(['Отчёт', 'Позвонить по КП']);
    expect(ivan.tasks.every((t) => t.canComplete && !t.canCancel)).toBe(true);
    const maria = ok(rpc(project, MARIA, 'tasks', { dealId: '', period: '' }));
    expect(maria.tasks.map((t) => t.what)).toEqual(['Отчёт']);
    expect(maria.late).toEqual([]);
    const refused = rpc(project, IVAN, 'setTask', form());
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the deal card asks for the deal tasks only', () => {
    const v = ok(rpc(project, IVAN, 'tasks', { dealId: deals.vector, period: '' }));
    expect(v.tasks.map((t) => t.id)).toEqual([ivanTask]);
  });

  it('only the assignee completes, and only with a result', () => {
    const notHers = rpc(project, MARIA, 'completeTask', { id: ivanTask, result: 'x', dealId: '' });
    expect(notHers).toMatchObject({ ok: false });
    const noResult = rpc(project, IVAN, 'completeTask', { id: ivanTask, result: ' ', dealId: '' });
    expect(noResult).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const cancel = rpc(project, IVAN, 'cancelTask', { id: ivanTask, dealId: '' });
    expect(cancel).toMatchObject({ ok: false });
    const done = ok(
      rpc(project, IVAN, 'completeTask', { id: ivanTask, result: 'Созвонились', dealId: '' }),
    );
    expect(overRead()).toEqual([]);
    expect(project.lastCalls['Range.setValues']).toBe(1);
    expect(done.tasks.find((t) => t.id === ivanTask)).toMatchObject({
      status: 'done',
      result: 'Созвонились',
      canComplete: false,
    });
    const again = rpc(project, IVAN, 'completeTask', { id: ivanTask, result: 'y', dealId: '' });
    expect(again).toMatchObject({ ok: false });
  });

  it('the head cancels, and sees who is late once a task is overdue', () => {
    const head = ok(rpc(project, HEAD, 'tasks', { dealId: '', period: '' }));
    const maria = head.tasks.find((t) => t.what === 'Отчёт' && t.whom === 'Мария Смирнова');
    if (!maria) throw new Error('no task for Maria');
    expect(maria.canCancel).toBe(true);
    project.emulator.clock.set(Date.parse('2026-12-03T10:00:00+03:00'));
    const later: TasksView = ok(rpc(project, HEAD, 'tasks', { dealId: '', period: '' }));
    expect(later.late.map((l) => [l.email, l.maxDays])).toEqual([
      [IVAN, 3],
      [MARIA, 3],
    ]);
    const cancelled = ok(rpc(project, HEAD, 'cancelTask', { id: maria.id, dealId: '' }));
    expect(cancelled.tasks.find((t) => t.id === maria.id)?.status).toBe('cancelled');
  });

  it('refuses a due in the past and an unknown team, naming the field', () => {
    const past = rpc(project, HEAD, 'setTask', form({ due: '2026-01-01' }));
    expect(past).toMatchObject({ ok: false, error: { fields: [{ field: 'due' }] } });
    const nobody = rpc(project, HEAD, 'setTask', form({ whom: 'Казань', due: '2027-01-15' }));
    expect(nobody).toMatchObject({ ok: false, error: { fields: [{ field: 'whom' }] } });
  });
});
