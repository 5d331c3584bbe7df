// Builds what clasp pushes: dist/Code.js (webpack + gas-webpack-plugin over esbuild-loader),
// dist/Sidebar.html (esbuild bundle inlined into one file) and dist/appsscript.json.
// `--addon` builds the editor add-on instead, into dist-addon/: its menu goes under Extensions
// (createAddonMenu, as the Marketplace requires) and its manifest asks for `spreadsheets`, which
// the daily trigger needs to open the workbook by id (an add-on's trigger has no active document).
import { build as esbuild, transform } from 'esbuild';
import { promises as fs } from 'node:fs';
import { Buffer } from 'node:buffer';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import GasPlugin from 'gas-webpack-plugin';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADDON = process.argv.includes('--addon');
const dist = path.join(root, ADDON ? 'dist-addon' : 'dist');
// Webpack writes here first; every output is then renamed into dist/ so that a test reading
// dist/ while another build runs never sees a half-written or missing file.
const staging = path.join(dist, `.staging-${process.pid}`);
const OUTPUTS = ['Code.js', 'Sidebar.html', 'appsscript.json'];

async function publish(name, content) {
  const tmp = path.join(staging, name);
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, path.join(dist, name));
}

function runWebpack() {
  const config = {
    mode: 'production',
    context: root,
    entry: './src/Code.ts',
    output: {
      path: path.join(staging, 'webpack'),
      filename: 'Code.js',
      environment: { arrowFunction: true },
    },
    resolve: { extensions: ['.ts', '.js'], alias: { valibot$: path.join(staging, 'valibot.mjs') } },
    // Terser would strip the stubs' JSDoc, which Sheets reads for custom-function autocomplete.
    optimization: { minimize: false, concatenateModules: true },
    devtool: false,
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'esbuild-loader',
          // esbuild drops comments except "legal" ones; @preserve marks the JSDoc we must keep.
          // Russian text as UTF-8, not \uXXXX escapes (three times the bytes, paid on each load).
          options: { target: 'es2020', legalComments: 'inline', charset: 'utf8' },
        },
      ],
    },
    plugins: [
      new GasPlugin({ comment: true }),
      // src/app/menu.ts picks createMenu or createAddonMenu by this constant.
      new webpack.DefinePlugin({ ROPDESK_ADDON: JSON.stringify(ADDON) }),
    ],
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

// A JSDoc block with the preserve marker right above a `global.NAME =` assignment in the module
// body. gas-webpack-plugin has already copied each one above its top-level stub, which is where
// Sheets reads it; the copy inside the closure is dead weight on every load.
const BODY_DOC =
  /^\/\*\*(?:(?!\*\/)[\s\S])*?@preserve(?:(?!\*\/)[\s\S])*\*\/\n(?=__webpack_require__\.g\.\w+ = )/gm;

function stripBundleDocs(code) {
  let removed = 0;
  const body = code.replace(BODY_DOC, () => {
    removed += 1;
    return '';
  });
  const kept = body.match(/\/\*\*\s*@preserve|^\s*\*\s*@preserve/gm)?.length ?? 0;
  // Every stub keeps exactly one copy; anything else means the plugin's output changed shape.
  if (removed === 0 || kept !== removed) {
    throw new Error(`JSDoc: removed ${removed} body copies but ${kept} stub copies remain`);
  }
  // The marker only served esbuild; Sheets should show clean JSDoc.
  return body.replace(/^\s*\*\s*@preserve\s*\n/gm, '').replace(/\/\*\*\s*@preserve\s+/g, '/** ');
}

// valibot is one module and webpack drops unused code only when it minifies, which this bundle
// does not: esbuild keeps just what src/shared/valibot.ts names, and webpack takes that instead.
async function treeShakeValibot() {
  await esbuild({
    stdin: { contents: "export * from './valibot.ts';", resolveDir: path.join(root, 'src/shared') },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    legalComments: 'none',
    outfile: path.join(staging, 'valibot.mjs'),
  });
}

async function buildCode() {
  await treeShakeValibot();
  await runWebpack();
  const code = await fs.readFile(path.join(staging, 'webpack', 'Code.js'), 'utf8');
  // The staging path holds this run's pid; the bundle must not change from build to build.
  const stable = code.replace(
    /\.\/dist(?:-addon)?\/\.staging-\d+\/valibot\.mjs/g,
    'valibot, tree-shaken',
  );
  await publish('Code.js', stripBundleDocs(stable));
}

// The catalogue files the page bundles. The page shows only some of their keys (the CRM's file
// also holds setup, import and hand-edit texts only the server says), and every byte of the page
// is paid on each sidebar open: the build keeps just the keys the page's own code names.
const CATALOGUE =
  /(?:^|[\\/])src[\\/]core[\\/]i18n[\\/](?:common|crm|sidebar|pictures|[a-z-]+-sidebar)\.ts$/;
