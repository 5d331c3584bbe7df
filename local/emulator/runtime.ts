/**
 * The emulator's kernel: the clock, the call counter, the stack of running executions (nested
 * ones come from `interleave`), the permission policy per auth mode, the execution budget and
 * the realm values are created in. Every public service method passes through `enter`.
 */
import { types } from 'node:util';
import type { Clock } from './clock';
import { GasError, MSG } from './errors';
import type { Identity } from './identity';
import { policy } from './policy';

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';
/** run: menu item or editor run; rpc: google.script.run; custom: a cell's custom function;
 * simple: a simple trigger (onOpen/onEdit); trigger: an installable trigger. */
export type ExecutionKind = 'run' | 'rpc' | 'custom' | 'simple' | 'trigger';

/** Creates values in the realm of the code that will receive them (the vm context). */
export interface Realm {
  /** A copy of rows[r0..r0+nr) x [c0..c0+nc) of a ragged grid: missing cells read '' and
   * stored Dates become fresh Dates of the realm. */
  block(
    rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>,
    r0: number,
    c0: number,
    nr: number,
    nc: number,
  ): unknown[][];
  date(ms: number): Date;
  /** A realm array holding these very items (service objects are shared, not copied). */
  list<T>(items: T[]): T[];
  /** An error of the realm carrying a service error's name, message and stack, so that bundle
   * code's `e instanceof Error` holds as in Apps Script. */
  error(e: unknown): unknown;
  /** Deep copy of plain data (arrays, plain objects, Dates, primitives) into the realm. */
  value<T>(v: T): T;
}

export const hostRealm: Realm = {
  block(rows, r0, c0, nr, nc) {
    const out: unknown[][] = new Array(nr);
    for (let i = 0; i < nr; i++) {
      const src = rows[r0 + i];
      const row: unknown[] = new Array(nc);
      if (src === undefined) for (let j = 0; j < nc; j++) row[j] = '';
      else
        for (let j = 0; j < nc; j++) {
          const v = src[c0 + j];
          row[j] =
            v === undefined ? '' : typeof v === 'object' ? new Date((v as Date).getTime()) : v;
        }
      out[i] = row;
    }
    return out;
  },
  date: (ms) => new Date(ms),
  list: <T>(items: T[]): T[] => items,
  error: (e: unknown): unknown => e,
  value: <T>(v: T): T => hostCopy(v) as T,
};

function hostCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (types.isDate(v)) return new Date((v as Date).getTime());
  if (Array.isArray(v)) return v.map(hostCopy);
  // Service objects (a Range among a rule's criteria values) are shared, not copied.
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = hostCopy((v as Record<string, unknown>)[k]);
  return out;
}

export interface Execution {
  readonly id: number;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  /** Session.getActiveUser(): '' when Google would not tell. */
  readonly user: string;
  /** Session.getEffectiveUser(): whose authority the code runs with. */
  readonly effectiveUser: string;
  readonly started: number;
  readonly budgetMs: number;
  phase: 'load' | 'call';
  realm: Realm;
  readonly calls: Record<string, number>;
  /** Range.getValues calls per sheet name: the "each sheet read at most once" budget. */
  readonly reads: Record<string, number>;
  /** Set once the budget is exceeded: later calls throw again, and the harness fails the
   * execution even if the code caught the first error. */
  killed: boolean;
  /** First service called while the bundle was loading (a bug: Apps Script forbids it). */
  loadViolation: string | null;
  readonly locks: Set<string>;
}

export interface InterleaveOptions {
  /** Run before (default) or after the matching call. */
  when?: 'before' | 'after';
  /** Fire at the nth matching call (default 1). */
  nth?: number;
}

interface Hook {
  method: string;
  when: 'before' | 'after';
  remaining: number;
  fn: () => void;
}

export const BUDGET_MS: Record<ExecutionKind, number> = {
  run: 6 * 60_000,
  rpc: 6 * 60_000,
  trigger: 6 * 60_000,
  custom: 30_000,
  simple: 30_000,
};

export class Runtime {
  readonly counts = new Map<string, number>();
  readonly stack: Execution[] = [];
  private hooks: Hook[] = [];
  private nextId = 1;
  /** Simulated cost of calls (fake ms added to the clock), by method or for every call. */
  latency: Record<string, number> = {};
  /** When true, calls that need consent fail as in a trigger after new scopes were added. */
  authorizationRequired: () => boolean = () => false;
  /** The scopes `user` granted on the (granular) consent screen; null = every manifest scope. */
  granted: (user: string) => ReadonlyArray<string> | null = () => null;
  defaultLatency = 0;
  /** The script's owner and whether users share the owner's Workspace domain. */
  identity: Identity = { owner: 'head@example.com', sameDomain: true };

