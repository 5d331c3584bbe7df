/**
 * Settings (head of sales): read into the form; its shape checked by the method's schema
 * (src/shared/methods.ts), its ranges and meaning here, field by field (every problem at once,
 * keyed by the form's input names such as "stages.2.probability"); written under the document
 * lock, the language mirrored into document properties for the menu. Reminders on/off and their
 * status are the reminders area's (src/app/reminders.ts).
 */
import { normalizeEmail } from '../../core/workbook/normalize';
import { UserError, type FieldProblem } from '../../core/errors';
import { t, type MessageKey, type MessageParams } from '../../core/i18n';
import { isoDay, parseIsoDay } from '../../core/time';
import type { Settings } from '../../core/types';
import type {
  RemindersRequest,
  RemindersView,
  SettingsForm,
  SettingsView,
} from '../../shared/contract';
import { storeLang } from '../../gas/settings-lang';
import { DIGEST_LIMIT, DIGEST_REPEAT_DAYS } from '../../core/reminders/digest';
import * as reminders from '../reminders';
import type { Ctx } from './context';
import { writeSettings } from './settings-store';
import { companyDomain, confirmedRecipients, storeConfirmed } from '../reminders/confirmed';

const pct = (f: number): number => Math.round(f * 10000) / 100;

export function formOf(s: Settings): SettingsForm {
  return {
    lang: s.lang,
    currency: s.currency,
    factBasis: s.factBasis,
    responseLimitMinutes: s.responseLimitMinutes,
    reminderHour: s.reminderHour,
    digestLimit: s.digestLimit ?? DIGEST_LIMIT,
    digestRepeatDays: s.digestRepeatDays ?? DIGEST_REPEAT_DAYS,
    reportRecipients: [...s.reportRecipients],
    confirmedRecipients: [],
    stages: s.stages.map((st) => ({
      name: st.name,
      kind: st.kind,
      probability: pct(st.probability),
      rottingDays: st.rottingDays,
    })),
    bonus: s.bonus.map((b) => ({
      scheme: b.scheme,
      kind: b.kind,
      from: pct(b.from),
      to: b.to === null ? null : pct(b.to),
      rate: pct(b.rate),
      multiplier: b.multiplier,
      reduceByOverdue: b.reduceByOverdue,
    })),
    holidays: s.calendar.map((c) => ({ day: isoDay(c.day), dayOff: c.dayOff, note: c.note })),
  };
}

function remindersView(ctx: Ctx, status = reminders.remindersStatus(ctx.ss)): RemindersView {
  const r = status.lastResult;
  return {
    on: status.enabled,
    owner: status.owner,
    lastRunAt: status.lastRunAt === null ? null : new Date(status.lastRunAt).toISOString(),
    lastResult: status.lastError
      ? status.lastError
      : r
        ? t(ctx.lang, 'sb.set.lastResult', { sent: r.sent, deferred: r.deferred, failed: r.failed })
        : '',
    stale: status.stale,
  };
}

function view(ctx: Ctx, s: Settings, status?: reminders.RemindersStatus): SettingsView {
  const settings = formOf(s);
  settings.confirmedRecipients = [...confirmedRecipients()];
  return {
    settings,
    reminders: remindersView(ctx, status),
    domain: companyDomain(ctx.wb, ctx.wb.list('managers')),
  };
}

export function getSettings(ctx: Ctx): SettingsView {
  return view(ctx, ctx.wb.settings);
}

