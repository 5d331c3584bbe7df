/**
 * The built bundle in the emulator: what each person receives from a trigger run on hand-built
 * data, in both parts, and that nobody ever gets another manager's deal (seeded random books).
 */
import { DEALS } from '../../../src/core/workbook/schema';
import {
  deal,
  DIRECTOR,
  HEAD,
  firstDailyRun,
  kindOf,
  manager,
  msk,
  project,
  seedWorkbook,
  type Row,
} from './seed';

const NOW = msk(2026, 11, 27, 9, 30); // Friday

function setup() {
  const p = project({ now: NOW, activeUser: HEAD });
  const ago = (days: number, h = 10) =>
    new Date(NOW.getTime() - days * 86_400_000 + (h - 9.5) * 3_600_000);
  seedWorkbook(p.emulator, {
    managers: [
      manager(HEAD, 'Ольга', 'Руководитель'),
      manager('anna@example.com', 'Анна'),
      manager('boris@example.com', 'Борис'),
      manager('no-email', 'Вера'),
    ],
    clients: [
      {
        id: 'C-000001',
        name: 'ООО «Ромашка»',
        manager: 'anna@example.com',
        createdAt: ago(100),
        lastContactAt: ago(45),
      },
      {
        id: 'C-000002',
        name: 'АО «Лютик»',
        manager: 'boris@example.com',
        createdAt: ago(100),
        lastContactAt: ago(2),
      },
    ],
    deals: [
      deal(1, 'anna@example.com', NOW, {
        lastActivityAt: ago(10),
        title: '<script>alert("x")</script> станки',
      }),
      deal(2, 'boris@example.com', NOW, {
        stage: 'Новая заявка',
        createdAt: ago(1, 11),
        firstActivityAt: '',
        lastActivityAt: '',
        nextStep: '',
        nextStepDate: '',
      }),
      deal(3, 'anna@example.com', NOW, {
        stage: 'Коммерческое предложение',
        lastActivityAt: ago(1),
        nextStepDate: msk(2026, 11, 24),
      }),
      deal(4, 'anna@example.com', NOW, {
        stage: 'Встреча / презентация',
        lastActivityAt: ago(1),
        nextStep: '',
        nextStepDate: '',
      }),
      deal(5, 'anna@example.com', NOW, {
        stage: 'Успешно',
        closedAt: msk(2026, 11, 25),
        amount: 300_000,
      }),
      deal(6, 'anna@example.com', NOW, {
        lastActivityAt: ago(10),
        snoozedUntil: msk(2026, 11, 30),
        snoozeReason: 'отпуск',
      }),
      deal(7, 'boris@example.com', NOW, { lastActivityAt: ago(1) }),
    ],
    invoices: [
      {
        id: 'I-000001',
        number: '101',
        clientId: 'C-000001',
        issuedAt: msk(2026, 10, 1),
        dueDate: msk(2026, 10, 15),
        amount: 80_000,
        paidAmount: 30_000,
      },
      {
        id: 'I-000002',
        number: '102',
        clientId: 'C-000002',
        issuedAt: msk(2026, 10, 1),
        dueDate: msk(2026, 10, 15),
        amount: 80_000,
        paidAmount: 80_000,
        paidAt: msk(2026, 10, 10),
      },
    ],
    plans: [
      {
        level: 'Менеджер',
        target: 'anna@example.com',
        period: '2026-11',
        metric: 'Выручка',
        value: 1_000_000,
      },
    ],
    settings: { 'Получатели отчётов': DIRECTOR },
  });
  return p;
}

