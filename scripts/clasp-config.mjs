// Shared by bind.mjs and deploy.mjs: where .clasp.json lives and what a usable one looks like.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CLASP_JSON = '.clasp.json';
export const ROOT_DIR = 'dist';
// What clasp must push, relative to the project root; anything else in dist/ is a mistake.
export const PUSHED_FILES = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];
// Script ids are long base64url strings (about 57 characters today); the check only keeps out
// placeholders, URLs and pasted quotes, not future id lengths.
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;

export function isScriptId(text) {
  return SCRIPT_ID.test(text) && !/^(REPLACE|PASTE|YOUR)/i.test(text);
}

// Accepts the id itself or the editor URL (https://script.google.com/d/ID/edit), which is what
// people copy from the address bar.
export function parseScriptId(input) {
  const trimmed = String(input ?? '').trim();
  const fromUrl = /\/d\/([A-Za-z0-9_-]+)/.exec(trimmed);
  const id = fromUrl ? fromUrl[1] : trimmed;
  return isScriptId(id) ? id : null;
}

/** Returns the problem with cwd's .clasp.json as a sentence, or null when it is usable. */
export function claspConfigProblem(cwd) {
  const file = path.join(cwd, CLASP_JSON);
  if (!existsSync(file)) {
    return `${CLASP_JSON} is missing: run \`npm run bind -- SCRIPT_ID\` (id from Extensions → Apps Script → Project settings) or \`npx clasp create-script --type sheets --title "ROP Desk" --rootDir dist\`.`;
  }
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return `${CLASP_JSON} is not valid JSON: run \`npm run bind -- SCRIPT_ID --force\` to rewrite it.`;
  }
  if (!isScriptId(String(config.scriptId ?? ''))) {
    return `${CLASP_JSON} has no real scriptId ("${config.scriptId ?? ''}"): run \`npm run bind -- SCRIPT_ID --force\`.`;
  }
  if (path.normalize(String(config.rootDir ?? '.')).replace(/[\\/]+$/, '') !== ROOT_DIR) {
    return `${CLASP_JSON} must have "rootDir": "${ROOT_DIR}" (it has "${config.rootDir ?? '.'}"), or clasp would push the sources instead of the build.`;
  }
  return null;
}
