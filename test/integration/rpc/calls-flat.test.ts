/**
 * Service calls do not grow with the data: every read-only RPC method makes the same calls on a
 * five-deal team and on the demo company (hundreds of deals over a year and a half), and no
 * execution spends more than a handful of formatDate calls finding the zone's offsets.
 */
import type { Project } from '../../../local/harness';
import type { Method } from '../../../src/shared/contract';
import { HEAD, IVAN, seedDemo, seedTeam } from './seed';

let small: Project;
let large: Project;
let largeHead: string;
let largeManager: string;

beforeAll(() => {
  small = seedTeam().project;
  const demo = seedDemo();
  large = demo.project;
  largeHead = demo.head;
  largeManager = demo.managers[0];
});

const READS: Array<[Method, 'manager' | 'head', unknown]> = [
  ['bootstrap', 'manager', {}],
  ['today', 'manager', {}],
  ['findDuplicates', 'manager', { clientName: 'Ромашка', inn: '', phone: '', email: '' }],
  ['team', 'head', { period: '2026-11' }],
  ['getSettings', 'head', {}],
];

function calls(p: Project, user: string, method: Method, payload: unknown) {
  const reply = p.rpc('rpc', [method, payload], { user }) as { ok: boolean };
  expect(reply).toMatchObject({ ok: true });
  // Trigger.* calls scale with the project's installed triggers (a handful), not with the data.
  // A head-only method checks the Managers sheet's protection unless the caller owns the file:
  // the small team's head owns it, the demo's does not (one fixed group of calls, see SECURITY.md).
  const all = Object.fromEntries(
    Object.entries(p.lastCalls).filter(
      ([k]) =>
        k !== 'Utilities.formatDate' &&
        k !== 'Spreadsheet.getSheetByName' &&
        !k.startsWith('Trigger.') &&
        !k.startsWith('Protection.') &&
        k !== 'Sheet.getProtections',
    ),
  );
  return { all, zone: p.lastCalls['Utilities.formatDate'] ?? 0 };
}

it.each(READS)('%s makes the same calls on 5 deals as on the demo company', (method, who, body) => {
  const a = calls(small, who === 'head' ? HEAD : IVAN, method, body);
  const b = calls(large, who === 'head' ? largeHead : largeManager, method, body);
  expect(b.all).toEqual(a.all);
  expect(a.zone).toBeLessThanOrEqual(10);
  expect(b.zone).toBeLessThanOrEqual(10);
});
