/**
 * The parity project's server side, built by `npm run parity:build` into dist-parity/Code.js
 * with top-level stubs for the names Apps Script calls. `runParity` (menu or editor) collects
 * every observation and writes them as JSON to the "Parity" sheet and the log; see docs/parity.md.
 */
import { CHECKS, checksIn } from './checks';
import { canonical, encode, observe, type Observation } from './observe';

export const FORMAT = 'rop-desk-parity/1';
const SIMPLE_KEY = 'parity.simple';
const CLIENT_KEY = 'parity.client';

export interface Observations {
  format: string;
  observedAt: string;
  where: 'apps-script' | 'emulator';
  results: Record<string, Observation>;
  /** Checks that could not be observed in this run, with why. */
  missing: Record<string, string>;
}

/** Runs every script check on its own fresh sheet, restoring the spreadsheet's zone after. */
export function scriptChecks(): string {
  const ss = SpreadsheetApp.getActive();
  const results: Record<string, Observation> = {};
  for (const check of checksIn('script')) {
    const zone = ss.getSpreadsheetTimeZone();
    const scratch = ss.insertSheet(`parity ${check.id} ${Date.now()}`);
    try {
      results[check.id] = observe(() => check.run(scratch));
    } finally {
      ss.deleteSheet(scratch);
      ss.setSpreadsheetTimeZone(zone);
    }
  }
  return JSON.stringify(results);
}

/** A cell `=PARITY_CUSTOM("id")`: the observation of one custom-function check, as JSON. */
export function customCheck(id: string): string {
  const check = checksIn('custom').find((c) => c.id === id);
  return JSON.stringify(check ? observe(() => check.run(null)) : { error: `no check ${id}` });
}

/** The simple onOpen: records the simple-trigger checks, then adds the menu. */
export function onOpen(e: { authMode?: unknown }): void {
  const results: Record<string, Observation> = {};
  for (const check of checksIn('simple')) results[check.id] = observe(() => check.run(null, e));
  PropertiesService.getDocumentProperties().setProperty(SIMPLE_KEY, JSON.stringify(results));
  SpreadsheetApp.getUi()
    .createMenu('Parity')
    .addItem('1. Check google.script.run', 'parityShowClient')
    .addItem('2. Run all checks', 'runParity')
    .addToUi();
}

/** google.script.run target: the raw value of one rpc check (the client observes it). */
export function rpcValue(id: string): unknown {
  const check = checksIn('rpc').find((c) => c.id === id);
  return check ? check.run(null) : `no check ${id}`;
}

export function rpcIds(): string[] {
  return checksIn('rpc').map((c) => c.id);
}

export function recordClient(json: string): void {
  PropertiesService.getDocumentProperties().setProperty(CLIENT_KEY, String(json));
}

export function showClient(): void {
  const html = HtmlService.createHtmlOutputFromFile('Client').setWidth(420).setHeight(160);
  SpreadsheetApp.getUi().showModalDialog(html, 'Parity: google.script.run');
}

/** Stored observations of the simple trigger or the client ('' when none yet). */
export function stored(which: 'simple' | 'client'): string {
  return (
    PropertiesService.getDocumentProperties().getProperty(
      which === 'simple' ? SIMPLE_KEY : CLIENT_KEY,
    ) ?? ''
  );
}

/** Reads the custom-function cells, waiting for Sheets to compute them. */
function customChecks(): Record<string, Observation> {
  const ss = SpreadsheetApp.getActive();
  const checks = checksIn('custom');
  const scratch = ss.insertSheet(`parity custom ${Date.now()}`);
  const out: Record<string, Observation> = {};
  try {
    checks.forEach((c, i) => scratch.getRange(i + 1, 1).setFormula(`=PARITY_CUSTOM("${c.id}")`));
    SpreadsheetApp.flush();
    for (let attempt = 0; attempt < 30; attempt++) {
      const cells = scratch.getRange(1, 1, checks.length, 1).getValues();
      const pending = cells.some((r) => /^(Loading|Загрузка)/.test(String(r[0])));
      if (!pending || attempt === 29) {
        checks.forEach((c, i) => {
          const text = String(cells[i][0]);
          try {
            out[c.id] = JSON.parse(text) as Observation;
          } catch {
            out[c.id] = { error: `cell showed ${text}` };
          }
        });
        break;
      }
      Utilities.sleep(1000);
    }
  } finally {
    ss.deleteSheet(scratch);
  }
  return out;
}

export function runParity(): string {
  const results: Record<string, Observation> = JSON.parse(scriptChecks());
  Object.assign(results, customChecks());
  const missing: Record<string, string> = {};
  const simple = stored('simple');
  if (simple) Object.assign(results, JSON.parse(simple));
  else for (const c of checksIn('simple')) missing[c.id] = 'reload the spreadsheet first';
  const client = stored('client');
  if (client) Object.assign(results, JSON.parse(client));
  else for (const c of checksIn('rpc')) missing[c.id] = 'run Parity → 1. Check google.script.run';
  const observations: Observations = {
    format: FORMAT,
    observedAt: new Date().toISOString(),
    where: 'apps-script',
    results,
    missing,
  };
  const json = JSON.stringify(observations);
  const ss = SpreadsheetApp.getActive();
  const out = ss.getSheetByName('Parity') ?? ss.insertSheet('Parity');
  out.clear();
  out
    .getRange('A1')
    .setValue('Copy cell A2 (the whole JSON) into a file, then: npm run parity:compare FILE.json');
  // One cell holds 50,000 characters; longer JSON goes on in the cells below.
  const parts = json.match(/[\s\S]{1,45000}/g) ?? [''];
  out.getRange(2, 1, parts.length, 1).setValues(parts.map((p) => [`'${p}`]));
  Logger.log(json);
  const differ = CHECKS.filter(
    (c) => results[c.id] && canonical(results[c.id]) !== canonical(c.expected),
  ).map((c) => c.id);
  Logger.log(`Checks differing from the documented value: ${differ.join(', ') || 'none'}`);
  return json;
}

// Keeps encode in the bundle for the client page, which gets its own copy from client.ts.
export { encode };
