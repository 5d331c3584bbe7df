/**
 * Email content: every email is built twice in parallel, as HTML (inline styles, tables, no
 * images) and as plain text, from the same calls, so both parts always say the same thing.
 * Lists are cut to a cap; `fitToSize` lowers the cap until the body fits the size limit, and a cut
 * list ends with "and N more" linking to the sheet.
 */
import { budgetSection } from './budget';
import { t, type MessageKey, type MessageParams } from '../i18n';
import { formatDay } from '../time';
import { barHtml, barText } from './bars';
import { escapeHtml, oneLine, plain, utf8Bytes } from './escape';
import { formatCount, formatMoney, formatPercent, monthTitle, pluralForm } from './format';
import { rowLink } from './links';
import { inRankOrder, ownerOf, standingsSection } from './standings-render';
import {
  SECTIONS,
  type Digest,
  type ExtraSection,
  type HeadSummary,
  type ManagerLine,
  type PeriodReport,
  type PlanStatus,
  type ReminderItem,
  type RenderContext,
  type RenderedMail,
  type SectionKey,
} from './types';

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124';
const MUTED = 'color:#5f6368';
const LINK = 'color:#1a73e8;text-decoration:none';
const H2 = 'margin:18px 0 6px;font-size:16px;font-weight:bold;color:#202124';

/** Caps tried in turn until the email fits; 0 still shows counts and the "open" link. */
export const CAPS = [25, 12, 6, 3, 1, 0] as const;

export class Doc {
  private html: string[] = [];
  private text: string[] = [];
  constructor(readonly ctx: RenderContext) {}

