/**
 * The growth ladder through the built bundle on the demo workbook: the process-compliance
 * criterion comes from Stage history («Критерий выполнен», moves counted for the deal's owner
 * over the grade's three finished months), read once per execution, and a manager's own view
 * (Today → My growth) shows it.
 */
import type { Project } from '../../../local/harness';
import { mapHeaders } from '../../../src/core/workbook/headers';
import { DEALS, STAGE_HISTORY, type SheetDef } from '../../../src/core/workbook/schema';
import { ok, rpc, seedDemo, type Demo } from '../rpc/seed';

let demo: Demo;
let project: Project;

beforeAll(() => {
  demo = seedDemo();
  project = demo.project;
});

function records(def: SheetDef): Array<Record<string, unknown>> {
  const values = project.emulator.spreadsheet.getSheetByName(def.ru)?.getDataRange().getValues();
  if (!values) throw new Error(`no sheet ${def.ru}`);
  const { index } = mapHeaders(values[0], def.columns);
  return values
    .slice(1)
    .map((r) => Object.fromEntries(Object.entries(index).map(([k, i]) => [k, r[i]])));
}

/**
 * The share each deal owner's checked moves met the exit criterion, August-October 2026 (the
 * default ladder looks back three finished months from 27 November), computed from the sheets.
 */
function expectedShares(): Map<string, number> {
  const owner = new Map(records(DEALS).map((d) => [d.id, String(d.manager).toLowerCase()]));
  const from = Date.parse('2026-08-01T00:00:00+03:00');
  const to = Date.parse('2026-11-01T00:00:00+03:00');
  const tally = new Map<string, [number, number]>();
  for (const h of records(STAGE_HISTORY)) {
    const at = h.at instanceof Date ? h.at.getTime() : NaN;
    if (typeof h.exitMet !== 'boolean' || !(at >= from && at < to)) continue;
    const m = owner.get(h.dealId) ?? '';
    const [met, all] = tally.get(m) ?? [0, 0];
    tally.set(m, [met + (h.exitMet ? 1 : 0), all + 1]);
  }
  return new Map([...tally].map(([m, [met, all]]) => [m, met / all]));
}

const processIn = (note: string): string | null =>
  /процесс (\d+%) из (\d+%)/.exec(note)?.[1] ?? null;

describe('process compliance in the growth ladder', () => {
  it("shows each manager's share of stage moves with the exit criterion met", () => {
    const v = ok(rpc(project, demo.head, 'people', {}));
    expect(project.lastReads[STAGE_HISTORY.ru]).toBe(1);
    const shares = expectedShares();
    const shown = v.grades.filter((g) => processIn(g.note) !== null);
    // The default ladder asks for it from Senior up: the demo has Middles and a Senior.
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const g of shown) {
      const share = shares.get(g.email);
      expect(share).toBeDefined();
      expect(processIn(g.note)).toBe(`${Math.round((share ?? 0) * 100)}%`);
    }
    // Met or not is judged on the figure: ✓ at 80 % and above, ✗ below.
    for (const g of shown) {
      const mark = /([✓✗]) процесс/.exec(g.note)?.[1];
      expect(mark).toBe((shares.get(g.email) ?? 0) >= 0.8 ? '✓' : '✗');
    }
  });

  it('shows the manager their own figure in My growth', () => {
    const head = ok(rpc(project, demo.head, 'people', {}));
    const g = head.grades.find((x) => processIn(x.note) !== null);
    if (!g) throw new Error('no manager with a process figure in the demo');
    const own = ok(rpc(project, g.email, 'people', {}));
    expect(own.grades).toHaveLength(1);
    expect(own.grades[0].email).toBe(g.email);
    expect(processIn(own.grades[0].note)).toBe(processIn(g.note));
    expect(project.lastReads[STAGE_HISTORY.ru]).toBe(1);
  });
});
