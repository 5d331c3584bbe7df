// Walks the README's deploy section on a fresh copy of the repository with clasp and npm
// replaced by fakes on PATH (test/deploy/fake-bin) that answer with clasp's real messages.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const fakeBin = path.join(__dirname, 'fake-bin');
const COPIED = [
  'scripts/deploy.mjs',
  'scripts/bind.mjs',
  'scripts/clasp-config.mjs',
  '.claspignore',
  '.clasp.json.example',
  '.gitignore',
];
const THREE = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rop-deploy-'));
  for (const file of COPIED) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(repo, file), path.join(dir, file));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`,
      FAKE_CLASP_LOG: path.join(dir, 'clasp.log'),
      FAKE_NPM_LOG: path.join(dir, 'npm.log'),
      ...env,
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const node = (script: string, args: string[] = [], env?: Record<string, string>) =>
  run(process.execPath, [script, ...args], env);
const deploy = (env?: Record<string, string>) => node('scripts/deploy.mjs', [], env);
const log = (name: string) =>
  existsSync(path.join(dir, name))
    ? readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean)
    : [];
const pushedRemote = () =>
  JSON.parse(readFileSync(path.join(dir, '.fake-remote.json'), 'utf8')) as Record<string, string>;
const pushedList = (out: string) => [...out.matchAll(/^└─ (.+)$/gm)].map((m) => m[1]);
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQ';

describe('the repository as cloned', () => {
  it('carries no .clasp.json, so clasp create-script is not refused', () => {
    expect(() =>
      execFileSync('git', ['ls-files', '--error-unmatch', '.clasp.json'], {
        cwd: repo,
        stdio: 'pipe',
      }),
    ).toThrow();
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8').split('\n')).toContain(
      '.clasp.json',
    );
    const example = JSON.parse(readFileSync(path.join(repo, '.clasp.json.example'), 'utf8'));
    expect(example.rootDir).toBe('dist');
  });

  it('deploys through one npm test (which lints), not a second lint', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(pkg.scripts.deploy).toBe('node scripts/deploy.mjs');
    expect(pkg.scripts.bind).toBe('node scripts/bind.mjs');
  });
});

describe('README route A: a new bound project through clasp create-script', () => {
  it('creates, then pushes exactly the three built files with --force', () => {
    const created = run('clasp', [
      'create-script',
      '--type',
      'sheets',
      '--title',
      'ROP Desk',
      '--rootDir',
      'dist',
    ]);
    expect(created.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
    // Leftovers a deploy must not push: a build's staging folder and a stray script.
    mkdirSync(path.join(dir, 'dist/.staging-99/webpack'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/.staging-99/webpack/Code.js'), 'half-written');
    writeFileSync(path.join(dir, 'dist/old.js'), 'function old() {}');

    const first = deploy();
    expect(first.stderr).not.toMatch(/FAILED/);
    expect(first.status).toBe(0);
    expect(log('npm.log')).toEqual(['test']);
    expect(log('clasp.log')).toEqual([
      'create-script --type sheets --title ROP Desk --rootDir dist',
      'push --force',
    ]);
    expect(pushedList(first.stdout).sort()).toEqual([...THREE].sort());
    // What Google holds is the build, not the placeholder create-script pulled.
    expect(Object.keys(pushedRemote()).sort()).toEqual([...THREE].sort());
    expect(pushedRemote()['dist/Code.js']).toContain('built bundle');

    const again = deploy();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Script is already up to date.');
  });

  it('is refused by clasp once a .clasp.json exists, as the committed one used to cause', () => {
    expect(node('scripts/bind.mjs', [ID]).status).toBe(0);
    const created = run('clasp', ['create-script', '--type', 'sheets', '--rootDir', 'dist']);
    expect(created.status).toBe(1);
    expect(created.stderr).toContain('Project file already exists.');
  });
});

describe('README route B: npm run bind -- SCRIPT_ID', () => {
  it('writes .clasp.json from an id or the editor URL and keeps a different one without --force', () => {
    const bound = node('scripts/bind.mjs', [`https://script.google.com/d/${ID}/edit`]);
    expect(bound.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, '.clasp.json'), 'utf8'))).toEqual({
      scriptId: ID,
      rootDir: 'dist',
    });
    const other = `${ID.slice(0, -1)}X`;
    expect(node('scripts/bind.mjs', [other]).status).toBe(1);
    expect(node('scripts/bind.mjs', [other, '--force']).status).toBe(0);
    expect(node('scripts/bind.mjs', ['REPLACE_WITH_YOUR_SCRIPT_ID']).status).toBe(2);
    expect(deploy().status).toBe(0);
    expect(Object.keys(pushedRemote()).sort()).toEqual([...THREE].sort());
  });
});

describe('npm run deploy fails loudly', () => {
  beforeEach(() => {
    expect(node('scripts/bind.mjs', [ID]).status).toBe(0);
  });

  it('when clasp prints "Skipping push." and exits 0', () => {
    const r = deploy({ FAKE_CLASP: 'skip' });
    expect(r.stdout).toContain('Skipping push.');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/deploy FAILED: clasp printed "Skipping push\."/);
    expect(existsSync(path.join(dir, '.fake-remote.json'))).toBe(false);
  });

  it('when the Apps Script API is off, naming the settings page', () => {
    const r = deploy({ FAKE_CLASP: 'api-off' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('User has not enabled the Apps Script API');
    expect(r.stderr).toContain('deploy FAILED: the Apps Script API is off');
    expect(r.stderr).toContain('https://script.google.com/home/usersettings');
  });

  it('when clasp pushes anything besides the three dist files', () => {
    rmSync(path.join(dir, '.claspignore'));
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/old.js'), 'function old() {}');
    const r = deploy();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('extra: dist/old.js');
  });

  it('before running tests when .clasp.json is missing or a placeholder', () => {
    copyFileSync(path.join(dir, '.clasp.json.example'), path.join(dir, '.clasp.json'));
    const placeholder = deploy();
    expect(placeholder.status).toBe(1);
    expect(placeholder.stderr).toContain('no real scriptId');
    rmSync(path.join(dir, '.clasp.json'));
    const missing = deploy();
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('npm run bind -- SCRIPT_ID');
    expect(log('npm.log')).toEqual([]);
    expect(log('clasp.log')).toEqual([]);
  });

  it('without pushing when the tests fail', () => {
    const r = deploy({ FAKE_NPM_TEST: 'fail' });
    expect(r.status).toBe(1);
    expect(log('clasp.log')).toEqual([]);
  });
});
