import { project } from './fixture';

const CODE = `
function csv() { return Utilities.parseCsv('a,"b ""q"", c"\\n1,2\\n'); }
function b64() {
  var enc = Utilities.base64Encode('Привет');
  return [enc, Utilities.newBlob(Utilities.base64Decode(enc)).getDataAsString(), Utilities.base64Decode('/w==')[0]];
}
function uuid() { return Utilities.getUuid(); }
function fmt() { return Utilities.formatString('%s has %d deals (%.1f%%)', 'Анна', 12, 37.25); }
function zipped() {
  var z = Utilities.zip([Utilities.newBlob('hello', 'text/plain', 'a.txt')], 'x.zip');
  return Utilities.unzip(z).map(function (b) { return b.getName() + '=' + b.getDataAsString(); });
}
function logs() { Logger.log('n=%s', 5); console.log('plain', { a: 1 }); console.error('bad'); }
function sidebar() {
  var t = HtmlService.createTemplateFromFile('Page');
  t.name = '<b>Иван</b>';
  var out = t.evaluate().setTitle('Панель').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(out);
  return out.getContent();
}
function fromFile() { return HtmlService.createHtmlOutputFromFile('Page').getContent().length; }
function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }
function helperForTemplate() { return 'from global'; }
function ask() {
  var ui = SpreadsheetApp.getUi();
  var a = ui.alert('Удалить?', 'Точно удалить сделку?', ui.ButtonSet.YES_NO);
  var p = ui.prompt('Сумма', ui.ButtonSet.OK_CANCEL);
  SpreadsheetApp.getActiveSpreadsheet().toast('Готово', 'ROP Desk', 3);
  return [a, p.getSelectedButton(), p.getResponseText()];
}
`;
const PAGE =
  '<p><?= name ?></p><div><?!= name ?></div><? for (var i = 0; i < 2; i++) { ?><i><?= i ?></i><? } ?><?= helperForTemplate() ?>';

describe('other services', () => {
  it('parses CSV with quotes and a trailing newline', () => {
    const { project: p } = project(CODE);
    expect(p.run('csv')).toEqual([
      ['a', 'b "q", c'],
      ['1', '2'],
    ]);
  });

  it('encodes base64 and gives signed bytes like Java', () => {
    const { project: p } = project(CODE);
    expect(p.run('b64')).toEqual(['0J/RgNC40LLQtdGC', 'Привет', -1]);
  });

  it('makes uuids, formats strings, zips', () => {
    const { project: p } = project(CODE);
    expect(p.run('uuid')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(p.run('fmt')).toBe('Анна has 12 deals (37.3%)');
    expect(p.run('zipped')).toEqual(['a.txt=hello']);
  });

  it('records Logger and console output', () => {
    const { project: p, emulator } = project(CODE);
    p.run('logs');
    expect(emulator.logs.map((l) => [l.level, l.message])).toEqual([
      ['Logger', 'n=5'],
      ['log', 'plain {"a":1}'],
      ['error', 'bad'],
    ]);
  });

  it('evaluates templates: <?= ?> escapes, <?!= ?> does not, scriptlets see globals', () => {
    const { project: p, emulator } = project(CODE, {}, { Page: PAGE });
    const html = p.run('sidebar');
    expect(html).toBe(
      '<p>&lt;b&gt;Иван&lt;/b&gt;</p><div><b>Иван</b></div><i>0</i><i>1</i>from global',
    );
    expect(emulator.ui.sidebars[0]).toMatchObject({ title: 'Панель', width: 300, content: html });
    expect(p.run('fromFile')).toBe(PAGE.length);
    expect(() => p.run('missing')).toThrow('No HTML file named Nope was found.');
  });

  it('records alerts, prompts and toasts and answers from a queue', () => {
    const { project: p, emulator } = project(CODE);
    emulator.ui.answer('NO');
    emulator.ui.answer('OK', '1500');
    expect(p.run('ask')).toEqual(['NO', 'OK', '1500']);
    expect(emulator.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.buttons])).toEqual([
      ['alert', 'Удалить?', 'Точно удалить сделку?', 'YES_NO'],
      ['prompt', '', 'Сумма', 'OK_CANCEL'],
    ]);
    expect(emulator.toasts[0]).toMatchObject({
      message: 'Готово',
      title: 'ROP Desk',
      timeoutSeconds: 3,
    });
  });
});
