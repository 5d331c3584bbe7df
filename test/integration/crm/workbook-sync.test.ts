/**
 * The execution's Workbook keeps what it read in step with what it writes, so nothing reads a
 * sheet twice: after any mix of CRM writes, its lists must equal a fresh read of the sheets.
 * Formula-like text is the sharp case: it is written with a leading apostrophe that Sheets keeps
 * out of the value.
 */
import * as crm from '../../../src/app/crm';
import { spreadsheet } from '../../../src/gas/context';
import { Workbook } from '../../../src/gas/workbook';
import { setUpProject, withServices } from './helpers';

const lead = (name: string, phone: string) => ({
  clientName: name,
  contactName: '=HYPERLINK("http://x","y")',
  phone,
  email: '',
  inn: '',
  need: '+ставки -скидки @всем',
  firstConversation: '=1+1',
  nextStep: 'Отправить КП',
  nextStepDate: '01.12.2026',
});

it('after appends, updates and new ids, the lists equal a fresh read', () => {
  const p = setUpProject();
  withServices(p.emulator, () => {
    const wb = new Workbook(spreadsheet());
    // Read everything first, as an RPC answer would, so the writes go through the read copy.
    wb.data();
    const a = crm.addLead(wb, lead('ООО «Альфа»', '+7 916 111-22-33'));
    const b = crm.addLead(wb, lead('=Бета', '+7 916 444-55-66'));
    if (a.status !== 'created' || b.status !== 'created') throw new Error('not created');
    crm.moveStage(wb, { id: a.dealId, stage: 'Квалификация', amount: '125 000,50' });
    crm.logActivity(wb, {
      dealId: b.dealId,
      type: 'call',
      summary: '-минус в начале',
      nextStep: '@упоминание',
      nextStepDate: '03.12.2026',
    });
    crm.updateClient(wb, { id: a.clientId, changes: { name: 'ООО «Альфа-2»' } });
    const fresh = new Workbook(spreadsheet()).data();
    const mine = wb.data();
    expect(mine.clients).toEqual(fresh.clients);
    expect(mine.deals).toEqual(fresh.deals);
    expect(mine.activities).toEqual(fresh.activities);
    expect(mine.stageHistory).toEqual(fresh.stageHistory);
    expect(fresh.clients.map((c) => c.name)).toContain('=Бета');
    expect(fresh.deals.find((d) => d.id === a.dealId)?.clientName).toBe('ООО «Альфа-2»');
  });
});
