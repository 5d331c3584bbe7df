/** Typing straight into the sheets: the simple onEdit trigger of the built bundle. */
import { rows, setUpProject, sheet, stageHistory, values } from './helpers';

function header(p: ReturnType<typeof setUpProject>, name: string): string[] {
  return values(p, name)[0].map(String);
}
function a1(p: ReturnType<typeof setUpProject>, name: string, col: string, row: number): string {
  const i = header(p, name).indexOf(col);
  return `${String.fromCharCode(65 + i)}${row}`;
}

describe('onEdit', () => {
  it('gives a typed client an id and stamps, normalises the phone, flags a bad INN', () => {
    const p = setUpProject();
    p.edit('Клиенты', a1(p, 'Клиенты', 'Клиент', 2), 'ООО «Ручной ввод»', { user: 'ivan@firm.ru' });
    p.edit('Клиенты', a1(p, 'Клиенты', 'Телефон', 2), '8 (916) 765-43-21', {
      user: 'ivan@firm.ru',
    });
    p.edit('Клиенты', a1(p, 'Клиенты', 'ИНН', 2), '7707083894', { user: 'ivan@firm.ru' });
    const [c] = rows(p, 'Клиенты');
    expect(c).toMatchObject({
      ID: 'C-000001',
      Клиент: 'ООО «Ручной ввод»',
      Телефон: '+79167654321',
      ИНН: '7707083894',
    });
    expect(Object.prototype.toString.call(c['Обновлён'])).toBe('[object Date]');
    expect(Object.prototype.toString.call(c['Создан'])).toBe('[object Date]');
    const inn = sheet(p, 'Клиенты').getRange(a1(p, 'Клиенты', 'ИНН', 2));
    expect(inn.getNote()).toContain('ROP Desk');
    p.edit('Клиенты', a1(p, 'Клиенты', 'ИНН', 2), '7707083893');
    expect(inn.getNote()).toBe('');
  });

  it('records a stage typed into Deals in StageHistory and normalises a typed amount', () => {
    const p = setUpProject();
    const h = header(p, 'Сделки');
    const row = h.map(
      (name) =>
        (
          ({
            'ID клиента': 'C-000001',
            Сделка: 'Ручная',
            Менеджер: 'ivan@firm.ru',
            Этап: 'новая заявка',
          }) as Record<string, string>
        )[name] ?? '',
    );
    p.edit('Сделки', `A2:${String.fromCharCode(64 + h.length)}2`, [row], { user: 'ivan@firm.ru' });
    p.edit('Сделки', a1(p, 'Сделки', 'Этап', 2), 'Квалификация', { user: 'ivan@firm.ru' });
    const amountCell = sheet(p, 'Сделки').getRange(a1(p, 'Сделки', 'Сумма', 2));
    expect(amountCell.getNote()).toContain('нужна сумма');
    p.edit('Сделки', a1(p, 'Сделки', 'Сумма', 2), '1 234,50 ₽', { user: 'ivan@firm.ru' });
    expect(amountCell.getNote()).toBe('');
    p.edit('Сделки', a1(p, 'Сделки', 'Этап', 2), 'Проиграна', { user: 'ivan@firm.ru' });
    expect(
      sheet(p, 'Сделки')
        .getRange(a1(p, 'Сделки', 'Причина проигрыша', 2))
        .getNote(),
    ).toContain('причину');
    expect(rows(p, 'Сделки')[0]['Дата закрытия']).not.toBe('');
    p.edit('Сделки', a1(p, 'Сделки', 'Этап', 2), 'Выдуманный', { user: 'ivan@firm.ru' });
    const [d] = rows(p, 'Сделки');
    // A stage the funnel does not know is refused: the previous one comes back, with a note.
    expect(d).toMatchObject({ ID: 'D-000001', Сумма: 1234.5, Этап: 'Проиграна' });
    expect(
      sheet(p, 'Сделки')
        .getRange(a1(p, 'Сделки', 'Этап', 2))
        .getNote(),
    ).toContain('нет в воронке');
    expect(stageHistory(p).map((x) => `${x['Из этапа']}>${x['В этап']}`)).toEqual([
      '>Новая заявка',
      'Новая заявка>Квалификация',
      'Квалификация>Проиграна',
    ]);
  });

  it('treats a row typed into Activities as a logged activity', () => {
    const p = setUpProject();
    const dh = header(p, 'Сделки');
    const deal = dh.map(
      (name) =>
        (
          ({
            ID: 'D-000007',
            'ID клиента': 'C-000003',
            Менеджер: 'ivan@firm.ru',
            Этап: 'Квалификация',
          }) as Record<string, string>
        )[name] ?? '',
    );
    sheet(p, 'Сделки').getRange(2, 1, 1, dh.length).setValues([deal]);
    const ch = header(p, 'Клиенты');
    sheet(p, 'Клиенты')
      .getRange(2, 1, 1, ch.length)
      .setValues([
        ch.map(
          (n) =>
            (
              ({ ID: 'C-000003', Клиент: 'Орион', Менеджер: 'ivan@firm.ru' }) as Record<
                string,
                string
              >
            )[n] ?? '',
        ),
      ]);
    const ah = header(p, 'Активности');
    const act = ah.map(
      (n) =>
        (
          ({
            Тип: 'звонок',
            'ID сделки': 'D-000007',
            Итог: '=Договорились о встрече',
            'Следующий шаг': 'Встреча',
            'Дата следующего шага': '03.12.2026',
          }) as Record<string, string>
        )[n] ?? '',
    );
    p.edit('Активности', `A2:${String.fromCharCode(64 + ah.length)}2`, [act], {
      user: 'ivan@firm.ru',
    });
    const [a] = rows(p, 'Активности');
    expect(a).toMatchObject({
      ID: 'A-000001',
      Тип: 'Звонок',
      'ID клиента': 'C-000003',
      Менеджер: 'ivan@firm.ru',
    });
    const [d] = rows(p, 'Сделки');
    expect(d['Следующий шаг']).toBe('Встреча');
    expect(Object.prototype.toString.call(d['Последняя активность'])).toBe('[object Date]');
    expect(Object.prototype.toString.call(rows(p, 'Клиенты')[0]['Последний контакт'])).toBe(
      '[object Date]',
    );
  });

  it('copes with a multi-row paste and with edits it cannot interpret', () => {
    const p = setUpProject();
    const h = header(p, 'Клиенты');
    const pasted = [0, 1, 2].map((i) =>
      h.map(
        (n) =>
          (
            ({
              Клиент: `Клиент ${i}`,
              Телефон: i === 1 ? 'позвонить' : `+7 495 111-22-3${i}`,
              Менеджер: 'anna@firm.ru',
            }) as Record<string, string>
          )[n] ?? '',
      ),
    );
    p.edit('Клиенты', `A2:${String.fromCharCode(64 + h.length)}4`, pasted, {
      user: 'anna@firm.ru',
    });
    const list = rows(p, 'Клиенты');
    expect(list.map((c) => c.ID)).toEqual(['C-000001', 'C-000002', 'C-000003']);
    expect(list.map((c) => c['Телефон'])).toEqual(['+74951112230', 'позвонить', '+74951112232']);
    expect(
      sheet(p, 'Клиенты')
        .getRange(a1(p, 'Клиенты', 'Телефон', 3))
        .getNote(),
    ).toContain('телефон');
    // Another sheet, or a sheet without our header: nothing happens, nothing throws.
    p.edit('Настройки', 'Z50', 'просто заметка');
    expect(p.emulator.ui.alerts).toEqual([]);
  });

  it("flags a large paste with a constant number of note calls and keeps users' own notes", () => {
    const notesCalls = (n: number) => {
      const p = setUpProject();
      const h = header(p, 'Клиенты');
      const phoneCell = (row: number) =>
        sheet(p, 'Клиенты').getRange(a1(p, 'Клиенты', 'Телефон', row));
      // A person's own note on a cell whose pasted value is fine.
      phoneCell(4).setNote('личный номер');
      const pasted = Array.from({ length: n }, (_, i) =>
        h.map(
          (name) =>
            (
              ({
                Клиент: `Клиент ${i}`,
                Телефон: i === 2 ? '+7 495 111-22-33' : 'позвонить',
                Менеджер: 'anna@firm.ru',
              }) as Record<string, string>
            )[name] ?? '',
        ),
      );
      const end = String.fromCharCode(64 + h.length);
      p.edit('Клиенты', `A2:${end}${n + 1}`, pasted, { user: 'anna@firm.ru' });
      expect(phoneCell(2).getNote()).toContain('ROP Desk');
      expect(phoneCell(3).getNote()).toContain('ROP Desk');
      // Row 4's phone was good: the user's note there is left alone.
      expect(phoneCell(4).getNote()).toBe('личный номер');
      const calls = p.lastCalls;
      return (
        (calls['Range.getNote'] ?? 0) +
        (calls['Range.setNote'] ?? 0) +
        (calls['Range.getNotes'] ?? 0) +
        (calls['Range.setNotes'] ?? 0)
      );
    };
    const few = notesCalls(5);
    expect(few).toBeGreaterThan(0);
    expect(notesCalls(200)).toBe(few);
  });

  it("reads the edited range's bounds once, however many columns the sheet has", () => {
    const p = setUpProject();
    p.edit('Сделки', a1(p, 'Сделки', 'Сделка', 2), 'Поставка', { user: 'ivan@firm.ru' });
    const calls = p.lastCalls;
    expect(calls['Range.getColumn']).toBe(1);
    expect(calls['Range.getLastColumn']).toBe(1);
    expect(calls['Range.getRow']).toBe(1);
  });
});
