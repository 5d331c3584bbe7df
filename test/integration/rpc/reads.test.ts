/**
 * One workbook per execution, measured through the built bundle: every RPC method reads each
 * sheet it needs at most once (Range.getValues per sheet), and its service calls do not grow
 * with the number of rows or the time span of the data.
 */
import type { Project } from '../../../local/harness';
import type { Method, TodayView } from '../../../src/shared/contract';
import { STAGE_HISTORY } from '../../../src/core/workbook/schema';
import { dealsOf, ok, rpc, seedDemo, type Demo } from './seed';

let demo: Demo;
let project: Project;

beforeAll(() => {
  demo = seedDemo();
  project = demo.project;
});

function reads(): Record<string, number> {
  return project.lastReads;
}

function firstDeal(user: string): { dealId: string; updatedAt: string | null } {
  const today = ok(rpc(project, user, 'today', {})) as TodayView;
  const item = dealsOf(today)[0];
  if (!item) throw new Error('the demo manager has no deal in Today');
  return { dealId: item.id, updatedAt: item.updatedAt };
}

function openTaskOf(user: string): string {
  const view = ok(rpc(project, user, 'tasks', { dealId: '', period: '' }));
  const task = view.tasks.find((t) => t.status === 'open');
  if (!task) throw new Error('the demo manager has no open task');
  return task.id;
}

/** The first checklist item of the manager's first deal in Today (the playbooks work, #14). */
function firstItem(user: string): { dealId: string; item: string; done: boolean } {
  const { dealId } = firstDeal(user);
  const view = ok(rpc(project, user, 'playbook', { dealId }));
  return { dealId, item: view.playbook?.items[0]?.item ?? '', done: true };
}

describe('each RPC method reads each sheet at most once', () => {
  const cases: Array<[Method, 'manager' | 'head', () => unknown]> = [
    ['bootstrap', 'manager', () => ({})],
    ['today', 'manager', () => ({})],
    ['findDuplicates', 'manager', () => ({ clientName: 'Ромашка', inn: '', phone: '', email: '' })],
    [
      'addLead',
      'manager',
      () => ({
        force: true,
        lead: {
          clientName: 'ООО «Новый клиент»',
          inn: '',
          contactName: 'Анна',
          phone: '+7 916 555-44-33',
          email: '',
          source: '',
          need: 'Стеллажи',
          dealTitle: 'Стеллажи',
          amount: '',
          activityType: 'call',
          summary: 'Звонок',
          nextStep: 'КП',
          nextStepDate: '2026-12-01',
        },
      }),
    ],
    [
      'logActivity',
      'manager',
      () => ({
        ...firstDeal(demo.managers[0]),
        type: 'call',
        summary: 'Звонок',
        nextStep: 'Встреча',
        nextStepDate: '2026-12-03',
      }),
    ],
    [
      'snooze',
      'manager',
      () => ({ ...firstDeal(demo.managers[0]), until: '2026-12-10', reason: 'Отпуск' }),
    ],
    ['dealCard', 'manager', () => ({ dealId: firstDeal(demo.managers[0]).dealId })],
    ['dealCard', 'head', () => ({ dealId: firstDeal(demo.managers[0]).dealId })],
    ['dealLines', 'manager', () => ({ dealId: firstDeal(demo.managers[0]).dealId })],
    ['saveDealLines', 'manager', () => ({ dealId: firstDeal(demo.managers[0]).dealId, lines: [] })],
    ['team', 'head', () => ({ period: '2026-11' })],
    ['tasks', 'head', () => ({ dealId: '', period: '2026-11' })],
    ['tasks', 'manager', () => ({ dealId: '', period: '' })],
    [
      'setTask',
      'head',
      () => ({
        what: 'Позвонить',
        whom: demo.managers[0],
        dealId: '',
        due: '2026-12-01',
        time: '',
        priority: 'normal',
      }),
    ],
    [
      'completeTask',
      'manager',
      () => ({ id: openTaskOf(demo.managers[0]), result: 'Готово', dealId: '' }),
    ],
    ['cancelTask', 'head', () => ({ id: openTaskOf(demo.managers[1]), dealId: '' })],
    ['moneyView', 'head', () => ({ period: '' })],
    ['discountQueue', 'head', () => ({})],
    ['getSettings', 'head', () => ({})],
    [
      'planPreview',
      'head',
      () => ({
        metric: 'revenue',
        period: '2027',
        target: 100_000_000,
        spread: 'seasonal',
        split: 'share',
      }),
    ],
    ['planDefence', 'head', () => ({ period: '2027', target: 100_000_000, months: 12 })],
    ['playbook', 'manager', () => ({ dealId: firstDeal(demo.managers[0]).dealId })],
    ['tickItem', 'manager', () => firstItem(demo.managers[0])],
    ['compliance', 'head', () => ({ period: '2026-11' })],
    ...(['preview', 'import'] as const).map((mode): [Method, 'head', () => unknown] => [
      'importFile',
      'head',
      () => ({
        mode,
        name: 'leads.csv',
        type: 'text/csv',
        base64: Buffer.from(
          'Компания;Телефон;Потребность\nООО «Импорт»;+7 916 700-00-03;Стеллажи\n',
        ).toString('base64'),
      }),
    ]),
    // People (test/integration/people has the rest: writes, refusals).
    ['people', 'head', () => ({})],
    ['myOnboarding', 'manager', () => ({})],
    ['startOnboarding', 'head', () => ({})],
    [
      'markOnboarding',
      'head',
      () => {
        const v = ok(rpc(project, demo.head, 'people', {}));
        const o = v.onboarding[0];
        return { manager: o.manager, step: o.next, done: true, comment: '' };
      },
    ],
    [
      'addTraining',
      'head',
      () => ({
        date: '2026-11-26',
        manager: demo.managers[0],
        kind: 'training',
        topic: 'Возражения',
        trainer: '',
        score: '',
        passed: true,
      }),
    ],
    ...(['preview', 'import'] as const).map((mode): [Method, 'head', () => unknown] => [
      'importFile',
      'head',
      () => ({
        mode,
        target: 'spend',
        name: 'spend.csv',
        type: 'text/csv',
        base64: Buffer.from('Дата;Статья;Сумма\n03.11.2026;Реклама;1000\n').toString('base64'),
      }),
    ]),
    [
      'scoreCandidate',
      'head',
      () => {
        const v = ok(rpc(project, demo.head, 'people', {}));
        const c = v.candidates?.find((k) => k.open);
        return { row: c?.row ?? 0, name: c?.name ?? '', question: v.questions[0], score: 4 };
      },
    ],
    [
      'candidateStage',
      'head',
      () => {
        const c = ok(rpc(project, demo.head, 'people', {})).candidates?.find((k) => k.open);
        return { row: c?.row ?? 0, name: c?.name ?? '', stage: 'interview' };
      },
    ],
  ];

  it.each(cases)('%s', (method, who, payload) => {
    const user = who === 'head' ? demo.head : demo.managers[0];
    const body = payload();
    const reply = project.rpc('rpc', [method, body], { user }) as { ok: boolean };
    expect(reply).toMatchObject({ ok: true });
    const over = Object.entries(reads()).filter(([, n]) => n > 1);
    expect(over).toEqual([]);
  });
});

it("people reads Stage history exactly once: the grades' process compliance", () => {
  for (const user of [demo.head, demo.managers[0]]) {
    expect(project.rpc('rpc', ['people', {}], { user })).toMatchObject({ ok: true });
    expect(reads()[STAGE_HISTORY.ru]).toBe(1);
  }
});
