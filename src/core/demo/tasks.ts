/**
 * The demo's tasks, as a head of sales sets them: per manager a few concrete tasks tied to their
 * own deals, one for the whole team, some done on time, some late, some still open and overdue
 * (the oldest already escalated), and some due later this week.
 */
import type { Task, TaskPriority, TaskStatus } from '../tasks/types';
import type { Day, Instant, Zone } from '../time';
import type { Deal, Lang, Manager } from '../types';
import { formatId } from '../workbook/ids';
import { localToInstant } from '../workbook/normalize';

const TEXTS: Record<Lang, { deal: string[]; plain: string[]; all: string; results: string[] }> = {
  ru: {
    deal: [
      'Позвонить ЛПР и подтвердить встречу',
      'Отправить КП с условиями оплаты в два этапа',
      'Согласовать с юристами клиента правки в договор',
    ],
    plain: [
      'Заполнить потребность и ЛПР во всех новых сделках',
      'Обновить следующий шаг по сделкам без активности больше недели',
    ],
    all: 'Пройти тренинг «Работа с возражениями» и сдать тест',
    results: [
      'Созвонились, встреча в четверг в 11:00',
      'КП отправлено, клиент ответит до пятницы',
      'Правки согласованы, договор на подписи',
      'Заполнено в 12 сделках',
    ],
  },
  en: {
    deal: [
      'Call the decision maker and confirm the meeting',
      'Send the proposal with payment in two instalments',
      "Agree the contract changes with the client's lawyers",
    ],
    plain: [
      'Fill in the need and decision maker on every new deal',
      'Update the next step on deals idle for over a week',
    ],
    all: 'Take the "Handling objections" training and pass the test',
    results: [
      'Called, meeting on Thursday at 11:00',
      'Proposal sent, the client answers by Friday',
      'Changes agreed, the contract is out for signing',
      'Done on 12 deals',
    ],
  },
};

interface Plan {
  dueIn: number;
  status: TaskStatus;
  /** Days from due to done (negative = early). */
  doneAfter?: number;
  escalated?: boolean;
  priority?: TaskPriority;
}

/** Per manager, in order: what happened to each of their tasks. */
const PLANS: readonly Plan[] = [
  { dueIn: -12, status: 'done', doneAfter: -1 },
  { dueIn: -8, status: 'done', doneAfter: 2 },
  { dueIn: -5, status: 'open', escalated: true, priority: 'high' },
  { dueIn: -1, status: 'open' },
  { dueIn: 2, status: 'open', priority: 'high' },
];

export function demoTasks(opts: {
  managers: readonly Manager[];
  deals: readonly Deal[];
  today: Day;
  zone: Zone;
  lang: Lang;
}): Task[] {
  const { managers, deals, today, zone, lang } = opts;
  const text = TEXTS[lang];
  const head = managers.find((m) => m.role === 'head')?.email ?? '';
  const sellers = managers.filter((m) => m.role === 'manager' && m.active);
  const at = (day: Day, minute: number): Instant => localToInstant(day, minute, zone);
  const out: Task[] = [];
  const add = (t: Omit<Task, 'row' | 'id'>) =>
    out.push({ row: 0, id: formatId('T', out.length + 1), ...t });
  sellers.forEach((m, i) => {
    const own = deals.filter((d) => d.manager === m.email && d.closedAt === null);
    // Not everyone has the same record: the later managers in the list skip a step or two.
    PLANS.slice(0, 3 + (i % 3)).forEach((p, k) => {
      const deal = k % 2 === 0 ? own[k] : undefined;
      const due = at(today + p.dueIn, 18 * 60);
      const late = p.doneAfter !== undefined && (i + k) % 4 === 0 ? p.doneAfter + 1 : p.doneAfter;
      add({
        what: deal ? text.deal[k % text.deal.length] : text.plain[k % text.plain.length],
        whom: m.email,
        dealId: deal?.id ?? '',
        clientName: deal?.clientName ?? '',
        due,
        priority: p.priority ?? 'normal',
        setBy: head,
        status: p.status,
        result: p.status === 'done' ? text.results[(i + k) % text.results.length] : '',
        doneAt: late === undefined ? null : at(today + p.dueIn + late, 16 * 60),
        doneBy: p.status === 'done' ? m.email : '',
        escalatedAt: p.escalated && i === 0 ? at(today - 2, 9 * 60) : null,
        createdAt: at(today + p.dueIn - 4, 10 * 60),
      });
    });
  });
  for (const m of sellers) {
    add({
      what: text.all,
      whom: m.email,
      dealId: '',
      clientName: '',
      due: at(today + 5, 18 * 60),
      priority: 'normal',
      setBy: head,
      status: 'open',
      result: '',
      doneAt: null,
      doneBy: '',
      escalatedAt: null,
      createdAt: at(today - 1, 10 * 60),
    });
  }
  return out;
}
