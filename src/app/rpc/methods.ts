/**
 * THE allow-list: every method the sidebar may call, the roles that may call it, the check of its
 * payload and the handler. Nothing outside this table is reachable through `rpc(method, ...)`.
 * Roles: 'manager' is any known user of the team; the team view is for the head of sales and the
 * director; import and settings are for the head of sales only.
 */
import { ACTIVITY_TYPES } from '../../core/crm/enums';
import { DEFAULT_LOST_REASONS, DEFAULT_SOURCES } from '../../core/crm/settings';
import type { Role } from '../../core/types';
import type { Bootstrap, Method, Request, Response } from '../../shared/contract';
import * as check from './check';
import type { Ctx } from './context';
import * as deals from './deals';
import * as lead from './lead';
import { openRecord } from './records';
import * as settings from './settings';
import * as team from './team';
import { todayView } from './today';

export interface MethodDef<K extends Method> {
  roles: readonly Role[];
  /** Turns the untrusted payload into the typed request, or throws rpc.badPayload. */
  check(payload: unknown): Request<K>;
  run(req: Request<K>, ctx: Ctx): Response<K>;
}

const ANYONE: readonly Role[] = ['manager', 'head', 'director'];
const LEADERS: readonly Role[] = ['head', 'director'];
const HEAD: readonly Role[] = ['head'];

const empty = (p: unknown): Record<string, never> => {
  check.object(p);
  return {};
};

export const METHODS: { [K in Method]: MethodDef<K> } = {
  bootstrap: { roles: ANYONE, check: empty, run: (_r, ctx) => bootstrap(ctx) },
  today: { roles: ANYONE, check: empty, run: (_r, ctx) => todayView(ctx) },
  findDuplicates: { roles: ANYONE, check: lead.checkDuplicateQuery, run: lead.findDuplicates },
  addLead: { roles: ANYONE, check: lead.checkAddLead, run: lead.addLead },
  logActivity: { roles: ANYONE, check: deals.checkLog, run: deals.logActivity },
  snooze: { roles: ANYONE, check: deals.checkSnooze, run: deals.snooze },
  moveStage: { roles: ANYONE, check: deals.checkMove, run: deals.moveStage },
  closeWon: { roles: ANYONE, check: deals.checkClose, run: deals.closeWon },
  closeLost: { roles: ANYONE, check: deals.checkClose, run: deals.closeLost },
  openRecord: {
    roles: ANYONE,
    check: (p) => {
      const o = check.object(p);
      return {
        sheet: check.oneOf(o, 'sheet', ['clients', 'deals', 'invoices']),
        id: check.id(o, 'id'),
      };
    },
    run: openRecord,
  },
  team: {
    roles: LEADERS,
    check: (p) => ({ period: check.text(check.object(p), 'period', 10) }),
    run: team.teamView,
  },
  refreshDashboard: { roles: LEADERS, check: empty, run: (_r, ctx) => team.refreshDashboard(ctx) },
  sendWeeklyReport: { roles: HEAD, check: empty, run: (_r, ctx) => team.sendWeeklyReport(ctx) },
  getSettings: { roles: HEAD, check: empty, run: (_r, ctx) => settings.getSettings(ctx) },
  saveSettings: { roles: HEAD, check: settings.checkSettings, run: settings.saveSettings },
  setReminders: {
    roles: HEAD,
    check: (p) => ({ on: check.bool(check.object(p), 'on') }),
    run: settings.setReminders,
  },
};

export function allowed(method: Method, role: Role): boolean {
  return METHODS[method].roles.includes(role);
}

function bootstrap(ctx: Ctx): Bootstrap {
  const s = ctx.data().settings;
  const role = ctx.me.role;
  const list = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return {
    me: { email: ctx.me.email, name: ctx.me.name, role },
    lang: s.lang,
    currency: s.currency,
    today: todayView(ctx),
    stages: s.stages.map((st) => ({
      name: st.name,
      kind: st.kind,
      probability: Math.round(st.probability * 100),
      rottingDays: st.rottingDays,
    })),
    sources: list(s.sources?.length ? s.sources : DEFAULT_SOURCES[s.lang]),
    lostReasons: list(s.lostReasons?.length ? s.lostReasons : DEFAULT_LOST_REASONS[s.lang]),
    activityTypes: ACTIVITY_TYPES.values.map((v) => ({
      value: v,
      label: ACTIVITY_TYPES.label(v, s.lang),
    })),
    can: {
      team: allowed('team', role),
      import: HEAD.includes(role),
      settings: allowed('getSettings', role),
      weeklyReport: allowed('sendWeeklyReport', role),
    },
  };
}