  tr(key: MessageKey, params: MessageParams = {}): string {
    return t(this.ctx.lang, key, params);
  }
  /** Raw markup for the HTML part and the matching plain text. */
  both(html: string, text: string): void {
    this.html.push(html);
    this.text.push(text);
  }
  para(text: string, style = ''): void {
    this.both(`<p style="margin:0 0 10px;${style}">${escapeHtml(text)}</p>`, plain(text) + '\n');
  }
  heading(text: string, count?: number): void {
    const c = count === undefined ? '' : ` (${count})`;
    this.both(
      `<h2 style="${H2}">${escapeHtml(text)}${c}</h2>`,
      `\n${oneLine(text)}${c}\n${'-'.repeat(Math.min(60, oneLine(text).length + c.length))}\n`,
    );
  }
  link(text: string, href: string): void {
    if (!href) return this.para(text);
    this.both(
      `<p style="margin:6px 0 10px"><a href="${escapeHtml(href)}" target="_blank" style="${LINK}">` +
        `${escapeHtml(text)}</a></p>`,
      `${oneLine(text)}: ${href}\n`,
    );
  }
  build(subject: string): RenderedMail {
    const body = this.html.join('');
    const footer = this.tr('rem.footer', { name: this.ctx.spreadsheetName });
    const html =
      `<!DOCTYPE html><html><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width,initial-scale=1"></head>` +
      `<body style="margin:0;padding:0;background:#f1f3f4">` +
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f3f4">` +
      `<tr><td align="center" style="padding:12px 8px">` +
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` +
      `style="max-width:600px;background:#ffffff;border-radius:8px;${FONT}">` +
      `<tr><td style="padding:16px">${body}` +
      `<p style="margin:18px 0 0;font-size:12px;${MUTED}">${escapeHtml(footer)}</p>` +
      `</td></tr></table></td></tr></table></body></html>`;
    const text =
      this.text
        .join('')
        .replace(/\n{3,}/g, '\n\n')
        .trim() + `\n\n-- \n${plain(footer)}\n`;
    return { subject: oneLine(subject, 180), text, html };
  }
}

function money(doc: Doc, k: number): string {
  return formatMoney(k, doc.ctx.currency, doc.ctx.lang);
}

function itemLines(doc: Doc, item: ReminderItem): { reason: string; extra: string } {
  const wait =
    item.minutes >= 60
      ? doc.tr('rem.hours', { n: Math.round(item.minutes / 60) })
      : doc.tr('rem.minutes', { n: Math.round(item.minutes) });
  const days =
    item.reason === 'forgotten' || item.reason === 'forgottenClient' ? item.days : item.daysOverdue;
  const reason = doc.tr(`rem.reason.${item.reason}`, { days, limit: item.limit, wait });
  const parts: string[] = [];
  if (item.amount !== null && item.amount !== 0) parts.push(money(doc, item.amount));
  if (item.snoozedUntil !== null) {
    parts.push(doc.tr('rem.snoozeEnded', { date: formatDay(item.snoozedUntil) }));
  }
  return { reason, extra: parts.join(' · ') };
}

/** A list of items, cut at `cap` with "and N more" linking to the section's sheet. */
function itemList(
  doc: Doc,
  items: readonly ReminderItem[],
  cap: number,
  /** Adds "manager: …" to each item (the head's summary names whose it is). */
  owner?: (email: string) => string,
): void {
  const shown = items
    .slice(0, cap)
    .map((i) =>
      owner ? { ...i, detail: [i.detail, owner(i.manager)].filter(Boolean).join(' · ') } : i,
    );
  if (shown.length) {
    const rows = shown.map((item) => {
      const href = rowLink(doc.ctx.links, item.where);
      const { reason, extra } = itemLines(doc, item);
      const title = escapeHtml(oneLine(item.title || item.id));
      const head = href
        ? `<a href="${escapeHtml(href)}" target="_blank" style="${LINK};font-weight:bold">${title}</a>`
        : `<b>${title}</b>`;
      const detail = item.detail
        ? ` <span style="${MUTED}">· ${escapeHtml(oneLine(item.detail))}</span>`
        : '';
      const tail = extra ? ` <span style="${MUTED}">· ${escapeHtml(extra)}</span>` : '';
      return (
        `<tr><td style="padding:6px 0;border-bottom:1px solid #eeeeee">${head}${detail}<br>` +
        `<span style="color:#c5221f">${escapeHtml(reason)}</span>${tail}</td></tr>`
      );
    });
    const text = shown.map((item) => {
      const { reason, extra } = itemLines(doc, item);
      const href = rowLink(doc.ctx.links, item.where);
      const detail = item.detail ? ` (${oneLine(item.detail)})` : '';
      return (
        `• ${oneLine(item.title || item.id)}${detail} — ${reason}${extra ? ' · ' + extra : ''}\n` +
        (href ? `  ${href}\n` : '')
      );
    });
    doc.both(
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` +
        `style="border-collapse:collapse">${rows.join('')}</table>`,
      text.join(''),
    );
  }
  const rest = items.length - shown.length;
  if (rest > 0) {
    doc.link(
      doc.tr('rem.more', { count: rest }),
      rowLink(doc.ctx.links, { ...items[0].where, row: 0 }),
    );
  }
}

function fmtValue(doc: Doc, p: PlanStatus, v: number): string {
  return p.money ? money(doc, v) : formatCount(Math.round(v * 10) / 10, doc.ctx.lang);
}

