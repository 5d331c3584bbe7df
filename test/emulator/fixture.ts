/**
 * Tiny hand-written bundles for the emulator's own tests: each is a classic script with
 * top-level functions, written to a temp folder (with a manifest and an HTML file) and loaded by
 * the real harness, so the rules are tested without depending on the product's code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../local/emulator';
import { loadProject, type Project } from '../../local/harness';

export const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
];

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed after the test file. */
export function tempDir(prefix = 'emu-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function bundleDir(code: string, html: Record<string, string> = {}): string {
  const dir = tempDir('emu-bundle-');
  writeFileSync(path.join(dir, 'Code.js'), code);
  writeFileSync(
    path.join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Europe/Moscow', runtimeVersion: 'V8', oauthScopes: SCOPES }),
  );
  for (const [name, content] of Object.entries(html))
    writeFileSync(path.join(dir, `${name}.html`), content);
  return dir;
}

export function project(
  code: string,
  opts: EmulatorOptions = {},
  html: Record<string, string> = {},
): { project: Project; emulator: Emulator } {
  const dir = bundleDir(code, html);
  const emulator = createEmulator({ htmlDir: dir, ...opts });
  return { project: loadProject({ bundlePath: path.join(dir, 'Code.js'), emulator }), emulator };
}