// A key as the code names it: a quoted literal ('sb.team.plan', or a one-word key such as
// 'sbp'), or the fixed start of a template (`sb.team.aging.${key}`), which keeps every key that
// begins so. A literal that is no key keeps nothing: only the catalogues' own keys are kept.
const KEY_LITERAL = /['"`]([A-Za-z][\w-]*(?:\.[\w-]+)*)['"`]/g;
const KEY_PREFIX = /`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g;

const SIDEBAR_OPTIONS = {
  entryPoints: [path.join(root, 'sidebar/main.tsx')],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2019',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.css': 'text' },
  legalComments: 'none',
  // Russian texts as UTF-8, not \uXXXX escapes (a third of the size); the page is UTF-8.
  charset: 'utf8',
};

/** The keys the page's code names, from the sources of everything the page bundles. */
async function keysNamed(metafile) {
  const exact = new Set();
  const prefixes = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    if (CATALOGUE.test(input) || input.includes('node_modules')) continue;
    const text = await fs.readFile(path.resolve(root, input), 'utf8');
    for (const m of text.matchAll(KEY_LITERAL)) exact.add(m[1]);
    for (const m of text.matchAll(KEY_PREFIX)) prefixes.add(m[1]);
  }
  return (key) => exact.has(key) || [...prefixes].some((p) => key.startsWith(p));
}

/** Replaces each catalogue module by its ru and en tables cut to the keys the page names. */
function pruneCatalogues(named) {
  return {
    name: 'prune-catalogues',
    setup(b) {
      b.onLoad({ filter: CATALOGUE }, async (args) => {
        const out = await esbuild({
          entryPoints: [args.path],
          bundle: true,
          write: false,
          format: 'esm',
          charset: 'utf8',
        });
        const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
        const mod = await import(url);
        // Each key once for both languages (the page carries hundreds of them): two arrays of
        // texts in the keys' order, zipped back into the ru and en tables when the page loads.
        const keys = Object.keys(mod.ru).filter(named);
        const texts = (table) => JSON.stringify(keys.map((k) => table[k] ?? null));
        return {
          contents:
            `const k = ${JSON.stringify(keys)};\n` +
            `const zip = (v) => Object.fromEntries(k.map((x, i) => [x, v[i]]).filter((e) => e[1] !== null));\n` +
            `export const ru = zip(${texts(mod.ru)});\nexport const en = zip(${texts(mod.en)});`,
          loader: 'js',
        };
      });
    },
  };
}

async function buildSidebar() {
  // First pass: which files the page bundles, to find the keys they name.
  const probe = await esbuild({ ...SIDEBAR_OPTIONS, metafile: true });
  const named = await keysNamed(probe.metafile);
  const result = await esbuild({ ...SIDEBAR_OPTIONS, plugins: [pruneCatalogues(named)] });
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const [template, source] = await Promise.all([
    fs.readFile(path.join(root, 'sidebar/index.html'), 'utf8'),
    fs.readFile(path.join(root, 'sidebar/style.css'), 'utf8'),
  ]);
  // The stylesheet is written for people; the page gets it without comments and spaces.
  const css = (await transform(source, { loader: 'css', minify: true })).code.trim();
  const html = template
    .replace(/>\s+</g, '><')
    .replace(/\s*\/\*STYLE\*\/\s*/, () => css)
    .replace(/\s*\/\*SCRIPT\*\/\s*/, () => js);
  await publish('Sidebar.html', html);
}

// Editor add-ons have no manifest fields of their own (the listing lives in the Marketplace SDK,
// see docs/deploy.md); what changes is the scope: the add-on's daily trigger opens the workbook
// by id, which `spreadsheets.currentonly` does not allow.
function addonManifest(text) {
  const manifest = JSON.parse(text);
  const scopes = manifest.oauthScopes.map((s) =>
    s.endsWith('/auth/spreadsheets.currentonly')
      ? 'https://www.googleapis.com/auth/spreadsheets'
      : s,
  );
  return `${JSON.stringify({ ...manifest, oauthScopes: scopes }, null, 2)}\n`;
}

async function main() {
  const started = Date.now();
  await fs.mkdir(staging, { recursive: true });
  try {
    await Promise.all([
      buildCode(),
      buildSidebar(),
      fs
        .readFile(path.join(root, 'appsscript.json'), 'utf8')
        .then((m) => publish('appsscript.json', ADDON ? addonManifest(m) : m)),
    ]);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  // Only these three may be in dist/: clasp pushes whatever is there.
  for (const entry of await fs.readdir(dist)) {
    if (!OUTPUTS.includes(entry) && !entry.startsWith('.staging-')) {
      await fs.rm(path.join(dist, entry), { recursive: true, force: true });
    }
  }
  const sizes = await Promise.all(
    OUTPUTS.map(async (f) => {
      const { size } = await fs.stat(path.join(dist, f));
      return `${f} ${(size / 1024).toFixed(1)} KiB`;
    }),
  );
  console.log(`built ${path.basename(dist)}/ in ${Date.now() - started} ms: ${sizes.join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
