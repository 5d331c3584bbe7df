/**
 * The handler of every method of the table in src/shared/methods.ts (which holds the roles and the
 * request schemas, and is the allow-list). The mapped type makes a method without a handler, or a
 * handler without a method, fail to compile; each handler receives the already checked request.
 */
import { ACTIVITY_TYPES } from '../../core/workbook/enums';
import { isRecentHire } from '../../core/people/onboarding';
import { DEFAULT_LOST_REASONS, DEFAULT_SOURCES } from '../../core/workbook/settings';
import type { Bootstrap, Response } from '../../shared/contract';
import { allowed, type Method, type Request } from '../../shared/methods';
import type { Ctx } from './context';
import { dealCard } from './deal-card';
import * as deals from './deals';
import { importFile } from './import';
import { moneyView } from './money';
import { decideDiscount, discountQueue } from '../money/approvals';
import { dealLines, saveDealLines } from '../money/lines';
import * as lead from './lead';
import * as people from './people';
import { openRecord } from './records';
import * as settings from './settings';
import * as team from './team';
import * as tasks from './tasks';
import * as plans from './plans';
import * as playbooks from './playbook';
import { writeInstructions } from '../playbooks/instructions';
import { todayView } from './today';

export type Handler<K extends Method> = (req: Request<K>, ctx: Ctx) => Response<K>;

export const HANDLERS: { [K in Method]: Handler<K> } = {
  bootstrap: (_r, ctx) => bootstrap(ctx),
  today: (_r, ctx) => todayView(ctx),
  findDuplicates: lead.findDuplicates,
  addLead: lead.addLead,
  logActivity: deals.logActivity,
  snooze: deals.snooze,
  moveStage: deals.moveStage,
  closeWon: deals.closeWon,
  closeLost: deals.closeLost,
  openRecord,
  team: team.teamView,
  refreshDashboard: (r, ctx) => team.refreshDashboard(ctx, r.period),
  sendWeeklyReport: (_r, ctx) => team.sendWeeklyReport(ctx),
  getSettings: (_r, ctx) => settings.getSettings(ctx),
  saveSettings: settings.saveSettings,
  setReminders: settings.setReminders,
  importFile,
  dealCard,
  tasks: (r, ctx) => tasks.tasksView(ctx, r.dealId, r.period),
  setTask: tasks.setTask,
  completeTask: tasks.completeTask,
  cancelTask: tasks.cancelTask,
  people: people.people,
  myOnboarding: people.myOnboarding,
  markOnboarding: people.markOnboarding,
  startOnboarding: people.startOnboarding,
  addTraining: people.addTraining,
  hireCandidate: people.hireCandidate,
  planPreview: plans.planPreview,
  planWrite: plans.planWrite,
  planDefence: plans.planDefence,
  moneyView,
  discountQueue: (_r, ctx) => discountQueue(ctx),
  decideDiscount: (r, ctx) => decideDiscount(ctx, r),
  playbook: playbooks.playbook,
  tickItem: playbooks.tickItem,
  compliance: playbooks.complianceView,
  writeInstructions: (_r, ctx) => ({ message: writeInstructions(ctx.wb, ctx.now) }),
  dealLines,
  saveDealLines,
  candidateStage: people.candidateStage,
  scoreCandidate: people.scoreCandidate,
};

function bootstrap(ctx: Ctx): Bootstrap {
  const s = ctx.wb.settings;
  const role = ctx.me.role;
  const list = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return {
    me: { email: ctx.me.email, name: ctx.me.name, role },
    lang: s.lang,
    currency: s.currency,
    zone: ctx.zone.id,
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
      import: allowed('importFile', role),
      settings: allowed('getSettings', role),
      weeklyReport: allowed('sendWeeklyReport', role),
    },
    newHire: isRecentHire(ctx.me, ctx.today),
  };
}
