/**
 * The editor add-on build (`npm run build -- --addon` into dist-addon/): the same bundle with its
 * menu under Extensions (createAddonMenu, which the Marketplace requires), onInstall, and the
 * `spreadsheets` scope its daily trigger needs to open the workbook by id.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEmulator } from '../../local/emulator';
import { loadProject } from '../../local/harness';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist-addon');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--addon'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('add-on build', () => {
  it('asks for spreadsheets instead of spreadsheets.currentonly, nothing else changed', () => {
    const bound = JSON.parse(readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    const addon = JSON.parse(readFileSync(path.join(OUT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(addon.oauthScopes).toEqual(
      bound.oauthScopes.map((s) =>
        s.endsWith('spreadsheets.currentonly') ? 'https://www.googleapis.com/auth/spreadsheets' : s,
      ),
    );
  });

  it.each(['NONE', 'LIMITED'] as const)(
    'shows the menu under Extensions, named after the add-on, from onOpen in %s',
    (authMode) => {
      const emulator = createEmulator({ addon: true, htmlDir: OUT });
      const p = loadProject({ bundlePath: path.join(OUT, 'Code.js'), emulator });
      expect(p.publicFunctions).toContain('onInstall');
      p.open({ authMode });
      expect(emulator.ui.menus).toEqual([
        expect.objectContaining({ title: 'ROP Desk', placement: 'extensions', addon: true }),
      ]);
    },
  );

  it('builds the same menu from onInstall', () => {
    const emulator = createEmulator({ addon: true, htmlDir: OUT });
    const p = loadProject({ bundlePath: path.join(OUT, 'Code.js'), emulator });
    p.run('onInstall', [{ authMode: 'FULL' }]);
    expect(emulator.ui.menus[0]).toMatchObject({ placement: 'extensions' });
    expect(emulator.ui.menus[0].items[0]).toMatchObject({ functionName: 'menuOpenSidebar' });
  });
});
