/**
 * The granular consent screen: a user may untick some of the scopes a script asks for. Calls that
 * need an ungranted scope are refused for that user only, and
 * ScriptApp.getAuthorizationInfo(FULL, scopes) tells the script which of `scopes` it has
 * (https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes()).
 */
import { project, SCOPES } from './fixture';

const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';

const CODE = `
function mail() { MailApp.sendEmail('a@example.com', 's', 'b'); return 'sent'; }
function info() {
  var i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ['${MAIL}', '${TRIGGERS}']);
  return [i.getAuthorizationStatus(), i.getAuthorizedScopes()];
}
function all() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus(); }
`;

describe('granular consent', () => {
  it('grants everything the manifest asks for by default', () => {
    const { project: p } = project(CODE);
    expect(p.run('info')).toEqual(['NOT_REQUIRED', [MAIL, TRIGGERS]]);
    expect(p.run('mail')).toBe('sent');
  });

  it('refuses what one user unticked, reports it, and leaves other users alone', () => {
    const { project: p, emulator } = project(CODE, { activeUser: 'anna@example.com' });
    emulator.grantScopes(
      'anna@example.com',
      SCOPES.filter((s) => s !== MAIL),
    );
    expect(p.run('info')).toEqual(['REQUIRED', [TRIGGERS]]);
    expect(p.run('all')).toBe('REQUIRED');
    expect(() => p.run('mail')).toThrow(
      `You do not have permission to call MailApp.sendEmail. Required permissions: ${MAIL}`,
    );
    expect(p.run('mail', [], { user: 'olga@example.com' })).toBe('sent');
    emulator.grantScopes('anna@example.com', null);
    expect(p.run('mail')).toBe('sent');
  });
});
