/**
 * A local page for the sidebar: serves dist/Sidebar.html on 127.0.0.1 with a `google.script.run`
 * stand-in injected, bridged by POST to the harness's `project.rpc(...)`, so the very bundle that
 * ships runs in a real browser against the emulator running dist/Code.js. Used by the browser
 * tests and by the playground (`npm start`), which extends it through `inject` and `routes`.
 *
 * The stand-in follows google.script.run's documented behaviour:
 *   - `withSuccessHandler`, `withFailureHandler`, `withUserObject` each return a NEW runner (a
 *     runner can be kept and reused with its handlers); any other property is a server function;
 *   - handlers run asynchronously; the success handler gets (value, userObject), the failure
 *     handler (Error, userObject); without a failure handler a failure is logged to the console;
 *   - arguments may be primitives, null, plain objects and arrays; a Date, a function or a DOM node
 *     (even nested) fails the call; a <form> is allowed only as the SOLE argument and arrives on
 *     the server as an object of its named fields, a file input as a Blob;
 *   - the server-side rules (Date in a return value -> null, names ending in "_" refused...) are
 *     the harness's own `project.rpc` rules: this host passes Dates and functions through to it
 *     unchanged so that it can refuse them exactly as Google does. A form call goes to
 *     `project.rpcForm` (the same rules; file inputs become Blobs there).
 *
 * Also exported for hosts of their own (the playground): `shimSource()` (the injected script),
 * `injectShim(html, extraBody)` (the page with it) and the `/__rpc` message format
 * (POST {name, args} -> {ok: true, value} | {ok: false, error: {message}}).
 *
 * API:
 *   const host = await startSidebarHost({ project });   // project from loadProject()
 *   page.goto(host.url);  ...  host.setUser('head@example.com');  ...  await host.close();
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FormFile, Project } from './index';

/** The part of the harness Project the host uses. */
export type RpcProject = Pick<Project, 'rpc' | 'rpcForm'>;

export interface CallRecord {
  name: string;
  user: string | undefined;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface SidebarHostOptions {
  project: RpcProject;
  /** The page to serve; read on every load so a rebuild shows on reload. Default dist/Sidebar.html. */
  htmlPath?: string;
  /** Port to listen on; 0 (default) picks a free one. Always bound to 127.0.0.1. */
  port?: number;
  /** The caller of each RPC; default: the emulator's active user (the harness decides). */
  user?: string;
  /** Delay added to every call, to see loading states by eye. */
  latencyMs?: number;
  /** Extra markup placed right after <body> (the playground's toolbar). */
  inject?: string;
  /** Extra routes; return true when the request was handled. */
  routes?: (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: string,
  ) => boolean | Promise<boolean>;
  /** Observer of every call (the playground's call log). */
  onCall?: (call: CallRecord) => void;
}

export interface SidebarHost {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** Every call served, oldest first. */
  calls: CallRecord[];
  /** Changes who calls from now on (undefined = the emulator's active user). */
  setUser(email: string | undefined): void;
  close(): Promise<void>;
}

const RPC_PATH = '/__rpc';
const DEFAULT_HTML = path.resolve(__dirname, '../../dist/Sidebar.html');

/** The browser side of the bridge, as a classic script (injected before the page's own script). */
export function shimSource(rpcPath = RPC_PATH): string {
  return `(function () {
  'use strict';
  var RPC = ${JSON.stringify(rpcPath)};
  function Refused(message) { this.message = message; }
  function isNode(v) { return typeof Node !== 'undefined' && v instanceof Node; }
  // Tags what JSON cannot carry, so the harness can apply Google's rules to the real thing.
  function encode(v) {
    if (v === undefined) return null;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'function') return { __rpc: 'Function' };
    if (v instanceof Date) return { __rpc: 'Date', time: v.getTime() };
    if (isNode(v)) throw new Refused('Failed due to illegal value in property: ' + (v.nodeName || 'node').toLowerCase());
    if (Array.isArray(v)) return v.map(encode);
    if (typeof v === 'object') {
      var out = {};
      Object.keys(v).forEach(function (k) { if (v[k] !== undefined) out[k] = encode(v[k]); });
      return out;
    }
    throw new Refused('Failed due to illegal value');
  }
  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () {
        var s = String(r.result); resolve(s.slice(s.indexOf(',') + 1));
      };
      r.onerror = function () { reject(r.error); };
      r.readAsDataURL(file);
    });
  }
  // A form travels as its named fields; a file input as its first file (or null when empty).
  function encodeForm(form) {
    var fields = {}, pending = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === 'file') {
        var f = el.files && el.files[0];
        if (!f) { fields[el.name] = null; return; }
        pending.push(readFile(f).then(function (b64) {
          fields[el.name] = { __rpc: 'File', name: f.name, type: f.type || 'application/octet-stream', base64: b64 };
        }));
      } else if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) {
        return;
      } else if (el.tagName === 'BUTTON') {
        return;
      } else {
        fields[el.name] = el.value;
      }
    });
    return Promise.all(pending).then(function () { return { __rpc: 'Form', fields: fields }; });
  }
  function encodeArgs(args) {
    var forms = args.filter(function (a) { return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement; });
    if (forms.length) {
      if (args.length !== 1) return Promise.reject(new Refused('Failed due to illegal value: a form must be the only parameter'));
      return encodeForm(forms[0]).then(function (f) { return [f]; });
    }
    try { return Promise.resolve(args.map(encode)); } catch (e) { return Promise.reject(e); }
  }
  function invoke(state, name, args) {
    encodeArgs(args).then(function (encoded) {
      return fetch(RPC, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: name, args: encoded })
      }).then(function (res) { return res.json(); });
    }).then(function (reply) {
      if (reply.ok) { if (state.success) state.success(reply.value, state.userObject); }
      else fail(state, reply.error && reply.error.message);
    }, function (e) {
      fail(state, e instanceof Refused ? e.message : 'NetworkError: Connection failure due to HTTP 0');
    });
  }
  function fail(state, message) {
    var err = new Error(message || 'Unknown error');
    if (state.failure) state.failure(err, state.userObject);
    else console.error('google.script.run ' + err.message);
  }
  function runner(state) {
    var base = {
      withSuccessHandler: function (fn) { return runner(Object.assign({}, state, { success: fn })); },
      withFailureHandler: function (fn) { return runner(Object.assign({}, state, { failure: fn })); },
      withUserObject: function (o) { return runner(Object.assign({}, state, { userObject: o })); }
    };
    return new Proxy(base, {
      get: function (target, prop) {
        if (prop in target) return target[prop];
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return function () { invoke(state, prop, Array.prototype.slice.call(arguments)); };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      close: function () { document.body.setAttribute('data-host-closed', 'true'); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} },
      origin: location.origin
    }
  };
})();`;
}

interface Tagged {
  __rpc?: string;
  [k: string]: unknown;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => decode(x));
  if (v === null || typeof v !== 'object') return v;
  const t = v as Tagged;
  if (t.__rpc === 'Date') return new Date(Number(t.time));
  if (t.__rpc === 'Function') return function client() {};
  return Object.fromEntries(Object.entries(t).map(([k, x]) => [k, decode(x)]));
}

