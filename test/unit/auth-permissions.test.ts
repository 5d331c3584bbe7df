/** Which feature needs which scope, and the English texts naming them. */
import { missingPermissions, SCOPES } from '../../src/core/auth/permissions';
import { t } from '../../src/core/i18n';

describe('feature permissions', () => {
  it('names only what the feature needs and was not granted', () => {
    expect(missingPermissions('reminders', [SCOPES.triggers])).toEqual(['mail']);
    expect(missingPermissions('reminders', [])).toEqual(['triggers', 'mail']);
    expect(missingPermissions('formIntake', [SCOPES.mail])).toEqual(['triggers']);
    expect(missingPermissions('sendNow', [SCOPES.mail])).toEqual([]);
    // Apps Script could not tell: assume granted rather than block the feature.
    expect(missingPermissions('reminders', null)).toEqual([]);
  });

  it('says it in English too', () => {
    expect(
      t('en', 'auth.missing.reminders', { permissions: t('en', 'auth.permission.mail') }),
    ).toMatch(/^Daily reminders need the permission "Send email as you"/);
  });
});
