import js from '@eslint/js';
import path from 'node:path';
import tseslint from 'typescript-eslint';

// ---- Layers (ARCHITECTURE.md) ------------------------------------------------------------------
// Imports are relative, so "src/core may not import src/gas" means a different specifier at each
// folder depth ('../gas' from src/core/x.ts, '../../gas' from src/core/crm/x.ts). One config entry
// per depth turns each forbidden folder into the exact specifier that reaches it from there, so a
// folder of the same name elsewhere (src/core/i18n/sidebar.ts) is never mistaken for it.
const MAX_DEPTH = 6;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Entries forbidding files under `layer` (a folder from the repository root) to import `targets`
 * (folders or extensionless files from the root). A target ending in '/!shared' means "this folder
 * except its shared/ subfolder". `names` is the glob of the file names the entries apply to.
 */
function layerImports(layer, targets, message, names = '*.ts') {
  return Array.from({ length: MAX_DEPTH }, (_, depth) => {
    const dir = path.posix.join(layer, ...Array(depth).fill('x'));
    const regexes = targets.map((target) => {
      const [folder, except] = target.split('/!');
      const rel = escape(path.posix.relative(dir, folder));
      return except ? `^${rel}/(?!${except}(/|$))` : `^${rel}(\\.tsx?)?(/|$)`;
    });
    return {
      files: [`${layer}/${'*/'.repeat(depth)}${names}`],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [{ regex: regexes.join('|'), caseSensitive: true, message }] },
        ],
      },
    };
  });
}

// Everything the shipped code must not name: Node and the DOM (it runs in Apps Script)...
const NOT_IN_APPS_SCRIPT = ['process', 'require', 'window', 'document'];
// ...and, in src/core and src/app, Google's services: only src/gas talks to them.
const GOOGLE_SERVICES = [
  'SpreadsheetApp',
  'Session',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'MailApp',
  'GmailApp',
  'Utilities',
  'HtmlService',
  'CacheService',
  'DriveApp',
  'UrlFetchApp',
  'Logger',
  'FormApp',
  'ContentService',
  'Browser',
].map((name) => ({ name, message: 'Only src/gas may call Google services; pass data in.' }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-parity/**',
      'node_modules/**',
      'coverage/**',
      '.local/**',
      'artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The shipped code runs in Apps Script: no Node, no DOM.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT] },
  },
  {
    // src/shared is bundled into the sidebar too, so it is as pure as the core.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT, ...GOOGLE_SERVICES] },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT, ...GOOGLE_SERVICES] },
  },
  ...layerImports(
    'src/core',
    ['src/gas', 'src/app', 'src/Code', 'sidebar', 'local'],
    'src/core is pure: it may import only src/core and src/shared.',
  ),
  ...layerImports(
    'src/shared',
    ['src/gas', 'src/app', 'src/Code', 'sidebar', 'local'],
    'src/shared is pure and goes into the sidebar: it may import only src/core and src/shared.',
  ),
  ...layerImports('src/gas', ['src/app', 'src/Code'], 'src/gas is below src/app: pass data down.'),
  ...layerImports('src/app', ['src/Code'], 'src/Code.ts is the entry file: nothing imports it.'),
  ...layerImports(
    'sidebar',
    ['src/!shared'],
    'The sidebar may import from src/ only src/shared (the contract and pure helpers).',
    '*.{ts,tsx}',
  ),
  {
    files: ['scripts/**/*.mjs', '*.js', '*.mjs', '.ci/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
