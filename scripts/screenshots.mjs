// Regenerates the user guide's screenshots (docs/guide/img/<lang>/*.png) from the playground:
//   node scripts/screenshots.mjs [ru|en] [--no-build]
// Builds dist/ first, finds (or installs) Chromium, then drives the playground in it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const chrome = ensureChromium();
const child = spawn(
  process.execPath,
  [
    '--import',
    import.meta.resolve('tsx'),
    path.join(root, 'local/playground/screenshots.ts'),
    ...args.filter((a) => a !== '--no-build'),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome, TZ: 'UTC' } },
);
child.on('exit', (code) => process.exit(code ?? 1));