describe('a daily run on hand-built data', () => {
  const p = setup();
  const trigger = firstDailyRun(p);
  const mail = (to: string) => p.emulator.outbox.filter((m) => m.to === to);

  it('mails the head a summary and each manager with something to say a digest', () => {
    expect(p.emulator.outbox.map((m) => `${m.to}:${kindOf(m.subject)}`).sort()).toEqual([
      'anna@example.com:digest',
      'boris@example.com:digest',
      `${HEAD}:summary`,
    ]);
  });

  it("lists exactly the manager's own items, with counts and row links", () => {
    const [anna] = mail('anna@example.com');
    const gid = p.emulator.spreadsheet.getSheetByName(DEALS.ru)!.getSheetId();
    expect(anna.subject).toBe('ROP Desk: 5 задач на 27.11.2026');
    const invGid = p.emulator.spreadsheet.getSheetByName('Счета')!.getSheetId();
    expect(anna.body).toContain('Просроченные счета клиентов (1)');
    expect(anna.body).toMatch(
      /ООО «Ромашка» \(№ 101\) — просрочка оплаты 43 дн\. · 50\u00a0000\u00a0₽/,
    );
    expect(anna.body).toContain(`#gid=${invGid}&range=A2`);
    expect(mail('boris@example.com')[0].body).not.toContain('Просроченные счета');
    expect(anna.body).toContain('Забытые сделки (1)');
    expect(anna.body).toContain(`#gid=${gid}&range=A2`); // D-000001 on row 2
    expect(anna.body).toContain('Следующие шаги: просрочены или не заданы (2)');
    expect(anna.body).toContain('Забытые клиенты (1)');
    expect(anna.body).toMatch(/Мой план[\s\S]*30%/);
    for (const id of ['D-000001', 'D-000003', 'D-000004'])
      expect(anna.body).toContain(id === 'D-000001' ? 'станки' : id);
    for (const absent of ['D-000002', 'D-000005', 'D-000006', 'D-000007', 'АО «Лютик»'])
      expect(anna.body).not.toContain(absent);
    const [boris] = mail('boris@example.com');
    expect(boris.body).toContain('Необработанные лиды (1)');
    expect(boris.body).toContain('D-000002');
    expect(boris.body).not.toContain('D-000007');
  });

  it('escapes workbook text in the HTML part', () => {
    const [anna] = mail('anna@example.com');
    expect(anna.htmlBody).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; станки');
    expect(anna.htmlBody).not.toContain('<script>');
    expect(anna.name).toBe('ROP Desk');
  });

  it('reports the manager without a valid email instead of crashing', () => {
    const [summary] = mail(HEAD);
    expect(summary.body).toContain('Нет корректного email у менеджеров: Вера');
    expect(summary.body).toContain('Всего просрочено: 50\u00a0000\u00a0₽');
    const log = p.emulator.spreadsheet.getSheetByName('Журнал')!.getDataRange().getValues();
    const lines = log.slice(1).filter((r) => r[2] === 'reminders');
    expect(lines).toHaveLength(1);
    expect(String(lines[0][3])).toContain('отправлено 3');
    expect(String(lines[0][3])).toContain('«Вера» (no-email)');
  });

  it('stores the run for the sidebar status', () => {
    const state = JSON.parse(p.emulator.properties.document.get('ropdesk.reminders')!);
    expect(state).toMatchObject({ enabled: true, owner: HEAD, lastError: '' });
    expect(state.lastSuccessAt).toBe(p.emulator.clock.now());
    expect(state.lastResult).toMatchObject({ sent: 3, deferred: 0, failed: 0, invalid: 1 });
  });

  it('a rerun and a doubled trigger send nothing again', () => {
    const before = p.emulator.outbox.length;
    p.emulator.fireTimeTrigger(trigger.uid);
    p.emulator.clock.advance(60_000);
    p.emulator.fireTimeTrigger(trigger.uid);
    p.run('menuRunRemindersNow');
    expect(p.emulator.outbox).toHaveLength(before);
  });
});

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = [
  'Новая заявка',
  'Квалификация',
  'Встреча / презентация',
  'Коммерческое предложение',
  'Согласование договора',
  'Счёт выставлен',
  'Успешно',
  'Проиграна',
];

describe('property: no digest ever contains another manager’s deal or client', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
    const r = rng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const p = project({ now: NOW, activeUser: HEAD });
    const emails = Array.from({ length: 2 + Math.floor(r() * 5) }, (_, i) => `m${i}@example.com`);
    const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
    const owner = new Map<string, string>();
    const clients: Row[] = Array.from({ length: 5 + Math.floor(r() * 20) }, (_, i) => {
      const id = `C-${String(i + 1).padStart(6, '0')}`;
      const m = pick(emails);
      owner.set(id, m);
      return {
        id,
        name: `Клиент ${id}`,
        manager: r() < 0.1 ? m.toUpperCase() : m,
        createdAt: ago(200),
        lastContactAt: ago(Math.floor(r() * 60)),
      };
    });
    const deals: Row[] = Array.from({ length: 10 + Math.floor(r() * 60) }, (_, i) => {
      const m = pick(emails);
      const id = `D-${String(i + 1).padStart(6, '0')}`;
      owner.set(id, m);
      return deal(i + 1, m, NOW, {
        title: `Сделка ${id}`,
        clientId: pick(clients).id,
        clientName: 'Клиент',
        stage: pick(STAGES),
        lastActivityAt: r() < 0.2 ? '' : ago(Math.floor(r() * 30)),
        firstActivityAt: r() < 0.3 ? '' : ago(40),
        createdAt: ago(Math.floor(r() * 50)),
        nextStep: r() < 0.3 ? '' : 'Шаг',
        nextStepDate: r() < 0.3 ? '' : ago(Math.floor(r() * 10) - 5),
        snoozedUntil: r() < 0.1 ? ago(-Math.floor(r() * 5)) : '',
      });
    });
    seedWorkbook(p.emulator, {
      managers: [
        manager(HEAD, 'Ольга', 'Руководитель'),
        ...emails.map((e, i) => manager(e, `Менеджер ${i}`)),
      ],
      clients,
      deals,
    });
    p.run('menuRunRemindersNow');
    const digests = p.emulator.outbox.filter((m) => kindOf(m.subject) === 'digest');
    expect(digests.length).toBeGreaterThan(0);
    for (const m of digests) {
      const ids = new Set([...m.body.matchAll(/[DC]-\d{6}/g)].map((x) => x[0]));
      expect(ids.size).toBeGreaterThan(0);
      for (const id of ids) expect(`${id} -> ${owner.get(id)}`).toBe(`${id} -> ${m.to}`);
    }
    // And every digest went to a distinct manager, once.
    expect(new Set(digests.map((m) => m.to)).size).toBe(digests.length);
  });
});
