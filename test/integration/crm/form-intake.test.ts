/**
 * Google Form intake without duplicates: one form-submit trigger per workbook whoever runs Setup,
 * each response processed once (a doubled trigger, a retried execution, Google's second blank
 * event), and the label date of a nameless lead in the spreadsheet's zone.
 */
import { lastToast, MANAGER_ROWS, rows, setUpProject, sheet } from './helpers';

const FORM = 'Ответы на форму (1)';
const ANSWERS = { 'Название компании': 'ООО «Из формы»', Телефон: '8 916 000 11 22' };

function formTriggers(p: ReturnType<typeof setUpProject>) {
  return p.emulator.triggers.list().filter((t) => t.eventType === 'ON_FORM_SUBMIT');
}

/** A workbook with a second head of sales, who may run Setup too. */
function twoHeads(opts: Parameters<typeof setUpProject>[0] = {}) {
  const p = setUpProject(opts);
  sheet(p, 'Менеджеры')
    .getRange(MANAGER_ROWS.length + 2, 1, 1, 5)
    .setValues([['Дарья Заместитель', 'deputy@firm.ru', '', 'РОП', true]]);
  // A new head joins the protected sheets' editors when the owner runs Setup again (SECURITY.md).
  p.run('menuSetupWorkbook');
  return p;
}

function formLog(p: ReturnType<typeof setUpProject>): string[] {
  return rows(p, 'Журнал').map((l) => String(l['Сообщение']));
}

describe('one form trigger per workbook', () => {
  it('leaves one trigger when two editors run Setup, and the second is told who owns it', () => {
    const p = twoHeads();
    expect(formTriggers(p)).toHaveLength(1);
    p.run('menuSetupWorkbook', [], { user: 'deputy@firm.ru' });
    p.run('menuSetupWorkbook', [], { user: 'deputy@firm.ru' });
    expect(formTriggers(p)).toEqual([expect.objectContaining({ owner: 'head@firm.ru' })]);
    expect(lastToast(p)).toContain('Приём заявок из Google Формы уже ведёт head@firm.ru');
    p.run('menuSetupWorkbook');
    expect(formTriggers(p)).toHaveLength(1);
    expect(p.emulator.properties.document.get('ropdesk.formIntake.owner')).toBe('head@firm.ru');
  });

  it('a duplicate trigger found at run time removes itself and makes no second lead', () => {
    const p = twoHeads();
    // A workbook set up before the owner was recorded: each editor installed their own.
    p.emulator.properties.document.delete('ropdesk.formIntake.owner');
    p.emulator.properties.document.delete('ropdesk.formIntake.triggerUid');
    p.run('menuSetupWorkbook', [], { user: 'deputy@firm.ru' });
    expect(
      formTriggers(p)
        .map((t) => t.owner)
        .sort(),
    ).toEqual(['deputy@firm.ru', 'head@firm.ru']);
    p.submitForm(FORM, ANSWERS);
    expect(rows(p, 'Сделки')).toHaveLength(1);
    expect(formTriggers(p)).toEqual([expect.objectContaining({ owner: 'deputy@firm.ru' })]);
    expect(formLog(p).some((m) => m.startsWith('Лишний триггер приёма заявок'))).toBe(true);
  });
});

describe('each response processed once', () => {
  it('one response delivered twice and a blank event leave exactly one lead', () => {
    const p = twoHeads();
    const event = p.submitForm(FORM, ANSWERS);
    p.deliverFormEvent(event);
    const values = event.values as string[];
    const named = event.namedValues as Record<string, string[]>;
    const blank = {
      ...event,
      values: values.map((v, i) => (i === 0 ? v : '')),
      namedValues: Object.fromEntries(
        Object.keys(named).map((q, i) => [q, [i === 0 ? values[0] : '']]),
      ),
    };
    p.deliverFormEvent(blank);
    expect(rows(p, 'Клиенты')).toHaveLength(1);
    expect(rows(p, 'Сделки')).toHaveLength(1);
    const log = formLog(p);
    expect(log.filter((m) => m.startsWith('Лид из формы'))).toHaveLength(1);
    expect(log.some((m) => m.startsWith('Ответ формы уже обработан (строка 2'))).toBe(true);
    expect(log.some((m) => m.startsWith('Пустое событие формы (строка 2)'))).toBe(true);
  });

  it('a second response, even with the same answers, is a new response', () => {
    const p = twoHeads();
    p.submitForm(FORM, ANSWERS);
    p.emulator.clock.advance(60_000);
    p.submitForm(FORM, ANSWERS);
    expect(rows(p, 'Сделки')).toHaveLength(2);
  });
});

describe('the lead label date', () => {
  it('is the spreadsheet’s day, not UTC’s', () => {
    // 11:00 UTC on 27 November is already 01:00 on 28 November in Kiritimati (UTC+14).
    const p = setUpProject({
      now: Date.parse('2026-11-27T11:00:00Z'),
      spreadsheetTimeZone: 'Pacific/Kiritimati',
    });
    p.submitForm(FORM, { Комментарий: 'Перезвоните' });
    expect(rows(p, 'Клиенты')[0]['Клиент']).toBe('Заявка из формы 28.11.2026');
  });
});
