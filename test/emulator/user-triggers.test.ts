// Installable triggers belong to the user who created them: ScriptApp.getUserTriggers(ss) and
// getProjectTriggers() list only the caller's ("Gets all installable triggers owned by this user
// in the given spreadsheet", https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)),
// and each trigger fires separately, as its owner. Two editors who each install "the" form
// trigger therefore get two, and one response runs the handler twice.
import { project } from './fixture';

const CODE = `
function installForm() {
  return ScriptApp.newTrigger('onForm').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create().getUniqueId();
}
function mine() {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getUniqueId(); });
}
function projectTriggers() {
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); });
}
function onForm(e) {
  var p = PropertiesService.getDocumentProperties();
  var seen = JSON.parse(p.getProperty('runs') || '[]');
  seen.push([Session.getEffectiveUser().getEmail(), e.triggerUid]);
  p.setProperty('runs', JSON.stringify(seen));
}
function runs() { return JSON.parse(PropertiesService.getDocumentProperties().getProperty('runs') || '[]'); }
`;

describe("each user's installable triggers", () => {
  it('lists only the calling user’s triggers and fires each as its owner', () => {
    const { project: p, emulator } = project(CODE);
    const head = p.run('installForm', [], { user: 'head@example.com' }) as string;
    const manager = p.run('installForm', [], { user: 'manager@example.com' }) as string;
    expect(head).not.toBe(manager);
    expect(p.run('mine', [], { user: 'head@example.com' })).toEqual([head]);
    expect(p.run('mine', [], { user: 'manager@example.com' })).toEqual([manager]);
    expect(p.run('projectTriggers', [], { user: 'manager@example.com' })).toEqual([manager]);
    expect(p.run('mine', [], { user: 'other@example.com' })).toEqual([]);
    expect(emulator.triggers.list().map((t) => [t.owner, t.uid])).toEqual([
      ['head@example.com', head],
      ['manager@example.com', manager],
    ]);

    p.submitForm('Ответы на форму', { Имя: 'Ольга' });
    expect(p.run('runs')).toEqual([
      ['head@example.com', head],
      ['manager@example.com', manager],
    ]);
  });

  it('lets a user delete only what getUserTriggers gave them', () => {
    const { project: p, emulator } = project(
      CODE +
        `function removeMine() { mine(); ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`,
    );
    p.run('installForm', [], { user: 'head@example.com' });
    p.run('installForm', [], { user: 'manager@example.com' });
    p.run('removeMine', [], { user: 'manager@example.com' });
    expect(emulator.triggers.list().map((t) => t.owner)).toEqual(['head@example.com']);
  });
});
