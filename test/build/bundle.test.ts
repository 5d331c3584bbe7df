/**
 * Proves the properties Apps Script relies on, on the real build output (run `npm run build`
 * first; `npm test` does): a classic script whose only top-level names are the allow-listed entry
 * points, custom functions with their JSDoc right above them, a self-contained sidebar, and a
 * least-privilege manifest.
 */
import * as acorn from 'acorn';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dist = path.join(__dirname, '../../dist');
const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');
const sidebar = readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as Record<
  string,
  unknown
>;

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onEdit',
  'onFormSubmit',
  'runScheduledJob',
  'menuOpenSidebar',
  'menuSetupWorkbook',
  'menuSetupDemo',
  'menuRefreshDashboard',
  'menuRecalculateFormulas',
  'menuRemindersOn',
  'menuRemindersOff',
  'menuRunRemindersNow',
  'rpc',
];
const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  INN_CHECK: ['inn'],
  PHONE_RU: ['phone'],
  SALES_PLAN_FACT: ['plans', 'deals', 'period', 'level', 'asOf'],
  SALES_FORECAST: ['deals', 'plans', 'period', 'asOf'],
  SALES_FUNNEL: ['deals', 'stageHistory', 'from', 'to'],
  SALES_KPI: ['deals', 'period', 'manager'],
  SALES_AGING: ['invoices', 'asOf'],
  SALES_BONUS: ['plans', 'deals', 'scheme', 'period', 'invoices'],
  SALES_STALE: ['deals', 'activities', 'settings', 'asOf'],
  WORKDAYS_RU: ['start', 'end', 'holidays'],
  SALES_BUDGET: ['budget', 'spend', 'period'],
  SALES_CAC: ['deals', 'spend', 'period', 'by'],
  SALES_DISCOUNTS: ['deals', 'lines', 'period', 'by'],
};

interface Comment {
  type: 'Line' | 'Block';
  value: string;
  end: number;
}

const comments: Comment[] = [];
const program = acorn.parse(code, {
  ecmaVersion: 2020,
  sourceType: 'script',
  onComment: comments as unknown as acorn.Comment[],
});

const topFunctions = program.body.filter(
  (n): n is acorn.FunctionDeclaration => n.type === 'FunctionDeclaration',
);

describe('dist/Code.js', () => {
  it('parses as an ES2020 classic script (no import/export)', () => {
    expect(program.sourceType).toBe('script');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('has exactly the allow-listed entry points at top level, and nothing else but one IIFE', () => {
    const names = topFunctions.map((f) => f.id.name).sort();
    expect(names).toEqual([...ENTRY_POINTS, ...Object.keys(CUSTOM_FUNCTIONS)].sort());
    const others = program.body.filter((n) => n.type !== 'FunctionDeclaration');
    expect(others).toHaveLength(1);
    const [iife] = others;
    expect(iife.type).toBe('ExpressionStatement');
    const expr = (iife as acorn.ExpressionStatement).expression;
    expect(expr.type).toBe('CallExpression');
    expect(program.body.some((n) => n.type === 'VariableDeclaration')).toBe(false);
  });

  it('keeps every custom function JSDoc right above its stub, with real parameter names', () => {
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
      const fn = topFunctions.find((f) => f.id.name === name);
      expect(fn).toBeDefined();
      expect(fn!.params.map((p) => (p as acorn.Identifier).name)).toEqual(params);
      const doc = comments.filter((c) => c.type === 'Block' && c.end <= fn!.start).pop();
      expect(doc).toBeDefined();
      expect(code.slice(doc!.end, fn!.start).trim()).toBe('');
      const text = doc!.value;
      expect(text).toMatch(/@customfunction/);
      expect(text).not.toMatch(/@preserve/);
      expect(text).toMatch(/@return\s+\{/);
      for (const p of params)
        expect(text).toMatch(new RegExp(`@param\\s+\\{[^}]+\\}\\s+\\[?${p}\\]?`));
      // A description in both languages before the tags.
      const description = text.split('@')[0];
      expect(description).toMatch(/[A-Za-z]{4,}/);
      expect(description).toMatch(/[А-Яа-я]{4,}/);
    }
  });

  it('keeps one copy of each custom function JSDoc: the stub, not the module body', () => {
    const blocks = comments.filter((c) => c.type === 'Block' && /@customfunction/.test(c.value));
    expect(blocks).toHaveLength(Object.keys(CUSTOM_FUNCTIONS).length);
    const iifeStart = program.body.find((n) => n.type !== 'FunctionDeclaration')!.start;
    for (const c of blocks) expect(c.end).toBeLessThan(iifeStart);
  });

  it('writes Russian text as UTF-8, not \\u04xx escapes (each load parses every byte)', () => {
    expect(code).not.toMatch(/\\u04[0-9a-f]{2}/i);
    expect(code).toMatch(/[А-Яа-яЁё]{4,}/);
  });

  it('never names a public function with a trailing underscore', () => {
    for (const f of topFunctions) expect(f.id.name.endsWith('_')).toBe(false);
  });
});

describe('dist/Sidebar.html', () => {
  it('is self-contained: inline script and style, no external URL', () => {
    expect(sidebar).toMatch(/<script>/);
    expect(sidebar).toMatch(/<style>/);
    expect(sidebar).not.toMatch(/<script[^>]+src=/i);
    expect(sidebar).not.toMatch(/<link[^>]+href=/i);
    expect(sidebar).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(sidebar).not.toMatch(/@import\s+url/i);
  });

  it('stays under the 120 KB a sidebar may weigh (the product’s limit), its stylesheet minified', () => {
    expect(Buffer.byteLength(sidebar)).toBeLessThan(120 * 1024);
    expect(sidebar).not.toMatch(/<style>[^<]*\/\*/);
  });

  it('carries Russian text as UTF-8, not \\u04xx escapes', () => {
    expect(sidebar).not.toMatch(/\\u04[0-9a-f]{2}/i);
    expect(sidebar).toMatch(/[А-Яа-яЁё]{4,}/);
  });
});

describe('dist/appsscript.json', () => {
  it('runs on V8 in Moscow time, logs exceptions, and asks for the least-privilege scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
  });
});

describe('clasp', () => {
  it('would push exactly the three built files', () => {
    // The repository carries no .clasp.json (each clone binds its own); the example has the same
    // rootDir, and clasp reads .claspignore from the folder of the project file given.
    const out = execFileSync('npx', ['clasp', '-P', '.clasp.json.example', 'show-file-status'], {
      cwd: path.join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const tracked = out.split('Untracked files:')[0];
    const files = [...tracked.matchAll(/dist\/[\w.]+/g)].map((m) => m[0]).sort();
    expect(files).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
  }, 60_000);
});