  constructor(
    readonly clock: Clock,
    readonly scopes: () => ReadonlyArray<string> | null,
  ) {}

  get exec(): Execution | null {
    return this.stack.length ? this.stack[this.stack.length - 1] : null;
  }

  get realm(): Realm {
    const ex = this.exec;
    return ex ? ex.realm : hostRealm;
  }

  begin(opts: {
    kind: ExecutionKind;
    authMode: AuthModeName;
    user: string;
    effectiveUser: string;
    realm?: Realm;
  }): Execution {
    const ex: Execution = {
      id: this.nextId++,
      kind: opts.kind,
      authMode: opts.authMode,
      user: opts.user,
      effectiveUser: opts.effectiveUser,
      started: this.clock.now(),
      budgetMs: BUDGET_MS[opts.kind],
      phase: 'load',
      realm: opts.realm ?? hostRealm,
      calls: {},
      reads: {},
      killed: false,
      loadViolation: null,
      locks: new Set(),
    };
    this.stack.push(ex);
    return ex;
  }

  end(ex: Execution): void {
    const i = this.stack.lastIndexOf(ex);
    if (i >= 0) this.stack.splice(i, 1);
    for (const l of this.onEnd) l(ex);
  }

  /** Listeners run when an execution ends (locks release themselves there). */
  readonly onEnd: Array<(ex: Execution) => void> = [];

  /** Checks the budget without a service call (Date.now polling in long loops). */
  checkBudget(ex: Execution): void {
    if (ex.killed) throw new GasError(MSG.timeout);
    if (this.clock.now() - ex.started > ex.budgetMs) {
      ex.killed = true;
      throw new GasError(MSG.timeout);
    }
  }

  enter(cls: string, method: string): void {
    const name = cls + '.' + method;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const ex = this.exec;
    if (ex) {
      ex.calls[name] = (ex.calls[name] ?? 0) + 1;
      if (ex.phase === 'load') {
        ex.loadViolation ??= name;
        throw new Error(
          `${name} was called while the bundle was loading; Apps Script forbids service calls at load time`,
        );
      }
      const denied = policy(
        ex,
        cls,
        method,
        this.scopes(),
        this.authorizationRequired(),
        ex.kind === 'custom' ? null : this.granted(ex.effectiveUser),
      );
      if (denied) throw new GasError(denied);
      const cost = this.latency[name] ?? this.defaultLatency;
      if (cost) this.clock.advance(cost);
      this.checkBudget(ex);
    }
    if (this.hooks.length) this.fire(name, 'before');
  }

  leave(cls: string, method: string): void {
    if (this.hooks.length) this.fire(cls + '.' + method, 'after');
  }

  interleave(method: string, fn: () => void, opts: InterleaveOptions = {}): void {
    this.hooks.push({ method, fn, when: opts.when ?? 'before', remaining: opts.nth ?? 1 });
  }

  private fire(name: string, when: 'before' | 'after'): void {
    for (let i = 0; i < this.hooks.length; i++) {
      const h = this.hooks[i];
      if (h.method !== name || h.when !== when) continue;
      if (--h.remaining > 0) continue;
      this.hooks.splice(i, 1);
      h.fn();
      return;
    }
  }
}

/** Base of every emulated service object: knows its runtime. */
export abstract class Svc {
  constructor(readonly _rt: Runtime) {}
}

/**
 * Wraps every public prototype method (names not starting with `_`) so that each call is
 * counted, permission-checked and budget-checked under the given class name.
 */
export function instrument(cls: { prototype: object }, className: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc || typeof desc.value !== 'function') continue;
    const orig = desc.value as (...a: unknown[]) => unknown;
    const wrapped = function (this: Svc, ...args: unknown[]): unknown {
      const rt = this._rt;
      try {
        rt.enter(className, key);
        const r = orig.apply(this, args);
        rt.leave(className, key);
        return r;
      } catch (e) {
        throw rt.realm.error(e);
      }
    };
    Object.defineProperty(wrapped, 'name', { value: key });
    Object.defineProperty(proto, key, { ...desc, value: wrapped });
  }
}
