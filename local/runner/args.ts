/**
 * Command line of `npm run local -- [options] FUNCTION [ARGS...]`. Pure, so it is tested directly.
 */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface RunnerOptions {
  fn: string;
  /** Raw argument texts: JSON where they parse, strings otherwise; A1 refs for custom functions. */
  args: string[];
  workbook: string;
  user: string | null;
  /** The time as typed (see parseWallTime), or null to keep the workbook's saved clock. */
  now: string | null;
  authMode: AuthModeName;
  outbox: string | null;
  save: boolean;
  /** Force google.script.run semantics (serialised arguments and result). */
  rpc: boolean;
  /** Print the execution's service calls by method to stderr. */
  calls: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run local -- [options] FUNCTION [ARGS...]

Runs a top-level function of dist/Code.js against a workbook file, like
"clasp run-function" but offline. Each ARG is JSON ('{"a":1}', 42, true, "text");
anything that is not JSON is passed as a string. For custom functions an A1
reference ("Счета!A1:J500", "'Stage history'!A:E", "Deals!B2") is passed as the
cell would pass it: a range as rows of values, a single cell as its value.

Options:
  -w, --workbook PATH    workbook file (default .local/workbook.xlsx); created if missing
  -u, --user EMAIL       the signed-in user (default: the workbook's last user)
  -t, --now TIME         the current time: ISO 8601 ("2026-12-01T09:00"; no offset means
                         the spreadsheet's time zone) (default: the workbook's clock)
  -a, --auth-mode MODE   NONE, LIMITED or FULL (default FULL, as from the script editor)
  -o, --outbox DIR       where sent emails go as .eml (default: outbox/ beside the workbook)
      --rpc              call as the sidebar would (google.script.run serialisation)
      --calls            print the execution's service calls by method, and their total,
                         to stderr (each is a round trip in Apps Script)
      --no-save          do not write the workbook back
  -h, --help             this text

Examples:
  npm run local -- menuSetupDemo
  npm run local -- --user rop@example.com rpc '"today"' '{}'
  npm run local -- SALES_AGING "Счета!A1:J500" '"2026-11-27"'
  npm run local -- --now 2026-12-07T09:30 runScheduledJob '{}'
  npm run local -- --calls --no-save --rpc rpc '"today"' '{}'`;

export class UsageError extends Error {}

const VALUE_OPTIONS: Record<string, keyof RunnerOptions> = {
  '-w': 'workbook',
  '--workbook': 'workbook',
  '-u': 'user',
  '--user': 'user',
  '-t': 'now',
  '--now': 'now',
  '-a': 'authMode',
  '--auth-mode': 'authMode',
  '-o': 'outbox',
  '--outbox': 'outbox',
};

export function parseRunnerArgs(argv: readonly string[]): RunnerOptions {
  const o: RunnerOptions = {
    fn: '',
    args: [],
    workbook: '.local/workbook.xlsx',
    user: null,
    now: null,
    authMode: 'FULL',
    outbox: null,
    save: true,
    rpc: false,
    calls: false,
    help: false,
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || /^-\d/.test(a)) break;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag === '-h' || flag === '--help') o.help = true;
    else if (flag === '--no-save') o.save = false;
    else if (flag === '--rpc') o.rpc = true;
    else if (flag === '--calls') o.calls = true;
    else if (flag in VALUE_OPTIONS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`Option ${flag} needs a value.`);
      const key = VALUE_OPTIONS[flag];
      if (key === 'now') o.now = value;
      else if (key === 'authMode') {
        const mode = value.toUpperCase();
        if (mode !== 'NONE' && mode !== 'LIMITED' && mode !== 'FULL') {
          throw new UsageError(`--auth-mode must be NONE, LIMITED or FULL, not "${value}".`);
        }
        o.authMode = mode;
      } else if (key === 'user') o.user = value.trim().toLowerCase();
      else (o[key] as string) = value;
    } else throw new UsageError(`Unknown option ${a}.`);
  }
  if (o.help) return o;
  const rest = argv.slice(i);
  if (rest.length === 0) throw new UsageError('Name the function to run.');
  o.fn = rest[0];
  if (!/^[A-Za-z_$][\w$]*$/.test(o.fn)) throw new UsageError(`"${o.fn}" is not a function name.`);
  o.args = rest.slice(1);
  return o;
}

/** A JSON argument, or the text itself when it is not JSON (so `rpc today '{}'` works). */
export function parseArgValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
