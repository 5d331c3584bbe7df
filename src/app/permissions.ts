/**
 * A feature checks the scopes it needs before it starts, so a user who unticked one on the
 * granular consent screen reads, in their language, which permission which feature needs,
 * instead of a raw authorization error halfway through.
 */
import { UserError } from '../core/errors';
import { t, type MessageKey } from '../core/i18n';
import {
  FEATURE_PERMISSIONS,
  missingPermissions,
  SCOPES,
  type Feature,
} from '../core/auth/permissions';
import type { Lang } from '../core/types';
import { authorizedScopes } from '../gas/auth';

const MISSING: Record<Feature, MessageKey> = {
  reminders: 'auth.missing.reminders',
  sendNow: 'auth.missing.sendNow',
  formIntake: 'auth.missing.formIntake',
};

/** The missing permissions' names in `lang`, or null when everything needed was granted. */
function missingNames(feature: Feature, lang: Lang): string | null {
  const wanted = FEATURE_PERMISSIONS[feature].map((p) => SCOPES[p]);
  const missing = missingPermissions(feature, authorizedScopes(wanted));
  return missing.length ? missing.map((p) => t(lang, `auth.permission.${p}`)).join(', ') : null;
}

/** The message naming what `feature` lacks, or null when everything it needs was granted. */
export function missingPermissionText(feature: Feature, lang: Lang): string | null {
  const names = missingNames(feature, lang);
  return names === null ? null : t(lang, MISSING[feature], { permissions: names });
}

/** Throws a UserError naming the missing permissions of `feature`. */
export function requirePermissions(feature: Feature, lang: Lang): void {
  const names = missingNames(feature, lang);
  if (names !== null) throw new UserError(MISSING[feature], { permissions: names });
}
