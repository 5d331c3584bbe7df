/**
 * The sidebar's server side: ONE public entry `rpc(method, payload)` over the method table
 * (src/shared/methods.ts) in which each method names the roles that may call it and the schema of
 * its request; nothing outside the table is reachable. google.script.run can reach every top-level
 * function, so this is where who-may-do-what is decided, on every call:
 *   - the caller is the Session's user; '' (unknown) is refused;
 *   - their role comes from the Managers sheet (an inactive or absent email is refused);
 *   - the payload is parsed by the method's schema before the handler runs (src/app/rpc/check.ts);
 *   - a manager's lists hold only their own records (the handlers filter by `ctx.me.email`).
 * Answers are `RpcReply` envelopes (src/shared/contract.ts): expected failures carry a message in
 * the user's language and field problems; anything else is logged and reported as internal.
 */
import { isUserError, UserError } from '../core/errors';
import { t, type MessageKey } from '../core/i18n';
import type { Role } from '../core/types';
import type { RpcError, RpcErrorCode, RpcReply } from '../shared/contract';
import { isMethod, METHODS, type Method, type MethodSpec } from '../shared/methods';
import { appendLog } from '../gas/log';
import { isOwner, managersTrusted } from './guard';
import { parseRequest } from './rpc/check';
import { callerContext, type Ctx, type WithLang } from './rpc/context';
import { renamed } from './rpc/fields';
import { HANDLERS, type Handler } from './rpc/methods';

const CODES: Partial<Record<MessageKey, RpcErrorCode>> = {
  'error.forbidden': 'forbidden',
  'error.notSignedIn': 'unknownUser',
  'error.notAManager': 'unknownUser',
  'error.notFound': 'notFound',
  'error.stale': 'conflict',
  'error.busy': 'conflict',
  'error.missingColumn': 'setup',
  'error.missingSheet': 'setup',
  'rpc.unknownMethod': 'unknownMethod',
  'guard.unprotected': 'setup',
};

export function dispatch(method: unknown, payload: unknown): RpcReply<unknown> {
  let ctx: Ctx | null = null;
  try {
    if (!isMethod(method)) {
      throw new UserError('rpc.unknownMethod', { method: nameOf(method) });
    }
    ctx = callerContext();
    requireRole(ctx.me.role, METHODS[method].roles);
    requireTrustedFor(ctx, METHODS[method].roles);
    return { ok: true, data: run(method, payload, ctx) };
  } catch (e) {
    return { ok: false, error: toRpcError(e, ctx, nameOf(method)) };
  }
}

function run<K extends Method>(method: K, payload: unknown, ctx: Ctx): unknown {
  const req = parseRequest(method, payload, ctx.lang);
  // The compiler cannot pair HANDLERS[K] with Request<K> through the mapped type; the table does.
  const handler = HANDLERS[method] as Handler<K>;
  try {
    return handler(req, ctx);
  } catch (e) {
    const spec: MethodSpec = METHODS[method];
    throw renamed(e, spec.fields);
  }
}

/** A method name fit for a message or the log, whatever the page sent (String() may throw). */
function nameOf(method: unknown): string {
  return typeof method === 'string' ? method.slice(0, 60) : typeof method;
}

function requireRole(role: Role, allowed: readonly Role[]): void {
  if (!allowed.includes(role)) {
    throw new UserError('error.forbidden', { role: allowed.map((r) => `role.${r}`).join('|') });
  }
}

/** A leaders-only method believes the caller's role only from a protected Managers sheet. */
function requireTrustedFor(ctx: Ctx, allowed: readonly Role[]): void {
  if (allowed.includes('manager') || isOwner(ctx.wb, ctx.me.email)) return;
  if (!managersTrusted(ctx.wb, ctx.wb.list('managers'))) throw new UserError('guard.unprotected');
}

function toRpcError(e: unknown, ctx: Ctx | null, method: string): RpcError {
  const lang = ctx?.lang ?? (e as WithLang | null)?.lang ?? 'ru';
  if (isUserError(e)) {
    const params = { ...e.params };
    if (e.key === 'error.forbidden' && typeof params.role === 'string') {
      params.role = params.role
        .split('|')
        .map((k) => t(lang, k as MessageKey))
        .join(' / ');
    }
    const fields = e.fields.map((f) => ({
      field: f.field,
      message: t(lang, f.key, f.params ?? {}),
    }));
    // Every other person-facing error is about the request: bad input, a closed deal, a bad period.
    const code = CODES[e.key] ?? 'invalid';
    return { code, message: t(lang, e.key, params), fields };
  }
  const text = e instanceof Error ? e.message : String(e);
  if (/lock timeout|too many lockservice/i.test(text)) {
    return { code: 'conflict', message: t(lang, 'error.busy'), fields: [] };
  }
  // Not a person's mistake: keep the details in the Log sheet (nobody is emailed about add-on
  // failures) and the execution log, show a plain message.
  const detail = `rpc ${method} failed: ${e instanceof Error ? (e.stack ?? text) : text}`;
  console.error(detail);
  if (ctx)
    appendLog(
      ctx.ss,
      { level: 'error', job: 'sidebar', message: detail, user: ctx.me.email },
      lang,
    );
  return { code: 'internal', message: t(lang, 'error.internal'), fields: [] };
}
