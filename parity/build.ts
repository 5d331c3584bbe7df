/**
 * `npm run parity:build`: the parity project in dist-parity/ (Code.js, Client.html,
 * appsscript.json), a separate Apps Script project to bind to a scratch spreadsheet. The
 * emulator side (parity/emulator.ts) loads the very same Code.js.
 */
import { build as esbuild } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = __dirname;
export const DEFAULT_OUT = path.resolve(here, '../dist-parity');

/** The names Apps Script calls: menu items, the trigger, google.script.run, the custom function. */
const STUBS: Array<[string, string, string]> = [
  ['onOpen', 'e', 'onOpen(e)'],
  ['runParity', '', 'runParity()'],
  ['parityScriptChecks', '', 'scriptChecks()'],
  ['PARITY_CUSTOM', 'id', 'customCheck(id)'],
  ['parityRpc', 'id', 'rpcValue(id)'],
  ['parityRpcIds', '', 'rpcIds()'],
  ['parityRecordClient', 'json', 'recordClient(json)'],
  ['parityShowClient', '', 'showClient()'],
  ['parityStored', 'which', 'stored(which)'],
];

export const MANIFEST = {
  timeZone: 'Europe/Moscow',
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/userinfo.email',
  ],
};

async function bundle(entry: string, globalName: string): Promise<string> {
  const result = await esbuild({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

export async function buildParity(out: string = DEFAULT_OUT): Promise<string> {
  mkdirSync(out, { recursive: true });
  const server = await bundle('main.ts', 'Parity');
  const stubs = STUBS.map(
    ([name, args, call]) => `function ${name}(${args}) { return Parity.${call}; }`,
  ).join('\n');
  writeFileSync(path.join(out, 'Code.js'), `${server}\n${stubs}\n`);
  const client = await bundle('client.ts', 'ParityClient');
  writeFileSync(
    path.join(out, 'Client.html'),
    `<!doctype html><html><head><base target="_top"></head><body>` +
      `<p id="status">Calling the server…</p><script>${client.replace(/<\/script/gi, '<\\/script')}</script>` +
      `</body></html>\n`,
  );
  writeFileSync(path.join(out, 'appsscript.json'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
  return out;
}

if (require.main === module) {
  buildParity(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT).then(
    (out) => console.log(`parity project built in ${path.relative(process.cwd(), out) || '.'}/`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
