/**
 * SECURITY.md "Roles, plans, settings and recipients": Setup protects the sheets that decide who
 * is who; a role read from an unprotected Managers sheet is not believed for head-only actions;
 * only an explicit "yes" (or a blank) in the Active column lets a person in.
 */
import type { Project } from '../../../local/harness';
import {
  MANAGERS,
  PLANS,
  SENT_LOG,
  SETTINGS_VALUES,
  type SheetDef,
} from '../../../src/core/workbook/schema';
import { mapHeaders } from '../../../src/core/workbook/headers';
import { HEAD, IVAN, MARIA, seedTeam } from '../rpc/seed';

let project: Project;

function managersSheet() {
  return project.emulator.spreadsheet.getSheetByName(MANAGERS.ru)!;
}

/** Sets one cell of `email`'s Managers row, as the owner typing it (test code writes as owner). */
function setManagerCell(email: string, key: 'role' | 'active', value: unknown): void {
  const sheet = managersSheet();
  const values = sheet.getDataRange().getValues();
  const map = mapHeaders(values[0].map(String), MANAGERS.columns).index;
  const r = values.findIndex((row) => row[map.email] === email);
  sheet.getRange(r + 1, map[key] + 1).setValue(value as never);
}

function protectionOf(def: SheetDef) {
  const sheet = project.emulator.spreadsheet.getSheetByName(def.ru)!;
  const [p] = sheet.getProtections('SHEET' as never);
  return p
    ? {
        warningOnly: p.isWarningOnly(),
        domainEdit: p.canDomainEdit(),
        editors: p.getEditors().map((u: { getEmail(): string }) => u.getEmail()),
      }
    : null;
}

beforeEach(() => {
  project = seedTeam().project;
});

it('Setup protects Managers, Settings, Plans and Sent mail for the head and the owner only', () => {
  for (const def of [MANAGERS, SETTINGS_VALUES, PLANS, SENT_LOG]) {
    const p = protectionOf(def);
    expect(p).toMatchObject({ warningOnly: false, domainEdit: false });
    expect(p!.editors).not.toContain(IVAN);
  }
  // Setup again, now that the team is on the sheet: the head is let in, no manager is.
  project.run('menuSetupWorkbook', [], { user: HEAD });
  expect(protectionOf(MANAGERS)!.editors).toContain(HEAD);
  expect(protectionOf(MANAGERS)!.editors).not.toContain(MARIA);
});

it('a manager who typed «РОП» into an unprotected Managers sheet gets no head action', () => {
  managersSheet()
    .getProtections('SHEET' as never)
    .forEach((p: { remove(): void }) => p.remove());
  setManagerCell(IVAN, 'role', 'РОП');
  const reply = project.rpc('rpc', ['getSettings', {}], { user: IVAN }) as {
    ok: boolean;
    error?: { code: string; message: string };
  };
  expect(reply).toMatchObject({ ok: false, error: { code: 'setup' } });
  expect(reply.error!.message).toContain('Настроить таблицу');
  expect(() => project.run('menuRemindersOn', [], { user: IVAN })).toThrow(/не защищён/);
  // Nor may he lock his new role in by running Setup: only the owner repairs such a sheet.
  expect(() => project.run('menuSetupWorkbook', [], { user: IVAN })).toThrow(/не защищён/);
  expect(protectionOf(MANAGERS)).toBeNull();
  // The owner can, and the head's actions work again.
  project.run('menuSetupWorkbook', [], { user: HEAD });
  expect(protectionOf(MANAGERS)).toMatchObject({ warningOnly: false, domainEdit: false });
});

it.each(['уволен', 'неактивен', 'fired', 0, 'нет', false, 2])(
  'Active = %p keeps a manager out; a blank, ✓ or «да» lets them in',
  (value) => {
    setManagerCell(MARIA, 'active', value);
    expect(project.rpc('rpc', ['today', {}], { user: MARIA })).toMatchObject({
      ok: false,
      error: { code: 'unknownUser' },
    });
    for (const yes of ['', '✓', 'да', true]) {
      setManagerCell(MARIA, 'active', yes);
      expect(project.rpc('rpc', ['today', {}], { user: MARIA })).toMatchObject({ ok: true });
    }
  },
);
