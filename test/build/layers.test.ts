/**
 * The layers of ARCHITECTURE.md are enforced by tools, so each rule is proved here to fail on a
 * planted violation (and to let the ordinary imports through): ESLint's import and global rules
 * through its Node API with the project's own eslint.config.mjs, and src/core's own tsconfig
 * (no Apps Script types) through the TypeScript compiler API over a virtual file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.join(__dirname, '../..');

interface Snippet {
  filePath: string;
  code: string;
}

/** The rule ids each snippet breaks, linted as if it were the file at `filePath`. */
function lint(snippets: Snippet[]): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-text.mjs')], {
    cwd: root,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as string[][];
}

const importing = (specifier: string): string =>
  `import { x } from '${specifier}';\n\nexport const y = x;\n`;

// [the file, what it imports]: each must break no-restricted-imports.
const FORBIDDEN_IMPORTS: [string, string][] = [
  ['src/core/x.ts', '../gas/lock'],
  ['src/core/crm/x.ts', '../../gas/lock'],
  ['src/core/crm/x.ts', '../../app/rpc'],
  ['src/core/x.ts', '../Code'],
  // The deepest folder the config covers (MAX_DEPTH in eslint.config.mjs).
  ['src/core/a/b/c/d/e/x.ts', '../../../../../../gas/lock'],
  ['src/core/i18n/x.ts', '../../../sidebar/i18n'],
  ['src/core/x.ts', '../../local/emulator/index'],
  ['src/shared/x.ts', '../gas/lock'],
  ['src/shared/x.ts', '../../sidebar/rpc'],
  ['src/gas/x.ts', '../app/crm/records'],
  ['src/gas/sheets/x.ts', '../../app/menu'],
  ['src/app/rpc/x.ts', '../../Code'],
  ['sidebar/x.tsx', '../src/core/workbook/normalize'],
  ['sidebar/x.ts', '../src/core/i18n/common'],
  ['sidebar/x.ts', '../src/app/rpc'],
];

// The imports the layers are for: each must lint clean.
const ALLOWED_IMPORTS: [string, string][] = [
  ['src/core/crm/x.ts', '../i18n/sidebar'],
  ['src/core/x.ts', '../shared/contract'],
  ['src/shared/x.ts', '../core/crm/normalize'],
  ['src/gas/x.ts', '../core/schema'],
  ['src/app/x.ts', '../gas/lock'],
  ['sidebar/x.tsx', '../src/shared/contract'],
  ['sidebar/x.ts', '../src/shared/normalize'],
];

const GOOGLE_CALL = 'export function f(): void {\n  SpreadsheetApp.flush();\n}\n';

describe('ESLint layer rules', () => {
  const cases: Snippet[] = [
    ...[...FORBIDDEN_IMPORTS, ...ALLOWED_IMPORTS].map(([filePath, spec]) => ({
      filePath,
      code: importing(spec),
    })),
    { filePath: 'src/core/x.ts', code: GOOGLE_CALL },
    { filePath: 'src/shared/x.ts', code: GOOGLE_CALL },
    // A new app file: the temporary exemption list names existing files only.
    { filePath: 'src/app/new-use-case.ts', code: GOOGLE_CALL },
    { filePath: 'src/gas/x.ts', code: GOOGLE_CALL },
  ];
  let results: string[][];
  beforeAll(() => {
    results = lint(cases);
  }, 60_000);

  it.each(FORBIDDEN_IMPORTS.map((c, i) => [...c, i] as const))(
    '%s may not import %s',
    (_file, _spec, i) => {
      expect(results[i]).toEqual(['no-restricted-imports']);
    },
  );

  it.each(ALLOWED_IMPORTS.map((c, i) => [...c, FORBIDDEN_IMPORTS.length + i] as const))(
    '%s may import %s',
    (_file, _spec, i) => {
      expect(results[i]).toEqual([]);
    },
  );

  it('covers every folder of the layers (the config has one entry per depth, up to 5)', () => {
    const depth = (dir: string): number =>
      Math.max(
        0,
        ...readdirSync(path.join(root, dir), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => 1 + depth(path.join(dir, e.name))),
      );
    const layers = ['src/core', 'src/shared', 'src/gas', 'src/app', 'sidebar'];
    expect(layers.filter((layer) => depth(layer) > 5)).toEqual([]);
  });

  it('forbids Google services in src/core, src/shared and src/app, and allows them in src/gas', () => {
    const [core, shared, app, gas] = results.slice(-4);
    expect(core).toEqual(['no-restricted-globals']);
    expect(shared).toEqual(['no-restricted-globals']);
    expect(app).toEqual(['no-restricted-globals']);
    expect(gas).toEqual([]);
  });
});

describe('tsconfig.core.json', () => {
  const PLANTED = path.join(root, 'src/core/__planted__.ts');
  const CLEAN = path.join(root, 'src/core/__clean__.ts');
  const virtual = new Map([
    [PLANTED, GOOGLE_CALL],
    // Plain ES2020, which is all the core may use.
    [CLEAN, 'export const pairs = Object.fromEntries([1, 2].map((n) => [n, n * 2]));\n'],
  ]);

  /** Diagnostics per file of a program over the config's files plus the two virtual ones. */
  function check(config: string): Map<string, string[]> {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, config), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    })!;
    const host = ts.createCompilerHost(parsed.options);
    const { getSourceFile, fileExists } = host;
    host.fileExists = (f) => virtual.has(f) || fileExists(f);
    host.getSourceFile = (f, lang, ...rest) => {
      const text = virtual.get(f);
      return text === undefined
        ? getSourceFile(f, lang, ...rest)
        : ts.createSourceFile(f, text, lang);
    };
    const program = ts.createProgram({
      rootNames: [...parsed.fileNames, ...virtual.keys()],
      options: parsed.options,
      host,
    });
    const byFile = new Map<string, string[]>();
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const file = d.file?.fileName ?? '(global)';
      byFile.set(file, [
        ...(byFile.get(file) ?? []),
        ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      ]);
    }
    return byFile;
  }

  it('compiles the core without Apps Script types: a planted service call fails, the rest passes', () => {
    const diagnostics = check('tsconfig.core.json');
    expect(diagnostics.get(PLANTED)).toEqual(["Cannot find name 'SpreadsheetApp'."]);
    diagnostics.delete(PLANTED);
    expect(Object.fromEntries(diagnostics)).toEqual({});
  }, 60_000);

  it('is needed: the main tsconfig, which has the Apps Script types, accepts the same call', () => {
    const diagnostics = check('tsconfig.json');
    expect(diagnostics.get(PLANTED)).toBeUndefined();
    expect(diagnostics.get(CLEAN)).toBeUndefined();
  }, 60_000);
});
