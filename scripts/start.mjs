// `npm start`: builds dist/, then serves the playground (local/playground/main.ts, run by tsx).
// Arguments after `--` go to the playground: --reset, --workbook PATH, --port N, --now TIME.
// `--no-build` skips the build (the tests and the screenshot script use it).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const rest = args.filter((a) => a !== '--no-build');

if (build && !rest.includes('--help') && !rest.includes('-h')) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(
  process.execPath,
  ['--import', import.meta.resolve('tsx'), path.join(root, 'local/playground/main.ts'), ...rest],
  { cwd: root, stdio: 'inherit' },
);
// Ctrl+C reaches the child through the terminal's process group: let it save and stop itself.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// If whoever started us goes away without a signal reaching us (npm killed with SIGTERM does not
// always pass it on), stop the server too instead of leaving it running orphaned.
const parent = process.ppid;
globalThis
  .setInterval(() => {
    if (process.ppid !== parent) child.kill('SIGTERM');
  }, 1000)
  .unref();
