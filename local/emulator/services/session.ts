/** Session: who runs the code and in which zone. Empty email where Google would not tell. */
import { emailVisible } from '../identity';
import { Svc, instrument, type Runtime } from '../runtime';

export interface User {
  getEmail(): string;
}

export class Session
  extends Svc
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
    >
{
  constructor(
    rt: Runtime,
    private readonly _scriptTimeZone: () => string,
    private readonly _fallbackUser: () => string,
  ) {
    super(rt);
  }
  getActiveUser(): User {
    const ex = this._rt.exec;
    // Custom functions and NONE never tell; a simple trigger tells only the owner's domain.
    const email = ex
      ? ex.kind === 'custom' || ex.authMode === 'NONE'
        ? ''
        : ex.kind === 'simple' && !emailVisible(this._rt.identity, ex.user)
          ? ''
          : ex.user
      : this._fallbackUser();
    return { getEmail: () => email };
  }
  getEffectiveUser(): User {
    const ex = this._rt.exec;
    const email = ex ? (ex.kind === 'custom' ? '' : ex.effectiveUser) : this._fallbackUser();
    return { getEmail: () => email };
  }
  getScriptTimeZone(): string {
    return this._scriptTimeZone();
  }
  getActiveUserLocale(): string {
    return 'ru';
  }
  getTemporaryActiveUserKey(): string {
    const u = this._rt.exec?.user ?? this._fallbackUser();
    return Buffer.from(`key:${u}`).toString('base64url');
  }
}
instrument(Session, 'Session');
