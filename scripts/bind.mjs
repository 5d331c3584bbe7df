// `npm run bind -- SCRIPT_ID [--force]`: writes .clasp.json for the spreadsheet's bound script,
// so a fresh clone never carries someone else's id (clasp create-script refuses to run when a
// .clasp.json exists: "Project file already exists.").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CLASP_JSON, ROOT_DIR, parseScriptId } from './clasp-config.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const input = args.find((a) => !a.startsWith('--'));
const scriptId = parseScriptId(input);
if (!scriptId) {
  console.error(
    `bind: give the script id (or its editor URL): npm run bind -- SCRIPT_ID\n` +
      `Find it in the spreadsheet: Extensions → Apps Script → Project settings → IDs → Script ID.`,
  );
  process.exit(2);
}
if (existsSync(CLASP_JSON) && !force) {
  let current = '';
  try {
    current = String(JSON.parse(readFileSync(CLASP_JSON, 'utf8')).scriptId ?? '');
  } catch {
    // An unreadable file is replaced only with --force, like any other.
  }
  if (current !== scriptId) {
    console.error(
      `bind: ${CLASP_JSON} already points at "${current}". Add --force to replace it with ${scriptId}.`,
    );
    process.exit(1);
  }
}
writeFileSync(CLASP_JSON, `${JSON.stringify({ scriptId, rootDir: ROOT_DIR }, null, 2)}\n`);
console.log(`bind: ${CLASP_JSON} now pushes ${ROOT_DIR}/ to script ${scriptId}.`);
