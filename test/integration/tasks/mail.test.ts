/**
 * Tasks in the daily mail through the bundle: the manager's digest lists their tasks (overdue
 * first, with days overdue), the head's summary the team's overdue tasks, and a task overdue past
 * the setting (2 days) is mailed to the head once: a rerun the same day and the next day's run
 * send no second escalation.
 */
import type { Project } from '../../../local/harness';
import { HEAD, IVAN, MARIA, NOW, ok, rpc, seedTeam } from '../rpc/seed';

let project: Project;

beforeAll(() => {
  ({ project } = seedTeam());
  const clock = project.emulator.clock;
  clock.set(Date.parse('2026-11-20T10:00:00+03:00'));
  const task = (what: string, whom: string, due: string) =>
    ok(
      rpc(project, HEAD, 'setTask', {
        what,
        whom,
        dealId: '',
        due,
        time: '12:00',
        priority: 'normal',
      }),
    );
  task('Сверить дебиторку с бухгалтерией', IVAN, '2026-11-23');
  task('Обзвонить клиентов выставки', MARIA, '2026-11-30');
  clock.set(NOW);
});

const escalations = () =>
  project.emulator.outbox.filter((m) => m.to === HEAD && m.subject.includes('просрочена'));

it('lists tasks in the digests and the summary, and escalates the late one to the head', () => {
  project.run('menuRunRemindersNow', [], { user: HEAD });
  expect(Object.entries(project.lastReads).filter(([k, n]) => k === 'Задачи' && n > 1)).toEqual([]);
  const to = (who: string) => project.emulator.outbox.filter((m) => m.to === who);
  const ivan = to(IVAN)
    .map((m) => m.body)
    .join('\n');
  expect(ivan).toContain(
    'Сверить дебиторку с бухгалтерией: просрочена на 4 дн. (срок 23.11.2026 12:00)',
  );
  expect(
    to(MARIA)
      .map((m) => m.body)
      .join('\n'),
  ).toContain('Обзвонить клиентов выставки: срок 30.11.2026 12:00');
  const summary = to(HEAD).find(
    (m) => m.subject.includes('Сводка') || m.body.includes('Просроченные задачи'),
  );
  expect(summary?.body).toContain(
    'Иван Петров: «Сверить дебиторку с бухгалтерией» — просрочена на 4 дн.',
  );
  expect(escalations()).toHaveLength(1);
  expect(escalations()[0].subject).toBe('ROP Desk: задача просрочена на 4 дн. — Иван Петров');
  const view = ok(rpc(project, HEAD, 'tasks', { dealId: '', period: '' }));
  expect(view.tasks.map((t) => t.what)).toContain('Сверить дебиторку с бухгалтерией');
});

it('never escalates the same task twice: rerun today, run tomorrow', () => {
  project.run('menuRunRemindersNow', [], { user: HEAD });
  expect(escalations()).toHaveLength(1);
  project.emulator.clock.set(Date.parse('2026-11-30T09:00:00+03:00'));
  project.run('menuRunRemindersNow', [], { user: HEAD });
  expect(escalations()).toHaveLength(1);
  const sheet = project.emulator.spreadsheet.getSheetByName('Задачи');
  const values = sheet?.getDataRange().getValues() ?? [];
  const col = values[0].indexOf('Эскалирована');
  expect(values.slice(1).filter((r) => r[col] !== '')).toHaveLength(1);
});