/** Plan block: numbers, then a bar (fact solid, run-rate forecast light, plan = full width). */
function planBlock(doc: Doc, p: PlanStatus | null, title: string): void {
  if (!p || p.plan <= 0) {
    doc.para(`${title}: ${doc.tr('rem.plan.noPlan')}`, MUTED);
    return;
  }
  const completion = formatPercent(p.fact / p.plan);
  const facts = [
    `${doc.tr('rem.plan.fact')} ${fmtValue(doc, p, p.fact)}`,
    `${doc.tr('rem.plan.plan')} ${fmtValue(doc, p, p.plan)}`,
    `${doc.tr('rem.plan.completion')} ${completion}`,
    `${doc.tr('rem.plan.forecast')} ${fmtValue(doc, p, p.runRateForecast)}`,
  ];
  const rest = `${doc.tr('rem.plan.rest')}: ${fmtValue(doc, p, p.plan - p.fact)}`;
  const pace =
    p.fact >= p.plan
      ? doc.tr('rem.plan.done')
      : p.requiredDailyPace !== null
        ? `${rest} · ${doc.tr('rem.plan.pace')}: ${fmtValue(doc, p, p.requiredDailyPace)}`
        : `${rest} · ${doc.tr('rem.plan.noDaysLeft')}`;
  doc.both(
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:4px 0 12px">` +
      `<tr><td style="padding:0 0 4px"><b>${escapeHtml(oneLine(title))}</b> ` +
      `<span style="${MUTED}">${escapeHtml(completion)}</span></td></tr>` +
      `<tr><td>${barHtml(p.plan, p.fact, p.runRateForecast, `${title} ${completion}`)}</td></tr>` +
      `<tr><td style="padding:4px 0 0;font-size:13px;${MUTED}">${escapeHtml(facts.join(' · '))}<br>` +
      `${escapeHtml(pace)}</td></tr></table>`,
    `${oneLine(title)} ${barText(p.plan, p.fact)} ${completion}\n  ${facts.join(' · ')}\n  ${pace}\n`,
  );
}

const SECTION_TITLE: Record<SectionKey, MessageKey> = {
  forgottenDeals: 'rem.section.forgottenDeals',
  unprocessedLeads: 'rem.section.unprocessedLeads',
  nextSteps: 'rem.section.nextSteps',
  forgottenClients: 'rem.section.forgottenClients',
  overdueInvoices: 'rem.section.overdueInvoices',
};

/** Other features' sections: a heading and up to a few lines per cap step. */
function extraSections(doc: Doc, extra: readonly ExtraSection[] | undefined, cap: number): void {
  for (const x of extra ?? []) {
    if (!x.lines.length) continue;
    doc.heading(x.title, x.lines.length);
    const shown = x.lines.slice(0, Math.max(cap, 1) * 2);
    for (const line of shown) doc.para(`• ${line}`);
    if (x.lines.length > shown.length)
      doc.link(
        doc.tr('rem.more', { count: x.lines.length - shown.length }),
        rowLink(doc.ctx.links, null),
      );
  }
}

export function digestItemCount(d: Digest): number {
  return SECTIONS.reduce((n, s) => n + d.sections[s].length, 0);
}

export function renderDigest(d: Digest, ctx: RenderContext, cap: number): RenderedMail {
  const doc = new Doc(ctx);
  const date = formatDay(d.day);
  doc.para(doc.tr('rem.hello', { name: d.managerName || d.manager }));
  doc.para(doc.tr('rem.digest.intro', { date }));
  for (const s of SECTIONS) {
    const items = d.sections[s];
    if (!items.length) continue;
    doc.heading(doc.tr(SECTION_TITLE[s]), items.length);
    itemList(doc, items, cap);
  }
  if (d.more > 0) doc.link(doc.tr('rem.moreInPanel', { count: d.more }), rowLink(ctx.links, null));
  extraSections(doc, d.extra, cap);
  doc.heading(doc.tr('rem.section.plan'));
  planBlock(doc, d.plan, d.plan?.label ?? doc.tr('rem.section.plan'));
  doc.link(doc.tr('rem.openSheet'), rowLink(ctx.links, null));
  // The whole count, as the panel's badge shows it, even when the email lists the top ones.
  const count = d.total;
  const items = doc.tr(`rem.items.${pluralForm(count, ctx.lang)}`);
  return doc.build(doc.tr('rem.subject.digest', { count, items, date }));
}

