/**
 * What the user granted on Google's granular consent screen, for the scopes a feature needs.
 * ScriptApp.getAuthorizationInfo(FULL, scopes).getAuthorizedScopes() lists the granted ones:
 * https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes()
 */
interface ScopedInfo {
  getAuthorizedScopes?: () => string[] | null;
}

/** The granted ones among `scopes`; null when Apps Script cannot tell (then assume granted). */
export function authorizedScopes(scopes: readonly string[]): string[] | null {
  try {
    const getInfo = ScriptApp.getAuthorizationInfo as unknown as (
      mode: GoogleAppsScript.Script.AuthMode,
      scopes: string[],
    ) => ScopedInfo;
    const info = getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL, [...scopes]);
    const granted = info.getAuthorizedScopes ? info.getAuthorizedScopes() : null;
    return granted ? granted.map(String) : null;
  } catch {
    return null;
  }
}
