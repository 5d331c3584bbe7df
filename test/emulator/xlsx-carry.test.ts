// A workbook saved from the emulator (the playground's .local/workbook.xlsx) keeps its dropdowns,
// conditional formats and named ranges, as read by a reader other than the writer: fflate unzips
// the file and the sheet XML is read directly, not through exceljs.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createEmulator, loadEmulator, sidecarOf } from '../../local/emulator';
import { tempDir } from './fixture';

interface Parts {
  workbook: string;
  styles: string;
  sheet(name: string): string;
}

/** Opens the zip and finds each sheet's XML through workbook.xml and its relationships. */
function open(file: string): Parts {
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (p: string) => strFromU8(zip[p]);
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  return {
    workbook,
    styles: text('xl/styles.xml'),
    sheet(name) {
      const escaped = name.replace(/'/g, '&apos;');
      const m = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook);
      if (!m) throw new Error(`no sheet ${name}`);
      const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
      return text(`xl/${target.replace(/^\/?xl\//, '')}`);
    },
  };
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function elements(
  xml: string,
  tag: string,
): Array<{ attrs: Record<string, string>; body: string }> {
  const out: Array<{ attrs: Record<string, string>; body: string }> = [];
  const re = new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]] = unescape(a[2]);
    out.push({ attrs, body: m[2] ?? '' });
  }
  return out;
}

describe('the saved .xlsx carries the workbook rules', () => {
  it('writes dropdowns, conditional formats and named ranges a separate reader finds', async () => {
    const em = createEmulator();
    const ss = em.spreadsheet;
    const deals = ss.insertSheet('Сделки');
    const settings = ss.insertSheet("Настройки'2");
    settings.getRange('E2:E4').setValues([['Новая'], ['КП'], ['Успешно']]);
    ss.setNamedRange('ROP_STAGES', settings.getRange('E1:H4'));
    ss.setNamedRange('ROP_TODAY', settings.getRange('B1'));
    deals.getRange('A1:C2').setValues([
      ['Этап', 'Сумма', 'Тип'],
      ['Новая', 5, 'Звонок'],
    ]);
    const rules = em.app;
    deals
      .getRange('A2:A100')
      .setDataValidation(
        rules.newDataValidation().requireValueInRange(settings.getRange('E2:E4')).build(),
      );
    deals
      .getRange('C2:C100')
      .setDataValidation(
        rules
          .newDataValidation()
          .requireValueInList(['Звонок', 'Встреча'])
          .setAllowInvalid(false)
          .build(),
      );
    deals.setConditionalFormatRules([
      rules
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=AND($B2<>"",$B2<10)')
        .setBackground('#f4c7c3')
        .setRanges([deals.getRange('A2:C100')])
        .build(),
      rules
        .newConditionalFormatRule()
        .whenNumberGreaterThan(1000)
        .setBackground('#b7e1cd')
        .setRanges([deals.getRange('B2:B100')])
        .build(),
    ]);
    const file = path.join(tempDir('emu-xlsx-'), 'workbook.xlsx');
    await em.save(file);

    const x = open(file);
    const names = Object.fromEntries(
      elements(x.workbook, 'definedName').map((d) => [d.attrs.name, unescape(d.body)]),
    );
    expect(names).toEqual({
      ROP_STAGES: "'Настройки''2'!$E$1:$H$4",
      ROP_TODAY: "'Настройки''2'!$B$1",
    });

    const sheet = x.sheet('Сделки');
    const lists = elements(sheet, 'dataValidation').map((d) => ({
      sqref: d.attrs.sqref,
      type: d.attrs.type,
      strict: d.attrs.showErrorMessage === '1',
      formula: unescape(elements(d.body, 'formula1')[0]?.body ?? ''),
    }));
    expect(lists).toEqual([
      { sqref: 'A2:A100', type: 'list', strict: false, formula: "'Настройки''2'!$E$2:$E$4" },
      { sqref: 'C2:C100', type: 'list', strict: true, formula: '"Звонок,Встреча"' },
    ]);

    const cf = elements(sheet, 'conditionalFormatting').map((c) => {
      const rule = elements(c.body, 'cfRule')[0];
      return {
        sqref: c.attrs.sqref,
        type: rule.attrs.type,
        operator: rule.attrs.operator,
        formula: unescape(elements(rule.body, 'formula')[0].body),
        dxfId: Number(rule.attrs.dxfId),
      };
    });
    expect(cf.map(({ dxfId: _d, ...rest }) => rest)).toEqual([
      { sqref: 'A2:C100', type: 'expression', operator: undefined, formula: 'AND($B2<>"",$B2<10)' },
      { sqref: 'B2:B100', type: 'cellIs', operator: 'greaterThan', formula: '1000' },
    ]);
    // Each rule's fill is the colour Sheets showed.
    const dxfs = elements(x.styles, 'dxf').map((d) => /bgColor rgb="([^"]+)"/.exec(d.body)?.[1]);
    expect(cf.map((c) => dxfs[c.dxfId])).toEqual(['FFF4C7C3', 'FFB7E1CD']);
  });

  it('loads named ranges and range dropdowns back from a plain .xlsx (no sidecar)', async () => {
    const em = createEmulator();
    const ss = em.spreadsheet;
    const deals = ss.insertSheet('Сделки');
    const settings = ss.insertSheet('Настройки');
    settings.getRange('E2:E3').setValues([['Новая'], ['КП']]);
    ss.setNamedRange('ROP_STAGES', settings.getRange('E1:H3'));
    deals
      .getRange('A2:A5')
      .setDataValidation(
        em.app
          .newDataValidation()
          .requireValueInRange(settings.getRange('E2:E3'))
          .setAllowInvalid(false)
          .build(),
      );
    const file = path.join(tempDir('emu-xlsx-'), 'plain.xlsx');
    await em.save(file);
    rmSync(sidecarOf(file));

    const back = await loadEmulator(file);
    const named = back.spreadsheet.getRangeByName('ROP_STAGES');
    expect(named?.getSheet().getName()).toBe('Настройки');
    expect(named?.getA1Notation()).toBe('E1:H3');
    const rule = back.spreadsheet.getSheetByName('Сделки')!.getRange('A4').getDataValidation();
    expect(rule?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect(
      (rule?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(),
    ).toBe('E2:E3');
    expect(() =>
      back.spreadsheet.getSheetByName('Сделки')!.getRange('A4').setValue('Нет такого'),
    ).toThrow('violates the data validation rules');
  });
});
