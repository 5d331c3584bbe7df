/**
 * ScriptApp: auth modes and enums, trigger builders over the registry (20 triggers per user per
 * script; add-on rules when enabled), authorization info.
 */
import { GasError, MSG } from '../errors';
import { grants } from '../policy';
import { Svc, instrument, type Runtime } from '../runtime';
import { minuteFor, nextFire, type EventType, type Schedule, type TriggerRec } from './triggers';

export const MAX_TRIGGERS_PER_USER = 20;
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

const names = <T extends string>(...keys: T[]): Record<T, T> =>
  Object.fromEntries(keys.map((k) => [k, k])) as Record<T, T>;

export const AuthMode = names('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;

export interface ScriptState {
  triggers: TriggerRec[];
  nextUid: number;
  scriptId: string;
  scriptTimeZone: string;
  docId: string;
  /** Editor add-on rules: one trigger of each type per user per document, clock at most hourly. */
  addon: boolean;
  authorizationRequired: boolean;
}

export class Trigger extends Svc {
  constructor(
    rt: Runtime,
    readonly _rec: TriggerRec,
  ) {
    super(rt);
  }
  getUniqueId(): string {
    return this._rec.uid;
  }
  getHandlerFunction(): string {
    return this._rec.handler;
  }
  getEventType(): string {
    return this._rec.eventType;
  }
  getTriggerSource(): string {
    return this._rec.source;
  }
  getTriggerSourceId(): string | null {
    return this._rec.sourceId;
  }
}
instrument(Trigger, 'Trigger');

function register(
  rt: Runtime,
  st: ScriptState,
  rec: Omit<TriggerRec, 'uid' | 'owner' | 'created' | 'nextAt'>,
): Trigger {
  const owner = rt.exec?.effectiveUser ?? '';
  const mine = st.triggers.filter((t) => t.owner === owner);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw new GasError(MSG.tooManyTriggers);
  if (
    st.addon &&
    mine.some(
      (t) =>
        t.eventType === rec.eventType && (t.sourceId ?? st.docId) === (rec.sourceId ?? st.docId),
    )
  )
    throw new GasError(
      'This add-on has already created a trigger of this type for this user in this document.',
    );
  const uid = String(st.nextUid++);
  const created = rt.clock.now();
  const full: TriggerRec = { ...rec, uid, owner, created, nextAt: null };
  if (rec.schedule) full.nextAt = nextFire(rec.schedule, created, created);
  st.triggers.push(full);
  return new Trigger(rt, full);
}

export class ClockTriggerBuilder extends Svc {
  private readonly _s: Schedule;
  constructor(
    rt: Runtime,
    private readonly _st: ScriptState,
    private readonly _handler: string,
  ) {
    super(rt);
    this._s = {
      kind: 'days',
      every: 1,
      hour: null,
      minute: -1,
      weekDay: null,
      monthDay: null,
      at: null,
      timeZone: _st.scriptTimeZone,
    };
  }
  after(ms: number): this {
    this._s.kind = 'at';
    this._s.at = this._rt.clock.now() + Number(ms);
    return this;
  }
  at(date: Date): this {
    this._s.kind = 'at';
    this._s.at = new Date(date).getTime();
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw new GasError(MSG.everyMinutes);
    if (this._st.addon)
      throw new GasError(
        'Add-ons may not create time-driven triggers that run more often than once an hour.',
      );
    this._s.kind = 'minutes';
    this._s.every = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw new GasError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this._s.kind = 'hours';
    this._s.every = n;
    return this;
  }
  everyDays(n: number): this {
    this._s.kind = 'days';
    this._s.every = n;
    return this;
  }
  everyWeeks(n: number): this {
    this._s.kind = 'weeks';
    this._s.every = n;
    return this;
  }
  onWeekDay(day: string): this {
    const i = WEEKDAYS.indexOf(String(day) as (typeof WEEKDAYS)[number]);
    if (i < 0) throw new GasError(`Invalid argument: ${String(day)}`);
    if (this._s.kind !== 'weeks') {
      this._s.kind = 'weeks';
      this._s.every = 1;
    }
    this._s.weekDay = i + 1;
    return this;
  }
  onMonthDay(day: number): this {
    this._s.kind = 'monthDay';
    this._s.monthDay = day;
    return this;
  }
  atHour(hour: number): this {
    if (!(hour >= 0 && hour <= 23)) throw new GasError('The hour must be between 0 and 23.');
    this._s.hour = Math.floor(hour);
    return this;
  }
  nearMinute(minute: number): this {
    this._s.minute = Math.floor(minute) % 60;
    return this;
  }
  inTimezone(tz: string): this {
    this._s.timeZone = String(tz);
    return this;
  }
  create(): Trigger {
    const s = { ...this._s };
    if (s.kind === 'days' && s.hour === null) s.hour = 0;
    if (s.kind === 'weeks' && s.hour === null) s.hour = 0;
    if (s.kind === 'monthDay' && s.hour === null) s.hour = 0;
    // The minute is fixed now (Google picks it at random within the hour, then keeps it).
    const uidPreview = String(this._st.nextUid);
    if (s.minute < 0) s.minute = s.kind === 'minutes' ? 0 : minuteFor(uidPreview);
    return register(this._rt, this._st, {
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: s,
    });
  }
}
instrument(ClockTriggerBuilder, 'ClockTriggerBuilder');

export class SpreadsheetTriggerBuilder extends Svc {
  private _type: EventType | null = null;
  constructor(
    rt: Runtime,
    private readonly _st: ScriptState,
    private readonly _handler: string,
    private readonly _sourceId: string,
  ) {
    super(rt);
  }
  onOpen(): this {
    this._type = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._type = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._type = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._type = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    if (!this._type)
      throw new GasError(
        'The trigger needs an event type (onOpen, onEdit, onChange or onFormSubmit).',
      );
    return register(this._rt, this._st, {
      handler: this._handler,
      eventType: this._type,
      source: 'SPREADSHEETS',
      sourceId: this._sourceId,
      schedule: null,
    });
  }
}
instrument(SpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder');

export class TriggerBuilder extends Svc {
  constructor(
    rt: Runtime,
    private readonly _st: ScriptState,
    private readonly _handler: string,
  ) {
    super(rt);
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this._rt, this._st, this._handler);
  }
  forSpreadsheet(ss: string | { getId(): string }): SpreadsheetTriggerBuilder {
    const id = typeof ss === 'string' ? ss : ss.getId();
    return new SpreadsheetTriggerBuilder(this._rt, this._st, this._handler, id);
  }
}
instrument(TriggerBuilder, 'TriggerBuilder');

export class ScriptApp extends Svc {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = names('REQUIRED', 'NOT_REQUIRED');
  readonly EventType = names(
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  );
  readonly TriggerSource = names('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
  readonly WeekDay = names(...WEEKDAYS);
  readonly InstallationSource = names('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON');

  constructor(
    rt: Runtime,
    private readonly _st: ScriptState,
    private readonly _manifestScopes: () => ReadonlyArray<string> | null = () => null,
  ) {
    super(rt);
  }
  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this._rt, this._st, String(functionName));
  }
  private _mine(): TriggerRec[] {
    const me = this._rt.exec?.effectiveUser ?? '';
    return this._st.triggers.filter((t) => t.owner === me);
  }
  getProjectTriggers(): Trigger[] {
    return this._rt.realm.list(this._mine().map((t) => new Trigger(this._rt, t)));
  }
  getUserTriggers(doc: { getId(): string }): Trigger[] {
    const id = doc.getId();
    return this._rt.realm.list(
      this._mine()
        .filter((t) => t.sourceId === id || (t.source === 'CLOCK' && id === this._st.docId))
        .map((t) => new Trigger(this._rt, t)),
    );
  }
  deleteTrigger(trigger: Trigger): void {
    const uid = trigger.getUniqueId();
    this._st.triggers = this._st.triggers.filter((t) => t.uid !== uid);
  }
  getScriptId(): string {
    return this._st.scriptId;
  }
  getOAuthToken(): string {
    return 'emulator-oauth-token';
  }
  getInstallationSource(): string {
    return this._st.addon ? 'WEB_STORE_ADD_ON' : 'NONE';
  }
  /**
   * With `oAuthScopes`, about those scopes only: REQUIRED when the user has not granted one of
   * them (unticked on the granular consent screen), and getAuthorizedScopes() lists the granted
   * ones among them. https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
   */
  getAuthorizationInfo(
    _authMode?: unknown,
    oAuthScopes?: string[],
  ): {
    getAuthorizationStatus(): string;
    getAuthorizationUrl(): string | null;
    getAuthorizedScopes(): string[] | null;
  } {
    const user = this._rt.exec?.effectiveUser ?? '';
    const asked = oAuthScopes ? [...oAuthScopes].map(String) : [...(this._manifestScopes() ?? [])];
    const granted = this._rt.granted(user);
    const authorized = granted
      ? asked.filter((s) => grants(granted, s.replace(SCOPE_PREFIX, '')))
      : asked;
    const required = this._st.authorizationRequired || authorized.length < asked.length;
    return {
      getAuthorizationStatus: () => (required ? 'REQUIRED' : 'NOT_REQUIRED'),
      getAuthorizationUrl: () =>
        required ? `https://script.google.com/macros/d/${this._st.scriptId}/authorize` : null,
      getAuthorizedScopes: () => this._rt.realm.list(authorized),
    };
  }
}
instrument(ScriptApp, 'ScriptApp');
