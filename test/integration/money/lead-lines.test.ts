/**
 * Lines typed into the new-lead form, through the bundle on the demo: the price list comes from
 * `dealLines` with no deal; `addLead` with lines creates the client, the deal and its lines in one
 * locked write, the deal's amount from the lines, an over-limit line awaiting approval; a bad line
 * stops the lead before anything is written. One read per sheet, one append per block.
 */
import type { DealLinesView } from '../../../src/shared/contract-money';
import type { Request } from '../../../src/shared/methods';
import { ok, rpc, seedDemo } from '../rpc/seed';

const lead = (name: string, phone: string): Request<'addLead'>['lead'] => ({
  clientName: name,
  inn: '',
  contactName: 'Анна',
  phone,
  email: '',
  source: '',
  need: 'Стеллажи на склад',
  dealTitle: 'Стеллажи',
  amount: '999',
  activityType: 'call',
  summary: 'Звонок',
  nextStep: 'КП',
  nextStepDate: '2026-12-01',
});

describe('lines in the new-lead form', () => {
  const demo = seedDemo();
  const { project } = demo;
  const ss = project.emulator.spreadsheet;
  const [manager] = demo.managers;
  const rows = (name: string) => ss.getSheetByName(name)!.getDataRange().getValues();
  const lineCount = () => rows('Строки сделок').filter((r) => r[0] !== '').length;

  it('the price list comes without a deal, with the limit of whoever types the lead', () => {
    const v = ok(rpc(project, manager, 'dealLines', { dealId: '' })) as DealLinesView;
    expect(v.lines).toEqual([]);
    expect(v.limit).toBe(0.05);
    expect(v.products.map((p) => p.sku)).toContain('SP-1000');
  });

  it('creates the deal with its lines in one locked write; the amount is the lines', () => {
    const plain = ok(
      rpc(project, manager, 'addLead', {
        lead: lead('ООО «Без строк»', '+7 916 100-00-09'),
        force: false,
        lines: [],
      }),
    );
    expect(plain.status).toBe('added');
    const writesWithout = project.lastCalls['Range.setValues'];
    const before = lineCount();
    const r = ok(
      rpc(project, manager, 'addLead', {
        lead: lead('ООО «Строки»', '+7 916 100-00-01'),
        force: false,
        lines: [
          { product: 'sp-1000', quantity: 2, price: '' },
          { product: 'Тележка гидравлическая', quantity: 1, price: '10 %' },
        ],
      }),
    );
    if (r.status !== 'added') throw new Error('not added');
    // The lines are one more append (one setValues) than the same lead without them.
    expect(project.lastCalls['Range.setValues']).toBe(writesWithout + 1);
    expect(Object.entries(project.lastReads).filter(([, n]) => n > 1)).toEqual([]);
    expect(project.lastCalls['Lock.tryLock'] ?? project.lastCalls['Lock.waitLock']).toBe(1);
    const lines = rows('Строки сделок').filter((x) => x[0] === r.dealId);
    expect(lines.map((x) => [x[1], x[2], x[3]])).toEqual([
      ['Стеллаж паллетный СП-1000', 'SP-1000', 2],
      ['Тележка гидравлическая', 'PJ-25', 1],
    ]);
    expect(lineCount()).toBe(before + 2);
    // 10 % is over the manager's 5 %: it awaits the head like a line added from the deal card.
    expect(lines[1]).toContain('Ждёт согласования');
    const deal = rows('Сделки').find((x) => x[0] === r.dealId)!;
    const amountAt = rows('Сделки')[0].indexOf('Сумма');
    expect(deal[amountAt]).toBe(2 * 48_000 + 32_000 * 0.9);
    const queue = ok(rpc(project, demo.head, 'discountQueue', {}));
    expect(queue.some((q) => q.dealId === r.dealId && q.product === 'Тележка гидравлическая')).toBe(
      true,
    );
  });

  it('a product not on the price list stops the lead: nothing written, the field named', () => {
    const deals = rows('Сделки').length;
    const before = lineCount();
    const r = rpc(project, manager, 'addLead', {
      lead: lead('ООО «Нет товара»', '+7 916 100-00-02'),
      force: false,
      lines: [{ product: 'Вертолёт', quantity: 1, price: '' }],
    });
    expect(r.ok ? '' : r.error.message).toMatch(/Вертолёт/);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
    expect(rows('Сделки')).toHaveLength(deals);
    expect(lineCount()).toBe(before);
  });

  it('the request schema refuses malformed lines before the handler runs', () => {
    const r = rpc(project, manager, 'addLead', {
      lead: lead('ООО «Кривые строки»', '+7 916 100-00-03'),
      force: false,
      lines: 'все товары' as never,
    });
    expect(r.ok).toBe(false);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });
});
