/**
 * The playground's HTTP server: the page, the sidebar (the real dist/Sidebar.html with a
 * google.script.run bridge), and a small JSON API over one Playground. Binds to 127.0.0.1 only:
 * the playground runs whatever the bundle does, as whoever is picked in the page.
 */
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiResult } from './api';
import { injectShim } from '../harness/sidebar-host';
import type { Playground } from './playground';

const PAGE_DIR = path.join(__dirname, 'page');

/** Bundles the page (TypeScript + CSS) into one self-contained HTML: no CDN, works offline. */
export async function buildPage(): Promise<string> {
  const [result, template, css] = await Promise.all([
    build({
      entryPoints: [path.join(PAGE_DIR, 'main.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      minify: false,
      legalComments: 'none',
    }),
    fs.readFile(path.join(PAGE_DIR, 'index.html'), 'utf8'),
    fs.readFile(path.join(PAGE_DIR, 'style.css'), 'utf8'),
  ]);
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  return template.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => js);
}

/**
 * The sidebar host's argument tags back into values: Dates and functions reach the harness as
 * they are (so it refuses them as Google does), a form as an object of its fields, a file as a
 * Blob of the emulator.
 */
function decodeArg(v: unknown, pg: Playground): unknown {
  if (Array.isArray(v)) return v.map((x) => decodeArg(x, pg));
  if (v === null || typeof v !== 'object') return v;
  const t = v as Record<string, unknown>;
  switch (t.__rpc) {
    case 'Date':
      return new Date(Number(t.time));
    case 'Function':
      return function client() {};
    case 'File':
      return pg.makeBlob(Buffer.from(String(t.base64), 'base64'), String(t.type), String(t.name));
    case 'Form':
      return decodeArg(t.fields ?? {}, pg);
  }
  return Object.fromEntries(Object.entries(t).map(([k, x]) => [k, decodeArg(x, pg)]));
}

export interface ServerOptions {
  playground: Playground;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 30 * 1024 * 1024; // an uploaded import file travels as base64 inside JSON

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'The request body is not a JSON object');
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function sendJson<T>(res: http.ServerResponse, result: ApiResult<T>, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

const str = (v: unknown, name: string): string => {
  if (typeof v !== 'string') throw new HttpError(400, `"${name}" must be a string`);
  return v;
};
const int = (v: unknown, name: string): number => {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new HttpError(400, `"${name}" must be an integer`);
  }
  return n;
};

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const pg = opts.playground;
  const pageHtml = await buildPage();
  const listeners = new Set<http.ServerResponse>();
  pg.onChange((event) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${pg.version}\n\n`);
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    const ok = <T>(value: T) => sendJson(res, { ok: true, value });

    if (method === 'GET' && p === '/') return send(res, 200, 'text/html; charset=utf-8', pageHtml);
    if (method === 'GET' && p === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (method === 'GET' && p === '/sidebar') {
      // The real dist/Sidebar.html, read on every load (a rebuild shows on reload), with the
      // sidebar host's google.script.run stand-in, which posts to /__rpc below.
      let html: string;
      try {
        html = await fs.readFile(path.join(pg.bundleDir, 'Sidebar.html'), 'utf8');
      } catch {
        html =
          '<!doctype html><meta charset="utf-8"><p>dist/Sidebar.html is missing: run npm run build.</p>';
      }
      return send(res, 200, 'text/html; charset=utf-8', injectShim(html));
    }
    if (method === 'POST' && p === '/__rpc') {
      // google.script.run from the sidebar (the sidebar host's wire format): a server failure is
      // a reply, not an HTTP error, so the page's failure handler gets the message.
      const body = await readJson(req);
      const args = (Array.isArray(body.args) ? body.args : []).map((a) => decodeArg(a, pg));
      const r = await pg.rpc(str(body.name, 'name'), args);
      return sendJson(res, r.ok ? r : ({ ok: false, error: { message: r.error } } as never));
    }
    if (method === 'GET' && p === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: change\ndata: ${pg.version}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (method === 'GET' && p.startsWith('/api/')) {
      switch (p) {
        case '/api/state':
          return ok(pg.state());
        case '/api/sheet':
          return ok(
            pg.sheetPage(
              str(q.get('sheet'), 'sheet'),
              q.has('offset') ? int(q.get('offset'), 'offset') : null,
              q.has('limit') ? int(q.get('limit'), 'limit') : 200,
            ),
          );
        case '/api/cell':
          return ok(
            pg.cell(
              str(q.get('sheet'), 'sheet'),
              int(q.get('row'), 'row'),
              int(q.get('col'), 'col'),
            ),
          );
        case '/api/outbox':
          return ok(pg.outbox());
        case '/api/log':
          return ok(pg.log());
        case '/api/executions':
          return ok(pg.executions());
      }
      const mail = /^\/api\/outbox\/(\d+)$/.exec(p);
      if (mail) return ok(pg.mail(Number(mail[1])));
    }
    if (method === 'POST' && p.startsWith('/api/')) {
      const body = await readJson(req);
      switch (p) {
        case '/api/edit':
          return ok(
            await pg.edit(
              str(body.sheet, 'sheet'),
              int(body.row, 'row'),
              int(body.col, 'col'),
              str(body.value, 'value'),
            ),
          );
        case '/api/paste': {
          const values = body.values;
          if (!Array.isArray(values) || !values.every(Array.isArray)) {
            throw new HttpError(400, '"values" must be rows of cells');
          }
          const rows = (values as unknown[][]).map((r) => r.map((v) => str(v, 'values')));
          return ok(
            await pg.paste(
              str(body.sheet, 'sheet'),
              int(body.row, 'row'),
              int(body.col, 'col'),
              rows,
            ),
          );
        }
        case '/api/form': {
          const answers = body.answers;
          if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
            throw new HttpError(400, '"answers" must be an object');
          }
          const clean: Record<string, string> = {};
          for (const [k, v] of Object.entries(answers)) clean[k] = str(v, k);
          return ok(await pg.submitForm(clean));
        }
        case '/api/user':
          return ok(await pg.setUser(str(body.email, 'email')));
        case '/api/clock':
          if (body.advanceMs !== undefined)
            return ok(await pg.advanceClock(int(body.advanceMs, 'advanceMs')));
          if (body.wall !== undefined) return ok(await pg.setClockWall(str(body.wall, 'wall')));
          return ok(await pg.setClock(int(body.at, 'at')));
        case '/api/menu':
          return ok(await pg.runMenu(str(body.fn, 'fn')));
        case '/api/trigger':
          return ok(
            await pg.fireTrigger(
              body.uid !== undefined
                ? { uid: str(body.uid, 'uid') }
                : { handler: str(body.handler, 'handler') },
            ),
          );
      }
    }
    throw new HttpError(404, `No route ${method} ${p}`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (!res.headersSent) sendJson(res, { ok: false, error: (e as Error).message }, status);
      else res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    async close() {
      for (const res of listeners) res.end();
      listeners.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
