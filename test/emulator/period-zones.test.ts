// A date a person types is midnight of that day in the spreadsheet's zone, wherever that zone
// is: a plan period "01.11.2026" must read as November in UTC+14 and in UTC-11 alike, which only
// holds when the reader formats it in the spreadsheet's zone, not the script's (Europe/Moscow).
import { project } from './fixture';

const CODE = `
function period() {
  var ss = SpreadsheetApp.getActive();
  var d = ss.getSheets()[0].getRange('A2').getValue();
  return [
    Utilities.formatDate(d, ss.getSpreadsheetTimeZone(), 'yyyy-MM'),
    Utilities.formatDate(d, Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm'),
    d.toISOString(),
  ];
}
`;

describe('a typed plan period in far zones', () => {
  it.each([
    ['Pacific/Kiritimati', '2026-10-31T10:00:00.000Z', '2026-10-31 13:00'],
    ['Pacific/Pago_Pago', '2026-11-01T11:00:00.000Z', '2026-11-01 14:00'],
    ['Pacific/Apia', '2026-10-31T11:00:00.000Z', '2026-10-31 14:00'],
  ])('reads 01.11.2026 as November in %s', (zone, iso, inMoscow) => {
    const { project: p } = project(CODE, { spreadsheetTimeZone: zone });
    p.edit('Лист1', 'A2', '01.11.2026');
    const [month, scriptWall, at] = p.run('period') as string[];
    expect(at).toBe(iso);
    expect(month).toBe('2026-11');
    // The same cell in the script's zone is another day (and for +13/+14 another month).
    expect(scriptWall).toBe(inMoscow);
  });
});
