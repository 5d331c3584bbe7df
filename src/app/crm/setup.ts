/**
 * Setup from the menu and from the sidebar, and the demo workbook. Setup runs under the document
 * lock (it adds columns other executions would write into) with a longer wait than an edit.
 */
import { isUserError } from '../../core/errors';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { generateDemo, type DemoOptions } from '../../core/demo/generate';
import { dayOfInstant } from '../../core/time';
import { spreadsheet } from '../../gas/context';
import { withDocumentLock } from '../../gas/lock';
import { appendLog } from '../../gas/log';
import { storedLang } from '../../gas/settings-lang';
import { setupWorkbook as runSetup, type SetupReport } from '../setup/workbook';
import { writeDemo, type DemoCounts } from '../setup/demo';
import { onboardingAfterSetup } from '../people/onboarding';
import { protectSheets } from '../setup/protect';
import { showToast, spreadsheetTimeZone } from '../../gas/spreadsheet';
import { alert } from '../../gas/ui';
import { Workbook } from '../../gas/workbook';
import { zoneOf } from '../../gas/zone';
import { callerEmail } from './session';

const SETUP_LOCK_MS = 20_000;

export type { SetupReport };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates or repairs the workbook `ss`; returns what changed (texts in the workbook's language). */
export function setupWorkbook(ss: Spreadsheet, opts: { lang?: Lang } = {}): SetupReport {
  return withDocumentLock(() => {
    const report = runSetup(ss, opts);
    onboardingAfterSetup(ss, report.changes);
    return report;
  }, SETUP_LOCK_MS);
}

export interface DemoReport {
  setup: SetupReport;
  counts: DemoCounts;
}

/** Set up, then fill the (empty) workbook with the demo company. */
export function setupDemo(
  ss: Spreadsheet,
  opts: Partial<Omit<DemoOptions, 'today' | 'zone'>> = {},
): DemoReport {
  return withDocumentLock(() => {
    const setup = runSetup(ss, { lang: opts.lang });
    const zone = zoneOf(spreadsheetTimeZone(ss));
    const demo = generateDemo({
      ...opts,
      lang: setup.lang,
      today: dayOfInstant(Date.now(), zone),
      zone,
    });
    const counts = writeDemo(new Workbook(ss), demo, setup.lang);
    // The demo's head of sales joins the editors of the sheets Setup protected.
    protectSheets(ss, zone, setup.lang, []);
    return { setup, counts };
  }, SETUP_LOCK_MS);
}

function summary(report: SetupReport): string {
  const lines = report.changes.length ? report.changes : [t(report.lang, 'crm.setup.nothing')];
  return [...lines, ...report.warnings].join('\n');
}

/** Shows the outcome of a menu command; a UserError becomes its message, anything else is logged. */
function fromMenu(run: (ss: Spreadsheet, lang: Lang) => string, ss = spreadsheet()): void {
  let lang: Lang = 'ru';
  try {
    lang = storedLang();
  } catch {
    // Properties unavailable: keep Russian.
  }
  try {
    showToast(ss, run(ss, lang), t(lang, 'app.name'), 15);
  } catch (e) {
    const text = isUserError(e) ? t(lang, e.key, e.params) : t(lang, 'error.internal');
    if (!isUserError(e)) {
      appendLog(
        ss,
        {
          level: 'error',
          job: 'setup',
          message: String((e as Error)?.stack ?? e),
          user: callerEmail(),
        },
        lang,
      );
    }
    alert(text);
  }
}

export function menuSetupWorkbook(on?: Spreadsheet): void {
  fromMenu((ss) => {
    const report = setupWorkbook(ss);
    return `${t(report.lang, 'crm.setup.done')}\n${summary(report)}`;
  }, on);
}

export function menuSetupDemo(on?: Spreadsheet): void {
  fromMenu((ss) => {
    const { setup, counts } = setupDemo(ss);
    return t(setup.lang, 'crm.demo.done', {
      managers: counts.managers,
      clients: counts.clients,
      deals: counts.deals,
      activities: counts.activities,
      invoices: counts.invoices,
    });
  }, on);
}
