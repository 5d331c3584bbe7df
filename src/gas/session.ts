/**
 * Who runs the code and with what authorisation. The caller's own email comes from
 * `currentUserEmail` (gas/context); these are the trigger-side answers.
 */

/** The user whose authority the script runs under (a trigger's owner), lower-cased; '' if hidden. */
export function effectiveUserEmail(): string {
  try {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** False when the user must grant the script's scopes again before it may run (new scopes). */
export function isAuthorised(): boolean {
  try {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED;
  } catch {
    return true;
  }
}
