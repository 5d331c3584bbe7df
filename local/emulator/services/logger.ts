/** Logger and console: recorded (tests read them), printed only when asked. */
import { Svc, instrument, type Runtime } from '../runtime';
import { formatDate } from '../format-date';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'Logger';
  message: string;
  at: number;
}

export class LogBook {
  entries: LogEntry[] = [];
  print = false;
  add(level: LogEntry['level'], message: string, at: number): void {
    this.entries.push({ level, message, at });
    if (this.print) process.stderr.write(`[gas ${level}] ${message}\n`);
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error || (typeof v === 'object' && v !== null && 'stack' in v && 'message' in v))
    return String((v as Error).stack ?? (v as Error).message);
  try {
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  } catch {
    return String(v);
  }
}

export class Logger extends Svc {
  constructor(
    rt: Runtime,
    private readonly _book: LogBook,
    private readonly _tz: () => string,
  ) {
    super(rt);
  }
  log(format: unknown, ...values: unknown[]): this {
    let msg = show(format);
    if (values.length) {
      let i = 0;
      msg = msg.replace(/%s|%d|%f|%j/g, () => (i < values.length ? show(values[i++]) : ''));
    }
    this._book.add('Logger', msg, this._rt.clock.now());
    return this;
  }
  getLog(): string {
    return this._book.entries
      .filter((e) => e.level === 'Logger')
      .map(
        (e) => `${formatDate(e.at, this._tz(), 'yyyy-MM-dd HH:mm:ss:SSS Z')} INFO: ${e.message}\n`,
      )
      .join('');
  }
  clear(): void {
    this._book.entries = this._book.entries.filter((e) => e.level !== 'Logger');
  }
}
instrument(Logger, 'Logger');

/** The `console` an execution sees (not counted as a service). */
export function makeConsole(
  book: LogBook,
  now: () => number,
): Record<string, (...a: unknown[]) => void> {
  const emit =
    (level: LogEntry['level']) =>
    (...args: unknown[]) =>
      book.add(level, args.map(show).join(' '), now());
  return {
    log: emit('log'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    debug: emit('log'),
  };
}