function validate(f: SettingsForm, base: Settings): Settings {
  const problems: FieldProblem[] = [];
  const add = (field: string, key: MessageKey, params: MessageParams = {}) =>
    problems.push({ field, key, params });
  const intIn = (field: string, v: number | null, min: number, max: number): number => {
    if (v === null || !Number.isInteger(v) || v < min || v > max)
      add(field, 'rpc.badNumber', { min, max });
    return v ?? min;
  };
  const numIn = (field: string, v: number, min: number, max: number): number => {
    if (!Number.isFinite(v) || v < min || v > max) add(field, 'rpc.badNumber', { min, max });
    return v;
  };

  const currency = f.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) add('currency', 'rpc.invalidField');
  const responseLimitMinutes = intIn('responseLimitMinutes', f.responseLimitMinutes, 1, 1440);
  const reminderHour = intIn('reminderHour', f.reminderHour, 0, 23);
  const digestLimit = intIn('digestLimit', f.digestLimit, 1, 100);
  const digestRepeatDays = intIn('digestRepeatDays', f.digestRepeatDays, 1, 60);
  const recipients: string[] = [];
  for (const r of f.reportRecipients.map((x) => x.trim()).filter(Boolean)) {
    const e = normalizeEmail(r);
    if (!e) add('reportRecipients', 'field.invalid', { field: 'Email', value: r });
    else if (!recipients.includes(e)) recipients.push(e);
  }

  const seen = new Set<string>();
  const stages = f.stages.map((s, i) => {
    const name = s.name.trim();
    const key = name.toLowerCase();
    if (!name || seen.has(key)) add(`stages.${i}.name`, 'rpc.invalidField');
    seen.add(key);
    const probability = numIn(`stages.${i}.probability`, s.probability, 0, 100) / 100;
    const rottingDays =
      s.kind === 'open' && s.rottingDays !== null
        ? intIn(`stages.${i}.rottingDays`, s.rottingDays, 1, 365)
        : null;
    return { name, kind: s.kind, probability, rottingDays, order: i };
  });
  const kinds = new Set(stages.map((s) => s.kind));
  if (!kinds.has('open') || !kinds.has('won') || !kinds.has('lost'))
    add('stages', 'rpc.invalidField');

  const bonus = f.bonus.map((b, i) => {
    const from = numIn(`bonus.${i}.from`, b.from, 0, 1000) / 100;
    const to = b.to === null ? null : numIn(`bonus.${i}.to`, b.to, 0, 1000) / 100;
    if (to !== null && to <= from) add(`bonus.${i}.to`, 'rpc.invalidField');
    return {
      scheme: b.scheme.trim(),
      kind: b.kind,
      from,
      to,
      rate: numIn(`bonus.${i}.rate`, b.rate, 0, 100) / 100,
      multiplier: numIn(`bonus.${i}.multiplier`, b.multiplier, 0.01, 10),
      reduceByOverdue: b.reduceByOverdue,
    };
  });

  const days = new Set<number>();
  const calendar = f.holidays.map((h, i) => {
    const day = parseIsoDay(h.day);
    if (day === null || days.has(day))
      add(`holidays.${i}.day`, day === null ? 'rpc.needDate' : 'rpc.invalidField');
    if (day !== null) days.add(day);
    return { day: day ?? 0, dayOff: h.dayOff, note: h.note.trim() };
  });

  if (problems.length) throw new UserError('rpc.settingsInvalid', {}, problems);
  return {
    ...base,
    lang: f.lang,
    currency,
    factBasis: f.factBasis,
    responseLimitMinutes,
    reminderHour,
    digestLimit,
    digestRepeatDays,
    reportRecipients: recipients,
    stages,
    bonus,
    calendar: calendar.sort((a, b) => a.day - b.day),
  };
}

export function saveSettings(f: SettingsForm, ctx: Ctx): SettingsView {
  const before = ctx.wb.settings;
  const next = validate(f, before);
  ctx.wb.locked(() => writeSettings(ctx.ss, ctx.zone, next));
  // Only addresses still on the list stay confirmed: removing and re-adding asks again.
  const ticked = new Set(f.confirmedRecipients.map((e) => e.trim().toLowerCase()));
  storeConfirmed(next.reportRecipients.filter((e) => ticked.has(e)));
  if (next.lang !== before.lang) storeLang(next.lang);
  ctx.wb.settingsWritten(next);
  const saved = next;
  // A new reminder hour moves the running trigger; reminders stay as they were otherwise.
  const status = remindersView(ctx);
  if (status.on && saved.reminderHour !== before.reminderHour) reminders.setReminders(ctx.wb, true);
  return view(ctx, saved);
}

export function setReminders(r: RemindersRequest, ctx: Ctx): RemindersView {
  return remindersView(ctx, reminders.setReminders(ctx.wb, r.on));
}
