/**
 * `npm start` (after the build): the playground server. Options:
 *   --reset            start from fresh demo data (the old file must be a playground workbook)
 *   --workbook PATH    the workbook file (default .local/workbook.xlsx)
 *   --port N           default $PORT or 8080 (0 picks a free port)
 *   --now TIME         the clock of a fresh workbook ("2026-11-27T09:00", spreadsheet zone)
 */
import path from 'node:path';
import { Playground } from './playground';
import { startServer } from './server';
import { WorkbookFileError } from './bridge';
import { parseWallTime } from './wall-time';

const USAGE = `Usage: npm start -- [--reset] [--workbook PATH] [--port N] [--now 2026-11-27T09:00]`;

interface Options {
  reset: boolean;
  workbook: string;
  port: number;
  now: string | null;
}

function parse(argv: string[]): Options {
  const o: Options = {
    reset: false,
    workbook: '.local/workbook.xlsx',
    port: process.env.PORT ? Number(process.env.PORT) : 8080,
    now: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--reset') o.reset = true;
    else if (a === '--workbook' || a === '-w') o.workbook = value();
    else if (a === '--port' || a === '-p') o.port = Number(value());
    else if (a === '--now') o.now = value();
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${a}.\n${USAGE}`);
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    throw new Error(`The port must be a number from 0 to 65535.\n${USAGE}`);
  }
  return o;
}

/** A path as short as it is clear: relative inside the current folder, absolute outside it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const started = Date.now();
  const pg = await Playground.open({
    workbook: o.workbook,
    reset: o.reset,
    now: o.now ? parseWallTime(o.now, 'Europe/Moscow') : undefined,
    log: (line) => console.log(line),
  });
  let server;
  try {
    server = await startServer({ playground: pg, port: o.port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${o.port} is in use. Try another one: PORT=${o.port + 1} npm start`);
    }
    throw e;
  }
  console.log(
    `\nROP Desk playground: ${server.url}\n` +
      `Workbook: ${shown(pg.workbookPath)} ` +
      `(saved after every change). Ready in ${Date.now() - started} ms. Ctrl+C stops.`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await pg.flush();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof WorkbookFileError || e instanceof Error ? e.message : e);
  process.exit(1);
});