function managerTable(doc: Doc, lines: readonly ManagerLine[], cap: number): void {
  const shown = lines.slice(0, Math.max(cap, 1) * 4);
  const th = (s: string, align = 'right') =>
    `<th align="${align}" style="padding:4px 6px;font-size:12px;${MUTED};border-bottom:1px solid #dadce0">${escapeHtml(s)}</th>`;
  const td = (s: string, align = 'right') =>
    `<td align="${align}" style="padding:4px 6px;border-bottom:1px solid #eeeeee">${escapeHtml(s)}</td>`;
  const heads = [
    doc.tr('rem.col.forgotten'),
    doc.tr('rem.col.sla'),
    doc.tr('rem.col.steps'),
    doc.tr('rem.col.receivables'),
  ];
  const rows = shown.map((m) => {
    const c = m.counts;
    return (
      `<tr>${td(m.name || m.manager, 'left')}${td(String(c.forgottenDeals))}` +
      `${td(String(c.unprocessedLeads))}${td(String(c.nextSteps))}` +
      `${td(m.overdueReceivables ? money(doc, m.overdueReceivables) : '—')}</tr>`
    );
  });
  const text = shown.map((m) => {
    const c = m.counts;
    return (
      `• ${oneLine(m.name || m.manager)}: ${heads[0]} ${c.forgottenDeals}, ${heads[1]} ` +
      `${c.unprocessedLeads}, ${heads[2]} ${c.nextSteps}, ${heads[3]} ` +
      `${m.overdueReceivables ? money(doc, m.overdueReceivables) : '—'}\n`
    );
  });
  doc.both(
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` +
      `style="border-collapse:collapse;font-size:13px"><tr>${th(doc.tr('rem.manager'), 'left')}` +
      `${heads.map((h) => th(h)).join('')}</tr>${rows.join('')}</table>`,
    text.join(''),
  );
  if (lines.length > shown.length) {
    doc.link(
      doc.tr('rem.more', { count: lines.length - shown.length }),
      rowLink(doc.ctx.links, null),
    );
  }
}

function managerPlans(doc: Doc, lines: readonly ManagerLine[], cap: number): void {
  const shown = lines.slice(0, Math.max(cap, 1) * 4);
  for (const m of shown) planBlock(doc, m.plan, m.name || m.manager);
  if (lines.length > shown.length) {
    doc.link(
      doc.tr('rem.more', { count: lines.length - shown.length }),
      rowLink(doc.ctx.links, null),
    );
  }
}

export function renderSummary(s: HeadSummary, ctx: RenderContext, cap: number): RenderedMail {
  const doc = new Doc(ctx);
  const date = formatDay(s.day);
  doc.para(doc.tr('rem.summary.intro', { date }));
  planBlock(doc, s.team, s.team?.label ?? doc.tr('rem.team'));
  if (s.invalidManagers.length) {
    doc.para(
      doc.tr('rem.invalidManagers', { list: s.invalidManagers.join(', ') }),
      'color:#c5221f',
    );
  }
  if (s.standings) standingsSection(doc, s.standings, cap);
  const lines = s.standings ? inRankOrder(s.managers, s.standings) : s.managers;
  const owner = ownerOf(doc, s.managers);
  doc.heading(doc.tr('rem.managers'));
  managerTable(doc, lines, cap);
  managerPlans(doc, lines, cap);
  doc.heading(doc.tr('rem.atRisk'), s.atRisk.length);
  if (s.atRisk.length) itemList(doc, s.atRisk, cap, owner);
  else doc.para(doc.tr('rem.nothing'), MUTED);
  extraSections(doc, s.extra, cap);
  budgetSection(doc, s.budget, (k) => money(doc, k));
  doc.heading(doc.tr('rem.receivables'), s.receivables.length);
  if (s.receivables.length) {
    doc.para(doc.tr('rem.receivablesTotal', { amount: money(doc, s.receivablesTotal) }));
    itemList(doc, s.receivables, cap, owner);
  } else doc.para(doc.tr('rem.nothing'), MUTED);
  doc.link(doc.tr('rem.openSheet'), rowLink(ctx.links, null));
  return doc.build(doc.tr('rem.subject.summary', { date }));
}

export function renderReport(r: PeriodReport, ctx: RenderContext, cap: number): RenderedMail {
  const doc = new Doc(ctx);
  const date = formatDay(r.day);
  doc.para(
    r.kind === 'weekly'
      ? doc.tr('rem.weekly.intro', { date, period: r.periodLabel })
      : doc.tr('rem.monthly.intro', { period: monthTitle(r.periodLabel, ctx.lang) }),
  );
  doc.para(
    doc.tr('rem.won', {
      period: r.periodLabel,
      count: r.wonCount,
      amount: money(doc, r.wonAmount),
      deals: r.newDeals,
    }),
  );
  planBlock(doc, r.team, r.team?.label ?? doc.tr('rem.team'));
  doc.heading(doc.tr('rem.managers'));
  managerPlans(doc, r.managers, cap);
  if (r.kind === 'monthly') {
    doc.heading(doc.tr('rem.bonus'));
    if (r.bonus && r.bonus.length) {
      const rows = r.bonus.map(
        (b) =>
          `<tr><td style="padding:4px 6px;border-bottom:1px solid #eeeeee">${escapeHtml(oneLine(b.name || b.manager))}` +
          (b.note
            ? `<br><span style="font-size:12px;${MUTED}">${escapeHtml(oneLine(b.note))}</span>`
            : '') +
          `</td>` +
          `<td align="right" style="padding:4px 6px;border-bottom:1px solid #eeeeee">${escapeHtml(formatPercent(b.plan > 0 ? b.fact / b.plan : NaN))}</td>` +
          `<td align="right" style="padding:4px 6px;border-bottom:1px solid #eeeeee"><b>${escapeHtml(money(doc, b.bonus))}</b></td></tr>`,
      );
      doc.both(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:13px">` +
          `<tr><th align="left" style="padding:4px 6px;font-size:12px;${MUTED}">${escapeHtml(doc.tr('rem.manager'))}</th>` +
          `<th align="right" style="padding:4px 6px;font-size:12px;${MUTED}">${escapeHtml(doc.tr('rem.plan.completion'))}</th>` +
          `<th align="right" style="padding:4px 6px;font-size:12px;${MUTED}">${escapeHtml(doc.tr('rem.bonus.amount'))}</th></tr>` +
          `${rows.join('')}</table>`,
        r.bonus
          .map(
            (b) =>
              `• ${oneLine(b.name || b.manager)}: ${formatPercent(b.plan > 0 ? b.fact / b.plan : NaN)} — ${money(doc, b.bonus)}` +
              (b.note ? ` (${oneLine(b.note)})` : '') +
              '\n',
          )
          .join(''),
      );
    } else doc.para(doc.tr('rem.bonus.unavailable'), MUTED);
  }
  doc.link(doc.tr('rem.openSheet'), rowLink(ctx.links, null));
  const key = r.kind === 'weekly' ? 'rem.subject.weekly' : 'rem.subject.monthly';
  const period = r.kind === 'monthly' ? monthTitle(r.periodLabel, ctx.lang) : r.periodLabel;
  return doc.build(doc.tr(key, { period }));
}

export function mailBytes(m: RenderedMail): number {
  return utf8Bytes(m.html) + utf8Bytes(m.text) + utf8Bytes(m.subject);
}

/** Renders with the largest list cap whose result fits `ctx.maxBytes`. */
export function fitToSize(
  ctx: RenderContext,
  render: (cap: number) => RenderedMail,
): RenderedMail & { cap: number; bytes: number } {
  let last: RenderedMail | null = null;
  for (const cap of CAPS) {
    last = render(cap);
    const bytes = mailBytes(last);
    if (bytes <= ctx.maxBytes) return { ...last, cap, bytes };
  }
  // Even the bare email is too big (a pathological spreadsheet name): drop the HTML part.
  const m = last as RenderedMail;
  const text = m.text.slice(0, Math.max(0, Math.floor(ctx.maxBytes / 4)));
  return { subject: m.subject, text, html: '', cap: 0, bytes: utf8Bytes(text) };
}
