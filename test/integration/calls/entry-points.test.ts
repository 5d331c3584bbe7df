/**
 * One workbook per execution, for the entry points that are not RPC methods: each menu item and
 * trigger reads each sheet it needs at most once (Range.getValues per sheet, counted by the
 * emulator), through the built bundle on the demo workbook. Setup is the one documented
 * exception: it reads a sheet's header block to repair it before the demo data is written.
 */
import type { Project } from '../../../local/harness';
import { DEALS, SENT_LOG } from '../../../src/core/workbook/schema';
import { seedDemo, type Demo } from '../rpc/seed';

let demo: Demo;
let project: Project;

beforeAll(() => {
  demo = seedDemo();
  project = demo.project;
});

/** Sheets read more than once by the last execution, except those named. */
function reReads(except: string[] = []): Array<[string, number]> {
  return Object.entries(project.lastReads).filter(([s, n]) => n > 1 && !except.includes(s));
}

describe('each menu item and trigger reads each sheet at most once', () => {
  it('menuRefreshDashboard', () => {
    project.run('menuRefreshDashboard', [], { user: demo.head });
    expect(reReads()).toEqual([]);
  });

  it('menuRecalculateFormulas reads no data sheet (it rewrites ROP_TODAY only)', () => {
    project.run('menuRecalculateFormulas', [], { user: demo.head });
    expect(reReads()).toEqual([]);
    // Settings for the language, Managers for the caller's role (the guard).
    expect(
      Object.keys(project.lastReads).filter((s) => s !== 'Настройки' && s !== 'Менеджеры'),
    ).toEqual([]);
  });

  it('menuPlanDefence', () => {
    project.run('menuPlanDefence', [], { user: demo.head });
    expect(reReads()).toEqual([]);
  });

  it('menuInstructions reads Settings and Managers only and writes the text in one setValues', () => {
    project.run('menuInstructions', [], { user: demo.head });
    expect(reReads()).toEqual([]);
    expect(Object.keys(project.lastReads).sort()).toEqual(['Менеджеры', 'Настройки']);
    expect(project.lastCalls['Range.setValues']).toBe(1);
  });

  it('menuRemindersOn and menuRemindersOff', () => {
    project.run('menuRemindersOn', [], { user: demo.head });
    expect(reReads()).toEqual([]);
    project.run('menuRemindersOff', [], { user: demo.head });
    expect(reReads()).toEqual([]);
  });

  it('the daily trigger (the Sent mail sheet is re-read under the lock for each reservation)', () => {
    project.run('menuRemindersOn', [], { user: demo.head });
    const uid = project.emulator.triggers.list().find((t) => t.handler === 'runScheduledJob')?.uid;
    if (!uid) throw new Error('no daily trigger');
    project.fireTrigger(uid);
    expect(project.lastReads[DEALS.ru]).toBe(1);
    expect(reReads([SENT_LOG.ru])).toEqual([]);
    project.run('menuRemindersOff', [], { user: demo.head });
  });

  it('onFormSubmit (the intake trigger) reads each sheet at most once', () => {
    project.submitForm('Ответы на форму (1)', {
      Компания: 'ООО «Чтение»',
      Телефон: '+74950001122',
    });
    expect(project.lastReads).not.toEqual({});
    expect(reReads()).toEqual([]);
  });

  it('onOpen reads no sheet at all', () => {
    project.open({ user: demo.head });
    expect(project.lastReads).toEqual({});
  });

  it('onEdit of a deal reads the header block and the edited rows only', () => {
    project.edit(DEALS.ru, 'B2', 'Поменяли название', { user: demo.head });
    // Two narrow reads of the edited sheet (its first rows for the header, then the edited
    // block with formulas), never the whole sheet: a simple trigger on 50,000 rows stays fast.
    expect(project.lastReads).toEqual({ [DEALS.ru]: 2, Настройки: 1 });
  });
});
