import {
  decodeText,
  parseCsv,
  sharedStrings,
  worksheetRows,
  dateStyles,
  firstSheetPath,
} from '../../../src/core/crm/files';
import {
  mapImportHeader,
  resolveManager,
  rowToLead,
  rowsToRecords,
  usableMapping,
} from '../../../src/core/crm/import';
import type { Manager } from '../../../src/core/types';

describe('CSV', () => {
  it('detects the separator and handles quotes, doubled quotes and line breaks', () => {
    expect(parseCsv('a;b;c\n1;"x;y";"say ""hi"""\r\n2;"multi\nline";\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', 'say "hi"'],
      ['2', 'multi\nline', ''],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('detects the separator outside quotes, even when the header spans lines', () => {
    expect(parseCsv('"Компания, ООО";"Телефон, моб."\n"Липа, ООО";+7 916')).toEqual([
      ['Компания, ООО', 'Телефон, моб.'],
      ['Липа, ООО', '+7 916'],
    ]);
    expect(parseCsv('"Имя;\nфамилия",Телефон,Город\nИван,1,Москва')).toEqual([
      ['Имя;\nфамилия', 'Телефон', 'Город'],
      ['Иван', '1', 'Москва'],
    ]);
    expect(parseCsv('a\t"b,c"\t"d;e"\n1\t2\t3')).toEqual([
      ['a', 'b,c', 'd;e'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('Компания\nЛипа')).toEqual([['Компания'], ['Липа']]);
    expect(parseCsv('')).toEqual([]);
  });
  it('reads a Windows-1251 file with quoted line breaks end to end', () => {
    // "Имя;Заметка\r\nЁж;"две\r\nстроки"" as Russian Excel saves it.
    const bytes = new Uint8Array([
      0xc8, 0xec, 0xff, 0x3b, 0xc7, 0xe0, 0xec, 0xe5, 0xf2, 0xea, 0xe0, 0x0d, 0x0a, 0xa8, 0xe6,
      0x3b, 0x22, 0xe4, 0xe2, 0xe5, 0x0d, 0x0a, 0xf1, 0xf2, 0xf0, 0xee, 0xea, 0xe8, 0x22,
    ]);
    expect(parseCsv(decodeText(bytes))).toEqual([
      ['Имя', 'Заметка'],
      ['Ёж', 'две\r\nстроки'],
    ]);
  });
  it('decodes UTF-8 (with BOM) and falls back to Windows-1251', () => {
    expect(decodeText(new Uint8Array(Buffer.from('\ufeffПривет', 'utf8')))).toBe('Привет');
    expect(decodeText(new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xb8]))).toBe(
      'Привет ё',
    );
  });
});

describe('XLSX parts', () => {
  it('reads shared, inline, numeric, boolean and date cells', () => {
    const strings = sharedStrings(
      '<sst><si><t>Компания</t></si><si><r><t>Ром</t></r><r><t xml:space="preserve">ашка &amp; Ко</t></r></si></sst>',
    );
    expect(strings).toEqual(['Компания', 'Ромашка & Ко']);
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const dates = dateStyles(styles);
    expect([...dates]).toEqual([1, 2]);
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Телефон</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>46353</v></c><c r="C2"><v>79161234567</v></c><c r="D2" t="b"><v>1</v></c></row></sheetData></worksheet>';
    expect(worksheetRows(sheet, strings, dates)).toEqual([
      ['Компания', '', 'Телефон'],
      ['Ромашка & Ко', '27.11.2026', '79161234567', 'TRUE'],
    ]);
    expect(
      firstSheetPath(
        '<sheets><sheet name="A" sheetId="1" r:id="rId3"/></sheets>',
        '<Relationships><Relationship Id="rId3" Target="worksheets/sheet7.xml"/></Relationships>',
      ),
    ).toBe('xl/worksheets/sheet7.xml');
  });
});

const managers: Manager[] = [
  {
    row: 2,
    email: 'anna@firm.ru',
    name: 'Анна Козлова',
    team: '',
    role: 'manager',
    active: true,
    callsPerDay: null,
    meetingsPerWeek: null,
    hiredAt: null,
    lastDay: null,
    grade: '',
    mentor: '',
  },
];

describe('import mapping', () => {
  it('maps amoCRM and Bitrix24 headers', () => {
    const amo = mapImportHeader([
      'Название сделки',
      'Бюджет',
      'Ответственный',
      'Компания',
      'Рабочий телефон',
      'Мобильный телефон',
      'Рабочий email',
      'Теги',
    ]);
    expect(amo.map((m) => m.field)).toEqual([
      'title',
      'amount',
      'manager',
      'name',
      'phone',
      'phone',
      'email',
      '',
    ]);
    const b24 = mapImportHeader([
      'Название лида',
      'Имя',
      'Фамилия',
      'Название компании',
      'Рабочий e-mail',
      'Сумма',
      'Комментарий',
      'Телефон для рассылок',
    ]);
    expect(b24.map((m) => m.field)).toEqual([
      'title',
      'firstName',
      'lastName',
      'name',
      'email',
      'amount',
      'need',
      'phone',
    ]);
    expect(usableMapping(mapImportHeader(['x', 'y']))).toBe(false);
  });
  it('builds a lead from a row; rejects rows without a name or contact', () => {
    const mapping = mapImportHeader([
      'Компания',
      'Имя',
      'Фамилия',
      'Рабочий телефон',
      'Мобильный телефон',
      'Ответственный',
    ]);
    const [ok, noContact, empty] = rowsToRecords(
      [
        ['', 'Олег', 'Орлов', 'нет', '8 903 123 45 67', 'Козлова Анна'],
        ['ООО Тест', '', '', '', '', ''],
        ['', '', '', '', '', ''],
      ],
      mapping,
    );
    const a = rowToLead(ok, managers, { source: 'Импорт', lang: 'ru' });
    expect(a.reasons).toEqual([]);
    expect(a.lead).toMatchObject({
      clientName: 'Орлов Олег',
      phone: '8 903 123 45 67',
      manager: 'anna@firm.ru',
      source: 'Импорт',
    });
    expect(rowToLead(noContact, managers, { source: '', lang: 'en' }).reasons).toEqual([
      'neither phone nor email',
    ]);
    expect(rowToLead(empty, managers, { source: '', lang: 'ru' }).reasons).toEqual([
      'нет названия клиента и контакта',
    ]);
    expect(ok.line).toBe(2);
    expect(resolveManager('ANNA@firm.ru', managers)).toBe('anna@firm.ru');
    expect(resolveManager('Кто-то', managers)).toBe('');
  });
});
