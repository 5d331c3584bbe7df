// Finds a Chromium for the browser tests; installs Debian's package when it can (root + apt-get).
// Prints the executable path on the last line, or the exact command to run and exits 1.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  const command = 'apt-get update && apt-get install -y chromium';
  if (isRoot && hasApt) {
    console.log(`Chromium not found: running "${command}"`);
    execSync(command, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    `The browser tests need Chromium. Install it with:\n  sudo ${command}\n` +
      'or point CHROME_PATH at a Chromium or Chrome executable.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
