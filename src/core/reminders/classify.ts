/**
 * What to do about a service error, decided from its text. Google localizes these messages into
 * the user's language, so the catalogue matches known fragments in English and Russian. A service
 * error nobody catalogued ("Service error: Gmail", a new wording) is 'later': the email is left
 * deferred for the next run, once a day, never marked failed for good (SECURITY.md, "Reruns and
 * faults"). A JavaScript error of our own (TypeError...) is a bug: permanent for that one email,
 * so it cannot turn into a daily retry of something that will never work.
 */
export type ErrorClass =
  /** Retry the same call with backoff (1, 2, 4, 8, 16 s). */
  | 'transient'
  /** The daily mail quota is spent: defer this and the rest to the next run. */
  | 'quota'
  /** Skip this one email or record, log it, go on with the others. */
  | 'permanent'
  /** Nothing else will work in this execution either (authorisation, time limit): stop the run. */
  | 'fatal'
  /** Not known: no retry in this run, the next run tries again. */
  | 'later';

export interface ErrorRule {
  cls: ErrorClass;
  /** Short id kept in the log next to the raw text. */
  id: string;
  match: RegExp;
}

export const ERROR_CATALOGUE: readonly ErrorRule[] = [
  {
    id: 'simultaneous',
    cls: 'transient',
    match: /too many simultaneous invocations|слишком много одновременных/i,
  },
  {
    id: 'lockOps',
    cls: 'transient',
    match: /too many lockservice operations|слишком много операций lockservice/i,
  },
  // The document lock helper's UserError when another run holds the lock a few seconds.
  { id: 'busy', cls: 'transient', match: /^error\.busy$/ },
  { id: 'lockTimeout', cls: 'transient', match: /lock timeout|время ожидания блокировки/i },
  {
    id: 'timedOut',
    cls: 'transient',
    match: /service .* timed out|timed out|превышено время ожидания/i,
  },
  {
    id: 'serverError',
    cls: 'transient',
    match: /server error occurred|произошла ошибка сервера|internal error|внутренняя ошибка/i,
  },
  {
    id: 'unavailable',
    cls: 'transient',
    match: /service unavailable|temporarily unavailable|сервис недоступен|временно недоступ/i,
  },
  { id: 'rateLimit', cls: 'transient', match: /rate limit|user-rate limit|too many requests/i },
  { id: 'serviceError', cls: 'transient', match: /^service error|ошибка службы|ошибка сервиса/i },
  {
    id: 'mailQuota',
    cls: 'quota',
    match:
      /too many times for one day: email|email recipients per day|invoked too many times.*email|слишком много раз за день: электронн/i,
  },
  {
    id: 'dailyQuota',
    cls: 'fatal',
    match: /invoked too many times for one day|слишком много раз за день/i,
  },
  { id: 'perMessage', cls: 'permanent', match: /recipients per message|получателей в сообщении/i },
  {
    id: 'invalidEmail',
    cls: 'permanent',
    match:
      /invalid email|invalid argument: (to|recipient)|недопустимый адрес|неверный адрес|некорректный адрес/i,
  },
  {
    id: 'tooLarge',
    cls: 'permanent',
    match: /message too large|body too large|argument too large|слишком велико|слишком большое/i,
  },
  {
    id: 'auth',
    cls: 'fatal',
    match:
      /authorization is required|требуется авторизация|you do not have permission|нет разрешения|access denied|доступ запрещ/i,
  },
  {
    id: 'timeLimit',
    cls: 'fatal',
    match: /exceeded maximum execution time|превышено максимальное время выполнения/i,
  },
];

export interface Classified {
  cls: ErrorClass;
  id: string;
  raw: string;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

const BUG = /^(TypeError|ReferenceError|RangeError|SyntaxError)\b/;

export function classifyError(e: unknown): Classified {
  const raw = errorText(e);
  for (const rule of ERROR_CATALOGUE)
    if (rule.match.test(raw)) return { cls: rule.cls, id: rule.id, raw };
  const name = e && typeof e === 'object' && 'name' in e ? String(e.name) : '';
  if (BUG.test(name) || BUG.test(raw)) return { cls: 'permanent', id: 'bug', raw };
  return { cls: 'later', id: 'unknown', raw };
}

/** 1, 2, 4, 8, 16 s: the backoff the runtime reference recommends. */
export const BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000, 16000];
