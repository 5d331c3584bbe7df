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
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner; host?: { close(): void } } };
  }
}

/**
 * 'network': the call never reached the server. 'failed': Google refused or broke the call outside
 * our dispatcher (an argument it cannot carry, a time-out, a crash); its text is in `detail`.
 */
export type CallErrorCode = RpcErrorCode | 'network' | 'failed';

export class CallError extends Error {
  readonly code: CallErrorCode;
  readonly fields: FieldError[];
  readonly detail: string;
  constructor(
    error: RpcError | { code: CallErrorCode; message: string; fields: FieldError[] },
    detail = '',
  ) {
    super(error.message);
    this.name = 'CallError';
    this.code = error.code;
    this.fields = error.fields;
    this.detail = detail;
  }
}

/** Google's words for a call that did not get through ("NetworkError: Connection failure …"). */
const TRANSPORT = /NetworkError|Connection failure|Failed to fetch|network/i;

function failure(message: string): CallError {
  const code = !message || TRANSPORT.test(message) ? 'network' : 'failed';
  return new CallError({ code, message: '', fields: [] }, message);
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
            // The call never reached the dispatcher's answer: the network, or Google refusing it.
            reject(failure(String(error?.message ?? ''))),
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

/** A file's bytes as base64 (what `importFile` takes), read in the browser. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      // A data: URL, "data:<type>;base64,<bytes>".
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}
