/**
 * Who may run each top-level function of the bundle (src/Code.ts): ONE row per name, read by the
 * guard (src/app/guard.ts) at every call and by test/integration/security/entry-points.test.ts,
 * which fails for a top-level function of dist/Code.js missing here. See SECURITY.md.
 */
import type { Role } from './core/types';

export type EntryRule =
  /** Google runs it with the editor's own rights (onOpen, onInstall, onEdit): nothing to elevate. */
  | { kind: 'simpleTrigger' }
  /** A formula in a cell: read-only, no mail, no triggers (Google enforces). */
  | { kind: 'customFunction' }
  /** Only as the installed daily trigger: the event's triggerUid must be the stored one. */
  | { kind: 'storedTrigger' }
  /** Only as the installed form trigger: the event must carry a real Range and a triggerUid. */
  | { kind: 'formTrigger' }
  /** The sidebar's dispatchers: the method table (src/shared/methods.ts) names roles per method. */
  | { kind: 'rpc' }
  /**
   * A person on the Managers sheet, active, with one of `roles`. `trusted`: the role must come
   * from a protected Managers sheet. `bootstrap`: while the Managers sheet is empty or missing,
   * any signed-in editor may run it (first setup), and the file's owner always may.
   */
  | { kind: 'member'; roles: readonly Role[]; trusted?: boolean; bootstrap?: boolean };

const HEAD: readonly Role[] = ['head'];
const LEADERS: readonly Role[] = ['head', 'director'];
const ANYONE: readonly Role[] = ['manager', 'head', 'director'];

export const ENTRY_POINTS = {
  onOpen: { kind: 'simpleTrigger' },
  onInstall: { kind: 'simpleTrigger' },
  onEdit: { kind: 'simpleTrigger' },
  onFormSubmit: { kind: 'formTrigger' },
  runScheduledJob: { kind: 'storedTrigger' },
  menuOpenSidebar: { kind: 'member', roles: ANYONE },
  menuSetupWorkbook: { kind: 'member', roles: HEAD, bootstrap: true },
  menuSetupDemo: { kind: 'member', roles: HEAD, bootstrap: true },
  menuRefreshDashboard: { kind: 'member', roles: LEADERS, trusted: true },
  menuRecalculateFormulas: { kind: 'member', roles: LEADERS },
  menuInstructions: { kind: 'member', roles: LEADERS, trusted: true },
  menuRemindersOn: { kind: 'member', roles: HEAD, trusted: true },
  menuRemindersOff: { kind: 'member', roles: HEAD, trusted: true },
  menuRunRemindersNow: { kind: 'member', roles: HEAD, trusted: true },
  menuPlans: { kind: 'member', roles: LEADERS },
  menuPlanDefence: { kind: 'member', roles: LEADERS },
  rpc: { kind: 'rpc' },
  INN_CHECK: { kind: 'customFunction' },
  PHONE_RU: { kind: 'customFunction' },
  SALES_PLAN_FACT: { kind: 'customFunction' },
  SALES_FORECAST: { kind: 'customFunction' },
  SALES_FORECAST_NEXT: { kind: 'customFunction' },
  SALES_FUNNEL: { kind: 'customFunction' },
  SALES_TASKS: { kind: 'customFunction' },
  SALES_KPI: { kind: 'customFunction' },
  SALES_AGING: { kind: 'customFunction' },
  SALES_BONUS: { kind: 'customFunction' },
  SALES_STALE: { kind: 'customFunction' },
  WORKDAYS_RU: { kind: 'customFunction' },
  SALES_CAPACITY: { kind: 'customFunction' },
  SALES_BUDGET: { kind: 'customFunction' },
  SALES_CAC: { kind: 'customFunction' },
  SALES_DISCOUNTS: { kind: 'customFunction' },
} as const satisfies Record<string, EntryRule>;

export type EntryPoint = keyof typeof ENTRY_POINTS;
export type MemberEntry = {
  [K in EntryPoint]: (typeof ENTRY_POINTS)[K] extends { kind: 'member' } ? K : never;
}[EntryPoint];
