import { canCancel, canComplete, canSee } from '../../../src/core/tasks/access';
import { dueOf, toTask } from '../../../src/core/tasks/read';
import {
  assigneesOf,
  byUrgency,
  completionOnTime,
  daysOverdue,
  isOverdue,
  toEscalate,
} from '../../../src/core/tasks/rules';
import type { Task } from '../../../src/core/tasks/types';
import { dayFromYmd, fixedZone, startOfDay } from '../../../src/core/time';
import type { Manager } from '../../../src/core/types';

const zone = fixedZone('Europe/Moscow', 180);
const at = (iso: string) => Date.parse(`${iso}+03:00`);
const NOW = at('2026-11-27T09:00:00');

const person = (email: string, team: string, role: Manager['role'] = 'manager'): Manager => ({
  row: 0,
  email,
  name: email.split('@')[0],
  team,
  role,
  active: true,
  callsPerDay: null,
  meetingsPerWeek: null,
  hiredAt: null,
  lastDay: null,
  grade: '',
  mentor: '',
});
const TEAM = [
  person('head@x.ru', 'Москва', 'head'),
  person('ivan@x.ru', 'Москва'),
  person('maria@x.ru', 'Москва'),
  person('oleg@x.ru', 'Казань'),
  { ...person('gone@x.ru', 'Казань'), active: false },
];

const task = (over: Partial<Task> = {}): Task => ({
  row: 2,
  id: 'T-000001',
  what: 'Позвонить',
  whom: 'ivan@x.ru',
  dealId: '',
  clientName: '',
  due: at('2026-11-25T12:00:00'),
  priority: 'normal',
  setBy: 'head@x.ru',
  status: 'open',
  result: '',
  doneAt: null,
  doneBy: '',
  escalatedAt: null,
  createdAt: at('2026-11-20T10:00:00'),
  ...over,
});

describe('assignees', () => {
  it('expands a team and everyone to the active sales managers', () => {
    expect(assigneesOf({ whom: 'ivan@x.ru' }, TEAM)).toEqual(['ivan@x.ru']);
    expect(assigneesOf({ whom: ' москва ' }, TEAM)).toEqual(['ivan@x.ru', 'maria@x.ru']);
    expect(assigneesOf({ whom: 'Все' }, TEAM)).toEqual(['ivan@x.ru', 'maria@x.ru', 'oleg@x.ru']);
    expect(assigneesOf({ whom: 'everyone' }, TEAM)).toHaveLength(3);
    expect(assigneesOf({ whom: 'Сочи' }, TEAM)).toEqual([]);
  });

  it('lets a manager see and complete only what is for them', () => {
    const ivan = TEAM[1];
    const maria = TEAM[2];
    const shared = task({ whom: 'Москва' });
    expect(canSee(task(), maria, TEAM)).toBe(false);
    expect(canSee(shared, maria, TEAM)).toBe(true);
    expect(canComplete(task(), ivan, TEAM)).toBe(true);
    expect(canComplete(task(), maria, TEAM)).toBe(false);
    expect(canComplete(task({ status: 'done' }), ivan, TEAM)).toBe(false);
    expect(canCancel(task(), ivan)).toBe(false);
    expect(canCancel(task(), TEAM[0])).toBe(true);
    expect(canSee(task(), TEAM[0], TEAM)).toBe(true);
  });
});

describe('overdue', () => {
  it('counts calendar days past the due day, only while open', () => {
    expect(isOverdue(task(), NOW)).toBe(true);
    expect(daysOverdue(task(), NOW, zone)).toBe(2);
    expect(daysOverdue(task({ due: at('2026-11-27T08:00:00') }), NOW, zone)).toBe(0);
    expect(isOverdue(task({ due: at('2026-11-27T10:00:00') }), NOW)).toBe(false);
    expect(isOverdue(task({ status: 'done' }), NOW)).toBe(false);
    expect(daysOverdue(task({ status: 'cancelled' }), NOW, zone)).toBe(0);
  });

  it('reads a bare due date as due by the end of that day', () => {
    const midnight = startOfDay(dayFromYmd(2026, 11, 27), zone);
    expect(dueOf(midnight, zone)).toBe(at('2026-11-27T23:59:00'));
    expect(dueOf(at('2026-11-27T15:30:00'), zone)).toBe(at('2026-11-27T15:30:00'));
    const t = toTask(
      {
        row: 5,
        cells: {
          id: 'T-000009',
          what: 'x',
          whom: 'IVAN@X.RU',
          due: midnight,
          status: 'Выполнена',
          priority: 'Срочно',
        },
      },
      zone,
    );
    expect(t).toMatchObject({ whom: 'ivan@x.ru', status: 'done', priority: 'high' });
  });

  it('puts overdue first, then open by due time, then closed newest first', () => {
    const list = [
      task({ id: 'a', status: 'done', doneAt: at('2026-11-20T10:00:00') }),
      task({ id: 'b', due: at('2026-11-28T10:00:00') }),
      task({ id: 'c' }),
      task({ id: 'd', status: 'done', doneAt: at('2026-11-26T10:00:00') }),
    ];
    expect(list.sort(byUrgency(NOW)).map((t) => t.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('escalation', () => {
  it('escalates a task overdue past the setting, once', () => {
    const tasks = [
      task({ id: 'old' }),
      task({ id: 'fresh', due: at('2026-11-26T12:00:00') }),
      task({ id: 'sent', escalatedAt: at('2026-11-26T09:00:00') }),
      task({ id: 'done', status: 'done' }),
    ];
    expect(toEscalate(tasks, NOW, zone, 2).map((t) => t.id)).toEqual(['old']);
    expect(toEscalate(tasks, NOW, zone, 1).map((t) => t.id)).toEqual(['old', 'fresh']);
    // What the job wrote back (escalatedAt) makes a rerun escalate nothing.
    const after = tasks.map((t) => (t.id === 'old' ? { ...t, escalatedAt: NOW } : t));
    expect(toEscalate(after, NOW, zone, 2)).toEqual([]);
  });
});

describe('completion on time', () => {
  const nov = { from: dayFromYmd(2026, 11, 1), to: dayFromYmd(2026, 11, 30) };
  it('counts tasks due in the period per manager', () => {
    const tasks = [
      task({ id: '1', status: 'done', doneAt: at('2026-11-25T11:00:00'), doneBy: 'ivan@x.ru' }),
      task({ id: '2', status: 'done', doneAt: at('2026-11-26T11:00:00'), doneBy: 'ivan@x.ru' }),
      task({ id: '3' }),
      task({ id: '4', status: 'cancelled' }),
      task({ id: '5', due: at('2026-10-10T12:00:00') }),
      task({
        id: '6',
        whom: 'Москва',
        status: 'done',
        doneAt: at('2026-11-25T10:00:00'),
        doneBy: 'maria@x.ru',
      }),
    ];
    const rows = completionOnTime(tasks, TEAM, nov, NOW, zone);
    const ivan = rows.find((r) => r.manager === 'ivan@x.ru');
    expect(ivan).toEqual({
      manager: 'ivan@x.ru',
      due: 3,
      onTime: 1,
      late: 1,
      overdue: 1,
      share: 1 / 3,
    });
    expect(rows.find((r) => r.manager === 'maria@x.ru')).toMatchObject({
      due: 1,
      onTime: 1,
      share: 1,
    });
    expect(rows.find((r) => r.manager === 'oleg@x.ru')).toMatchObject({ due: 0, share: null });
  });
});