/** A form's fields as the harness takes them: text as is, a file input as its file. */
function formFields(form: unknown): Record<string, string | FormFile> {
  const fields = ((form as Tagged).fields ?? {}) as Record<string, unknown>;
  const out: Record<string, string | FormFile> = {};
  for (const [k, v] of Object.entries(fields)) {
    const f = v as Tagged | null;
    if (f && typeof f === 'object' && f.__rpc === 'File') {
      out[k] = {
        name: String(f.name),
        type: String(f.type),
        content: new Uint8Array(Buffer.from(String(f.base64), 'base64')),
      };
    } else if (f === null) {
      // An empty file input: Google sends an empty, nameless blob.
      out[k] = { name: '', type: 'application/octet-stream', content: new Uint8Array(0) };
    } else {
      out[k] = String(v);
    }
  }
  return out;
}

function isForm(raw: unknown[]): boolean {
  return raw.length === 1 && (raw[0] as Tagged | null)?.__rpc === 'Form';
}

/** The page with the shim placed before the first script, so the app finds google.script.run. */
export function injectShim(html: string, extraBody = ''): string {
  const shim = `<script>${shimSource()}</script>`;
  const withShim = html.includes('<script')
    ? html.replace('<script', `${shim}<script`)
    : html + shim;
  return extraBody ? withShim.replace(/<body([^>]*)>/, `<body$1>${extraBody}`) : withShim;
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSidebarHost(opts: SidebarHostOptions): Promise<SidebarHost> {
  const htmlPath = opts.htmlPath ?? DEFAULT_HTML;
  let user = opts.user;
  const calls: CallRecord[] = [];

  async function handleRpc(body: string, res: http.ServerResponse): Promise<void> {
    let name = '?';
    const started = Date.now();
    let record: CallRecord;
    try {
      const msg = JSON.parse(body) as { name: string; args: unknown[] };
      name = String(msg.name);
      const raw = Array.isArray(msg.args) ? msg.args : [];
      const args = raw.map((a) => decode(a));
      if (opts.latencyMs) await sleep(opts.latencyMs);
      const who = user === undefined ? {} : { user };
      const value = isForm(raw)
        ? opts.project.rpcForm(name, formFields(raw[0]), who)
        : opts.project.rpc(name, args, who);
      record = { name, user, ok: true, ms: Date.now() - started };
      // undefined (a void server function) reaches the page as null, like Google's.
      send(res, 200, 'application/json', JSON.stringify({ ok: true, value: value ?? null }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      record = { name, user, ok: false, ms: Date.now() - started, error: message };
      send(res, 200, 'application/json', JSON.stringify({ ok: false, error: { message } }));
    }
    calls.push(record);
    opts.onCall?.(record);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const body = req.method === 'POST' ? await readBody(req) : '';
        if (opts.routes && (await opts.routes(req, res, body))) return;
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.method === 'POST' && url.pathname === RPC_PATH) return await handleRpc(body, res);
        if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/Sidebar.html')) {
          const html = await fs.readFile(htmlPath, 'utf8');
          return send(res, 200, 'text/html; charset=utf-8', injectShim(html, opts.inject));
        }
        send(res, 404, 'text/plain', 'not found');
      } catch (e) {
        send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    calls,
    setUser(email) {
      user = email;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
