// "Meta tags included directly in an Apps Script HTML file are ignored"; only
// HtmlOutput.addMetaTag sets them
// (https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)).
import { project } from './fixture';

const PAGE =
  '<!doctype html><html><head><meta charset="utf-8" />' +
  '<meta name="viewport" content="width=device-width, initial-scale=1" />' +
  '<title>t</title></head><body>hi</body></html>';
const CODE = `
function fromFile() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Page')); }
function withTag() {
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutputFromFile('Page').addMetaTag('viewport', 'width=device-width, initial-scale=1'));
}
`;

describe('meta tags of a shown page', () => {
  it('ignores the ones written in the HTML file', () => {
    const { project: p, emulator } = project(CODE, {}, { Page: PAGE });
    p.run('fromFile');
    const shown = emulator.ui.sidebars[0];
    expect(shown.metaTags).toEqual([]);
    expect(shown.content).not.toContain('name="viewport"');
    expect(shown.content).toContain('<meta charset="utf-8" />');
    expect(shown.content).toContain('<body>hi</body>');
  });

  it('applies the ones set with addMetaTag', () => {
    const { project: p, emulator } = project(CODE, {}, { Page: PAGE });
    p.run('withTag');
    expect(emulator.ui.sidebars[0].metaTags).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
  });
});
