/**
 * Plan-vs-fact bars drawn with table cells and inline styles: Gmail strips <style> blocks in
 * some clients, and images are blocked by default, but a coloured <td> with a percentage width
 * renders everywhere, phones included.
 */
import { escapeHtml } from './escape';

export const COLORS = {
  good: '#1e8e3e',
  goodLight: '#a8dab5',
  warn: '#f29900',
  warnLight: '#fde293',
  bad: '#d93025',
  badLight: '#f6aea9',
  track: '#e8eaed',
} as const;

export type Tone = 'good' | 'warn' | 'bad';

/** Green when the run-rate reaches the plan, amber from 80 %, red below. */
export function toneOf(plan: number, forecast: number): Tone {
  if (plan <= 0) return 'good';
  const ratio = forecast / plan;
  return ratio >= 1 ? 'good' : ratio >= 0.8 ? 'warn' : 'bad';
}

const clampPct = (x: number): number =>
  Number.isFinite(x) ? Math.max(0, Math.min(100, Math.round(x * 100))) : 0;

function cell(widthPct: number, color: string): string {
  return (
    `<td width="${widthPct}%" style="width:${widthPct}%;background:${color};height:12px;` +
    `line-height:12px;font-size:1px;padding:0">&nbsp;</td>`
  );
}

/**
 * A bar: solid up to the fact, light up to the forecast, grey for the rest; all relative to the
 * plan and capped at 100 %.
 */
export function barHtml(plan: number, fact: number, forecast: number, label: string): string {
  const tone = toneOf(plan, forecast);
  const factPct = plan > 0 ? clampPct(fact / plan) : fact > 0 ? 100 : 0;
  const forePct = plan > 0 ? Math.max(factPct, clampPct(forecast / plan)) : factPct;
  const cells: string[] = [];
  if (factPct > 0) cells.push(cell(factPct, COLORS[tone]));
  if (forePct > factPct) cells.push(cell(forePct - factPct, COLORS[`${tone}Light`]));
  if (forePct < 100) cells.push(cell(100 - forePct, COLORS.track));
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` +
    `style="border-collapse:collapse;table-layout:fixed;border-radius:3px" ` +
    `aria-label="${escapeHtml(label)}"><tr>${cells.join('')}</tr></table>`
  );
}

/** The plain-text part's bar: `[#######.....]`, 20 characters for 100 %. */
export function barText(plan: number, fact: number): string {
  const width = 20;
  const filled =
    plan > 0 ? Math.round((clampPct(fact / plan) / 100) * width) : fact > 0 ? width : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
