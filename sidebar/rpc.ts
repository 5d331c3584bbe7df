/**
 * A typed promise wrapper around google.script.run. Every server call goes through the one
 * dispatcher `rpc(method, payload)`. Methods and their request types come from the method table
 * (src/shared/methods.ts: the schemas the server parses with), responses from the shared contract,
 * so `call('snooze', {...})` is checked against the server's own table at compile time. Type-only
 * imports: the schemas' code stays on the server.
 * Failures reject with a `CallError` carrying the server's message (already in the user's
 * language) and field problems, or a network/internal error when the call never got an answer.
 */
import type {
  FieldError,
  ImportReport,
  Response,
  RpcError,
  RpcErrorCode,
  RpcReply,
} from '../src/shared/contract';
import type { Method, Request } from '../src/shared/methods';

/** The part of google.script.run this page uses (Google publishes no types for it). */
export interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown, userObject?: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: Error, userObject?: unknown) => void): ScriptRunner;
  withUserObject(o: unknown): ScriptRunner;
  rpc(method: string, payload: unknown): void;
  rpcUpload(form: HTMLFormElement): void;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner; host?: { close(): void } } };
  }
}

export class CallError extends Error {
  readonly code: RpcErrorCode | 'network';
  readonly fields: FieldError[];
  constructor(error: RpcError | { code: 'network'; message: string; fields: FieldError[] }) {
    super(error.message);
    this.name = 'CallError';
    this.code = error.code;
    this.fields = error.fields;
  }
}

function runner(): ScriptRunner {
  const run = window.google?.script?.run;
  if (!run) throw new CallError({ code: 'network', message: '', fields: [] });
  return run;
}

function settle<T>(send: (r: ScriptRunner) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      send(
        runner()
          .withSuccessHandler((value) => {
            const reply = value as RpcReply<T> | null;
            if (reply && reply.ok === true) resolve(reply.data);
            else if (reply && reply.ok === false) reject(new CallError(reply.error));
            else reject(new CallError({ code: 'internal', message: '', fields: [] }));
          })
          .withFailureHandler((error) =>
            // The call never reached the dispatcher (network, quota, a server crash before it).
            reject(new CallError({ code: 'network', message: error?.message ?? '', fields: [] })),
          ),
      );
    } catch (e) {
      reject(
        e instanceof CallError ? e : new CallError({ code: 'network', message: '', fields: [] }),
      );
    }
  });
}

export function call<K extends Method>(method: K, payload: Request<K>): Promise<Response<K>> {
  return settle<Response<K>>((r) => r.rpc(method, payload));
}

/** Sends a form (its file input included) as the sole argument, as Google requires. */
export function upload(form: HTMLFormElement): Promise<ImportReport> {
  return settle<ImportReport>((r) => r.rpcUpload(form));
}
